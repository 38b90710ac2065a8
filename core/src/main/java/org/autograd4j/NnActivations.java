package org.autograd4j;

import org.autograd4j.autograd.Op;

/**
 * Activation ops used by {@code nn} that the core op groups do not (yet) provide: leaky_relu, gelu,
 * silu, abs, softmax and log_softmax. Each defines its forward kernel, its derivative in
 * differentiable Tensor ops and PyTorch's grad_fn name, as the other op groups do. Reached through
 * {@link NnOps}.
 */
final class NnActivations {
  private NnActivations() {}

  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  static Tensor leakyRelu(Tensor x, double slope) {
    Tensor out = Kernels.map(x, Promotion.floatResult(x), v -> v > 0 ? v : v * slope);
    return Op.record(
        "LeakyReluBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor pos = ctx.saved(0).gt(0.0).to(g[0].dtype());
          return new Tensor[] {g[0].mul(pos.mul(1 - slope).add(slope))};
        },
        x);
  }

  /** The standard normal CDF, Φ(x); its derivative is the density, written in Tensor ops. */
  static Tensor normalCdf(Tensor x) {
    Tensor out = Kernels.map(x, Promotion.floatResult(x), v -> 0.5 * (1 + erf(v * SQRT_HALF)));
    return Op.record(
        "NormalCdfBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].mul(density(ctx.saved(0)))},
        x);
  }

  private static Tensor density(Tensor x) {
    return x.mul(x).mul(-0.5).exp().mul(INV_SQRT_2PI);
  }

  /** {@code gelu(x, approximate='none')} = x Φ(x). */
  static Tensor gelu(Tensor x) {
    Tensor out = Kernels.map(x, Promotion.floatResult(x), v -> v * 0.5 * (1 + erf(v * SQRT_HALF)));
    return Op.record(
        "GeluBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          return new Tensor[] {g[0].mul(normalCdf(in).add(in.mul(density(in))))};
        },
        x);
  }

  /** {@code gelu(x, approximate='tanh')}, written in Tensor ops (its grad_fn is the last op). */
  static Tensor geluTanh(Tensor x) {
    Tensor inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
    return x.mul(0.5).mul(inner.tanh().add(1.0));
  }

  static Tensor silu(Tensor x) {
    Tensor out = Kernels.map(x, Promotion.floatResult(x), v -> v / (1 + Math.exp(-v)));
    return Op.record(
        "SiluBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor s = in.sigmoid();
          return new Tensor[] {g[0].mul(s.mul(in.mul(s.rsub(1)).add(1.0)))};
        },
        x);
  }

  /** The sign of each element (0 at 0); no gradient, as PyTorch's sign. */
  static Tensor sign(Tensor x) {
    return Kernels.map(x, x.dtype(), v -> v > 0 ? 1 : v < 0 ? -1 : 0 * v);
  }

  static Tensor abs(Tensor x) {
    Tensor out = Kernels.map(x, x.dtype(), Math::abs);
    return Op.record(
        "AbsBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].mul(sign(ctx.saved(0)))},
        x);
  }

  static Tensor softmax(Tensor x, int dim) {
    int d = Shapes.wrapDim(dim, x.dim());
    Tensor out = softmaxKernel(x, d, false);
    return Op.record(
        "SoftmaxBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor y = ctx.saved(0);
          Tensor gy = g[0].mul(y);
          return new Tensor[] {gy.sub(y.mul(gy.sum(new int[] {d}, true)))};
        },
        out);
  }

  static Tensor logSoftmax(Tensor x, int dim) {
    int d = Shapes.wrapDim(dim, x.dim());
    Tensor out = softmaxKernel(x, d, true);
    return Op.record(
        "LogSoftmaxBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].sub(ctx.saved(0).exp().mul(g[0].sum(new int[] {d}, true)))},
        out);
  }

  /** Softmax or log-softmax along {@code dim}, max-shifted for stability. */
  static Tensor softmaxKernel(Tensor x, int dim, boolean log) {
    DType t = Promotion.floatResult(x);
    Tensor c = x.dtype() == t && x.isContiguous() ? x : Strided.copyContiguous(x, t);
    int size = x.dim() == 0 ? 1 : x.shape[dim];
    int inner = 1;
    for (int i = dim + 1; i < x.dim(); i++) {
      inner *= x.shape[i];
    }
    int outer = size * inner == 0 ? 0 : x.numel() / (size * inner);
    double[] v = new double[size];
    Tensor out = Creation.full(x.shape, 0, t);
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        int base = o * size * inner + in;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
          v[k] = c.storage.getDouble(c.offset + base + k * inner);
          max = Math.max(max, v[k]);
        }
        if (Double.isInfinite(max)) {
          max = 0; // all -inf (or +inf present): let the arithmetic give PyTorch's nan/0 results
        }
        double sum = 0;
        for (int k = 0; k < size; k++) {
          sum += Math.exp(v[k] - max);
        }
        double lse = Math.log(sum);
        for (int k = 0; k < size; k++) {
          double r = log ? v[k] - max - lse : Math.exp(v[k] - max) / sum;
          out.storage.setDouble(base + k * inner, r);
        }
      }
    }
    return out;
  }

  /**
   * The error function to double precision: erf(x) = 2/√π e^(-x²) Σ 2ⁿ x^(2n+1) / (1·3···(2n+1)), a
   * series of positive terms (no cancellation) that converges for every x; |x| ≥ 6 is ±1 in double
   * precision.
   */
  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    if (a >= 6) {
      return Math.signum(x);
    }
    double x2 = a * a;
    double term = a;
    double sum = a;
    for (int n = 1; n < 200; n++) {
      term *= 2 * x2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    double r = 2 / Math.sqrt(Math.PI) * Math.exp(-x2) * sum;
    return Math.copySign(Math.min(r, 1.0), x);
  }
}
