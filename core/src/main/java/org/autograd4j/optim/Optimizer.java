package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Base class of optimizers ({@code torch.optim.Optimizer}): parameter groups with per-group
 * options, per-parameter state, and {@code zeroGrad}.
 *
 * <pre>{@code
 * optimizer.zeroGrad();
 * loss.backward();
 * optimizer.step();
 * }</pre>
 */
public abstract class Optimizer {
  private final List<ParamGroup> paramGroups = new ArrayList<>();

  /** Per-parameter state (momentum buffers, moments, step counts), keyed by identity. */
  protected final Map<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

  private final Map<String, Object> defaults;

  /** One group of {@code params} with {@code defaults} as its options. */
  protected Optimizer(List<? extends Tensor> params, Map<String, ?> defaults) {
    this.defaults = new LinkedHashMap<>(defaults);
    if (params.isEmpty()) {
      throw new IllegalArgumentException("optimizer got an empty parameter list");
    }
    addParamGroup(params, Map.of());
  }

  /** Adds a group whose options override the defaults. */
  public void addParamGroup(List<? extends Tensor> params, Map<String, ?> options) {
    Map<Tensor, Boolean> seen = new IdentityHashMap<>();
    for (ParamGroup g : paramGroups) {
      for (Tensor p : g.params()) {
        seen.put(p, Boolean.TRUE);
      }
    }
    for (Tensor p : params) {
      if (!p.isLeaf()) {
        throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
      }
      if (seen.put(p, Boolean.TRUE) != null) {
        throw new IllegalArgumentException(
            "some parameters appear in more than one parameter group");
      }
    }
    Map<String, Object> merged = new LinkedHashMap<>(defaults);
    merged.putAll(options);
    paramGroups.add(new ParamGroup(params, merged));
  }

  /** The parameter groups, in order. */
  public List<ParamGroup> paramGroups() {
    return paramGroups;
  }

  /** Performs one update of every parameter that has a gradient. */
  public abstract void step();

  /** {@code zero_grad(set_to_none=True)}. */
  public void zeroGrad() {
    zeroGrad(true);
  }

  /** {@code zero_grad(set_to_none)}: sets gradients to null, or zeroes them in place. */
  public void zeroGrad(boolean setToNone) {
    for (ParamGroup g : paramGroups) {
      for (Tensor p : g.params()) {
        Tensor grad = p.gradIfPresent();
        if (grad == null) {
          continue;
        }
        if (setToNone) {
          p.setGrad(null);
        } else {
          try (var noGrad = Torch.noGrad()) {
            grad.detach().zero_();
          }
        }
      }
    }
  }

  /** The mutable state map of one parameter. */
  protected Map<String, Object> stateOf(Tensor p) {
    return state.computeIfAbsent(p, k -> new LinkedHashMap<>());
  }
}
