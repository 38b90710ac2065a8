package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.BCEWithLogitsLoss(weight, reduction, pos_weight)}: sigmoid + binary cross entropy in
 * one numerically stable expression.
 *
 * <pre>{@code
 * new BCEWithLogitsLoss(null, Reduction.MEAN, Torch.tensor(new double[] {3.0})).forward(z, y);
 * }</pre>
 */
public class BCEWithLogitsLoss extends Module {
  private final Tensor weight;
  private final Reduction reduction;
  private final Tensor posWeight;

  /** No weights, mean reduction. */
  public BCEWithLogitsLoss() {
    this(null, Reduction.MEAN, null);
  }

  /**
   * A per-element weight, a reduction and a per-class weight of positive examples (each weight may
   * be null).
   */
  public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
    this.weight = weight;
    this.reduction = reduction;
    this.posWeight = posWeight;
    registerBuffer("weight", weight);
    registerBuffer("pos_weight", posWeight);
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
  }
}
