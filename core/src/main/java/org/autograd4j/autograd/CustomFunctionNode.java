package org.autograd4j.autograd;

import org.autograd4j.DType;
import org.autograd4j.Tensor;

/**
 * The node of a custom {@link Function} call, and the logic of {@code Function.apply} (PyTorch's
 * {@code THPFunction_apply} and {@code _wrap_outputs}).
 */
final class CustomFunctionNode extends Node {
  static final String ONCE_MESSAGE =
      "trying to differentiate twice a function that was marked with @once_differentiable";

  private final Function fn;
  private final FunctionCtx ctx;
  private final boolean[] isTensorInput;

  private CustomFunctionNode(
      Function fn,
      FunctionCtx ctx,
      Edge[] next,
      int[][] shapes,
      DType[] dtypes,
      boolean[] isTensorInput) {
    super(fn.nodeName(), next, shapes, dtypes);
    this.fn = fn;
    this.ctx = ctx;
    this.isTensorInput = isTensorInput;
  }

  static Tensor[] apply(Function fn, Tensor[] inputs) {
    int n = inputs.length;
    boolean[] needs = new boolean[n];
    boolean[] isTensor = new boolean[n];
    for (int i = 0; i < n; i++) {
      isTensor[i] = inputs[i] != null;
      needs[i] = inputs[i] != null && inputs[i].requiresGrad();
    }
    boolean executable = Op.needsGrad(inputs);
    FunctionCtx ctx = new FunctionCtx(needs);
    // The graph edges are taken before forward: a dirty (in-place modified) input's old history
    // is what this node's gradient must flow into.
    Edge[] next = new Edge[n];
    int[][] shapes = new int[n][];
    DType[] dtypes = new DType[n];
    for (int i = 0; i < n; i++) {
      next[i] = executable && isTensor[i] ? Op.gradientEdge(inputs[i]) : Edge.NONE;
      if (isTensor[i]) {
        shapes[i] = inputs[i].shape().toArray();
        dtypes[i] = inputs[i].dtype();
      }
    }
    Tensor[] outs;
    try (GradMode.Scope s = GradMode.scope(false)) {
      outs = fn.forward(ctx, inputs.clone());
    }
    if (outs == null || outs.length == 0) {
      throw new IllegalStateException(
          fn.getClass().getSimpleName() + ".forward returned no outputs");
    }
    outs = outs.clone();
    for (int i = 0; i < outs.length; i++) {
      if (outs[i] == null) {
        throw new IllegalStateException(
            fn.getClass().getSimpleName() + ".forward returned null as output " + i);
      }
    }
    for (Tensor in : inputs) {
      if (in != null && ctx.isDirty(in)) {
        checkDirtyReturned(fn, in, outs);
        if (executable && in.isLeaf() && in.requiresGrad()) {
          throw new IllegalStateException(
              "a leaf Variable that requires grad has been used in an in-place operation.");
        }
        // PyTorch bumps a dirty tensor's version once more when it wraps the outputs.
        TensorAccess.get().bumpVersion(in);
      }
    }
    if (!executable) {
      return outs;
    }
    CustomFunctionNode node = new CustomFunctionNode(fn, ctx, next, shapes, dtypes, isTensor);
    int[][] outShapes = new int[outs.length][];
    DType[] outDtypes = new DType[outs.length];
    TensorAccess access = TensorAccess.get();
    for (int i = 0; i < outs.length; i++) {
      Tensor o = outs[i];
      boolean isInput = false;
      for (Tensor in : inputs) {
        isInput |= in == o;
      }
      if (isInput && !ctx.isDirty(o)) {
        // An input returned unchanged: the output is a new tensor sharing its data, so the
        // input keeps its own history.
        o = o.detach();
        outs[i] = o;
      }
      if (isInput && ctx.isDirty(o) && TensorAccess.get().isView(o)) {
        throw new UnsupportedOperationException(
            "markDirty on a view is not supported by autograd4j; modify a non-view tensor");
      }
      outShapes[i] = o.shape().toArray();
      outDtypes[i] = o.dtype();
      if (o.dtype().isFloatingPoint() && !ctx.isNonDifferentiable(o)) {
        access.setHistory(o, node, i);
      }
    }
    node.setOutputs(outShapes, outDtypes);
    ctx.freeze(node, outs);
    return outs;
  }

