package org.autograd4j;

import org.autograd4j.autograd.GradMode;
import org.autograd4j.autograd.Op;

/**
 * The native parts of the classification losses: turning class-index targets into a coefficient
 * matrix, and a fused log-softmax + NLL. Every class-index loss is written as {@code l_i = -Σ_c
 * A_ic · logp_ic} with a constant matrix {@code A} (the target's class weight at the target class,
 * plus the label-smoothing mass), so nll_loss, cross_entropy with or without label smoothing and
 * cross_entropy with probability targets share one forward and one backward. Reached through {@link
 * NnOps}.
 */
final class NnLossOps {
  private NnLossOps() {}

  /**
   * The coefficient matrix {@code (M, C)} of a class-index target: {@code A[i, y_i] = w[y_i]} (1
   * without weight), a zero row where {@code y_i == ignoreIndex}; with label smoothing {@code eps}
   * the row becomes {@code (1 - eps) A + eps / C · w} (rows of ignored targets stay zero).
   *
   * @return the matrix and, in {@code denominator[0]}, Σ over non-ignored rows of {@code w[y_i]}
   *     (PyTorch's divisor for reduction='mean')
   */
  static Tensor classTargetMatrix(
      Tensor target,
      int classes,
      Tensor weight,
      long ignoreIndex,
      double smoothing,
      DType dtype,
      double[] denominator) {
    if (target.dtype() != DType.INT64) {
      throw new IllegalArgumentException(
          "expected scalar type Long but found " + target.dtype().name().toLowerCase());
    }
    Tensor t = target.contiguousData();
    Tensor w = weight == null ? null : weight.contiguousData();
    int m = target.numel();
    Tensor a = Creation.full(new int[] {m, classes}, 0, dtype);
    double denom = 0;
    for (int i = 0; i < m; i++) {
      long y = t.storage.getLong(t.offset + i);
      if (y == ignoreIndex) {
        continue;
      }
      if (y < 0 || y >= classes) {
        throw new IndexOutOfBoundsException("Target " + y + " is out of bounds.");
      }
      double wy = w == null ? 1 : w.storage.getDouble(w.offset + (int) y);
      denom += wy;
      int row = i * classes;
      if (smoothing > 0) {
        for (int c = 0; c < classes; c++) {
          double wc = w == null ? 1 : w.storage.getDouble(w.offset + c);
          a.storage.setDouble(row + c, smoothing / classes * wc);
        }
      }
      a.storage.setDouble(row + (int) y, a.storage.getDouble(row + (int) y) + (1 - smoothing) * wy);
    }
    denominator[0] = denom;
    return a;
  }

