package org.autograd4j.autograd;

import org.autograd4j.Tensor;

/**
 * What a {@link BackwardFunction} sees of its forward pass: the saved tensors, checked against
 * in-place modification, and which inputs need a gradient.
 */
public interface OpContext {
  /** Saved tensor {@code i}, in the order given to {@link Op#record}. */
  Tensor saved(int i);

  /** Whether forward input {@code i} needs a gradient. */
  boolean needsInputGrad(int i);
}
