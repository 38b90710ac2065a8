package org.autograd4j.autograd;

import org.autograd4j.Tensor;

/**
 * A user-defined differentiable operation, as {@code torch.autograd.Function}: subclass it, write
 * {@link #forward} (run without recording) and {@link #backward} (one gradient per input), and call
 * {@link #apply(Function, Tensor...)}. The node is named {@code <SimpleClassName>Backward}.
 * Non-tensor arguments are fields of the subclass, set through its constructor.
 *
 * <pre>{@code
 * class MulConstant extends Function {
 *   private final double k;
 *   MulConstant(double k) { this.k = k; }
 *
 *   public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
 *     return new Tensor[] {in[0].mul(k)};
 *   }
 *
 *   public Tensor[] backward(FunctionCtx ctx, Tensor... grad) {
 *     return new Tensor[] {grad[0].mul(k)};
 *   }
 * }
 *
 * Tensor y = Function.apply(new MulConstant(3), x); // grad_fn=<MulConstantBackward>
 * }</pre>
 *
 * <p>An instance holds no per-call state (that lives in the {@link FunctionCtx}), so one instance
 * may be applied many times, from several threads.
 */
public abstract class Function {
  /**
   * Computes the outputs. Runs with grad mode off; {@code inputs} may contain null.
   *
   * @return the outputs (at least one)
   */
  public abstract Tensor[] forward(FunctionCtx ctx, Tensor... inputs);

  /**
   * Computes one gradient per forward input (null where there is none) from one gradient per
   * output. Runs with grad mode on when the backward pass is recorded ({@code createGraph}), so
   * writing it with Tensor ops makes it differentiable again, unless the class (or this method) is
   * annotated {@link OnceDifferentiable}.
   */
  public abstract Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs);

  /**
   * Applies {@code fn} to {@code inputs} and records it in the graph ({@code MyFn.apply(x, y)}).
   * Returns the only output; use {@link #applyAll} for several.
   */
  public static Tensor apply(Function fn, Tensor... inputs) {
    Tensor[] out = fn.applyAll(inputs);
    if (out.length != 1) {
      throw new IllegalStateException(
          fn.getClass().getSimpleName()
              + ".forward returned "
              + out.length
              + " outputs; use applyAll to get all of them");
    }
    return out[0];
  }

  /** Instance form of {@link #apply(Function, Tensor...)}. */
  public Tensor apply(Tensor... inputs) {
    return apply(this, inputs);
  }

  /** Applies this function and returns all of its outputs. */
  public Tensor[] applyAll(Tensor... inputs) {
    return CustomFunctionNode.apply(this, inputs);
  }

  /** The node name: {@code <SimpleClassName>Backward}, as PyTorch names custom functions. */
  String nodeName() {
    String simple = getClass().getSimpleName();
    if (simple.isEmpty()) {
      String full = getClass().getName();
      simple = full.substring(full.lastIndexOf('.') + 1);
    }
    return simple + "Backward";
  }

  boolean isOnceDifferentiable() {
    if (getClass().isAnnotationPresent(OnceDifferentiable.class)) {
      return true;
    }
    try {
      return getClass()
          .getMethod("backward", FunctionCtx.class, Tensor[].class)
          .isAnnotationPresent(OnceDifferentiable.class);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
