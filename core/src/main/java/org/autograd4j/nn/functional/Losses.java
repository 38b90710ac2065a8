package org.autograd4j.nn.functional;

import org.autograd4j.NnOps;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Op;
import org.autograd4j.nn.Reduction;

/**
 * The loss functions behind {@link F}. Pointwise losses with their own grad_fn in PyTorch
 * (SmoothL1, Huber, BCE, BCEWithLogits) are one recorded op each, forward computed without
 * recording and derivative in differentiable Tensor ops; the class-index losses go through the
 * fused native kernels of {@link NnOps}.
 */
final class Losses {
  private Losses() {}

  /** The per-element derivative of a pointwise loss, as Tensor ops (so it is differentiable). */
  @FunctionalInterface
  interface Derivative {
    Tensor of(Tensor input, Tensor target);
  }

  static void checkReduction(Reduction reduction) {
    if (reduction == Reduction.BATCHMEAN) {
      throw new IllegalArgumentException("batchmean is not a valid value for reduction");
    }
  }

  static Tensor reduce(Tensor values, Reduction reduction) {
    checkReduction(reduction);
    switch (reduction) {
      case MEAN:
        return values.mean();
      case SUM:
        return values.sum();
      default:
        return values;
    }
  }

  /**
   * A pointwise loss recorded as one node {@code name}: {@code value} is computed without
   * recording; the gradient to the input is {@code g · dInput}, to the target {@code g · dTarget}
   * (either may be null when that input cannot be differentiated).
   */
  static Tensor pointwise(
      String name,
      Tensor input,
      Tensor target,
      Reduction reduction,
      java.util.function.BinaryOperator<Tensor> value,
      Derivative dInput,
      Derivative dTarget) {
    checkReduction(reduction);
    Tensor out;
    int n;
    try (var g = Torch.noGrad()) {
      Tensor v = value.apply(input, target);
      n = v.numel();
      out = reduce(v, reduction);
    }
    return Op.record(
        name,
        out,
        new Tensor[] {input, target},
        (ctx, g) -> {
          Tensor x = ctx.saved(0);
          Tensor y = ctx.saved(1);
          Tensor scale = reduction == Reduction.MEAN ? g[0].div((double) n) : g[0];
          return new Tensor[] {
            ctx.needsInputGrad(0) ? dInput.of(x, y).mul(scale) : null,
            ctx.needsInputGrad(1) && dTarget != null ? dTarget.of(x, y).mul(scale) : null
          };
        },
        input,
        target);
  }

