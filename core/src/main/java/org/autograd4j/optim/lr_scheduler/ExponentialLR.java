package org.autograd4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.optim.Optimizer;

/**
 * {@code ExponentialLR}: multiplies each group's lr by {@code gamma} every epoch.
 *
 * <pre>{@code
 * ExponentialLR s = new ExponentialLR(optimizer, 0.9);
 * }</pre>
 */
public class ExponentialLR extends LRScheduler {
  private final double gamma;

  /** {@code ExponentialLR(optimizer, gamma)}. */
  public ExponentialLR(Optimizer optimizer, double gamma) {
    this(optimizer, gamma, -1);
  }

  /** All options, including {@code last_epoch} for resuming. */
  public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
    super(optimizer, lastEpoch);
    this.gamma = gamma;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> out = groupLrs();
    if (lastEpoch != 0) {
      out.replaceAll(lr -> lr * gamma);
    }
    return out;
  }

  @Override
  protected List<Double> getClosedFormLr() {
    List<Double> out = new ArrayList<>();
    for (double base : baseLrs) {
      out.add(base * Math.pow(gamma, lastEpoch));
    }
    return out;
  }
}
