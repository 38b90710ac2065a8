package org.autograd4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.ParamGroup;

/**
 * {@code OneCycleLR}: the 1cycle policy, stepped once per batch. The lr rises from {@code
 * maxLr/divFactor} to {@code maxLr} over the first {@code pctStart} of {@code totalSteps}, then
 * falls to {@code initial_lr/finalDivFactor} (optionally in three phases); momentum (or Adam's
 * beta1) cycles inversely between {@code maxMomentum} and {@code baseMomentum}.
 *
 * <pre>{@code
 * OneCycleLR s = new OneCycleLR(optimizer, 0.1, 1000);   // cos annealing, momentum cycling
 * for (var batch : loader) { ...; optimizer.step(); s.step(); }
 * }</pre>
 */
public class OneCycleLR extends LRScheduler {
  /** How lr and momentum move between a phase's end points. */
  public enum AnnealStrategy {
    COS,
    LINEAR
  }

  private record Phase(
      double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {}

  private final int totalSteps;
  private final List<Phase> phases;
  private final AnnealStrategy anneal;
  private final boolean cycleMomentum;
  private final boolean useBeta1;

  /** PyTorch's defaults: pct_start 0.3, cos, momentum 0.85-0.95, div 25, final div 1e4. */
  public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
    this(optimizer, maxLr, totalSteps, 0.3, AnnealStrategy.COS, true, 0.85, 0.95, 25, 1e4, false);
  }

  /** All options (max_lr and momenta shared by all groups). */
  public OneCycleLR(
      Optimizer optimizer,
      double maxLr,
      int totalSteps,
      double pctStart,
      AnnealStrategy annealStrategy,
      boolean cycleMomentum,
      double baseMomentum,
      double maxMomentum,
      double divFactor,
      double finalDivFactor,
      boolean threePhase) {
    super(
        prepare(
            optimizer,
            maxLr,
            totalSteps,
            pctStart,
            cycleMomentum,
            baseMomentum,
            maxMomentum,
            divFactor,
            finalDivFactor),
        -1);
    this.totalSteps = totalSteps;
    this.anneal = annealStrategy;
    this.cycleMomentum = cycleMomentum;
    this.useBeta1 = optimizer.defaults().containsKey("betas");
    List<Phase> p = new ArrayList<>();
    if (threePhase) {
      p.add(
          new Phase(
              pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
      p.add(
          new Phase(
              2 * pctStart * totalSteps - 2,
              "max_lr",
              "initial_lr",
              "base_momentum",
              "max_momentum"));
      p.add(new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
    } else {
      p.add(
          new Phase(
              pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
      p.add(new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
    }
    this.phases = p;
    initialStep();
  }

  /** Sets the group options PyTorch sets before the base constructor runs; checks arguments. */
  private static Optimizer prepare(
      Optimizer optimizer,
      double maxLr,
      int totalSteps,
      double pctStart,
      boolean cycleMomentum,
      double baseMomentum,
      double maxMomentum,
      double divFactor,
      double finalDivFactor) {
    if (totalSteps <= 0) {
      throw new IllegalArgumentException(
          "Expected positive integer total_steps, but got " + totalSteps);
    }
    if (pctStart < 0 || pctStart > 1) {
      throw new IllegalArgumentException(
          "Expected float between 0 and 1 pct_start, but got " + pctStart);
    }
    boolean beta1 = optimizer.defaults().containsKey("betas");
    if (cycleMomentum && !beta1 && !optimizer.defaults().containsKey("momentum")) {
      throw new IllegalArgumentException(
          "optimizer must support momentum with `cycle_momentum` option enabled");
    }
    for (ParamGroup g : optimizer.paramGroups()) {
      g.set("initial_lr", maxLr / divFactor);
      g.set("max_lr", maxLr);
      g.set("min_lr", g.get("initial_lr") / finalDivFactor);
      if (cycleMomentum) {
        if (beta1) {
          double[] betas = g.tuple("betas");
          betas[0] = maxMomentum;
          g.set("betas", betas);
        } else {
          g.set("momentum", maxMomentum);
        }
        g.set("max_momentum", maxMomentum);
        g.set("base_momentum", baseMomentum);
      }
    }
    return optimizer;
  }

  private double anneal(double start, double end, double pct) {
    if (anneal == AnnealStrategy.COS) {
      double cosOut = Math.cos(Math.PI * pct) + 1;
      return end + (start - end) / 2.0 * cosOut;
    }
    return (end - start) * pct + start;
  }

  @Override
  protected List<Double> getLr() {
    int stepNum = lastEpoch;
    if (stepNum > totalSteps) {
      throw new IllegalStateException(
          "Tried to step "
              + (stepNum + 1)
              + " times. The specified number of total steps is "
              + totalSteps);
    }
    List<Double> lrs = new ArrayList<>();
    for (ParamGroup group : optimizer.paramGroups()) {
      double startStep = 0;
      double lr = 0;
      double momentum = 0;
      for (int i = 0; i < phases.size(); i++) {
        Phase phase = phases.get(i);
        double endStep = phase.endStep();
        if (stepNum <= endStep || i == phases.size() - 1) {
          double pct = (stepNum - startStep) / (endStep - startStep);
          lr = anneal(group.get(phase.startLr()), group.get(phase.endLr()), pct);
          if (cycleMomentum) {
            momentum =
                anneal(group.get(phase.startMomentum()), group.get(phase.endMomentum()), pct);
          }
          break;
        }
        startStep = phase.endStep();
      }
      lrs.add(lr);
      if (cycleMomentum) {
        if (useBeta1) {
          double[] betas = group.tuple("betas");
          betas[0] = momentum;
          group.set("betas", betas);
        } else {
          group.set("momentum", momentum);
        }
      }
    }
    return lrs;
  }
}