  static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
    return reduce(input.sub(target).abs(), reduction);
  }

  private static Tensor where(Tensor mask, Tensor a, Tensor b) {
    return Torch.where(mask, a, b);
  }

  static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
    if (beta < 0) {
      throw new IllegalArgumentException(
          "smooth_l1_loss does not support negative values for beta.");
    }
    if (beta == 0) {
      return l1Loss(input, target, reduction);
    }
    Derivative d =
        (x, y) -> {
          Tensor diff = x.sub(y);
          Tensor small = diff.detach().abs().lt(beta);
          return where(small, diff.div(beta), diff.detach().sign());
        };
    return pointwise(
        "SmoothL1LossBackward0",
        input,
        target,
        reduction,
        (x, y) -> {
          Tensor diff = x.sub(y);
          Tensor a = diff.abs();
          return where(a.lt(beta), diff.mul(diff).mul(0.5 / beta), a.sub(0.5 * beta));
        },
        d,
        (x, y) -> d.of(x, y).neg());
  }

  static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
    if (delta <= 0) {
      throw new IllegalArgumentException(
          "huber_loss does not support non-positive values for delta.");
    }
    Derivative d =
        (x, y) -> {
          Tensor diff = x.sub(y);
          Tensor small = diff.detach().abs().lt(delta);
          return where(small, diff, diff.detach().sign().mul(delta));
        };
    return pointwise(
        "HuberLossBackward0",
        input,
        target,
        reduction,
        (x, y) -> {
          Tensor diff = x.sub(y);
          Tensor a = diff.abs();
          return where(a.lt(delta), diff.mul(diff).mul(0.5), a.sub(0.5 * delta).mul(delta));
        },
        d,
        (x, y) -> d.of(x, y).neg());
  }

  private static void checkSameSize(Tensor input, Tensor target) {
    if (!input.shape().equals(target.shape())) {
      throw new IllegalArgumentException(
          "Using a target size ("
              + target.shape()
              + ") that is different to the input size ("
              + input.shape()
              + ") is deprecated. Please ensure they have the same size.");
    }
  }

  private static Tensor clampedLog(Tensor t) {
    return t.log().clampMin(-100);
  }

  static Tensor binaryCrossEntropy(
      Tensor input, Tensor target, Tensor weight, Reduction reduction) {
    checkSameSize(input, target);
    try (var g = Torch.noGrad()) {
      if (input.lt(0.0).logicalOr(input.gt(1.0)).any().item() != 0) {
        throw new IllegalArgumentException("all elements of input should be between 0 and 1");
      }
    }
    Tensor w = weight == null ? null : weight.detach();
    return pointwise(
        "BinaryCrossEntropyBackward0",
        input,
        target,
        reduction,
        (x, y) -> {
          // -(y log x + (1 - y) log(1 - x)), each log clamped at -100 as PyTorch does.
          Tensor l = y.mul(clampedLog(x)).add(y.rsub(1).mul(clampedLog(x.rsub(1)))).neg();
          return w == null ? l : l.mul(w);
        },
        (x, y) -> {
          Tensor d = x.sub(y).div(x.rsub(1).mul(x).clampMin(1e-12));
          return w == null ? d : d.mul(w);
        },
        (x, y) -> {
          Tensor d = clampedLog(x.rsub(1)).sub(clampedLog(x));
          return w == null ? d : d.mul(w);
        });
  }

  /** {@code log(1 + exp(-x))} computed stably: {@code log1p(exp(-|x|)) + max(-x, 0)}. */
  private static Tensor softplusNeg(Tensor x) {
    return x.abs().neg().exp().add(1.0).log().add(x.neg().relu());
  }

  static Tensor binaryCrossEntropyWithLogits(
      Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction reduction) {
    checkSameSize(input, target);
    Tensor w = weight == null ? null : weight.detach();
    Tensor pw = posWeight == null ? null : posWeight.detach();
    return pointwise(
        "BinaryCrossEntropyWithLogitsBackward0",
        input,
        target,
        reduction,
        (x, y) -> {
          // (1 - y) x + (1 + (pw - 1) y) softplus(-x): never exponentiates a large positive number.
          Tensor logWeight = pw == null ? null : pw.sub(1.0).mul(y).add(1.0);
          Tensor sp = softplusNeg(x);
          Tensor l = y.rsub(1).mul(x).add(logWeight == null ? sp : logWeight.mul(sp));
          return w == null ? l : l.mul(w);
        },
        (x, y) -> {
          // d/dx = lw·σ(x) - pw·y, which is σ(x) - y without pos_weight.
          Tensor s = x.sigmoid();
          Tensor d = pw == null ? s.sub(y) : pw.sub(1.0).mul(y).add(1.0).mul(s).sub(pw.mul(y));
          return w == null ? d : d.mul(w);
        },
        (x, y) -> {
          // d/dy = -x + (pw - 1) softplus(-x), i.e. -x without pos_weight.
          Tensor d = pw == null ? x.neg() : pw.sub(1.0).mul(softplusNeg(x)).sub(x);
          return w == null ? d : d.mul(w);
        });
  }

  private static int code(Reduction r) {
    checkReduction(r);
    return r == Reduction.NONE ? 0 : r == Reduction.MEAN ? 1 : 2;
  }

  /** Moves the class dim (1) last and flattens the rest: {@code (N, C, d...) -> (N·d..., C)}. */
  private static Tensor rows(Tensor input) {
    if (input.dim() == 1) {
      return input.unsqueeze(0);
    }
    if (input.dim() == 2) {
      return input;
    }
    int[] perm = new int[input.dim()];
    perm[0] = 0;
    for (int i = 2; i < input.dim(); i++) {
      perm[i - 1] = i;
    }
    perm[input.dim() - 1] = 1;
    return input.permute(perm).reshape(-1, input.size(1));
  }

  /** Checks class-index target shapes against the input, with PyTorch's messages. */
  private static void checkClassTarget(Tensor input, Tensor target) {
    if (input.dim() == 0) {
      throw new IllegalArgumentException("input tensor should be 1D or 2D");
    }
    if (input.dim() == 1) {
      if (target.dim() != 0) {
        throw new IllegalArgumentException(
            "0D or 1D target tensor expected, multi-target not supported");
      }
      return;
    }
    if (target.dim() == 0 || input.size(0) != target.size(0)) {
      throw new IllegalArgumentException(
          "Expected input batch_size ("
              + input.size(0)
              + ") to match target batch_size ("
              + (target.dim() == 0 ? 0 : target.size(0))
              + ").");
    }
    int[] expected = new int[input.dim() - 1];
    expected[0] = input.size(0);
    for (int i = 2; i < input.dim(); i++) {
      expected[i - 1] = input.size(i);
    }
    if (!java.util.Arrays.equals(expected, target.shape().toArray())) {
      throw new IllegalArgumentException(
          "Expected target size "
              + java.util.Arrays.toString(expected)
              + ", got "
              + java.util.Arrays.toString(target.shape().toArray()));
    }
  }

  static Tensor nllLoss(
      Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
    int red = code(reduction);
    checkClassTarget(input, target);
    Tensor x = rows(input);
    double[] denom = new double[1];
    Tensor a =
        NnOps.classTargetMatrix(target, x.size(1), weight, ignoreIndex, 0, input.dtype(), denom);
    String name = input.dim() >= 3 ? "NllLoss2DBackward0" : "NllLossBackward0";
    Tensor out = NnOps.nll(name, x, a, red, denom[0]);
    return red == 0 ? out.reshape(target.shape().toArray()) : out;
  }

  static Tensor crossEntropy(
      Tensor input,
      Tensor target,
      Tensor weight,
      long ignoreIndex,
      Reduction reduction,
      double labelSmoothing) {
    int red = code(reduction);
    if (labelSmoothing < 0 || labelSmoothing > 1) {
      throw new IllegalArgumentException(
          "label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
    }
    if (target.dtype().isFloatingPoint()) {
      if (!input.shape().equals(target.shape())) {
        throw new IllegalArgumentException(
            "expected scalar type Long but found " + target.dtype().scalarTypeName());
      }
      return probabilityCrossEntropy(input, target, weight, red, labelSmoothing);
    }
    checkClassTarget(input, target);
    Tensor x = rows(input);
    double[] denom = new double[1];
    Tensor a =
        NnOps.classTargetMatrix(
            target, x.size(1), weight, ignoreIndex, labelSmoothing, input.dtype(), denom);
    String name =
        labelSmoothing > 0
            ? "AddBackward0"
            : input.dim() >= 3 ? "NllLoss2DBackward0" : "NllLossBackward0";
    Tensor out = NnOps.softmaxCrossEntropy(name, x, a, red, denom[0]);
    return red == 0 ? out.reshape(target.shape().toArray()) : out;
  }

  private static Tensor probabilityCrossEntropy(
      Tensor input, Tensor target, Tensor weight, int red, double smoothing) {
    int classes = input.dim() == 1 ? input.size(0) : input.size(1);
    Tensor t = smoothing > 0 ? target.mul(1 - smoothing).add(smoothing / classes) : target;
    Tensor a = rows(t);
    if (weight != null) {
      a = a.mul(weight);
    }
    Tensor x = rows(input);
    int m = x.size(0);
    if (target.requiresGrad()) {
      // The fused kernel treats the target as a constant; differentiate through it the slow way.
      Tensor perRow = x.logSoftmax(1).mul(a).sum(new int[] {1}, false).neg();
      Tensor r = red == 0 ? perRow : red == 2 ? perRow.sum() : perRow.sum().div((double) m);
      return red == 0 ? unrowsValues(r, input) : r;
    }
    String name = red == 1 ? "DivBackward1" : "NegBackward0";
    Tensor out = NnOps.softmaxCrossEntropy(name, x, a.detach().contiguous(), red, m);
    return red == 0 ? unrowsValues(out, input) : out;
  }

  /** Per-row values back to the input's shape without its class dim. */
  private static Tensor unrowsValues(Tensor perRow, Tensor input) {
    if (input.dim() == 1) {
      return perRow.reshape();
    }
    int[] s = input.shape().toArray();
    int[] out = new int[s.length - 1];
    out[0] = s[0];
    for (int i = 2; i < s.length; i++) {
      out[i - 1] = s[i];
    }
    return perRow.reshape(out);
  }

  static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
    Tensor out;
    if (logTarget) {
      out = target.exp().mul(target.sub(input));
    } else {
      // xlogy(t, t) is 0 where t == 0.
      Tensor safe = Torch.where(target.eq(0.0), Torch.onesLike(target), target);
      out = target.mul(safe.log()).sub(target.mul(input));
    }
    if (reduction == Reduction.BATCHMEAN) {
      return input.dim() == 0 ? out.sum() : out.sum().div((double) input.size(0));
    }
    return reduce(out, reduction);
  }
}
