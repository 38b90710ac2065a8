package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;

/**
 * Base class of optimizers ({@code torch.optim.Optimizer}): parameter groups with per-group
 * options, per-parameter state, {@code zeroGrad}, and state dicts in PyTorch's structure.
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

  /**
   * PyTorch's {@code optimizer.state_dict()}: {@code state} maps the index of a parameter (counted
   * over all groups in order) to its state (tensors and numbers such as {@code step}); each entry
   * of {@code paramGroups} holds a group's options plus {@code "params"}, the {@code List<Integer>}
   * of its parameters' indices.
   *
   * <pre>{@code
   * Optimizer.StateDict sd = optimizer.stateDict();
   * sd.state().get(0).get("exp_avg");       // Adam's first moment of parameter 0
   * sd.paramGroups().get(0).get("lr");      // 0.001
   * }</pre>
   */
  public record StateDict(
      Map<Integer, Map<String, Object>> state, List<Map<String, Object>> paramGroups) {}

  /** One group of {@code params} with {@code defaults} as its options. */
  protected Optimizer(List<? extends Tensor> params, Map<String, ?> defaults) {
    this.defaults = new LinkedHashMap<>(defaults);
    if (params.isEmpty()) {
      throw new IllegalArgumentException("optimizer got an empty parameter list");
    }
    addParamGroup(params, Map.of());
  }

  /**
   * Adds a group whose options override the defaults.
   *
   * <pre>{@code
   * optimizer.addParamGroup(head.parameters(), Map.of("lr", 0.1));
   * }</pre>
   */
  public void addParamGroup(List<? extends Tensor> params, Map<String, ?> options) {
    if (params.isEmpty()) {
      throw new IllegalArgumentException("optimizer got an empty parameter list");
    }
    Map<Tensor, Boolean> seen = new IdentityHashMap<>();
    for (ParamGroup g : paramGroups) {
      for (Tensor p : g.params()) {
        seen.put(p, Boolean.TRUE);
      }
    }
    Map<Tensor, Boolean> own = new IdentityHashMap<>();
    for (Tensor p : params) {
      if (!p.isLeaf()) {
        throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
      }
      if (own.put(p, Boolean.TRUE) != null) {
        throw new IllegalArgumentException(
            "optimizer contains a parameter group with duplicate parameters");
      }
      if (seen.containsKey(p)) {
        throw new IllegalArgumentException(
            "some parameters appear in more than one parameter group");
      }
    }
    Map<String, Object> merged = new LinkedHashMap<>(defaults);
    merged.putAll(options);
    ParamGroup group = new ParamGroup(params, merged);
    checkGroup(group);
    paramGroups.add(group);
    initGroupState(group);
  }

  /** Validates a new group's options; subclasses throw with PyTorch's message. */
  protected void checkGroup(ParamGroup group) {}

  /** Creates state that exists before the first step (Adagrad's sums); none by default. */
  protected void initGroupState(ParamGroup group) {}

  /** The parameter groups, in order. */
  public List<ParamGroup> paramGroups() {
    return Collections.unmodifiableList(paramGroups);
  }

  /** The options every new group starts from ({@code optimizer.defaults}), read-only. */
  public Map<String, Object> defaults() {
    return Collections.unmodifiableMap(defaults);
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
        TensorData.get().zeroGrad(p, setToNone);
      }
    }
  }

  /** The mutable state map of one parameter. */
  protected Map<String, Object> stateOf(Tensor p) {
    return state.computeIfAbsent(p, k -> new LinkedHashMap<>());
  }

  /**
   * {@code optimizer.state_dict()}. As in PyTorch, state tensors are the optimizer's own (not
   * copies): save or clone them before stepping again.
   */
  public StateDict stateDict() {
    Map<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
    List<Map<String, Object>> groups = new ArrayList<>();
    int index = 0;
    for (ParamGroup g : paramGroups) {
      Map<String, Object> packed = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : g.options().entrySet()) {
        Object v = e.getValue();
        packed.put(e.getKey(), v instanceof double[] ? ((double[]) v).clone() : v);
      }
      List<Integer> ids = new ArrayList<>();
      for (Tensor p : g.params()) {
        Map<String, Object> st = state.get(p);
        if (st != null) {
          packedState.put(index, new LinkedHashMap<>(st));
        }
        ids.add(index++);
      }
      packed.put("params", ids);
      groups.add(packed);
    }
    return new StateDict(packedState, groups);
  }

  /**
   * {@code optimizer.load_state_dict(sd)}: restores options and state from a state dict of an
   * optimizer over parameters of the same shapes and grouping. Floating-point state tensors are
   * copied and cast to their parameter's dtype. On any error the optimizer is left unchanged.
   *
   * <pre>{@code
   * Adam resumed = new Adam(model.parameters(), 1e-3);
   * resumed.loadStateDict(saved);
   * }</pre>
   */
  public void loadStateDict(StateDict sd) {
    List<Map<String, Object>> saved = sd.paramGroups();
    if (saved.size() != paramGroups.size()) {
      throw new IllegalArgumentException(
          "loaded state dict has a different number of parameter groups");
    }
    List<Tensor> all = new ArrayList<>();
    Map<Integer, Tensor> idMap = new LinkedHashMap<>();
    for (int gi = 0; gi < paramGroups.size(); gi++) {
      List<Tensor> params = paramGroups.get(gi).params();
      Object ids = saved.get(gi).get("params");
      if (!(ids instanceof List<?> list) || list.size() != params.size()) {
        throw new IllegalArgumentException(
            "loaded state dict contains a parameter group that doesn't match the size of"
                + " optimizer's group");
      }
      for (int i = 0; i < params.size(); i++) {
        Object id = list.get(i);
        if (!(id instanceof Integer)) {
          throw new IllegalArgumentException(
              "loaded state dict has a non-integer parameter index: " + id);
        }
        idMap.put((Integer) id, params.get(i));
      }
      all.addAll(params);
    }
    Map<Tensor, Map<String, Object>> newState = new IdentityHashMap<>();
    for (Map.Entry<Integer, Map<String, Object>> e : sd.state().entrySet()) {
      Tensor p = idMap.get(e.getKey());
      if (p == null) {
        // PyTorch keeps state of unknown ids too; they can never be used, so we reject them.
        throw new IllegalArgumentException(
            "loaded state dict has state for parameter " + e.getKey() + ", which no group lists");
      }
      Map<String, Object> st = new LinkedHashMap<>();
      for (Map.Entry<String, Object> s : e.getValue().entrySet()) {
        st.put(s.getKey(), castState(e.getKey(), p, s.getKey(), s.getValue()));
      }
      newState.put(p, st);
    }
    List<ParamGroup> newGroups = new ArrayList<>();
    for (int gi = 0; gi < paramGroups.size(); gi++) {
      Map<String, Object> options = new LinkedHashMap<>(saved.get(gi));
      options.remove("params");
      ParamGroup g = new ParamGroup(paramGroups.get(gi).params(), options);
      checkGroup(g);
      newGroups.add(g);
    }
    // Everything validated: commit.
    state.clear();
    state.putAll(newState);
    for (int gi = 0; gi < newGroups.size(); gi++) {
      paramGroups.set(gi, newGroups.get(gi));
    }
  }

  private static Object castState(int id, Tensor p, String key, Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (!(value instanceof Tensor t)) {
      throw new IllegalArgumentException(
          "state '" + key + "' of parameter " + id + " must be a Tensor or a number");
    }
    if (!"step".equals(key) && !t.shape().equals(p.shape())) {
      throw new IllegalArgumentException(
          "state '"
              + key
              + "' of parameter "
              + id
              + " has shape "
              + t.shape()
              + " but the parameter has shape "
              + p.shape());
    }
    try (var noGrad = Torch.noGrad()) {
      Tensor src = t.detach();
      boolean cast =
          !"step".equals(key)
              && p.dtype().isFloatingPoint()
              && t.dtype().isFloatingPoint()
              && t.dtype() != p.dtype();
      // A deep copy, as PyTorch's load_state_dict deep-copies: the caller's tensors stay theirs.
      return cast ? src.to(p.dtype()).contiguous() : src.clone();
    }
  }

  /** Python's repr of a float, for PyTorch's messages ({@code 1e-08}, {@code -0.1}). */
  static String py(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e16) {
      return (long) v + ".0";
    }
    String s = Double.toString(v);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exp = Integer.parseInt(s.substring(e + 1));
    if (exp > -5 && exp < 16) {
      return new java.math.BigDecimal(s).toPlainString();
    }
    return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
  }
}
