package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Flatten(start_dim=1, end_dim=-1)}: merges a range of dims.
 *
 * <pre>{@code
 * new Flatten().forward(Torch.zeros(2, 3, 4)).shape(); // torch.Size([2, 12])
 * }</pre>
 */
public class Flatten extends Module {
  private final int startDim;
  private final int endDim;

  /** {@code nn.Flatten()}: everything after the batch dim. */
  public Flatten() {
    this(1, -1);
  }

  /** {@code nn.Flatten(start_dim, end_dim)}. */
  public Flatten(int startDim, int endDim) {
    this.startDim = startDim;
    this.endDim = endDim;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.flatten(input, startDim, endDim);
  }

  @Override
  protected String extraRepr() {
    return "start_dim=" + startDim + ", end_dim=" + endDim;
  }
}
