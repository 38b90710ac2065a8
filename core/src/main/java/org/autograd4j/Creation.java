package org.autograd4j;

import org.autograd4j.internal.Generator;
import org.autograd4j.internal.Storage;

/**
 * Tensor factories: from Java arrays, filled, ranges and random. Torch's static methods call these.
 */
final class Creation {
  private Creation() {}

  static Tensor scalar(double v, DType dtype) {
    Storage s = Storage.allocate(dtype, 1);
    s.setDouble(0, v);
    return new Tensor(s, new int[0]);
  }

  static Tensor scalarLong(long v, DType dtype) {
    Storage s = Storage.allocate(dtype, 1);
    s.setLong(0, v);
    return new Tensor(s, new int[0]);
  }

  static Tensor fromDoubles(double[] flat, int[] shape, DType dtype) {
    Storage s = Storage.allocate(dtype, flat.length);
    for (int i = 0; i < flat.length; i++) {
      s.setDouble(i, flat[i]);
    }
    return new Tensor(s, shape);
  }

  static Tensor fromLongs(long[] flat, int[] shape, DType dtype) {
    Storage s = Storage.allocate(dtype, flat.length);
    for (int i = 0; i < flat.length; i++) {
      s.setLong(i, flat[i]);
    }
    return new Tensor(s, shape);
  }

  static Tensor fromFloats(float[] flat, int[] shape) {
    return new Tensor(Storage.of(flat.clone()), shape);
  }

  static Tensor fromBools(boolean[] flat, int[] shape) {
    return new Tensor(Storage.of(flat.clone()), shape);
  }

  /** Flattens a rectangular nested array, naming the ragged row if it is not rectangular. */
  static double[] flatten2(double[][] rows, int[] shapeOut) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    double[] flat = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != cols) {
        throw new IllegalArgumentException(
            "expected sequence of length " + cols + " at dim 1 (got " + rows[i].length + ")");
      }
      System.arraycopy(rows[i], 0, flat, i * cols, cols);
    }
    shapeOut[0] = rows.length;
    shapeOut[1] = cols;
    return flat;
  }

  static double[] flatten3(double[][][] blocks, int[] shapeOut) {
    int rows = blocks.length == 0 ? 0 : blocks[0].length;
    int cols = rows == 0 ? 0 : blocks[0][0].length;
    double[] flat = new double[blocks.length * rows * cols];
    int[] inner = new int[2];
    for (int i = 0; i < blocks.length; i++) {
      if (blocks[i].length != rows) {
        throw new IllegalArgumentException(
            "expected sequence of length " + rows + " at dim 1 (got " + blocks[i].length + ")");
      }
      double[] block = flatten2(blocks[i], inner);
      if (rows > 0 && inner[1] != cols) {
        throw new IllegalArgumentException(
            "expected sequence of length " + cols + " at dim 2 (got " + inner[1] + ")");
      }
      System.arraycopy(block, 0, flat, i * rows * cols, block.length);
    }
    shapeOut[0] = blocks.length;
    shapeOut[1] = rows;
    shapeOut[2] = cols;
    return flat;
  }

  static Tensor full(int[] shape, double value, DType dtype) {
    checkShape(shape);
    int n = Shapes.numel(shape);
    Storage s = Storage.allocate(dtype, n);
    if (value != 0) {
      for (int i = 0; i < n; i++) {
        s.setDouble(i, value);
      }
    }
    return new Tensor(s, shape.clone());
  }

  static void checkShape(int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "Trying to create tensor with negative dimension " + d + ": " + Shapes.str(shape));
      }
    }
  }

  static Tensor arange(double start, double end, double step, DType dtype) {
    if (step == 0) {
      throw new IllegalArgumentException("step must be nonzero");
    }
    if ((end - start) / step < 0) {
      throw new IllegalArgumentException(
          "upper bound and larger bound inconsistent with step sign");
    }
    int n = (int) Math.ceil((end - start) / step);
    Storage s = Storage.allocate(dtype, n);
    for (int i = 0; i < n; i++) {
      s.setDouble(i, start + i * step);
    }
    return new Tensor(s, new int[] {n});
  }

  static Tensor linspace(double start, double end, int steps, DType dtype) {
    if (steps < 0) {
      throw new IllegalArgumentException("number of steps must be non-negative");
    }
    Storage s = Storage.allocate(dtype, steps);
    double step = steps > 1 ? (end - start) / (steps - 1) : 0;
    // PyTorch fills the first half from the start and the second half from the end.
    int half = steps / 2;
    for (int i = 0; i < steps; i++) {
      s.setDouble(i, i < half ? start + step * i : end - step * (steps - i - 1));
    }
    return new Tensor(s, new int[] {steps});
  }

  static Tensor rand(int[] shape, DType dtype, Generator g) {
    checkShape(shape);
    int n = Shapes.numel(shape);
    Storage s = Storage.allocate(dtype, n);
    for (int i = 0; i < n; i++) {
      s.setDouble(i, dtype == DType.FLOAT32 ? g.nextFloat() : g.nextDouble());
    }
    return new Tensor(s, shape.clone());
  }

  static Tensor randn(int[] shape, DType dtype, Generator g) {
    checkShape(shape);
    int n = Shapes.numel(shape);
    Storage s = Storage.allocate(dtype, n);
    for (int i = 0; i < n; i++) {
      s.setDouble(i, g.nextGaussian());
    }
    return new Tensor(s, shape.clone());
  }

  static Tensor randint(long low, long high, int[] shape, Generator g) {
    checkShape(shape);
    if (low >= high) {
      throw new IllegalArgumentException(
          "random_ expects 'from' to be less than 'to', but got from=" + low + " >= to=" + high);
    }
    int n = Shapes.numel(shape);
    Storage s = Storage.allocate(DType.INT64, n);
    for (int i = 0; i < n; i++) {
      s.setLong(i, g.nextLong(low, high));
    }
    return new Tensor(s, shape.clone());
  }
}
