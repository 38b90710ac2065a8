package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code nn.BatchNorm2d}: batch normalisation of {@code (N, C, H, W)} input, per channel, with
 * running statistics for eval mode.
 *
 * <pre>{@code
 * BatchNorm2d bn = new BatchNorm2d(4);
 * bn.toString(); // BatchNorm2d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
 * }</pre>
 */
public class BatchNorm2d extends BatchNorm {
  /** eps 1e-5, momentum 0.1, affine, tracking running statistics. */
  public BatchNorm2d(int numFeatures) {
    this(numFeatures, 1e-5, 0.1, true, true);
  }

  /** All options; a null momentum means a cumulative moving average. */
  public BatchNorm2d(
      int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
    super(numFeatures, eps, momentum, affine, trackRunningStats);
  }

  @Override
  protected void checkInputDim(Tensor input) {
    if (input.dim() != 4) {
      throw new IllegalArgumentException("expected 4D input (got " + input.dim() + "D input)");
    }
  }
}
