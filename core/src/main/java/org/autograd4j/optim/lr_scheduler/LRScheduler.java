package org.autograd4j.optim.lr_scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.ParamGroup;

/**
 * Base class of learning-rate schedulers ({@code torch.optim.lr_scheduler._LRScheduler}, PyTorch
 * 1.13). Construction records each group's {@code initial_lr} and performs the initial step (epoch
 * 0); each {@link #step()} advances {@code lastEpoch} and sets every group's {@code lr} from the
 * chainable form {@link #getLr()}, which builds on the group's current lr so schedulers compose.
 *
 * <pre>{@code
 * StepLR scheduler = new StepLR(optimizer, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *   train(...);            // optimizer.step() inside
 *   scheduler.step();
 * }
 * scheduler.getLastLr();   // [1.0E-4]
 * }</pre>
 */
public abstract class LRScheduler {
  /** The optimizer whose groups' {@code lr} this scheduler sets. */
  protected final Optimizer optimizer;

  /** The groups' {@code initial_lr}. */
  protected List<Double> baseLrs;

  /** The number of steps taken, -1 before the initial step. */
  protected int lastEpoch;

  /** The number of calls to {@code step()} (including the initial one). */
  protected int stepCount;

  private List<Double> lastLr = List.of();

  /**
   * Records {@code initial_lr} (or, when resuming with {@code lastEpoch != -1}, requires it);
   * subclasses set their fields, then call {@link #initialStep()}.
   */
  protected LRScheduler(Optimizer optimizer, int lastEpoch) {
    this.optimizer = optimizer;
    List<ParamGroup> groups = optimizer.paramGroups();
    for (int i = 0; i < groups.size(); i++) {
      ParamGroup g = groups.get(i);
      if (lastEpoch == -1) {
        if (!g.has("initial_lr")) {
          g.set("initial_lr", g.get("lr"));
        }
      } else if (!g.has("initial_lr")) {
        throw new IllegalArgumentException(
            "param 'initial_lr' is not specified in param_groups["
                + i
                + "] when resuming an optimizer");
      }
    }
    List<Double> base = new ArrayList<>();
    for (ParamGroup g : groups) {
      base.add(g.get("initial_lr"));
    }
    this.baseLrs = base;
    this.lastEpoch = lastEpoch;
  }

  /** PyTorch's {@code _initial_step}: the step to epoch {@code lastEpoch + 1} done on creation. */
  protected final void initialStep() {
    stepCount = 0;
    step();
  }

  /** The chainable form: the next lr of each group from the current ones. */
  protected abstract List<Double> getLr();

  /**
   * The closed form used by {@link #step(int)}; schedulers without one use {@link #getLr()}, as in
   * PyTorch.
   */
  protected List<Double> getClosedFormLr() {
    return getLr();
  }

  /** Advances one epoch (or batch) and updates every group's {@code lr}. */
  public void step() {
    stepCount++;
    lastEpoch++;
    apply(getLr());
  }

  /**
   * {@code scheduler.step(epoch)} (deprecated in PyTorch): jumps to {@code epoch}, using the closed
   * form where the scheduler has one.
   */
  public void step(int epoch) {
    stepCount++;
    lastEpoch = epoch;
    apply(getClosedFormLr());
  }

  private void apply(List<Double> values) {
    List<ParamGroup> groups = optimizer.paramGroups();
    List<Double> last = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      groups.get(i).set("lr", values.get(i));
      last.add(groups.get(i).get("lr"));
    }
    lastLr = Collections.unmodifiableList(last);
  }

  /** {@code get_last_lr()}: the lr of each group as set by the last step. */
  public List<Double> getLastLr() {
    return lastLr;
  }

  /** The number of steps taken ({@code last_epoch}). */
  public int lastEpoch() {
    return lastEpoch;
  }

  /** The current lr of each group. */
  protected List<Double> groupLrs() {
    List<Double> out = new ArrayList<>();
    for (ParamGroup g : optimizer.paramGroups()) {
      out.add(g.get("lr"));
    }
    return out;
  }

  /**
   * {@code scheduler.state_dict()}: {@code last_epoch}, {@code _step_count}, {@code base_lrs} and
   * {@code _last_lr} (the scheduler's hyper-parameters come from its constructor).
   */
  public Map<String, Object> stateDict() {
    Map<String, Object> sd = new LinkedHashMap<>();
    sd.put("last_epoch", lastEpoch);
    sd.put("_step_count", stepCount);
    sd.put("base_lrs", new ArrayList<>(baseLrs));
    sd.put("_last_lr", new ArrayList<>(lastLr));
    return sd;
  }

  /** {@code scheduler.load_state_dict(sd)}. */
  @SuppressWarnings("unchecked")
  public void loadStateDict(Map<String, Object> sd) {
    int epoch = ((Number) sd.get("last_epoch")).intValue();
    int count = ((Number) sd.get("_step_count")).intValue();
    List<Double> base = new ArrayList<>();
    for (Object o : (List<Object>) sd.get("base_lrs")) {
      base.add(((Number) o).doubleValue());
    }
    List<Double> last = new ArrayList<>();
    for (Object o : (List<Object>) sd.get("_last_lr")) {
      last.add(((Number) o).doubleValue());
    }
    lastEpoch = epoch;
    stepCount = count;
    baseLrs = base;
    lastLr = Collections.unmodifiableList(last);
  }
}
