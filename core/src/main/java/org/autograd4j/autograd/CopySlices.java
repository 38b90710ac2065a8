package org.autograd4j.autograd;

import org.autograd4j.DType;
import org.autograd4j.Tensor;

/**
 * The grad_fn a base tensor gets when one of its views is modified in place (PyTorch's {@code
 * CopySlices}). The in-place op's own node {@code fn} computed "new view = f(old view, others)";
 * for the base that means "new base = old base with the view's region replaced". So the base's
 * gradient passes through unchanged outside the region, and inside it goes through {@code fn}:
 *
 * <pre>{@code
 * result = copy of grad (base geometry); slice = result viewed as the view
 * res = fn(slice);  slice := res[0];  return [result, res[1], res[2], ...]
 * }</pre>
 *
 * Its {@code next_functions} are the base's previous edge followed by {@code fn}'s edges for the
 * op's other operands, as in PyTorch.
 *
 * <pre>{@code
 * Tensor y = x.clone();
 * y.narrow(0, 0, 2).mul_(2);
 * y.gradFn().name(); // "CopySlices"
 * }</pre>
 */
public final class CopySlices extends Node {
  /** How the slice lives inside the base: supplied by the tensor package, which owns geometry. */
  public interface Geometry {
    /** A fresh tensor with the base's sizes and strides holding {@code grad}'s values. */
    Tensor copyOfBaseGeometry(Tensor grad);

    /** The view's region of a tensor made by {@link #copyOfBaseGeometry}, as a view of it. */
    Tensor viewIn(Tensor baseLike);
  }

  private final Geometry geometry;
  private final Node fn;

  /**
   * @param baseEdge the base's gradient edge before the in-place op
   * @param base the base tensor (its shape and dtype)
   * @param fn the in-place op's node; its input 0 is the view's old value
   */
  public CopySlices(Edge baseEdge, Tensor base, Geometry geometry, Node fn) {
    super("CopySlices", edges(baseEdge, fn), shapes(base, fn), dtypes(base, fn));
    this.geometry = geometry;
    this.fn = fn;
    setOutputs(new int[][] {base.shape().toArray()}, new DType[] {base.dtype()});
  }

  private static Edge[] edges(Edge baseEdge, Node fn) {
    Edge[] e = fn.next.clone();
    e[0] = baseEdge;
    return e;
  }

  private static int[][] shapes(Tensor base, Node fn) {
    int[][] s = fn.inputShapes.clone();
    s[0] = base.shape().toArray();
    return s;
  }

  private static DType[] dtypes(Tensor base, Node fn) {
    DType[] d = fn.inputDtypes.clone();
    d[0] = base.dtype();
    return d;
  }

  @Override
  protected Tensor[] apply(Tensor[] gradOutputs) {
    Node f = fn;
    Tensor result = geometry.copyOfBaseGeometry(gradOutputs[0]);
    Tensor slice = geometry.viewIn(result);
    Tensor[] res = f.apply(new Tensor[] {slice.clone()});
    Tensor[] out = new Tensor[next.length];
    out[0] = result;
    if (res[0] != null) {
      slice.copy_(Engine.validate(f, 0, res[0]));
    } else {
      slice.zero_();
    }
    for (int i = 1; i < out.length; i++) {
      out[i] = res[i] == null || !needsInputGrad(i) ? null : res[i];
    }
    return out;
  }

  @Override
  protected void releaseVariables() {
    fn.releaseVariables();
  }
}
