package org.autograd4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;

/**
 * A group of parameters with its own options ({@code lr}, {@code momentum}, ...), as an entry of
 * PyTorch's {@code optimizer.param_groups}.
 *
 * <pre>{@code
 * optimizer.paramGroups().get(0).set("lr", 0.01); // what an LR scheduler does
 * }</pre>
 */
public final class ParamGroup {
  private final List<Tensor> params;
  private final Map<String, Object> options;

  /** A group of {@code params} with {@code options} (copied). */
  public ParamGroup(List<? extends Tensor> params, Map<String, ?> options) {
    this.params = Collections.unmodifiableList(new ArrayList<>(params));
    this.options = new LinkedHashMap<>(options);
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

  /** A boolean option, e.g. {@code flag("nesterov")}. */
  public boolean flag(String name) {
    return Boolean.TRUE.equals(options.get(name));
  }

  /** Sets an option (schedulers change {@code lr} this way). */
  public void set(String name, Object value) {
    options.put(name, value);
  }

  /** The options, read-only. */
  public Map<String, Object> options() {
    return Collections.unmodifiableMap(options);
  }
}
