package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.LogSoftmax(dim)}: log(softmax(x)) along {@code dim}, computed stably.
 *
 * <pre>{@code
 * new LogSoftmax(1).forward(logits);
 * }</pre>
 */
public class LogSoftmax extends Module {
  private final Integer dim;

  /** {@code nn.LogSoftmax()} with PyTorch's legacy dim choice. */
  public LogSoftmax() {
    this.dim = null;
  }

  /** {@code nn.LogSoftmax(dim)}. */
  public LogSoftmax(int dim) {
    this.dim = dim;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.logSoftmax(input, Softmax.legacyDim(dim, input));
  }

  @Override
  protected String extraRepr() {
    return "dim=" + (dim == null ? "None" : dim);
  }
}
