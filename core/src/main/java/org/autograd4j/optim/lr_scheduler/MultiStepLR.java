package org.autograd4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.autograd4j.optim.Optimizer;

/**
 * {@code MultiStepLR}: multiplies each group's lr by {@code gamma} at each milestone epoch (a
 * milestone listed twice multiplies by {@code gamma²}).
 *
 * <pre>{@code
 * MultiStepLR s = new MultiStepLR(optimizer, new int[] {30, 80}, 0.1);
 * }</pre>
 */
public class MultiStepLR extends LRScheduler {
  private final int[] milestones;
  private final double gamma;

  /** {@code MultiStepLR(optimizer, milestones, gamma=0.1)}. */
  public MultiStepLR(Optimizer optimizer, int[] milestones) {
    this(optimizer, milestones, 0.1, -1);
  }

  /** {@code MultiStepLR(optimizer, milestones, gamma)}. */
  public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
    this(optimizer, milestones, gamma, -1);
  }

  /** All options, including {@code last_epoch} for resuming. */
  public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma, int lastEpoch) {
    super(optimizer, lastEpoch);
    this.milestones = milestones.clone();
    Arrays.sort(this.milestones);
    this.gamma = gamma;
    initialStep();
  }

  private int count(int epoch) {
    int c = 0;
    for (int m : milestones) {
      if (m == epoch) {
        c++;
      }
    }
    return c;
  }

  @Override
  protected List<Double> getLr() {
    List<Double> out = groupLrs();
    int c = count(lastEpoch);
    if (c == 0) {
      return out;
    }
    double factor = Math.pow(gamma, c);
    out.replaceAll(lr -> lr * factor);
    return out;
  }

  @Override
  protected List<Double> getClosedFormLr() {
    int passed = 0; // bisect_right(milestones, last_epoch)
    while (passed < milestones.length && milestones[passed] <= lastEpoch) {
      passed++;
    }
    List<Double> out = new ArrayList<>();
    for (double base : baseLrs) {
      out.add(base * Math.pow(gamma, passed));
    }
    return out;
  }
}
