package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.LeakyReLU}: x where x > 0, else negative_slope·x.
 *
 * <pre>{@code
 * new LeakyReLU(0.2).toString(); // LeakyReLU(negative_slope=0.2)
 * }</pre>
 */
public class LeakyReLU extends Module {
  private final double negativeSlope;

  /** {@code nn.LeakyReLU()}, slope 0.01. */
  public LeakyReLU() {
    this(0.01);
  }

  /** {@code nn.LeakyReLU(negative_slope)}. */
  public LeakyReLU(double negativeSlope) {
    this.negativeSlope = negativeSlope;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.leakyRelu(input, negativeSlope);
  }

  @Override
  protected String extraRepr() {
    return "negative_slope=" + Repr.py(negativeSlope);
  }
}
