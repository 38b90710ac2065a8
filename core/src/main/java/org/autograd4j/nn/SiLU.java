package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.SiLU}: x·σ(x) (swish).
 *
 * <pre>{@code
 * new SiLU().forward(x);
 * }</pre>
 */
public class SiLU extends Module {
  /** {@code nn.SiLU()}. */
  public SiLU() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.silu(input);
  }

  @Override
  protected String extraRepr() {
    return "";
  }
}
