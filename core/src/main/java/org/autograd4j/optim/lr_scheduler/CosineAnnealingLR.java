package org.autograd4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.optim.Optimizer;

/**
 * {@code CosineAnnealingLR}: anneals each group's lr from its initial value to {@code etaMin} along
 * half a cosine over {@code tMax} epochs, then back up (SGDR without restarts), with PyTorch 1.13's
 * recursive (chainable) formula.
 *
 * <pre>{@code
 * CosineAnnealingLR s = new CosineAnnealingLR(optimizer, 10);        // eta_min 0
 * CosineAnnealingLR s2 = new CosineAnnealingLR(optimizer, 10, 1e-4);
 * }</pre>
 */
public class CosineAnnealingLR extends LRScheduler {
  private final int tMax;
  private final double etaMin;

  /** {@code CosineAnnealingLR(optimizer, T_max)}. */
  public CosineAnnealingLR(Optimizer optimizer, int tMax) {
    this(optimizer, tMax, 0, -1);
  }

  /** {@code CosineAnnealingLR(optimizer, T_max, eta_min)}. */
  public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
    this(optimizer, tMax, etaMin, -1);
  }

  /** All options, including {@code last_epoch} for resuming. */
  public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
    super(optimizer, lastEpoch);
    this.tMax = tMax;
    this.etaMin = etaMin;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> lrs = groupLrs();
    List<Double> out = new ArrayList<>();
    if (lastEpoch == 0) {
      return lrs;
    }
    for (int i = 0; i < lrs.size(); i++) {
      double base = baseLrs.get(i);
      double lr = lrs.get(i);
      if (stepCount == 1 && lastEpoch > 0) {
        out.add(etaMin + (base - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2);
      } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
        out.add(lr + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2);
      } else {
        out.add(
            (1 + Math.cos(Math.PI * lastEpoch / tMax))
                    / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                    * (lr - etaMin)
                + etaMin);
      }
    }
    return out;
  }

  @Override
  protected List<Double> getClosedFormLr() {
    List<Double> out = new ArrayList<>();
    for (double base : baseLrs) {
      out.add(etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2);
    }
    return out;
  }
}
