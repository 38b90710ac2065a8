package org.autograd4j;

import org.autograd4j.internal.Storage;
import org.autograd4j.internal.kernels.KernelProvider;

/**
 * The float32/float64 fast paths of the reductions: sums over whole tensors or over dims in the
 * pattern {@code [reduced][kept][reduced]}, softmax and log-softmax along the last dim, and float32
 * logsumexp along it, straight on the kernel provider's row kernels. As in {@link FastPaths}, each
 * method returns {@code null} when its layout or dtype is not covered and the caller takes the
 * general path.
 *
 * <pre>{@code
 * Tensor s = ReductionFastPaths.sumAll(x, DType.FLOAT32); // null unless x is a contiguous float
 * }</pre>
 */
final class ReductionFastPaths {
  private ReductionFastPaths() {}

  /** The provider chosen at start-up; a static final field so the JIT inlines through it. */
  private static final KernelProvider PROVIDER = org.autograd4j.internal.kernels.Kernels.get();

  private static boolean isFloat(DType t) {
    return t == DType.FLOAT32 || t == DType.FLOAT64;
  }

  // ------------------------------------------------------------------ reductions

  /** The sum of every element of a contiguous float tensor, as a 0-dim tensor, or null. */
  static Tensor sumAll(Tensor x, DType outType) {
    DType t = x.storage.dtype();
    if (!isFloat(t) || outType != t || !Strided.isContiguous(x.shape, x.strides)) {
      return null;
    }
    int n = x.numel();
    double s =
        t == DType.FLOAT32
            ? PROVIDER.reductions().sum(x.storage.floats(), x.offset, n)
            : PROVIDER.reductions().sum(x.storage.doubles(), x.offset, n);
    return Creation.scalar(s, t);
  }

  /**
   * Sums a contiguous float tensor over its dims in the pattern {@code [reduced][kept][reduced]}
   * (size-1 dims fit anywhere): column sums of a batch (bias gradients of Linear), row sums, and
   * per-channel sums over batch and space (bias gradients of Conv2d). Accumulates in double like
   * the general path. Returns null for other patterns.
   */
  static Tensor sumDims(Tensor x, boolean[] reduced, int[] outShape, DType outType) {
    DType t = x.storage.dtype();
    if (!isFloat(t) || outType != t || !Strided.isContiguous(x.shape, x.strides)) {
      return null;
    }
    // Phase 0: leading reduced dims, 1: kept dims, 2: trailing reduced dims.
    int phase = 0;
    long outer = 1;
    long mid = 1;
    long inner = 1;
    for (int d = 0; d < x.shape.length; d++) {
      int size = x.shape[d];
      if (size == 1) {
        continue;
      }
      if (!reduced[d]) {
        if (phase == 2) {
          return null;
        }
        phase = 1;
        mid *= size;
      } else if (phase == 0) {
        outer *= size;
      } else {
        phase = 2;
        inner *= size;
      }
    }
    int o = (int) outer;
    int m = (int) mid;
    int in = (int) inner;
    // Leading rows split over the kernel threads, each summing its own into a partial, the
    // partials then added in row order: a convolution's bias gradient (64 x 16 x 24 x 24 for the
    // CNN's first layer) was a serial pass over its whole output gradient.
    int chunks = SampleChunks.count(o, (long) m * in);
    double[][] partials = new double[chunks][m];
    SampleChunks.run(o, chunks, (chunk, lo, hi) -> sumRows(x, lo, hi, m, in, partials[chunk]));
    double[] acc = partials[0];
    for (int chunk = 1; chunk < chunks; chunk++) {
      for (int c = 0; c < m; c++) {
        acc[c] += partials[chunk][c];
      }
    }
    Storage out = Storage.allocate(t, m);
    for (int c = 0; c < m; c++) {
      out.setDouble(c, acc[c]);
    }
    return new Tensor(out, outShape);
  }

  /**
   * Adds rows {@code [lo, hi)} of contiguous float {@code x}, seen as {@code (rows, m, in)}, summed
   * over their {@code in} trailing elements, into {@code acc[m]}.
   */
  private static void sumRows(Tensor x, int lo, int hi, int m, int in, double[] acc) {
    int off = x.offset;
    if (x.storage.dtype() == DType.FLOAT32) {
      float[] f = x.storage.floats();
      for (int r = lo; r < hi; r++) {
        int base = off + r * m * in;
        if (in == 1) {
          for (int c = 0; c < m; c++) {
            acc[c] += f[base + c];
          }
        } else {
          for (int c = 0; c < m; c++) {
            acc[c] += PROVIDER.reductions().sum(f, base + c * in, in);
          }
        }
      }
    } else {
      double[] f = x.storage.doubles();
      for (int r = lo; r < hi; r++) {
        int base = off + r * m * in;
        if (in == 1) {
          for (int c = 0; c < m; c++) {
            acc[c] += f[base + c];
          }
        } else {
          for (int c = 0; c < m; c++) {
            acc[c] += PROVIDER.reductions().sum(f, base + c * in, in);
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ softmax

  /**
   * Softmax or log-softmax along the last dim of a contiguous float tensor, on the provider's row
   * kernels (which split the rows over the pool themselves); null for any other layout or dim.
   */
  static Tensor softmaxLastDim(Tensor x, int dim, boolean log) {
    DType t = x.storage.dtype();
    int n = x.numel();
    if (!isFloat(t)
        || x.dim() == 0
        || dim != x.dim() - 1
        || n == 0
        || !Strided.isContiguous(x.shape, x.strides)) {
      return null;
    }
    int cols = x.shape[dim];
    int rows = n / cols;
    Storage out = Storage.allocate(t, n);
    if (t == DType.FLOAT32) {
      float[] in = x.storage.floats();
      if (log) {
        PROVIDER.reductions().logSoftmaxRows(in, x.offset, out.floats(), 0, rows, cols);
      } else {
        PROVIDER.reductions().softmaxRows(in, x.offset, out.floats(), 0, rows, cols);
      }
    } else {
      double[] in = x.storage.doubles();
      if (log) {
        PROVIDER.reductions().logSoftmaxRows(in, x.offset, out.doubles(), 0, rows, cols);
      } else {
        PROVIDER.reductions().softmaxRows(in, x.offset, out.doubles(), 0, rows, cols);
      }
    }
    return new Tensor(out, x.shape.clone());
  }

  /**
   * logsumexp over the last dim of a contiguous float32 tensor ({@code reduced} true for that dim
   * only), on the provider's row kernel; null for any other layout, dtype or set of dims.
   */
  static Tensor logSumExpLastDim(Tensor x, boolean[] reduced, boolean keepdim) {
    int d = x.dim();
    if (x.storage.dtype() != DType.FLOAT32
        || d == 0
        || x.numel() == 0
        || !Strided.isContiguous(x.shape, x.strides)) {
      return null;
    }
    for (int i = 0; i < d; i++) {
      if (reduced[i] != (i == d - 1)) {
        return null;
      }
    }
    int cols = x.shape[d - 1];
    int rows = x.numel() / cols;
    Storage out = Storage.allocate(DType.FLOAT32, rows);
    PROVIDER.reductions().logSumExpRows(x.storage.floats(), x.offset, out.floats(), 0, rows, cols);
    int[] shape = java.util.Arrays.copyOf(x.shape, keepdim ? d : d - 1);
    if (keepdim) {
      shape[d - 1] = 1;
    }
    return new Tensor(out, shape);
  }
}
