package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Softmax(dim)}: exp(x) / Σ exp(x) along {@code dim}.
 *
 * <pre>{@code
 * new Softmax(1).forward(logits); // rows sum to 1
 * }</pre>
 */
public class Softmax extends Module {
  private final Integer dim;

  /**
   * {@code nn.Softmax()} without a dim: PyTorch's legacy choice (dim 0 for 0-, 1- and 3-D input,
   * else 1).
   */
  public Softmax() {
    this.dim = null;
  }

  /** {@code nn.Softmax(dim)}. */
  public Softmax(int dim) {
    this.dim = dim;
  }

  static int legacyDim(Integer dim, Tensor input) {
    if (dim != null) {
      return dim;
    }
    int n = input.dim();
    return n == 0 || n == 1 || n == 3 ? 0 : 1;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.softmax(input, legacyDim(dim, input));
  }

  @Override
  protected String extraRepr() {
    return "dim=" + (dim == null ? "None" : dim);
  }
}
