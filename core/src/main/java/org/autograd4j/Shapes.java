package org.autograd4j;

import java.util.Arrays;

/** Shape arithmetic shared by the op groups: broadcasting, dim wrapping, strides. */
final class Shapes {
  private Shapes() {}

  static int numel(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Row-major (C-contiguous) strides for a shape. */
  static int[] contiguousStrides(int[] shape) {
    int[] strides = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= Math.max(shape[i], 1);
    }
    return strides;
  }

  /** Wraps a possibly negative dim into [0, rank), with PyTorch's IndexError text. */
  static int wrapDim(int dim, int rank) {
    int r = Math.max(rank, 1); // PyTorch lets a 0-d tensor be addressed with dim 0 or -1
    if (dim < -r || dim >= r) {
      throw new IndexOutOfBoundsException(
          "Dimension out of range (expected to be in range of ["
              + -r
              + ", "
              + (r - 1)
              + "], but got "
              + dim
              + ")");
    }
    return dim < 0 ? dim + r : dim;
  }

  /**
   * The broadcast shape of two shapes, aligned from the right, with PyTorch's error for a mismatch.
   */
  static int[] broadcast(int[] a, int[] b) {
    int n = Math.max(a.length, b.length);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int ia = a.length - n + i;
      int ib = b.length - n + i;
      int da = ia >= 0 ? a[ia] : 1;
      int db = ib >= 0 ? b[ib] : 1;
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            "The size of tensor a ("
                + da
                + ") must match the size of tensor b ("
                + db
                + ") at non-singleton dimension "
                + i);
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * Strides that read a tensor of {@code shape}/{@code strides} as if expanded to {@code target}.
   */
  static int[] expandedStrides(int[] shape, int[] strides, int[] target) {
    int[] out = new int[target.length];
    int lead = target.length - shape.length;
    for (int i = 0; i < target.length; i++) {
      int j = i - lead;
      out[i] = j < 0 || shape[j] == 1 ? 0 : strides[j];
    }
    return out;
  }

  /** PyTorch's list rendering of sizes, e.g. {@code [2, 3]}. */
  static String str(int[] shape) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append(']').toString();
  }

  static boolean same(int[] a, int[] b) {
    return Arrays.equals(a, b);
  }
}
