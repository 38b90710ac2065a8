package org.autograd4j.internal.format;

import org.autograd4j.DType;

/** Test-only {@link TensorFormatter.Elements} over plain arrays, one array per dtype family. */
final class ArrayElements implements TensorFormatter.Elements {
  private final double[] doubles;
  private final long[] longs;
  private final boolean[] bools;

  private ArrayElements(double[] doubles, long[] longs, boolean[] bools) {
    this.doubles = doubles;
    this.longs = longs;
    this.bools = bools;
  }

  static ArrayElements ofDoubles(double... values) {
    return new ArrayElements(values, null, null);
  }

  /** Float32 data: each value is rounded to float first, as a float32 tensor would store it. */
  static ArrayElements ofFloats(double... values) {
    double[] widened = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      widened[i] = (float) values[i];
    }
    return new ArrayElements(widened, null, null);
  }

  static ArrayElements ofLongs(long... values) {
    return new ArrayElements(null, values, null);
  }

  static ArrayElements ofBools(boolean... values) {
    return new ArrayElements(null, null, values);
  }

  /** Reads one element written in the golden file's encoding for {@code dtype}. */
  static ArrayElements parse(DType dtype, String[] items) {
    int n = items.length;
    switch (dtype) {
      case FLOAT32:
        double[] floats = new double[n];
        for (int i = 0; i < n; i++) {
          floats[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(items[i], 16));
        }
        return new ArrayElements(floats, null, null);
      case FLOAT64:
        double[] doubles = new double[n];
        for (int i = 0; i < n; i++) {
          doubles[i] = Double.longBitsToDouble(Long.parseUnsignedLong(items[i], 16));
        }
        return new ArrayElements(doubles, null, null);
      case INT64:
        long[] longs = new long[n];
        for (int i = 0; i < n; i++) {
          longs[i] = Long.parseLong(items[i]);
        }
        return new ArrayElements(null, longs, null);
      case BOOL:
        boolean[] bools = new boolean[n];
        for (int i = 0; i < n; i++) {
          bools[i] = items[i].equals("1");
        }
        return new ArrayElements(null, null, bools);
      default:
        throw new IllegalArgumentException("unknown dtype " + dtype);
    }
  }

  @Override
  public double getDouble(long flatIndex) {
    return doubles[Math.toIntExact(flatIndex)];
  }

  @Override
  public long getLong(long flatIndex) {
    return longs[Math.toIntExact(flatIndex)];
  }

  @Override
  public boolean getBool(long flatIndex) {
    return bools[Math.toIntExact(flatIndex)];
  }
}
