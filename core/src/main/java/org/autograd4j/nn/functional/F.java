package org.autograd4j.nn.functional;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Op;
import org.autograd4j.nn.Reduction;

/**
 * {@code torch.nn.functional}: stateless forms of the layers and losses.
 *
 * <pre>{@code
 * Tensor y = F.linear(x, weight, bias);
 * Tensor loss = F.mseLoss(y, target, Reduction.MEAN);
 * }</pre>
 */
public final class F {
  private F() {}

  /**
   * {@code F.linear(input, weight, bias)}: {@code input @ weight.T + bias}; on 2-D input a single
   * fused addmm, as PyTorch does (grad_fn {@code AddmmBackward0}).
   */
  public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
    if (input.dim() == 2 && bias != null) {
      return bias.addmm(input, weight.t());
    }
    Tensor out = input.matmul(weight.t());
    return bias == null ? out : out.add(bias);
  }

  /** {@code F.mse_loss(input, target, reduction)}, grad_fn {@code MseLossBackward0}. */
  public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
    Tensor out;
    Tensor diff;
    try (var g = Torch.noGrad()) {
      diff = input.sub(target);
      Tensor sq = diff.mul(diff);
      out = reduce(sq, reduction);
    }
    int n = diff.numel();
    return Op.record(
        "MseLossBackward0",
        out,
        new Tensor[] {input, target},
        (ctx, g) -> {
          Tensor d = ctx.saved(0).sub(ctx.saved(1));
          Tensor scale = reduction == Reduction.MEAN ? g[0].mul(2.0 / n) : g[0].mul(2.0);
          Tensor gi = d.mul(scale);
          return new Tensor[] {
            ctx.needsInputGrad(0) ? gi : null, ctx.needsInputGrad(1) ? gi.neg() : null
          };
        },
        input,
        target);
  }

  /** Applies a loss reduction to per-element values. */
  public static Tensor reduce(Tensor values, Reduction reduction) {
    switch (reduction) {
      case MEAN:
        return values.mean();
      case SUM:
        return values.sum();
      default:
        return values;
    }
  }
}