  private static void checkDirtyReturned(Function fn, Tensor in, Tensor[] outs) {
    for (Tensor o : outs) {
      if (o == in) {
        return;
      }
    }
    throw new IllegalStateException(
        "Some elements marked as dirty during the forward method were not returned as output. The"
            + " inputs that are modified inplace must all be outputs of the Function.");
  }

  @Override
  boolean materializesGrads() {
    return ctx.materializeGrads();
  }

  @Override
  protected Tensor[] apply(Tensor[] gradOutputs) {
    boolean once = fn.isOnceDifferentiable();
    Tensor[] grads;
    if (once) {
      try (GradMode.Scope s = GradMode.scope(false)) {
        grads = fn.backward(ctx, gradOutputs.clone());
      }
    } else {
      grads = fn.backward(ctx, gradOutputs.clone());
    }
    if (grads == null) {
      grads = new Tensor[0];
    }
    int expected = next.length;
    if (grads.length > expected) {
      // PyTorch lets backward return extra gradients as long as they are all None.
      for (int i = expected; i < grads.length; i++) {
        if (grads[i] != null) {
          throw new IllegalStateException(
              "function "
                  + name()
                  + " returned an incorrect number of gradients (expected "
                  + expected
                  + ", got "
                  + grads.length
                  + ")");
        }
      }
      grads = java.util.Arrays.copyOf(grads, expected);
    } else {
      grads = grads.clone();
    }
    for (int i = 0; i < grads.length && i < expected; i++) {
      if (grads[i] != null && !isTensorInput[i]) {
        throw new IllegalStateException(
            "function "
                + name()
                + " returned a gradient different than None at position "
                + (i + 1)
                + ", but the corresponding forward input was not a Variable");
      }
    }
    if (once && GradMode.isEnabled() && anyRequiresGrad(gradOutputs)) {
      grads = delayedError(grads);
    }
    return grads;
  }

  private static boolean anyRequiresGrad(Tensor[] ts) {
    for (Tensor t : ts) {
      if (t != null && t.requiresGrad()) {
        return true;
      }
    }
    return false;
  }

  /**
   * once_differentiable under create_graph: the gradients get a grad_fn named {@code Error} whose
   * backward raises, so a second differentiation fails loudly instead of silently giving zero.
   */
  private static Tensor[] delayedError(Tensor[] grads) {
    int k = 0;
    for (Tensor g : grads) {
      k += g == null ? 0 : 1;
    }
    if (k == 0) {
      return grads;
    }
    Tensor[] fakeInputs = new Tensor[k];
    Tensor[] outs = new Tensor[k];
    for (int i = 0, j = 0; i < grads.length; i++) {
      if (grads[i] != null) {
        fakeInputs[j] = grads[i].detach().requiresGrad_();
        outs[j] = grads[i].detach();
        j++;
      }
    }
    Op.record(
        "Error",
        outs,
        fakeInputs,
        (c, g) -> {
          throw new IllegalStateException(ONCE_MESSAGE);
        });
    Tensor[] result = grads.clone();
    for (int i = 0, j = 0; i < grads.length; i++) {
      if (grads[i] != null) {
        result[i] = outs[j++];
      }
    }
    return result;
  }

  /** The saved tensors if still held (for graph pictures), without version checks. */
  Tensor[] savedTensorsForDisplay() {
    return ctx.savedForDisplay();
  }

  @Override
  protected void releaseVariables() {
    ctx.release();
  }
}
