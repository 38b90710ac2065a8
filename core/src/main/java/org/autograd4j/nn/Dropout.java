package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Dropout(p=0.5)}: in training mode zeroes elements with probability p and scales the
 * rest by 1/(1-p); in eval mode the identity.
 *
 * <pre>{@code
 * Dropout d = new Dropout(0.2);
 * d.eval();
 * d.forward(x); // x
 * }</pre>
 */
public class Dropout extends Module {
  private final double p;
  private final boolean inplace;

  /** {@code nn.Dropout()}, p = 0.5. */
  public Dropout() {
    this(0.5);
  }

  /** {@code nn.Dropout(p)}. */
  public Dropout(double p) {
    this(p, false);
  }

  /** {@code nn.Dropout(p, inplace)}; inplace only affects the repr (computed out of place). */
  public Dropout(double p, boolean inplace) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException(
          "dropout probability has to be between 0 and 1, but got " + Repr.py(p));
    }
    this.p = p;
    this.inplace = inplace;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.dropout(input, p, isTraining());
  }

  @Override
  protected String extraRepr() {
    return "p=" + Repr.py(p) + ", inplace=" + Repr.py(inplace);
  }
}
