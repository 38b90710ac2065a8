package org.autograd4j.internal;

import org.autograd4j.Tensor;

/**
 * Not API. Raw access to a tensor's storage for library code outside the core package that runs a
 * kernel directly on the arrays (the fused optimizer updates) or fills a fresh tensor in place (the
 * data loaders); {@link Tensor} installs the single implementation when it is loaded, as it does
 * for {@code autograd.TensorAccess}.
 */
public abstract class TensorData {
  private static volatile TensorData instance;

  /** Called once by Tensor's static initialiser. */
  public static void install(TensorData data) {
    if (instance != null) {
      throw new IllegalStateException("TensorData is already installed");
    }
    instance = data;
  }

  /** The installed bridge, loading Tensor first if needed. */
  public static TensorData get() {
    if (instance == null) {
      try {
        Class.forName(Tensor.class.getName(), true, Tensor.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  /** The storage {@code t} views. */
  public abstract Storage storage(Tensor t);

  /** The storage index of {@code t}'s first element. */
  public abstract int offset(Tensor t);

  /** Records an in-place write to {@code t} (its version counter), as every in-place op does. */
  public abstract void bumpVersion(Tensor t);

  /**
   * A leaf's {@code .grad} for library code that reads or updates it in place and keeps no
   * reference to it (an optimizer's step): unlike {@link Tensor#grad()} it does not count as
   * handing the gradient out.
   */
  public abstract Tensor gradForUpdate(Tensor leaf);

  /**
   * Sets a leaf's {@code .grad} to {@code g}, which only the library references (a gradient the
   * autograd engine alone held, or a fresh copy).
   */
  public abstract void setPrivateGrad(Tensor leaf, Tensor g);

  /**
   * One parameter's part of {@code zero_grad(set_to_none)}, for {@code Optimizer} and {@code
   * Module}: zeroes a leaf's {@code .grad} in place, or clears it. A cleared gradient set by {@link
   * #setPrivateGrad} and never handed out since has an array nothing else references: a large dense
   * float32 one goes back to {@link ScratchArrays}, for the next product of its length to fill
   * without the JVM zeroing a new array first. Nothing happens without a gradient.
   *
   * <pre>{@code
   * TensorData.get().zeroGrad(weight, true); // weight.grad() is now null
   * }</pre>
   */
  public abstract void zeroGrad(Tensor leaf, boolean setToNone);
}
