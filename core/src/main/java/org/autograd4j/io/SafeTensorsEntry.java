package org.autograd4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import org.autograd4j.DType;

/**
 * One named tensor of a safetensors file: dtype, shape and the raw little-endian, row-major bytes.
 * This is the format-level view; it knows nothing about {@code Tensor}, which adapts to and from
 * it.
 *
 * <pre>{@code
 * SafeTensorsEntry w = SafeTensorsEntry.ofFloats("fc.weight", new int[] {2, 3}, new float[6]);
 * w.numel(); // 6
 * w.data().length; // 24
 * }</pre>
 *
 * <p>The data array is not copied, neither on construction nor by {@link #data()}: weights can be
 * hundreds of megabytes and a defensive copy would double that. Treat it as read-only.
 */
public final class SafeTensorsEntry {
  private final String name;
  private final DType dtype;
  private final int[] shape;
  private final byte[] data;

  /**
   * Creates an entry from raw bytes.
   *
   * <pre>{@code
   * new SafeTensorsEntry("mask", DType.BOOL, new int[] {2}, new byte[] {1, 0});
   * }</pre>
   *
   * @param name the tensor's key in the file
   * @param dtype element type
   * @param shape dimensions, each at least 0; an empty array is a scalar
   * @param littleEndianData exactly {@code numel * dtype.itemSize()} bytes, row-major,
   *     little-endian
   * @throws IllegalArgumentException if the byte count disagrees with dtype and shape
   */
  public SafeTensorsEntry(String name, DType dtype, int[] shape, byte[] littleEndianData) {
    this.name = Objects.requireNonNull(name, "name");
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.shape = Objects.requireNonNull(shape, "shape").clone();
    this.data = Objects.requireNonNull(littleEndianData, "littleEndianData");
    long expected = byteSize(name, dtype, this.shape);
    if (expected != data.length) {
      throw new IllegalArgumentException(
          "tensor '"
              + name
              + "': dtype "
              + SafeTensorsDTypes.code(dtype)
              + " and shape "
              + Arrays.toString(this.shape)
              + " need "
              + expected
              + " bytes but "
              + data.length
              + " were given");
    }
  }

  private static long byteSize(String name, DType dtype, int[] shape) {
    try {
      long numel = 1;
      for (int d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException(
              "tensor '" + name + "': negative dimension in shape " + Arrays.toString(shape));
        }
        numel = Math.multiplyExact(numel, d);
      }
      return Math.multiplyExact(numel, dtype.itemSize());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "tensor '" + name + "': byte size of shape " + Arrays.toString(shape) + " overflows", e);
    }
  }

  /**
   * A float32 tensor.
   *
   * <pre>{@code
   * SafeTensorsEntry.ofFloats("bias", new int[] {3}, new float[] {1f, 2f, 3f});
   * }</pre>
   */
  public static SafeTensorsEntry ofFloats(String name, int[] shape, float[] values) {
    ByteBuffer b = buffer(values.length, 4);
    b.asFloatBuffer().put(values);
    return new SafeTensorsEntry(name, DType.FLOAT32, shape, b.array());
  }

  /**
   * A float64 tensor.
   *
   * <pre>{@code
   * SafeTensorsEntry.ofDoubles("x", new int[] {2}, new double[] {0.5, 1.5});
   * }</pre>
   */
  public static SafeTensorsEntry ofDoubles(String name, int[] shape, double[] values) {
    ByteBuffer b = buffer(values.length, 8);
    b.asDoubleBuffer().put(values);
    return new SafeTensorsEntry(name, DType.FLOAT64, shape, b.array());
  }

  /**
   * An int64 tensor.
   *
   * <pre>{@code
   * SafeTensorsEntry.ofLongs("step", new int[] {}, new long[] {1000});
   * }</pre>
   */
  public static SafeTensorsEntry ofLongs(String name, int[] shape, long[] values) {
    ByteBuffer b = buffer(values.length, 8);
    b.asLongBuffer().put(values);
    return new SafeTensorsEntry(name, DType.INT64, shape, b.array());
  }

  /**
   * A bool tensor, stored one byte per element (0 or 1) as PyTorch does.
   *
   * <pre>{@code
   * SafeTensorsEntry.ofBooleans("mask", new int[] {2}, new boolean[] {true, false});
   * }</pre>
   */
  public static SafeTensorsEntry ofBooleans(String name, int[] shape, boolean[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) (values[i] ? 1 : 0);
    }
    return new SafeTensorsEntry(name, DType.BOOL, shape, bytes);
  }

  private static ByteBuffer buffer(int count, int itemSize) {
    return ByteBuffer.allocate(Math.multiplyExact(count, itemSize)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The tensor's key in the file, e.g. {@code "fc.weight"}. */
  public String name() {
    return name;
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** A copy of the dimensions; {@code []} for a scalar. */
  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements: the product of the shape (1 for a scalar). */
  public long numel() {
    return data.length / dtype.itemSize();
  }

  /**
   * The raw little-endian bytes, not copied (see the class comment).
   *
   * <pre>{@code
   * byte[] raw = entry.data();
   * }</pre>
   */
  public byte[] data() {
    return data;
  }

  /**
   * The values of a float32 entry.
   *
   * <pre>{@code
   * float[] w = entry.toFloatArray();
   * }</pre>
   *
   * @throws IllegalStateException if the dtype is not float32
   */
  public float[] toFloatArray() {
    requireDType(DType.FLOAT32);
    float[] out = new float[data.length / 4];
    view().asFloatBuffer().get(out);
    return out;
  }

  /**
   * The values of a float64 entry.
   *
   * <pre>{@code
   * double[] x = entry.toDoubleArray();
   * }</pre>
   *
   * @throws IllegalStateException if the dtype is not float64
   */
  public double[] toDoubleArray() {
    requireDType(DType.FLOAT64);
    double[] out = new double[data.length / 8];
    view().asDoubleBuffer().get(out);
    return out;
  }

  /**
   * The values of an int64 entry.
   *
   * <pre>{@code
   * long[] idx = entry.toLongArray();
   * }</pre>
   *
   * @throws IllegalStateException if the dtype is not int64
   */
  public long[] toLongArray() {
    requireDType(DType.INT64);
    long[] out = new long[data.length / 8];
    view().asLongBuffer().get(out);
    return out;
  }

  /**
   * The values of a bool entry; any non-zero byte reads as true.
   *
   * <pre>{@code
   * boolean[] mask = entry.toBooleanArray();
   * }</pre>
   *
   * @throws IllegalStateException if the dtype is not bool
   */
  public boolean[] toBooleanArray() {
    requireDType(DType.BOOL);
    boolean[] out = new boolean[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = data[i] != 0;
    }
    return out;
  }

  private ByteBuffer view() {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
  }

  private void requireDType(DType expected) {
    if (dtype != expected) {
      throw new IllegalStateException(
          "tensor '" + name + "' has dtype " + dtype + ", not " + expected);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SafeTensorsEntry)) {
      return false;
    }
    SafeTensorsEntry other = (SafeTensorsEntry) o;
    return name.equals(other.name)
        && dtype == other.dtype
        && Arrays.equals(shape, other.shape)
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "SafeTensorsEntry["
        + name
        + ", "
        + SafeTensorsDTypes.code(dtype)
        + ", shape="
        + Arrays.toString(shape)
        + ", "
        + data.length
        + " bytes]";
  }
}
