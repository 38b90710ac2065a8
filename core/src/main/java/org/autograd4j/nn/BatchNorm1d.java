package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code nn.BatchNorm1d}: batch normalisation of {@code (N, C)} or {@code (N, C, L)} input, per
 * channel, with running statistics for eval mode.
 *
 * <pre>{@code
 * BatchNorm1d bn = new BatchNorm1d(4);
 * bn.toString(); // BatchNorm1d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
 * }</pre>
 */
public class BatchNorm1d extends BatchNorm {
  /** eps 1e-5, momentum 0.1, affine, tracking running statistics. */
  public BatchNorm1d(int numFeatures) {
    this(numFeatures, 1e-5, 0.1, true, true);
  }

  /** All options; a null momentum means a cumulative moving average. */
  public BatchNorm1d(
      int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
    super(numFeatures, eps, momentum, affine, trackRunningStats);
  }

  @Override
  protected void checkInputDim(Tensor input) {
    if (input.dim() != 2 && input.dim() != 3) {
      throw new IllegalArgumentException(
          "expected 2D or 3D input (got " + input.dim() + "D input)");
    }
  }
}
