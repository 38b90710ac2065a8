package org.autograd4j;

import org.autograd4j.internal.Storage;

/**
 * Float fast paths of {@link Statistics} for contiguous float32/float64 tensors, computed where the
 * values lie instead of on {@link RowKernels}' double copy, with the same double arithmetic: the
 * 2-norm of the whole tensor ({@code clip_grad_norm_}'s), cumsum along the last dim, and float32
 * var and std of the whole tensor or along the last dim. Each returns null for any other layout,
 * dtype or dims, and the caller takes the general path.
 *
 * <pre>{@code
 * Tensor n = FloatRows.norm2(x, Reductions.allDims(x.dim()), false); // null: general path
 * }</pre>
 */
final class FloatRows {
  private FloatRows() {}

  private static final org.autograd4j.internal.kernels.Reductions REDUCTIONS =
      org.autograd4j.internal.kernels.Kernels.get().reductions();

  /**
   * {@code x.norm()} over every dim: the squares summed in double, in interleaved partial sums (one
   * chain of dependent adds was most of the cost: x.norm() of 256 x 784 floats 245 -> 117 us on JDK
   * 25, 284 -> 92 on JDK 17), now the kernel provider's sums (in double lanes on the Vector API),
   * the square root rounded to x's dtype.
   */
  static Tensor norm2(Tensor x, boolean[] reduced, boolean keepdim) {
    DType t = x.storage.dtype();
    if ((t != DType.FLOAT32 && t != DType.FLOAT64) || !Strided.isContiguous(x.shape, x.strides)) {
      return null;
    }
    for (boolean r : reduced) {
      if (!r) {
        return null;
      }
    }
    int n = x.numel();
    // A float32 tensor's squares: its squared deviations from 0, as var sums them.
    double squares =
        t == DType.FLOAT32
            ? REDUCTIONS.sumOfSquaredDeviations(x.storage.floats(), x.offset, n, 0)
            : REDUCTIONS.dot(x.storage.doubles(), x.offset, x.storage.doubles(), x.offset, n);
    Storage out = Storage.allocate(t, 1);
    out.setDouble(0, Math.sqrt(squares));
    return new Tensor(out, Reductions.reducedShape(x.shape, reduced, keepdim));
  }

  /**
   * {@code x.cumsum(d)} along the last dim of a contiguous float tensor: a running double sum per
   * row, each prefix rounded to x's dtype, as the general path's double rows give (256 x 784
   * floats: 423 -> 240 us on JDK 25, 903 -> 247 on JDK 17).
   */
  static Tensor cumsumLastDim(Tensor x, int d) {
    DType t = x.storage.dtype();
    if (x.dim() == 0
        || d != x.dim() - 1
        || (t != DType.FLOAT32 && t != DType.FLOAT64)
        || !Strided.isContiguous(x.shape, x.strides)) {
      return null;
    }
    int n = x.numel();
    int cols = x.shape[d];
    Storage out = Storage.allocate(t, n);
    int off = x.offset;
    for (int start = 0; start < n; start += cols) {
      double acc = 0;
      if (t == DType.FLOAT32) {
        float[] f = x.storage.floats();
        float[] o = out.floats();
        for (int i = start; i < start + cols; i++) {
          acc += f[off + i];
          o[i] = (float) acc;
        }
      } else {
        double[] f = x.storage.doubles();
        double[] o = out.doubles();
        for (int i = start; i < start + cols; i++) {
          acc += f[off + i];
          o[i] = acc;
        }
      }
    }
    return new Tensor(out, x.shape.clone());
  }

  /**
   * {@code x.var()} or {@code x.std()} of a contiguous float32 tensor, over every dim or the last
   * only: as the general path, the mean in double, then the squared deviations from it summed in
   * double over {@code max(0, n - correction)}; each sum in the kernel provider's interleaved
   * partial sums, not one chain of dependent adds (x.var() of 256 x 784 floats: 357-402 µs in one
   * chain on JDK 25 and 17, against PyTorch's 154-165). So the double result may differ from the
   * general path's in its last bits, which the rounding to float hides but for a result within a
   * double ulp of halfway between two floats.
   */
  static Tensor varOrStd(
      Tensor x, boolean[] reduced, boolean keepdim, double correction, boolean sqrt) {
    int dims = x.dim();
    if (x.storage.dtype() != DType.FLOAT32
        || x.numel() == 0
        || !Strided.isContiguous(x.shape, x.strides)) {
      return null;
    }
    boolean all = true;
    for (boolean r : reduced) {
      all &= r;
    }
    boolean lastOnly = dims > 0 && reduced[dims - 1];
    for (int d = 0; d < dims - 1; d++) {
      lastOnly &= !reduced[d];
    }
    if (!all && !lastOnly) {
      return null;
    }
    int cols = all ? x.numel() : x.shape[dims - 1];
    int rows = x.numel() / cols;
    double denominator = Math.max(0, cols - correction);
    float[] f = x.storage.floats();
    Storage out = Storage.allocate(DType.FLOAT32, rows);
    float[] o = out.floats();
    for (int r = 0; r < rows; r++) {
      int from = x.offset + r * cols;
      double mean = REDUCTIONS.sumInDouble(f, from, cols) / cols;
      double var = REDUCTIONS.sumOfSquaredDeviations(f, from, cols, mean) / denominator;
      o[r] = (float) (sqrt ? Math.sqrt(var) : var);
    }
    return new Tensor(out, Reductions.reducedShape(x.shape, reduced, keepdim));
  }
}
