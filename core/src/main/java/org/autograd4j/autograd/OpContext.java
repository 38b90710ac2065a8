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

  /**
   * Whether gradient {@code i} handed to this backward is the engine's alone, so that the
   * derivative may write its result into it: no graph is being built, the gradient was computed
   * during this backward by the library's own derivatives, no hook, capture or other buffer slot
   * holds its storage, and it spans that storage densely. The JVM's fresh array is zeroed and
   * cache-cold where PyTorch's caching allocator hands back a warm block; reusing the incoming
   * gradient is the JVM's way to the same effect.
   *
   * <pre>{@code
   * Tensor out = ctx.ownsGrad(0) ? g[0] : Torch.zeros(shape);  // then fill out from g[0]
   * }</pre>
   *
   * @param i index of the output gradient
   * @return true if {@code gradOutputs[i]}'s storage may be overwritten
   */
  default boolean ownsGrad(int i) {
    return false;
  }
}
