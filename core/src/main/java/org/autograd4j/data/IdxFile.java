package org.autograd4j.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The contents of an IDX file: element type, dimensions and the raw element bytes exactly as stored
 * (big-endian for multi-byte types). For MNIST's unsigned bytes, {@link #data()} is the pixel or
 * label array itself, each value read as {@code b & 0xFF}.
 *
 * <pre>{@code
 * IdxFile images = IdxReader.read(Path.of("train-images-idx3-ubyte.gz"));
 * images.dims(); // [60000, 28, 28]
 * int firstPixel = images.data()[0] & 0xFF;
 * float[] pixels = images.toFloatArray(); // 0..255
 * }</pre>
 *
 * <p>The data array is not copied (it can be tens of megabytes); treat it as read-only.
 */
public final class IdxFile {
  private final IdxType type;
  private final int[] dims;
  private final byte[] data;

  /**
   * Wraps already validated contents.
   *
   * <pre>{@code
   * new IdxFile(IdxType.UNSIGNED_BYTE, new int[] {2}, new byte[] {3, 7});
   * }</pre>
   *
   * @throws IllegalArgumentException if the byte count disagrees with type and dims
   */
  public IdxFile(IdxType type, int[] dims, byte[] data) {
    this.type = Objects.requireNonNull(type, "type");
    this.dims = Objects.requireNonNull(dims, "dims").clone();
    this.data = Objects.requireNonNull(data, "data");
    long expected = type.size();
    for (int d : this.dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(this.dims));
      }
      expected *= d;
      if (expected > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("dims " + Arrays.toString(this.dims) + " too large");
      }
    }
    if (expected != data.length) {
      throw new IllegalArgumentException(
          type
              + " "
              + Arrays.toString(this.dims)
              + " needs "
              + expected
              + " bytes, got "
              + data.length);
    }
  }

  /** The element type. */
  public IdxType type() {
    return type;
  }

  /** A copy of the dimensions, e.g. {@code [60000, 28, 28]}. */
  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements, the product of the dimensions. */
  public int numel() {
    return data.length / type.size();
  }

  /**
   * The raw element bytes, big-endian, not copied.
   *
   * <pre>{@code
   * int label = labels.data()[i] & 0xFF;
   * }</pre>
   */
  public byte[] data() {
    return data;
  }

  /**
   * The values as ints; unsigned bytes become 0..255.
   *
   * <pre>{@code
   * int[] labels = IdxReader.read(labelsPath).toIntArray();
   * }</pre>
   *
   * @throws IllegalStateException for FLOAT and DOUBLE files
   */
  public int[] toIntArray() {
    if (!type.isInteger()) {
      throw new IllegalStateException("toIntArray() on an IDX file of type " + type);
    }
    int[] out = new int[numel()];
    ByteBuffer b = ByteBuffer.wrap(data); // big-endian, as IDX is
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) read(b, i);
    }
    return out;
  }

  /**
   * The values as floats, unscaled (unsigned bytes become 0..255).
   *
   * <pre>{@code
   * float[] pixels = images.toFloatArray();
   * }</pre>
   */
  public float[] toFloatArray() {
    float[] out = new float[numel()];
    ByteBuffer b = ByteBuffer.wrap(data);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) read(b, i);
    }
    return out;
  }

  /**
   * The values as doubles, unscaled.
   *
   * <pre>{@code
   * double[] values = file.toDoubleArray();
   * }</pre>
   */
  public double[] toDoubleArray() {
    double[] out = new double[numel()];
    ByteBuffer b = ByteBuffer.wrap(data);
    for (int i = 0; i < out.length; i++) {
      out[i] = read(b, i);
    }
    return out;
  }

  private double read(ByteBuffer b, int i) {
    switch (type) {
      case UNSIGNED_BYTE:
        return data[i] & 0xFF;
      case SIGNED_BYTE:
        return data[i];
      case SHORT:
        return b.getShort(i * 2);
      case INT:
        return b.getInt(i * 4);
      case FLOAT:
        return b.getFloat(i * 4);
      default:
        return b.getDouble(i * 8);
    }
  }

  @Override
  public String toString() {
    return "IdxFile[" + type + ", dims=" + Arrays.toString(dims) + "]";
  }
}
