package org.autograd4j.nn;

/** How a loss combines its per-element values: {@code reduction='mean' | 'sum' | 'none'}. */
public enum Reduction {
  /** The average over elements (the default). */
  MEAN,
  /** The sum over elements. */
  SUM,
  /** No reduction: one loss per element. */
  NONE,
  /** The sum divided by the batch size (first dimension); only for {@code KLDivLoss}. */
  BATCHMEAN;

  /** PyTorch's spelling, as in module reprs. */
  public String pytorchName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
