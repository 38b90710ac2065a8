package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Sigmoid}: 1 / (1 + exp(-x)).
 *
 * <pre>{@code
 * new Sigmoid().forward(Torch.zeros(2)); // tensor([0.5000, 0.5000])
 * }</pre>
 */
public class Sigmoid extends Module {
  /** {@code nn.Sigmoid()}. */
  public Sigmoid() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.sigmoid(input);
  }

  @Override
  protected String extraRepr() {
    return "";
  }
}
