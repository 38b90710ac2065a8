package org.autograd4j;

import org.autograd4j.autograd.Op;

/**
 * The two primitives behind every indexing op, on logical row-major positions: {@link #take}
 * ({@code out[k] = x.flat[pos[k]]}) and {@link #put} ({@code out = x; out.flat[pos[k]] (+)=
 * src.flat[srcPos[k]]}). Each is the other's derivative, so every op built on them (gather,
 * index_select, advanced indexing, scatter, index_put, masked_select) is differentiable to any
 * order. Public ops pass their own grad_fn name.
 */
final class Gather {
  private Gather() {}

  /** The elements of x (as laid out row-major) at {@code pos}, in a tensor of {@code shape}. */
  static Tensor take(String name, Tensor x, int[] pos, int[] shape) {
    Tensor c = x.contiguousData();
    Tensor out = Creation.full(shape, 0, x.dtype());
    boolean exact = !x.dtype().isFloatingPoint();
    for (int k = 0; k < pos.length; k++) {
      if (exact) {
        out.storage.setLong(k, c.storage.getLong(c.offset + pos[k]));
      } else {
        out.storage.setDouble(k, c.storage.getDouble(c.offset + pos[k]));
      }
    }
    int[] inShape = x.shape.clone();
    return Op.record(
        name, out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {accumulate(inShape, pos, g[0])});
  }

  /** Zeros of {@code shape} with {@code g.flat[k]} added at {@code pos[k]} (take's derivative). */
  static Tensor accumulate(int[] shape, int[] pos, Tensor g) {
    Tensor c = g.contiguousData();
    Tensor out = Creation.full(shape, 0, g.dtype());
    for (int k = 0; k < pos.length; k++) {
      out.storage.setDouble(
          pos[k], out.storage.getDouble(pos[k]) + c.storage.getDouble(c.offset + k));
    }
    int[] gShape = g.shape.clone();
    return Op.record(
        "IndexAddBackward0",
        out,
        new Tensor[] {g},
        (ctx, gg) -> new Tensor[] {take("IndexBackward0", gg[0], pos, gShape)});
  }

  /**
   * {@code x} with {@code src.flat[srcPos[k]]} written ({@code add}: added) at {@code pos[k]}. On
   * overwrite, x's gradient is zero at the written positions and src's is the gradient read there.
   */
  static Tensor put(String name, Tensor x, int[] pos, Tensor src, int[] srcPos, boolean add) {
    DType t = x.dtype();
    Tensor out = Strided.copyContiguous(x, t);
    Tensor s = src.contiguousData();
    boolean exact = !t.isFloatingPoint();
    for (int k = 0; k < pos.length; k++) {
      int p = pos[k];
      if (exact) {
        long v = s.storage.getLong(s.offset + srcPos[k]);
        out.storage.setLong(p, add ? out.storage.getLong(p) + v : v);
      } else {
        double v = s.storage.getDouble(s.offset + srcPos[k]);
        out.storage.setDouble(p, add ? out.storage.getDouble(p) + v : v);
      }
    }
    if (!Op.needsGrad(x, src)) {
      return out;
    }
    Tensor keep = null;
    if (!add) {
      keep = Creation.full(x.shape, 1, t);
      for (int p : pos) {
        keep.storage.setDouble(p, 0);
      }
    }
    Tensor kept = keep;
    int[] srcShape = src.shape.clone();
    int[] written = new int[] {pos.length};
    return Op.record(
        name,
        out,
        new Tensor[] {x, src},
        (ctx, g) ->
            new Tensor[] {
              ctx.needsInputGrad(0) ? (add ? g[0] : g[0].mul(kept)) : null,
              ctx.needsInputGrad(1)
                  ? accumulate(srcShape, srcPos, take("IndexBackward0", g[0], pos, written))
                  : null
            });
  }
}
