package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.NLLLoss(weight, ignore_index, reduction)}: negative log-likelihood of class indices, on
 * log-probabilities (e.g. the output of {@link LogSoftmax}).
 *
 * <pre>{@code
 * new NLLLoss().forward(new LogSoftmax(1).forward(logits), target);
 * }</pre>
 */
public class NLLLoss extends Module {
  private final Tensor weight;
  private final long ignoreIndex;
  private final Reduction reduction;

  /** No weight, ignore_index -100, mean. */
  public NLLLoss() {
    this(null, F.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
  }

  /** All of PyTorch's options; {@code weight} may be null. */
  public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
    this.weight = weight;
    this.ignoreIndex = ignoreIndex;
    this.reduction = reduction;
    registerBuffer("weight", weight);
  }

  /** The loss of {@code input} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.nllLoss(input, target, weight, ignoreIndex, reduction);
  }
}
