package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.ReLU}: max(0, x) elementwise.
 *
 * <pre>{@code
 * new ReLU().forward(Torch.tensor(new double[] {-1, 2})); // tensor([0., 2.])
 * }</pre>
 */
public class ReLU extends Module {
  private final boolean inplace;

  /** {@code nn.ReLU()}. */
  public ReLU() {
    this(false);
  }

  /**
   * {@code nn.ReLU(inplace)}; the in-place form only changes the repr here (the result is computed
   * out of place).
   */
  public ReLU(boolean inplace) {
    this.inplace = inplace;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.relu(input);
  }

  @Override
  protected String extraRepr() {
    return inplace ? "inplace=True" : "";
  }
}
