package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.MSELoss}: the mean (or sum) of squared differences, grad_fn {@code MseLossBackward0}.
 *
 * <pre>{@code
 * Tensor loss = new MSELoss().forward(output, target);
 * }</pre>
 */
public class MSELoss extends Module {
  private final Reduction reduction;

  /** Mean reduction. */
  public MSELoss() {
    this(Reduction.MEAN);
  }

  /** The given reduction. */
  public MSELoss(Reduction reduction) {
    this.reduction = reduction;
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.mseLoss(input, target, reduction);
  }

  @Override
  protected String extraRepr() {
    return "";
  }
}
