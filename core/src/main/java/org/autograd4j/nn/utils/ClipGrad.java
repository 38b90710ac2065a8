package org.autograd4j.nn.utils;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;

/**
 * Gradient clipping, as {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}.
 *
 * <pre>{@code
 * loss.backward();
 * Tensor total = ClipGrad.clipGradNorm_(model.parameters(), 1.0); // norm before clipping
 * optimizer.step();
 * }</pre>
 */
public final class ClipGrad {
  private ClipGrad() {}

  /** {@code clip_grad_norm_(parameters, max_norm)} with the 2-norm. */
  public static Tensor clipGradNorm_(List<? extends Tensor> parameters, double maxNorm) {
    return clipGradNorm_(parameters, maxNorm, 2.0, false);
  }

  /**
   * {@code clip_grad_norm_(parameters, max_norm, norm_type)}; {@code norm_type} may be infinite.
   */
  public static Tensor clipGradNorm_(
      List<? extends Tensor> parameters, double maxNorm, double normType) {
    return clipGradNorm_(parameters, maxNorm, normType, false);
  }

  /**
   * Scales the gradients of {@code parameters} in place so that their total {@code normType}-norm
   * (the norm of the per-parameter norms) is at most {@code maxNorm}; parameters without a gradient
   * are skipped. Returns the total norm before clipping, a scalar of the gradients' dtype (a
   * float32 zero when no parameter has a gradient).
   *
   * <pre>{@code
   * ClipGrad.clipGradNorm_(params, 0.5, Double.POSITIVE_INFINITY, false); // max-abs norm
   * }</pre>
   *
   * @throws IllegalStateException if {@code errorIfNonfinite} and the total norm is NaN or infinite
   *     (PyTorch's RuntimeError); no gradient is changed then
   */
  public static Tensor clipGradNorm_(
      List<? extends Tensor> parameters,
      double maxNorm,
      double normType,
      boolean errorIfNonfinite) {
    List<Tensor> grads = new ArrayList<>();
    for (Tensor p : parameters) {
      Tensor g = TensorData.get().gradForUpdate(p); // scaled in place below, kept nowhere
      if (g != null) {
        grads.add(g);
      }
    }
    if (grads.isEmpty()) {
      return Torch.tensor(0.0, DType.FLOAT32);
    }
    DType dtype = grads.get(0).dtype();
    double[] norms = new double[grads.size()];
    for (int i = 0; i < grads.size(); i++) {
      // Each per-parameter norm is a tensor of the gradient's dtype in PyTorch: round like it.
      norms[i] = round(norm(grads.get(i).toDoubleArray(), normType), dtype);
    }
    double total = round(norm(norms, normType), dtype);
    if (errorIfNonfinite && !Double.isFinite(total)) {
      throw new IllegalStateException(
          "The total norm of order "
              + pyFloat(normType)
              + " for gradients from `parameters` is non-finite, so it cannot be clipped. To"
              + " disable this error and scale the gradients by the non-finite norm anyway, set"
              + " `error_if_nonfinite=False`");
    }
    double clipCoef = round(maxNorm / round(total + 1e-6, dtype), dtype);
    double clamped = Math.min(clipCoef, 1.0);
    if (Double.isNaN(clipCoef)) {
      clamped = clipCoef;
    }
    try (var noGrad = Torch.noGrad()) {
      for (Tensor g : grads) {
        g.detach().mul_(clamped);
      }
    }
    return Torch.tensor(total, dtype);
  }

  /**
   * {@code clip_grad_value_(parameters, clip_value)}: clamps every gradient element into {@code
   * [-clipValue, clipValue]} in place.
   *
   * <pre>{@code
   * ClipGrad.clipGradValue_(model.parameters(), 0.1);
   * }</pre>
   */
  public static void clipGradValue_(List<? extends Tensor> parameters, double clipValue) {
    try (var noGrad = Torch.noGrad()) {
      for (Tensor p : parameters) {
        Tensor g = TensorData.get().gradForUpdate(p); // clamped in place, kept nowhere
        if (g != null) {
          g.detach().clamp_(-clipValue, clipValue);
        }
      }
    }
  }

  /** torch.norm(v, p) for a flat vector: inf/-inf are max/min abs, 0 counts non-zeros. */
  static double norm(double[] v, double p) {
    if (p == Double.POSITIVE_INFINITY || p == Double.NEGATIVE_INFINITY) {
      boolean max = p > 0;
      double r = max ? 0 : Double.POSITIVE_INFINITY;
      for (double x : v) {
        double a = Math.abs(x);
        if (Double.isNaN(a)) {
          return Double.NaN;
        }
        r = max ? Math.max(r, a) : Math.min(r, a);
      }
      return r;
    }
    if (p == 0) {
      double n = 0;
      for (double x : v) {
        n += x != 0 ? 1 : 0;
      }
      return n;
    }
    double s = 0;
    if (p == 2) {
      for (double x : v) {
        s += x * x;
      }
      return Math.sqrt(s);
    }
    if (p == 1) {
      for (double x : v) {
        s += Math.abs(x);
      }
      return s;
    }
    for (double x : v) {
      s += Math.pow(Math.abs(x), p);
    }
    return Math.pow(s, 1 / p);
  }

  private static double round(double v, DType dtype) {
    return dtype == DType.FLOAT32 ? (float) v : v;
  }

  private static String pyFloat(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return v == Math.rint(v) ? (long) v + ".0" : Double.toString(v);
  }
}
