package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.GELU}: x·Φ(x), exact or with the tanh approximation.
 *
 * <pre>{@code
 * new GELU("tanh").toString(); // GELU(approximate='tanh')
 * }</pre>
 */
public class GELU extends Module {
  private final String approximate;

  /** {@code nn.GELU()}: the exact (erf) form. */
  public GELU() {
    this("none");
  }

  /** {@code nn.GELU(approximate)}: {@code "none"} or {@code "tanh"}. */
  public GELU(String approximate) {
    if (!approximate.equals("none") && !approximate.equals("tanh")) {
      throw new IllegalArgumentException("approximate argument must be either none or tanh.");
    }
    this.approximate = approximate;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.gelu(input, approximate);
  }

  @Override
  protected String extraRepr() {
    return "approximate='" + approximate + "'";
  }
}
