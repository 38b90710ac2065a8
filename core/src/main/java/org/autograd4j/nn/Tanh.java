package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Tanh}: the hyperbolic tangent.
 *
 * <pre>{@code
 * new Tanh().forward(Torch.zeros(2)); // tensor([0., 0.])
 * }</pre>
 */
public class Tanh extends Module {
  /** {@code nn.Tanh()}. */
  public Tanh() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.tanh(input);
  }

  @Override
  protected String extraRepr() {
    return "";
  }
}
