package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.autograd4j.Tensor;
import org.autograd4j.internal.TensorData;

/**
 * Base class of layers and models ({@code nn.Module}): it owns parameters, buffers and child
 * modules, registered in order, and gives them PyTorch's traversal and naming.
 *
 * <pre>{@code
 * class Net extends Module {
 *   final Linear fc = registerModule("fc", new Linear(1, 1));
 *   @Override public Tensor forward(Tensor x) { return fc.forward(x); }
 * }
 * new Net().namedParameters().keySet(); // [fc.weight, fc.bias]
 * }</pre>
 */
public abstract class Module {
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;

  /**
   * The module's computation on one input; modules with other signatures (losses) define their own
   * {@code forward}.
   */
  public Tensor forward(Tensor input) {
    throw new UnsupportedOperationException(
        "Module [" + getClass().getSimpleName() + "] is missing the required \"forward\" function");
  }

  /** Registers (or replaces) a parameter under {@code name}; returns it for field initialisers. */
  protected <P extends Parameter> P registerParameter(String name, P parameter) {
    checkName(name);
    parameters.put(name, parameter);
    return parameter;
  }

  /**
   * Registers a buffer: state saved in the state dict but not trained (e.g. running means). A null
   * buffer is allowed (as PyTorch's {@code register_buffer(name, None)}) and is left out of the
   * state dict.
   */
  protected Tensor registerBuffer(String name, Tensor buffer) {
    checkName(name);
    buffers.put(name, buffer);
    return buffer;
  }

  /** This module's own buffer {@code name} (null if unset), e.g. {@code running_mean}. */
  public Tensor getBuffer(String name) {
    return buffers.get(name);
  }

  /** This module's own parameter {@code name} (null if unset), e.g. {@code weight}. */
  public Parameter getParameter(String name) {
    return parameters.get(name);
  }

  /** Registers a child module under {@code name}; returns it for field initialisers. */
  protected <M extends Module> M registerModule(String name, M module) {
    checkName(name);
    children.put(name, module);
    return module;
  }

  private static void checkName(String name) {
    if (name == null || name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException(
          "module, parameter and buffer names can't be empty or contain \".\", got: \""
              + name
              + "\"");
    }
  }

