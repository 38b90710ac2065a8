package org.autograd4j;

/**
 * Loops over "rows": the elements along a set of dims, for every position of the other dims. The
 * row dims are permuted to the end of a raw (unrecorded) view and copied contiguous in double, so
 * each row is a plain array slice. Values only; the op groups record the graph.
 */
final class RowKernels {
  private RowKernels() {}

  /** Transforms a row of {@code n} values in place. */
  @FunctionalInterface
  interface RowMap {
    void apply(double[] row, int n);
  }

  /** Reduces {@code n} values starting at {@code from} to one. */
  @FunctionalInterface
  interface RowReduce {
    double apply(double[] data, int from, int n);
  }

  /** The permutation putting kept dims first (in order) and reduced dims last. */
  static int[] keptThenReduced(boolean[] reduced) {
    int[] perm = new int[reduced.length];
    int k = 0;
    for (int d = 0; d < reduced.length; d++) {
      if (!reduced[d]) {
        perm[k++] = d;
      }
    }
    for (int d = 0; d < reduced.length; d++) {
      if (reduced[d]) {
        perm[k++] = d;
      }
    }
    return perm;
  }

  static Tensor rawPermute(Tensor x, int[] perm) {
    int[] shape = new int[perm.length];
    int[] strides = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      shape[i] = x.shape[perm[i]];
      strides[i] = x.strides[perm[i]];
    }
    return Views.makeView(x, x.offset, shape, strides);
  }

  /** The elements of {@code x} with the dims permuted, as a contiguous double array. */
  static double[] permutedData(Tensor x, int[] perm) {
    Tensor c = Strided.copyContiguous(rawPermute(x, perm), DType.FLOAT64);
    return c.storage.doubles();
  }

  /** Applies {@code f} to every row along {@code dim}; the result has x's shape. */
  static Tensor mapRows(Tensor x, int dim, DType outType, RowMap f) {
    boolean[] reduced = new boolean[x.dim()];
    if (x.dim() > 0) {
      reduced[dim] = true;
    }
    int[] perm = keptThenReduced(reduced);
    double[] data = permutedData(x, perm);
    int n = x.dim() == 0 ? 1 : x.shape[dim];
    double[] row = new double[n];
    for (int start = 0; start + n <= data.length && n > 0; start += n) {
      System.arraycopy(data, start, row, 0, n);
      f.apply(row, n);
      System.arraycopy(row, 0, data, start, n);
    }
    Tensor out = Creation.full(x.shape, 0, outType);
    Tensor src = new Tensor(org.autograd4j.internal.Storage.of(data), permutedShape(x.shape, perm));
    Kernels.copyInto(rawPermute(out, perm), src);
    return out;
  }

  /** Reduces the masked dims with {@code f}; the result has the reduced shape. */
  static Tensor reduce(Tensor x, boolean[] reduced, boolean keepdim, DType outType, RowReduce f) {
    int[] perm = keptThenReduced(reduced);
    double[] data = permutedData(x, perm);
    int[] outShape = Reductions.reducedShape(x.shape, reduced, keepdim);
    int outN = Shapes.numel(outShape);
    int n = 1;
    for (int d = 0; d < reduced.length; d++) {
      n *= reduced[d] ? x.shape[d] : 1;
    }
    Tensor out = Creation.full(outShape, 0, outType);
    for (int i = 0; i < outN; i++) {
      double v = f.apply(data, i * n, n);
      if (outType.isFloatingPoint()) {
        out.storage.setDouble(i, v);
      } else {
        out.storage.setLong(i, (long) v);
      }
    }
    return out;
  }

  private static int[] permutedShape(int[] shape, int[] perm) {
    int[] s = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      s[i] = shape[perm[i]];
    }
    return s;
  }
}
