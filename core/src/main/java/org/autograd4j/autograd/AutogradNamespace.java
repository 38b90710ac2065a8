package org.autograd4j.autograd;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.autograd4j.Tensor;
import org.autograd4j.autograd.functional.Functional;

/**
 * {@code torch.autograd} as an object, so that {@code Torch.autograd.grad(y, x)} reads like
 * PyTorch. Every method delegates to {@link Autograd}, {@link AnomalyMode}, {@link GraphDot} or
 * {@link Functional}.
 *
 * <pre>{@code
 * Tensor dydx = Torch.autograd.grad(y, x);
 * try (var a = Torch.autograd.detectAnomaly()) { loss.backward(); }
 * String dot = Torch.autograd.toDot(loss);
 * Tensor j = Torch.autograd.functional.jacobian(t -> t.pow(2), x);
 * }</pre>
 */
public final class AutogradNamespace {
  /** {@code torch.autograd.functional}. */
  public final FunctionalNamespace functional = new FunctionalNamespace();

  /** Use {@code Torch.autograd}. */
  public AutogradNamespace() {}

  /** {@code torch.autograd.backward(tensor)}. */
  public void backward(Tensor tensor) {
    Autograd.backward(List.of(tensor), null, null, false, null);
  }

  /** {@code torch.autograd.backward(tensors, grad_tensors)}. */
  public void backward(List<Tensor> tensors, List<Tensor> gradTensors) {
    Autograd.backward(tensors, gradTensors, null, false, null);
  }

  /**
   * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs)}; see
   * {@link Autograd#backward}.
   */
  public void backward(
      List<Tensor> tensors,
      List<Tensor> gradTensors,
      Boolean retainGraph,
      boolean createGraph,
      List<Tensor> inputs) {
    Autograd.backward(tensors, gradTensors, retainGraph, createGraph, inputs);
  }

  /** {@code torch.autograd.grad(output, input)[0]} for a single-element output. */
  public Tensor grad(Tensor output, Tensor input) {
    return Autograd.grad(output, input);
  }

  /** {@code torch.autograd.grad(output, input, create_graph=createGraph)[0]}. */
  public Tensor grad(Tensor output, Tensor input, boolean createGraph) {
    return Autograd.grad(output, input, createGraph);
  }

  /** {@code torch.autograd.grad(outputs, inputs)}. */
  public List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs) {
    return Autograd.grad(outputs, inputs, null, null, false, false);
  }

  /**
   * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph,
   * allow_unused)}; see {@link Autograd#grad(List, List, List, Boolean, boolean, boolean)}.
   */
  public List<Tensor> grad(
      List<Tensor> outputs,
      List<Tensor> inputs,
      List<Tensor> gradOutputs,
      Boolean retainGraph,
      boolean createGraph,
      boolean allowUnused) {
    return Autograd.grad(outputs, inputs, gradOutputs, retainGraph, createGraph, allowUnused);
  }

  /**
   * {@code with torch.autograd.detect_anomaly():} as try-with-resources (this thread only).
   *
   * <pre>{@code
   * try (var a = Torch.autograd.detectAnomaly()) { loss.backward(); }
   * }</pre>
   */
  public AnomalyMode.Scope detectAnomaly() {
    return AnomalyMode.scope(true);
  }

  /** {@code torch.autograd.set_detect_anomaly(mode)} for this thread. */
  public AnomalyMode.Scope setDetectAnomaly(boolean mode) {
    return AnomalyMode.scope(mode);
  }

  /** {@code torch.is_anomaly_enabled()}. */
  public boolean isAnomalyEnabled() {
    return AnomalyMode.isEnabled();
  }

  /** {@code torch.autograd.gradcheck(fn, inputs)}; see {@link GradCheck}. */
  public boolean gradcheck(
      java.util.function.Function<List<Tensor>, Tensor> fn, List<Tensor> inputs) {
    return GradCheck.gradcheck(fn, inputs);
  }

  /** {@code torch.autograd.gradgradcheck(fn, inputs)}; see {@link GradCheck}. */
  public boolean gradgradcheck(
      java.util.function.Function<List<Tensor>, Tensor> fn, List<Tensor> inputs) {
    return GradCheck.gradgradcheck(fn, inputs);
  }

  /** The graph behind {@code output} in Graphviz DOT, as torchviz's {@code make_dot(output)}. */
  public String toDot(Tensor output) {
    return GraphDot.toDot(output);
  }

  /** As {@link #toDot(Tensor)}, naming tensors as torchviz's {@code params}. */
  public String toDot(Tensor output, Map<Tensor, String> names) {
    return GraphDot.toDot(output, names);
  }

  /** {@code torch.autograd.functional}; see {@link Functional}. */
  public static final class FunctionalNamespace {
    private FunctionalNamespace() {}

    /** {@code jacobian(func, x)}. */
    public Tensor jacobian(UnaryOperator<Tensor> f, Tensor x) {
      return Functional.jacobian(f, x);
    }

    /** {@code jacobian(func, x, create_graph)}. */
    public Tensor jacobian(UnaryOperator<Tensor> f, Tensor x, boolean createGraph) {
      return Functional.jacobian(f, x, createGraph);
    }

    /** {@code jacobian(func, (x1, x2, ...))}. */
    public Tensor[] jacobian(Functional.MultiFunction f, Tensor... xs) {
      return Functional.jacobian(f, xs);
    }

    /** {@code hessian(func, x)}. */
    public Tensor hessian(UnaryOperator<Tensor> f, Tensor x) {
      return Functional.hessian(f, x);
    }

    /** {@code hessian(func, (x1, x2, ...))}. */
    public Tensor[][] hessian(Functional.MultiFunction f, Tensor... xs) {
      return Functional.hessian(f, xs);
    }

    /** {@code vjp(func, x, v)}: {@code {f(x), vᵀJ}}. */
    public Tensor[] vjp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
      return Functional.vjp(f, x, v);
    }

    /** {@code jvp(func, x, v)}: {@code {f(x), Jv}}. */
    public Tensor[] jvp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
      return Functional.jvp(f, x, v);
    }

    /** {@code hvp(func, x, v)}: {@code {f(x), Hv}}. */
    public Tensor[] hvp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
      return Functional.hvp(f, x, v);
    }
  }
}
