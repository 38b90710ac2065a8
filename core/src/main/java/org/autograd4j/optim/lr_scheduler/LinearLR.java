package org.autograd4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.optim.Optimizer;

/**
 * {@code LinearLR}: scales each group's lr by a factor that moves linearly from {@code startFactor}
 * to {@code endFactor} over {@code totalIters} epochs (a warm-up), then stays.
 *
 * <pre>{@code
 * LinearLR warmup = new LinearLR(optimizer, 0.1, 1.0, 5);
 * }</pre>
 */
public class LinearLR extends LRScheduler {
  private final double startFactor;
  private final double endFactor;
  private final int totalIters;

  /** PyTorch's defaults: start 1/3, end 1.0, 5 iterations. */
  public LinearLR(Optimizer optimizer) {
    this(optimizer, 1.0 / 3, 1.0, 5, -1);
  }

  /** {@code LinearLR(optimizer, start_factor, end_factor, total_iters)}. */
  public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
    this(optimizer, startFactor, endFactor, totalIters, -1);
  }

  /** All options, including {@code last_epoch} for resuming. */
  public LinearLR(
      Optimizer optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
    super(optimizer, lastEpoch);
    if (startFactor > 1.0 || startFactor < 0) {
      throw new IllegalArgumentException(
          "Starting multiplicative factor expected to be between 0 and 1.");
    }
    if (endFactor > 1.0 || endFactor < 0) {
      throw new IllegalArgumentException(
          "Ending multiplicative factor expected to be between 0 and 1.");
    }
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> out = groupLrs();
    if (lastEpoch == 0) {
      out.replaceAll(lr -> lr * startFactor);
      return out;
    }
    if (lastEpoch > totalIters) {
      return out;
    }
    double factor =
        1.0
            + (endFactor - startFactor)
                / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
    out.replaceAll(lr -> lr * factor);
    return out;
  }

  @Override
  protected List<Double> getClosedFormLr() {
    List<Double> out = new ArrayList<>();
    for (double base : baseLrs) {
      out.add(
          base
              * (startFactor
                  + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters));
    }
    return out;
  }
}
