package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.SmoothL1Loss(reduction, beta)}: quadratic below beta, linear above.
 *
 * <pre>{@code
 * new SmoothL1Loss(Reduction.MEAN, 0.5).forward(output, target);
 * }</pre>
 */
public class SmoothL1Loss extends Module {
  private final Reduction reduction;
  private final double beta;

  /** Mean reduction, beta 1. */
  public SmoothL1Loss() {
    this(Reduction.MEAN, 1.0);
  }

  /** The given reduction and beta. */
  public SmoothL1Loss(Reduction reduction, double beta) {
    this.reduction = reduction;
    this.beta = beta;
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.smoothL1Loss(input, target, reduction, beta);
  }
}
