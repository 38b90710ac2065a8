package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.KLDivLoss(reduction, log_target)}: KL divergence of the target from the input
 * distribution; input is log-probabilities. Use {@link Reduction#BATCHMEAN} for the true KL.
 *
 * <pre>{@code
 * new KLDivLoss(Reduction.BATCHMEAN, false).forward(logProbs, probs);
 * }</pre>
 */
public class KLDivLoss extends Module {
  private final Reduction reduction;
  private final boolean logTarget;

  /** Mean reduction (PyTorch's default), target as probabilities. */
  public KLDivLoss() {
    this(Reduction.MEAN, false);
  }

  /** The given reduction and target form. */
  public KLDivLoss(Reduction reduction, boolean logTarget) {
    this.reduction = reduction;
    this.logTarget = logTarget;
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.klDiv(input, target, reduction, logTarget);
  }
}
