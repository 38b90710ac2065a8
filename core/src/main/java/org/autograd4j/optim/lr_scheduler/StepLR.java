package org.autograd4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.optim.Optimizer;

/**
 * {@code StepLR}: multiplies each group's lr by {@code gamma} every {@code stepSize} epochs.
 *
 * <pre>{@code
 * StepLR s = new StepLR(optimizer, 30, 0.1); // lr 0.05 for epochs 0-29, 0.005 for 30-59, ...
 * }</pre>
 */
public class StepLR extends LRScheduler {
  private final int stepSize;
  private final double gamma;

  /** {@code StepLR(optimizer, step_size, gamma=0.1)}. */
  public StepLR(Optimizer optimizer, int stepSize) {
    this(optimizer, stepSize, 0.1, -1);
  }

  /** {@code StepLR(optimizer, step_size, gamma)}. */
  public StepLR(Optimizer optimizer, int stepSize, double gamma) {
    this(optimizer, stepSize, gamma, -1);
  }

  /** All options, including {@code last_epoch} for resuming. */
  public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
    super(optimizer, lastEpoch);
    this.stepSize = stepSize;
    this.gamma = gamma;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> out = groupLrs();
    if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
      return out;
    }
    out.replaceAll(lr -> lr * gamma);
    return out;
  }

  @Override
  protected List<Double> getClosedFormLr() {
    List<Double> out = new ArrayList<>();
    for (double base : baseLrs) {
      out.add(base * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize)));
    }
    return out;
  }
}
