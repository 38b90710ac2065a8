package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;

/**
 * A group of parameters with its own options ({@code lr}, {@code momentum}, {@code betas}, ...), as
 * an entry of PyTorch's {@code optimizer.param_groups}.
 *
 * <pre>{@code
 * optimizer.paramGroups().get(0).set("lr", 0.01); // what an LR scheduler does
 * }</pre>
 *
 * <p>Option values are numbers, booleans, or (for tuples such as Adam's {@code betas}) a {@code
 * double[]}.
 */
public final class ParamGroup {
  private final List<Tensor> params;
  private final Map<String, Object> options;

  /** A group of {@code params} with {@code options} (copied). */
  public ParamGroup(List<? extends Tensor> params, Map<String, ?> options) {
    this.params = Collections.unmodifiableList(new ArrayList<>(params));
    this.options = new LinkedHashMap<>();
    options.forEach(this::set);
  }

  /** The parameters of this group. */
  public List<Tensor> params() {
    return params;
  }

  /** A numeric option, e.g. {@code get("lr")}. */
  public double get(String name) {
    Object v = options.get(name);
    if (!(v instanceof Number)) {
      throw new IllegalArgumentException("param group has no numeric option '" + name + "'");
    }
    return ((Number) v).doubleValue();
  }

  /** A tuple option, e.g. {@code tuple("betas")} gives {@code {0.9, 0.999}}; a copy. */
  public double[] tuple(String name) {
    Object v = options.get(name);
    if (!(v instanceof double[])) {
      throw new IllegalArgumentException("param group has no tuple option '" + name + "'");
    }
    return ((double[]) v).clone();
  }

  /** A boolean option, e.g. {@code flag("nesterov")}. */
  public boolean flag(String name) {
    return Boolean.TRUE.equals(options.get(name));
  }

  /** Whether the group has an option of this name. */
  public boolean has(String name) {
    return options.containsKey(name);
  }

  /**
   * Sets an option (schedulers change {@code lr} this way). Numbers are stored as doubles and
   * tuples are copied, so later changes to the caller's array do not leak in.
   */
  public void set(String name, Object value) {
    if (value instanceof Number && !(value instanceof Double)) {
      value = ((Number) value).doubleValue();
    } else if (value instanceof double[]) {
      value = ((double[]) value).clone();
    } else if (!(value instanceof Double) && !(value instanceof Boolean)) {
      throw new IllegalArgumentException(
          "param group option '"
              + name
              + "' must be a number, a boolean or a double[], got "
              + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    options.put(name, value);
  }

  /** The options, read-only (tuples are the stored arrays: do not modify them). */
  public Map<String, Object> options() {
    return Collections.unmodifiableMap(options);
  }
}
