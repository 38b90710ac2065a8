package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * A tensor that is a module's learnable parameter ({@code nn.Parameter}): a leaf that requires grad
 * by default and prints as {@code Parameter containing:} followed by the tensor.
 *
 * <pre>{@code
 * Parameter w = new Parameter(Torch.randn(3, 2));
 * w.requiresGrad(); // true
 * }</pre>
 */
public class Parameter extends Tensor {
  /** Wraps {@code data} (sharing its storage) as a parameter that requires grad. */
  public Parameter(Tensor data) {
    this(data, true);
  }

  /** Wraps {@code data} as a parameter with the given requires_grad flag. */
  public Parameter(Tensor data, boolean requiresGrad) {
    super(data.detach());
    requiresGrad_(requiresGrad);
  }

  @Override
  public String toString() {
    return "Parameter containing:\n" + super.toString();
  }
}
