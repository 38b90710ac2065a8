package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.L1Loss}: mean (or sum, or none) of |input - target|.
 *
 * <pre>{@code
 * new L1Loss().forward(output, target);
 * }</pre>
 */
public class L1Loss extends Module {
  private final Reduction reduction;

  /** Mean reduction. */
  public L1Loss() {
    this(Reduction.MEAN);
  }

  /** The given reduction. */
  public L1Loss(Reduction reduction) {
    this.reduction = reduction;
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.l1Loss(input, target, reduction);
  }
}
