package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.BCELoss(weight, reduction)}: binary cross entropy on probabilities, logs clamped at
 * -100.
 *
 * <pre>{@code
 * new BCELoss().forward(output.sigmoid(), target);
 * }</pre>
 */
public class BCELoss extends Module {
  private final Tensor weight;
  private final Reduction reduction;

  /** No weight, mean reduction. */
  public BCELoss() {
    this(null, Reduction.MEAN);
  }

  /** A per-element rescaling weight (broadcast to the input; may be null) and a reduction. */
  public BCELoss(Tensor weight, Reduction reduction) {
    this.weight = weight;
    this.reduction = reduction;
    registerBuffer("weight", weight);
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.binaryCrossEntropy(input, target, weight, reduction);
  }
}
