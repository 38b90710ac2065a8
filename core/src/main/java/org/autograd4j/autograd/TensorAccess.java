package org.autograd4j.autograd;

import org.autograd4j.Tensor;

/**
 * Not API. The bridge through which the autograd package sets a tensor's history; {@link Tensor}
 * installs the single implementation when it is loaded (the JDK's "shared secrets" idiom), so the
 * setters need not be public methods of Tensor.
 */
public abstract class TensorAccess {
  private static volatile TensorAccess instance;

  /** Called once by Tensor's static initialiser. */
  public static void install(TensorAccess access) {
    if (instance != null) {
      throw new IllegalStateException("TensorAccess is already installed");
    }
    instance = access;
  }

  static TensorAccess get() {
    if (instance == null) {
      // Loading Tensor runs its static initialiser, which installs the bridge.
      try {
        Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  /** Makes {@code t} output {@code outputNr} of {@code fn} (a non-leaf that requires grad). */
  public abstract void setHistory(Tensor t, Node fn, int outputNr);

  /** The tensor's own shape array, not a copy: callers must not modify it. */
  public abstract int[] shapeOf(Tensor t);

  /** Bumps the tensor's (shared) version counter, as an in-place write does. */
  public abstract void bumpVersion(Tensor t);

  /** Whether the tensor is a view of another tensor's storage (PyTorch's {@code _is_view()}). */
  public abstract boolean isView(Tensor t);

  /** The tensor this one is a view of ({@code x._base}), or null. */
  public abstract Tensor baseOf(Tensor t);

  /**
   * Gives the array of a saved tensor's scratch storage back for reuse ({@link
   * org.autograd4j.internal.Storage#recycle}) when its node frees it; nothing for other tensors or
   * for views.
   */
  public abstract void recycleScratch(Tensor t);

  /** The cached AccumulateGrad node of a leaf that requires grad, created on first use. */
  public abstract AccumulateGrad gradAccumulator(Tensor leaf);
}
