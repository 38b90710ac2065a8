package org.autograd4j;

import org.autograd4j.autograd.GradMode;
import org.autograd4j.autograd.Op;
import org.autograd4j.internal.Storage;

/**
 * {@code as_strided} and its backward: the view machinery behind in-place ops on views. When a
 * view's base is modified in place (through the base or another view), the view's old grad_fn no
 * longer describes how its values came to be; PyTorch then regenerates the view's history as {@code
 * AsStridedBackward0} from the base's current history, and so do we.
 *
 * <p>Geometries are absolute storage coordinates (offset, sizes, strides), as in PyTorch. The
 * backward assumes the input does not overlap itself in memory (true for every tensor created by
 * the library; an expanded tensor is never the base of a view).
 */
final class AsStrided {
  private AsStrided() {}

  /** {@code x.as_strided(shape, strides, offset)}, recorded as {@code AsStridedBackward0}. */
  static Tensor view(Tensor x, int[] shape, int[] strides, int offset) {
    Tensor out = Views.makeView(x, offset, shape.clone(), strides.clone());
    return record(out, x);
  }

  /**
   * Gives {@code view} the history PyTorch's {@code VariableHooks::grad_fn} gives a view whose base
   * changed in place: {@code AsStridedBackward0} from the base. Runs whatever the grad mode.
   */
  static void regenerate(Tensor view, Tensor base) {
    Tensor stand =
        new Tensor(view.storage, view.offset, view.shape, view.strides, view.version, base);
    try (GradMode.Scope s = GradMode.scope(true)) {
      record(stand, base);
    }
    view.takeHistory(stand);
  }

  private static Tensor record(Tensor out, Tensor x) {
    int[] inShape = x.shape.clone();
    int[] inStrides = x.strides.clone();
    int inOffset = x.offset;
    int[] shape = out.shape.clone();
    int[] strides = out.strides.clone();
    int offset = out.offset;
    return Op.record(
        "AsStridedBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) ->
            new Tensor[] {scatter(g[0], shape, strides, offset, inShape, inStrides, inOffset)});
  }

  /**
   * The backward of as_strided: {@code g} (laid out as the view {@code (shape, strides, offset)})
   * summed into a tensor shaped as the input {@code (inShape, inStrides, inOffset)}; positions of
   * the input that the view does not cover get 0. Itself differentiable: its backward reads the
   * view positions back out of the input-shaped gradient.
   */
  static Tensor scatter(
      Tensor g,
      int[] shape,
      int[] strides,
      int offset,
      int[] inShape,
      int[] inStrides,
      int inOffset) {
    int[] from = Strided.indexMap(shape, strides, offset);
    int[] to = Strided.indexMap(inShape, inStrides, inOffset);
    int span = Math.max(maxPlusOne(from), maxPlusOne(to));
    double[] buffer = new double[span];
    Tensor gc = g.contiguousData();
    for (int i = 0; i < from.length; i++) {
      buffer[from[i]] += gc.storage.getDouble(gc.offset + i);
    }
    Storage out = Storage.allocate(g.dtype(), to.length);
    for (int j = 0; j < to.length; j++) {
      out.setDouble(j, buffer[to[j]]);
    }
    Tensor result = new Tensor(out, inShape.clone());
    return Op.record(
        "AsStridedScatterBackward0",
        result,
        new Tensor[] {g},
        (ctx, gg) ->
            new Tensor[] {gather(gg[0], inShape, inStrides, inOffset, shape, strides, offset)});
  }

  /** The transpose of {@link #scatter}: reads the view positions out of an input-shaped tensor. */
  private static Tensor gather(
      Tensor gg,
      int[] inShape,
      int[] inStrides,
      int inOffset,
      int[] shape,
      int[] strides,
      int offset) {
    int[] from = Strided.indexMap(inShape, inStrides, inOffset);
    int[] to = Strided.indexMap(shape, strides, offset);
    int span = Math.max(maxPlusOne(from), maxPlusOne(to));
    double[] buffer = new double[span];
    Tensor c = gg.contiguousData();
    for (int j = 0; j < from.length; j++) {
      buffer[from[j]] = c.storage.getDouble(c.offset + j);
    }
    Storage out = Storage.allocate(gg.dtype(), to.length);
    for (int i = 0; i < to.length; i++) {
      out.setDouble(i, buffer[to[i]]);
    }
    Tensor result = new Tensor(out, shape.clone());
    return Op.record(
        "AsStridedGatherBackward0",
        result,
        new Tensor[] {gg},
        (ctx, g3) ->
            new Tensor[] {scatter(g3[0], shape, strides, offset, inShape, inStrides, inOffset)});
  }

  /**
   * A new tensor with {@code base}'s sizes and strides (storage offset 0), holding {@code g}'s
   * values: the buffer in which CopySlices rewrites the view's part of the gradient. Recorded as
   * {@code copy_} when grad mode is on, so double backward flows through it.
   */
  static Tensor emptyStridedCopy(Tensor base, Tensor g) {
    int span = 1;
    for (int d = 0; d < base.shape.length; d++) {
      span += (base.shape[d] - 1) * Math.abs(base.strides[d]);
    }
    if (Shapes.numel(base.shape) == 0) {
      span = 0;
    }
    Tensor t =
        new Tensor(
            Storage.allocate(g.dtype(), span),
            0,
            base.shape.clone(),
            base.strides.clone(),
            new int[1],
            null);
    return t.copy_(g);
  }

  private static int maxPlusOne(int[] positions) {
    int m = 0;
    for (int p : positions) {
      m = Math.max(m, p + 1);
    }
    return m;
  }
}
