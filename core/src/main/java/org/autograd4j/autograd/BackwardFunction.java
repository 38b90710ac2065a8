package org.autograd4j.autograd;

import org.autograd4j.Tensor;

/**
 * The derivative of an operation, written with differentiable Tensor ops so that higher-order
 * gradients work: given the op's context (saved tensors) and the gradients of its outputs, return
 * one gradient per input (null where {@code ctx.needsInputGrad(i)} is false).
 *
 * <pre>{@code
 * (ctx, g) -> new Tensor[] {g[0].mul(ctx.saved(0).cos())} // the derivative of sin
 * }</pre>
 */
@FunctionalInterface
public interface BackwardFunction {
  /**
   * Computes input gradients.
   *
   * @param ctx saved tensors and which inputs need gradients
   * @param gradOutputs one gradient per forward output, never null
   * @return one gradient per forward input
   */
  Tensor[] apply(OpContext ctx, Tensor[] gradOutputs);
}
