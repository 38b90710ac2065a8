package org.autograd4j;

import java.util.function.DoubleUnaryOperator;
import org.autograd4j.autograd.Op;
import org.autograd4j.internal.Generator;
import org.autograd4j.internal.kernels.Erfc;

/**
 * Activation functions, softmax/log-softmax and dropout. Derivatives are written in Tensor ops, so
 * all of them (but dropout's mask) are twice differentiable.
 */
final class Activations {
  private Activations() {}

  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /** Exact gelu, {@code x * Phi(x)} with the normal CDF from erf (approximate='none'). */
  static Tensor gelu(Tensor x) {
    // Float32 takes erfc to its own precision: 0.5 x erfc(-x / sqrt 2), no cancellation in the
    // negative tail, 33 -> 3 ms for 256 x 784 (OpSweep, JDK 17); contiguous float32 tensors take
    // the same in a kernel (FloatFunctions.gelu).
    DoubleUnaryOperator f =
        Promotion.floatResult(x) == DType.FLOAT32
            ? v -> 0.5 * v * Erfc.float32(-v * SQRT_HALF)
            : v -> 0.5 * v * (1 + SpecialFunctions.erf(v * SQRT_HALF));
    return ElementwiseMath.unary(
        "GeluBackward0",
        x,
        FastPaths.Unary.GELU,
        f,
        (g, in, out) -> {
          Tensor cdf = in.mul(SQRT_HALF).erf().add(1.0).mul(0.5);
          Tensor pdf = in.mul(in).mul(-0.5).exp().mul(INV_SQRT_2PI);
          return g.mul(cdf.add(in.mul(pdf)));
        },
        false);
  }

  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  /**
   * gelu with approximate='tanh': {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}; the
   * derivative is written in Tensor ops from the same formula.
   */
  static Tensor geluTanh(Tensor x) {
    return ElementwiseMath.unary(
        "GeluBackward0",
        x,
        v -> 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))),
        (g, in, out) -> {
          Tensor x2 = in.mul(in);
          Tensor inner = in.add(x2.mul(in).mul(0.044715)).mul(SQRT_2_OVER_PI);
          Tensor t = inner.tanh();
          Tensor dInner = x2.mul(3 * 0.044715).add(1.0).mul(SQRT_2_OVER_PI);
          Tensor sech2 = t.mul(t).rsub(1.0);
          return g.mul(t.add(1.0).mul(0.5).add(in.mul(0.5).mul(sech2).mul(dInner)));
        },
        false);
  }

  static Tensor silu(Tensor x) {
    return ElementwiseMath.unary(
        "SiluBackward0",
        x,
        v -> v / (1 + Math.exp(-v)),
        (g, in, out) -> {
          Tensor s = in.sigmoid();
          return g.mul(s.mul(in.mul(s.rsub(1.0)).add(1.0)));
        },
        false);
  }

  /** {@code log(1 + exp(beta x)) / beta}, linear where {@code beta x > threshold}. */
  static Tensor softplus(Tensor x, double beta, double threshold) {
    return ElementwiseMath.unary(
        "SoftplusBackward0",
        x,
        v -> v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta,
        (g, in, out) -> {
          Tensor linear = in.mul(beta).gt(threshold);
          return g.mul(Torch.where(linear, Torch.onesLike(in), in.mul(beta).sigmoid()));
        },
        false);
  }

  static Tensor leakyRelu(Tensor x, double slope) {
    return ElementwiseMath.unary(
        "LeakyReluBackward0",
        x,
        v -> v > 0 ? v : v * slope,
        (g, in, out) ->
            g.mul(Torch.where(in.gt(0.0), Torch.onesLike(in), Torch.fullLike(in, slope))),
        false);
  }

  static Tensor elu(Tensor x, double alpha) {
    return ElementwiseMath.unary(
        "EluBackward0",
        x,
        v -> v > 0 ? v : alpha * Math.expm1(v),
        (g, in, out) -> g.mul(Torch.where(in.gt(0.0), Torch.onesLike(in), in.exp().mul(alpha))),
        false);
  }

  // ------------------------------------------------------------------ softmax

  static Tensor softmax(Tensor x, int dim) {
    int d = Shapes.wrapDim(dim, x.dim());
    Tensor out = softmaxValues(x, d, false);
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
    Tensor out = softmaxValues(x, d, true);
    return Op.record(
        "LogSoftmaxBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].sub(ctx.saved(0).exp().mul(g[0].sum(new int[] {d}, true)))},
        out);
  }

  /**
   * Softmax or log-softmax along {@code d}, stable: the row maximum is subtracted first. Nothing is
   * special-cased, as in PyTorch: a row holding NaN or +inf, or only -inf, comes out all NaN.
   * Contiguous rows along the last dim go to the kernel provider ({@link
   * ReductionFastPaths#softmaxLastDim}).
   *
   * <pre>{@code
   * Tensor logp = Activations.softmaxValues(logits, 1, true); // no graph recorded
   * }</pre>
   */
  static Tensor softmaxValues(Tensor x, int d, boolean log) {
    DType t = Promotion.floatResult(x);
    if (x.dtype() == t) {
      Tensor fast = ReductionFastPaths.softmaxLastDim(x, d, log);
      if (fast != null) {
        return fast;
      }
    }
    return RowKernels.mapRows(
        x,
        d,
        t,
        (row, n) -> {
          double max = Double.NEGATIVE_INFINITY;
          for (int i = 0; i < n; i++) {
            max = Math.max(max, row[i]);
          }
          double sum = 0;
          for (int i = 0; i < n; i++) {
            sum += Math.exp(row[i] - max);
          }
          double logSum = Math.log(sum);
          for (int i = 0; i < n; i++) {
            row[i] = log ? row[i] - max - logSum : Math.exp(row[i] - max) / sum;
          }
        });
  }

  // ------------------------------------------------------------------ dropout

  /**
   * Zeroes each element with probability {@code p} (drawn from the default generator) and scales
   * the rest by {@code 1/(1-p)}; the identity when not training. Recorded as a multiplication by
   * the mask, as PyTorch's MulBackward0.
   */
  static Tensor dropout(Tensor x, double p, boolean training) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException(
          "dropout probability has to be between 0 and 1, but got " + p);
    }
    if (!training || p == 0) {
      return x;
    }
    if (p == 1) {
      return x.mul(Torch.zerosLike(x));
    }
    Generator gen = Generator.defaultGenerator();
    int n = x.numel();
    double[] mask = new double[n];
    double scale = 1 / (1 - p);
    for (int i = 0; i < n; i++) {
      mask[i] = gen.nextDouble() < p ? 0 : scale;
    }
    Tensor m = Creation.fromDoubles(mask, x.shape.clone(), Promotion.floatResult(x));
    return x.mul(m);
  }

  /** {@code F.one_hot}: int64 of shape {@code x.shape + [classes]}; -1 infers max + 1. */
  static Tensor oneHot(Tensor x, int numClasses) {
    if (x.dtype() != DType.INT64) {
      throw new IllegalArgumentException("one_hot is only applicable to index tensor.");
    }
    Tensor c = x.contiguousData();
    int n = x.numel();
    long max = -1;
    for (int i = 0; i < n; i++) {
      long v = c.storage.getLong(c.offset + i);
      if (v < 0) {
        throw new IllegalArgumentException("Class values must be non-negative.");
      }
      max = Math.max(max, v);
    }
    int classes = numClasses;
    if (classes == -1) {
      if (n == 0) {
        throw new IllegalArgumentException(
            "Can not infer total number of classes from empty tensor.");
      }
      classes = (int) max + 1;
    } else if (max >= classes) {
      throw new IllegalArgumentException("Class values must be smaller than num_classes.");
    }
    int[] shape = java.util.Arrays.copyOf(x.shape, x.dim() + 1);
    shape[x.dim()] = classes;
    Tensor out = Creation.full(shape, 0, DType.INT64);
    for (int i = 0; i < n; i++) {
      out.storage.setLong(i * classes + (int) c.storage.getLong(c.offset + i), 1);
    }
    return out;
  }
}