  /** All parameters, own first then children's, each once, in registration order. */
  public List<Parameter> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Parameters by dotted name ({@code fc1.weight}), without duplicates of shared parameters. */
  public Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    Map<Tensor, Boolean> seen = new IdentityHashMap<>();
    collectParameters("", out, seen);
    return out;
  }

  private void collectParameters(
      String prefix, Map<String, Parameter> out, Map<Tensor, Boolean> seen) {
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      if (e.getValue() != null && seen.put(e.getValue(), Boolean.TRUE) == null) {
        out.put(prefix + e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Module> c : children.entrySet()) {
      c.getValue().collectParameters(prefix + c.getKey() + ".", out, seen);
    }
  }

  /** Buffers by dotted name. */
  public Map<String, Tensor> namedBuffers() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collectBuffers("", out);
    return out;
  }

  private void collectBuffers(String prefix, Map<String, Tensor> out) {
    for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
      if (e.getValue() != null) {
        out.put(prefix + e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Module> c : children.entrySet()) {
      c.getValue().collectBuffers(prefix + c.getKey() + ".", out);
    }
  }

  /**
   * {@code state_dict()}: every parameter and buffer by dotted name, in PyTorch's order (a module's
   * own parameters, then its buffers, then each child's entries), detached from the graph and
   * sharing storage with the module.
   *
   * <pre>{@code
   * new Linear(2, 3).stateDict().keySet(); // [weight, bias]
   * }</pre>
   */
  public Map<String, Tensor> stateDict() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    StateDicts.collect(this, "", out);
    return out;
  }

  /** {@code load_state_dict(stateDict, strict=True)}; see {@link #loadStateDict(Map, boolean)}. */
  public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
    return loadStateDict(stateDict, true);
  }

  /**
   * {@code load_state_dict(stateDict, strict)}: copies the values into this module's parameters and
   * buffers. A shape mismatch is always an error; missing and unexpected keys are errors when
   * {@code strict}, otherwise reported in the result. On error nothing is copied and the message is
   * PyTorch's ({@code Error(s) in loading state_dict for Net:\n\tMissing key(s) ...}).
   *
   * <pre>{@code
   * target.loadStateDict(source.stateDict()); // <All keys matched successfully>
   * }</pre>
   *
   * @throws IllegalArgumentException listing every problem, with the module unchanged
   */
  public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
    return StateDicts.load(this, stateDict, strict);
  }

  /** Own parameters by local name, including null entries (for state-dict traversal). */
  Map<String, Parameter> ownParameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** Own buffers by local name, including null entries. */
  Map<String, Tensor> ownBuffers() {
    return Collections.unmodifiableMap(buffers);
  }

  /** Direct children by name, in registration order. */
  public Map<String, Module> namedChildren() {
    return Collections.unmodifiableMap(children);
  }

  /** Direct children. */
  public List<Module> children() {
    return new ArrayList<>(children.values());
  }

  /** This module and all descendants, depth first, each once. */
  public List<Module> modules() {
    List<Module> out = new ArrayList<>();
    Map<Module, Boolean> seen = new IdentityHashMap<>();
    collectModules(out, seen);
    return out;
  }

  private void collectModules(List<Module> out, Map<Module, Boolean> seen) {
    if (seen.put(this, Boolean.TRUE) != null) {
      return;
    }
    out.add(this);
    for (Module c : children.values()) {
      c.collectModules(out, seen);
    }
  }

  /**
   * {@code named_modules()}: this module under {@code ""} and every descendant under its dotted
   * path, depth first, each once.
   *
   * <pre>{@code
   * new Sequential(new Linear(1, 1)).namedModules().keySet(); // [, 0]
   * }</pre>
   */
  public Map<String, Module> namedModules() {
    Map<String, Module> out = new LinkedHashMap<>();
    collectNamedModules("", out, new IdentityHashMap<>());
    return out;
  }

  private void collectNamedModules(
      String prefix, Map<String, Module> out, Map<Module, Boolean> seen) {
    if (seen.put(this, Boolean.TRUE) != null) {
      return;
    }
    out.put(prefix, this);
    for (Map.Entry<String, Module> c : children.entrySet()) {
      if (c.getValue() != null) {
        c.getValue()
            .collectNamedModules(
                prefix.isEmpty() ? c.getKey() : prefix + "." + c.getKey(), out, seen);
      }
    }
  }

  /**
   * {@code module.requires_grad_(flag)}: sets requires_grad on every parameter, e.g. to freeze a
   * pretrained part; returns this.
   */
  public Module requiresGrad_(boolean requiresGrad) {
    for (Parameter p : parameters()) {
      p.requiresGrad_(requiresGrad);
    }
    return this;
  }

  /** {@code module.apply(fn)}: calls {@code fn} on every child (recursively), then on this. */
  public Module apply(Consumer<Module> fn) {
    for (Module c : children.values()) {
      c.apply(fn);
    }
    fn.accept(this);
    return this;
  }

  /** Training mode on or off, recursively (affects Dropout, BatchNorm). */
  public Module train(boolean mode) {
    training = mode;
    for (Module c : children.values()) {
      c.train(mode);
    }
    return this;
  }

  /** {@code module.train()}. */
  public Module train() {
    return train(true);
  }

  /** {@code module.eval()}. */
  public Module eval() {
    return train(false);
  }

  /** Whether the module is in training mode. */
  public boolean isTraining() {
    return training;
  }

  /** {@code zero_grad(set_to_none=True)}: clears every parameter's gradient. */
  public void zeroGrad() {
    zeroGrad(true);
  }

  /** {@code zero_grad(set_to_none)}: sets gradients to null, or zeroes them in place. */
  public void zeroGrad(boolean setToNone) {
    for (Parameter p : parameters()) {
      TensorData.get().zeroGrad(p, setToNone);
    }
  }

  /** The text after the class name in the module repr, e.g. {@code in_features=2, ...}. */
  protected String extraRepr() {
    return "";
  }

  /** PyTorch's module repr: {@code Net(\n (fc): Linear(...)\n)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('(');
    String extra = extraRepr();
    if (children.isEmpty()) {
      return sb.append(extra).append(')').toString();
    }
    sb.append('\n');
    if (!extra.isEmpty()) {
      sb.append("  ").append(extra.replace("\n", "\n  ")).append('\n');
    }
    for (Map.Entry<String, Module> c : children.entrySet()) {
      sb.append("  (")
          .append(c.getKey())
          .append("): ")
          .append(c.getValue().toString().replace("\n", "\n  "))
          .append('\n');
    }
    return sb.append(')').toString();
  }
}