  /**
   * {@code l_i = -Σ_c A_ic · log_softmax(x)_ic} for logits {@code x (M, C)}, reduced: none gives
   * {@code (M)}, sum gives Σ l_i, mean gives Σ l_i / divisor. The backward is {@code (softmax(x) ·
   * Σ_c A_ic - A) · g}: in differentiable ops while a graph is built (create_graph), else in one
   * pass ({@link #softmaxCrossEntropyGrad}), as PyTorch's log_softmax and nll_loss backward
   * kernels.
   *
   * @param reduction 0 none, 1 mean, 2 sum
   */
  static Tensor softmaxCrossEntropy(
      String name, Tensor x, Tensor a, int reduction, double divisor) {
    Tensor logp = Activations.softmaxValues(x, 1, true);
    Tensor rowSum = Reductions.reduceSum(a, new boolean[] {false, true}, true, a.dtype());
    Tensor out = weightedRowSum(logp, a, reduction, divisor);
    return Op.record(
        name,
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          if (!GradMode.isEnabled()) {
            return new Tensor[] {
              softmaxCrossEntropyGrad(
                  ctx.saved(0), ctx.saved(1), ctx.saved(2), g[0], reduction, divisor)
            };
          }
          Tensor gi = reduction == 0 ? g[0].unsqueeze(1) : g[0].div(reduction == 1 ? divisor : 1);
          Tensor p = ctx.saved(0).softmax(1);
          return new Tensor[] {p.mul(ctx.saved(2)).sub(ctx.saved(1)).mul(gi)};
        },
        x,
        a,
        rowSum);
  }

  /**
   * The backward of {@link #softmaxCrossEntropy} in one pass over the {@code (M, C)} logits, for
   * when no graph is built: {@code (softmax(x)_ic · Σ_c A_ic - A_ic) · g_i}, with {@code g_i} the
   * row's output gradient (reduction none) or the scalar one over the divisor. The differentiable
   * form takes a softmax, three broadcast elementwise ops and their temporaries, and on the JIT's
   * side a dozen generic methods more to compile during a model's first epoch.
   */
  private static Tensor softmaxCrossEntropyGrad(
      Tensor x, Tensor a, Tensor rowSum, Tensor g, int reduction, double divisor) {
    Tensor grad = Activations.softmaxValues(x, 1, false);
    Tensor ac = a.contiguousData();
    Tensor sums = rowSum.contiguousData();
    Tensor gc = g.contiguousData();
    int m = grad.shape[0];
    int classes = grad.shape[1];
    double shared =
        reduction == 0 ? 0 : gc.storage.getDouble(gc.offset) / (reduction == 1 ? divisor : 1);
    boolean floats = grad.dtype() == DType.FLOAT32 && ac.dtype() == DType.FLOAT32;
    for (int i = 0; i < m; i++) {
      double gi = reduction == 0 ? gc.storage.getDouble(gc.offset + i) : shared;
      double sum = sums.storage.getDouble(sums.offset + i);
      int from = i * classes;
      if (floats) {
        // The same double arithmetic on the arrays themselves, without a dtype switch per element.
        float[] p = grad.storage.floats();
        float[] coef = ac.storage.floats();
        for (int c = from; c < from + classes; c++) {
          p[c] = (float) ((p[c] * sum - coef[ac.offset + c]) * gi);
        }
        continue;
      }
      for (int c = from; c < from + classes; c++) {
        double p = grad.storage.getDouble(c);
        grad.storage.setDouble(c, (p * sum - ac.storage.getDouble(ac.offset + c)) * gi);
      }
    }
    return grad;
  }

  /**
   * {@code l_i = -Σ_c A_ic · x_ic} for log-probabilities {@code x (M, C)} (nll_loss), reduced as in
   * {@link #softmaxCrossEntropy}; the backward is {@code -A · g}.
   */
  static Tensor nll(String name, Tensor x, Tensor a, int reduction, double divisor) {
    Tensor out = weightedRowSum(x, a, reduction, divisor);
    return Op.record(
        name,
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor gi = reduction == 0 ? g[0].unsqueeze(1) : g[0].div(reduction == 1 ? divisor : 1);
          return new Tensor[] {ctx.saved(0).mul(gi).neg()};
        },
        a);
  }

  /** {@code -Σ_c A_ic v_ic} per row, then reduced; accumulated in double. */
  private static Tensor weightedRowSum(Tensor v, Tensor a, int reduction, double divisor) {
    Tensor vc = v.contiguousData();
    Tensor ac = a.contiguousData();
    int m = a.shape[0];
    int classes = a.shape[1];
    DType t = v.dtype();
    Tensor rows = Creation.full(new int[] {m}, 0, t);
    double total = 0;
    boolean floats = vc.dtype() == DType.FLOAT32 && ac.dtype() == DType.FLOAT32;
    for (int i = 0; i < m; i++) {
      double s = 0;
      if (floats) {
        // As below, on the arrays themselves: no dtype switch per element.
        float[] values = vc.storage.floats();
        float[] coefs = ac.storage.floats();
        for (int c = 0; c < classes; c++) {
          double coef = coefs[ac.offset + i * classes + c];
          if (coef != 0) {
            s -= coef * values[vc.offset + i * classes + c];
          }
        }
      } else {
        for (int c = 0; c < classes; c++) {
          double coef = ac.storage.getDouble(ac.offset + i * classes + c);
          // Skipped, not multiplied: 0 times a -inf log-probability would be NaN.
          if (coef != 0) {
            s -= coef * vc.storage.getDouble(vc.offset + i * classes + c);
          }
        }
      }
      rows.storage.setDouble(i, s);
      total += s;
    }
    if (reduction == 0) {
      return rows;
    }
    return Creation.scalar(reduction == 1 ? total / divisor : total, t);
  }
}
