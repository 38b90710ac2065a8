package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.HuberLoss(reduction, delta)}: 0.5·d² below delta, delta·(|d| - 0.5·delta) above.
 *
 * <pre>{@code
 * new HuberLoss(Reduction.MEAN, 2.0).forward(output, target);
 * }</pre>
 */
public class HuberLoss extends Module {
  private final Reduction reduction;
  private final double delta;

  /** Mean reduction, delta 1. */
  public HuberLoss() {
    this(Reduction.MEAN, 1.0);
  }

  /** The given reduction and delta. */
  public HuberLoss(Reduction reduction, double delta) {
    this.reduction = reduction;
    this.delta = delta;
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.huberLoss(input, target, reduction, delta);
  }
}
