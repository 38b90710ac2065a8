package org.autograd4j.autograd;

import org.autograd4j.DType;
import org.autograd4j.Tensor;

/**
 * Records an operation in the autograd graph: the one place where an op's forward result is tied to
 * its derivative and grad_fn name. Every differentiable op in the library goes through here.
 *
 * <pre>{@code
 * Tensor out = kernelResult;                                   // computed without autograd
 * return Op.record("SinBackward0", out, new Tensor[] {x},
 *     (ctx, g) -> new Tensor[] {g[0].mul(ctx.saved(0).cos())}, x);
 * }</pre>
 */
public final class Op {
  private Op() {}

  /**
   * Whether an op on these inputs must record a node: grad mode on and some input requires grad.
   */
  public static boolean needsGrad(Tensor... inputs) {
    if (!GradMode.isEnabled()) {
      return false;
    }
    for (Tensor t : inputs) {
      if (t != null && t.requiresGrad()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Ties a single-output op into the graph if any input requires grad; otherwise returns {@code
   * out} unchanged and saves nothing.
   *
   * <p>The backward function must not keep a reference to a gradient it returns: the engine may
   * hand a gradient computed during backward to a leaf as its {@code .grad} without copying it (as
   * PyTorch does when nothing else references it), and a later derivative may write into it ({@link
   * OpContext#ownsGrad}). A backward function may itself overwrite an incoming gradient only where
   * {@code ctx.ownsGrad(i)}. User-defined derivatives belong in {@link Function}, whose gradients
   * are always copied.
   *
   * @param name the grad_fn name, e.g. {@code MulBackward0}
   * @param out the forward result, computed without recording
   * @param inputs the differentiable inputs, in the order the backward function returns gradients
   * @param backward the derivative
   * @param saved tensors the derivative needs (may include {@code out})
   * @return {@code out}, now with its grad_fn set when recorded
   */
  public static Tensor record(
      String name, Tensor out, Tensor[] inputs, BackwardFunction backward, Tensor... saved) {
    record(name, new Tensor[] {out}, inputs, backward, saved);
    return out;
  }

  /**
   * The multi-output form of {@link #record(String, Tensor, Tensor[], BackwardFunction,
   * Tensor...)}.
   */
  public static Tensor[] record(
      String name, Tensor[] outs, Tensor[] inputs, BackwardFunction backward, Tensor... saved) {
    if (!needsGrad(inputs)) {
      return outs;
    }
    TensorAccess access = TensorAccess.get();
    Edge[] next = new Edge[inputs.length];
    int[][] shapes = new int[inputs.length][];
    DType[] dtypes = new DType[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      Tensor in = inputs[i];
      if (in != null) {
        next[i] = gradientEdge(in);
        // Tensor shapes are never mutated, so the node can share the array (no copy per node).
        shapes[i] = access.shapeOf(in);
        dtypes[i] = in.dtype();
      }
    }
    FunctionNode node = new FunctionNode(name, next, shapes, shared(dtypes), backward);
    int[][] outShapes = new int[outs.length][];
    DType[] outDtypes = new DType[outs.length];
    for (int i = 0; i < outs.length; i++) {
      outShapes[i] = access.shapeOf(outs[i]);
      outDtypes[i] = outs[i].dtype();
      if (outs[i].dtype().isFloatingPoint()) {
        access.setHistory(outs[i], node, i);
      }
    }
    node.setOutputs(outShapes, shared(outDtypes));
    node.save(saved, outs);
    return outs;
  }

  // Most nodes have one or two inputs of one dtype: sharing those (never mutated) arrays keeps
  // long graphs smaller.
  private static final DType[][] ONE = new DType[DType.values().length][];
  private static final DType[][] TWO = new DType[DType.values().length][];

  static {
    for (DType d : DType.values()) {
      ONE[d.ordinal()] = new DType[] {d};
      TWO[d.ordinal()] = new DType[] {d, d};
    }
  }

  private static DType[] shared(DType[] d) {
    if (d.length == 1 && d[0] != null) {
      return ONE[d[0].ordinal()];
    }
    if (d.length == 2 && d[0] != null && d[0] == d[1]) {
      return TWO[d[0].ordinal()];
    }
    return d;
  }

  /**
   * Where a gradient for {@code t} must be sent: its grad_fn for a non-leaf, its AccumulateGrad for
   * a leaf that requires grad, or an empty edge (null function) otherwise.
   */
  public static Edge gradientEdge(Tensor t) {
    if (t.gradFn() != null) {
      return new Edge(t.gradFn(), t.outputNr());
    }
    if (t.requiresGrad()) {
      return TensorAccess.get().gradAccumulator(t).edge;
    }
    return Edge.NONE;
  }
}
