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
}
