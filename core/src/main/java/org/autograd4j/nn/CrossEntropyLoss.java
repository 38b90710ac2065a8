package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)}: log-softmax and
 * negative log-likelihood in one fused op; targets are class indices or class probabilities.
 *
 * <pre>{@code
 * Tensor loss = new CrossEntropyLoss().forward(logits, Torch.tensor(new long[] {1, 0}));
 * }</pre>
 */
public class CrossEntropyLoss extends Module {
  private final Tensor weight;
  private final long ignoreIndex;
  private final Reduction reduction;
  private final double labelSmoothing;

  /** No weight, ignore_index -100, mean, no label smoothing. */
  public CrossEntropyLoss() {
    this(null, F.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0);
  }

  /** All of PyTorch's options; {@code weight} (one per class) may be null. */
  public CrossEntropyLoss(
      Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
    this.weight = weight;
    this.ignoreIndex = ignoreIndex;
    this.reduction = reduction;
    this.labelSmoothing = labelSmoothing;
    registerBuffer("weight", weight);
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
  }
}
