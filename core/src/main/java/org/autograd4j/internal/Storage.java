package org.autograd4j.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.autograd4j.DType;

/**
 * A flat, typed block of elements that tensors view through an offset and strides. Float32 lives in
 * a {@code float[]}, float64 in a {@code double[]}, int64 in a {@code long[]} and bool in a {@code
 * boolean[]}, so kernels can work on primitive arrays without boxing.
 */
public final class Storage {
  private static final AtomicLong CREATED = new AtomicLong();

  private final DType dtype;
  private final Object data;
  private final int size;
  private final long serial;

  /**
   * Whether {@link #recycle} gives the array back to {@link ScratchArrays}: once, if ever.
   * Volatile, so that the release of every saved tensor checks it without taking a lock.
   */
  private volatile boolean scratch;

  private Storage(DType dtype, Object data, int size) {
    this.dtype = dtype;
    this.data = data;
    this.size = size;
    this.serial = CREATED.incrementAndGet();
  }

  /**
   * The number of storages created so far. A storage whose {@link #serial()} is above a value read
   * here was created after the read: the autograd engine uses this to tell the gradients a backward
   * pass computed itself from tensors that existed before it (which others may hold).
   *
   * <pre>{@code
   * long before = Storage.createdSoFar();
   * Storage s = Storage.allocate(DType.FLOAT32, 4);
   * assert s.serial() > before;
   * }</pre>
   */
  public static long createdSoFar() {
    return CREATED.get();
  }

  /** This storage's creation number: 1 for the first storage, then increasing by one. */
  public long serial() {
    return serial;
  }

  /**
   * Derived from the serial, which is unique, so it agrees with identity equality. The autograd
   * engine keys a hash map by the storages of the gradients it buffers, all of them new: an
   * identity hash would be computed for each, a runtime call that made the map the engine's largest
   * cost on tiny graphs.
   */
  @Override
  public int hashCode() {
    return Long.hashCode(serial);
  }

  /** Zero-filled storage of {@code n} elements. */
  public static Storage allocate(DType dtype, int n) {
    switch (dtype) {
      case FLOAT32:
        return new Storage(dtype, new float[n], n);
      case FLOAT64:
        return new Storage(dtype, new double[n], n);
      case INT64:
        return new Storage(dtype, new long[n], n);
      default:
        return new Storage(dtype, new boolean[n], n);
    }
  }

  /**
   * Float32 storage of {@code n} elements on an array from {@link ScratchArrays}, with stale
   * contents: for a temporary that is fully written first and whose last reader calls {@link
   * #recycle}, such as a convolution's saved columns.
   *
   * <pre>{@code
   * Storage cols = Storage.scratch(rows * cols);   // fill every element, use, then:
   * cols.recycle();
   * }</pre>
   */
  public static Storage scratch(int n) {
    Storage s = new Storage(DType.FLOAT32, ScratchArrays.take(n), n);
    s.scratch = true;
    return s;
  }

  /**
   * Gives a {@link #scratch} storage's array back for reuse, once; does nothing for any other
   * storage. Nothing may read or write this storage afterwards.
   */
  public void recycle() {
    if (!scratch) {
      return;
    }
    synchronized (this) {
      if (!scratch) {
        return;
      }
      scratch = false;
    }
    ScratchArrays.give((float[]) data);
  }

  /** Wraps an array without copying. */
  public static Storage of(float[] data) {
    return new Storage(DType.FLOAT32, data, data.length);
  }

  /** Wraps an array without copying. */
  public static Storage of(double[] data) {
    return new Storage(DType.FLOAT64, data, data.length);
  }

  /** Wraps an array without copying. */
  public static Storage of(long[] data) {
    return new Storage(DType.INT64, data, data.length);
  }

  /** Wraps an array without copying. */
  public static Storage of(boolean[] data) {
    return new Storage(DType.BOOL, data, data.length);
  }

  public DType dtype() {
    return dtype;
  }

  public int size() {
    return size;
  }

  /** The backing array of a float32 storage. */
  public float[] floats() {
    return (float[]) data;
  }

  /** The backing array of a float64 storage. */
  public double[] doubles() {
    return (double[]) data;
  }

  /** The backing array of an int64 storage. */
  public long[] longs() {
    return (long[]) data;
  }

  /** The backing array of a bool storage. */
  public boolean[] bools() {
    return (boolean[]) data;
  }

  /** Reads element {@code i} as a double (bool as 0/1). */
  public double getDouble(int i) {
    switch (dtype) {
      case FLOAT32:
        return ((float[]) data)[i];
      case FLOAT64:
        return ((double[]) data)[i];
      case INT64:
        return ((long[]) data)[i];
      default:
        return ((boolean[]) data)[i] ? 1 : 0;
    }
  }

  /** Reads element {@code i} as a long (floats truncate toward zero, as a cast does). */
  public long getLong(int i) {
    switch (dtype) {
      case INT64:
        return ((long[]) data)[i];
      case BOOL:
        return ((boolean[]) data)[i] ? 1 : 0;
      default:
        return (long) getDouble(i);
    }
  }

  /** Writes a double into element {@code i}, converting as a cast to this dtype would. */
  public void setDouble(int i, double v) {
    switch (dtype) {
      case FLOAT32:
        ((float[]) data)[i] = (float) v;
        break;
      case FLOAT64:
        ((double[]) data)[i] = v;
        break;
      case INT64:
        ((long[]) data)[i] = (long) v;
        break;
      default:
        ((boolean[]) data)[i] = v != 0;
    }
  }

  /** Writes a long into element {@code i}, converting as a cast to this dtype would. */
  public void setLong(int i, long v) {
    switch (dtype) {
      case INT64:
        ((long[]) data)[i] = v;
        break;
      case BOOL:
        ((boolean[]) data)[i] = v != 0;
        break;
      default:
        setDouble(i, v);
    }
  }
}
