package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code nn.Identity}: returns its input.
 *
 * <pre>{@code
 * new Identity().forward(x) == x; // true
 * }</pre>
 */
public class Identity extends Module {
  /** {@code nn.Identity()}. */
  public Identity() {}

  @Override
  public Tensor forward(Tensor input) {
    return input;
  }

  @Override
  protected String extraRepr() {
    return "";
  }
}
