package org.autograd4j;

import org.autograd4j.autograd.Op;
import org.autograd4j.internal.Storage;

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
    Storage values = Storage.allocate(x.dtype(), pos.length);
    takeInto(c.storage, c.offset, pos, values);
    Tensor out = new Tensor(values, shape.clone());
    int[] inShape = x.shape.clone();
    return Op.record(
        name, out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {accumulate(inShape, pos, g[0])});
  }

  /** Zeros of {@code shape} with {@code g.flat[k]} added at {@code pos[k]} (take's derivative). */
  static Tensor accumulate(int[] shape, int[] pos, Tensor g) {
    Tensor c = g.contiguousData();
    Tensor out = Creation.full(shape, 0, g.dtype());
    addAt(c.storage, c.offset, pos, out.storage);
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

  /**
   * {@code out[k] = in[off + pos[k]]}, one typed loop per dtype: no per-element accessor (before
   * index_select copied whole rows, 128 rows of 784 floats went 504 -> 330 us with this, JDK 25).
   */
  private static void takeInto(Storage in, int off, int[] pos, Storage out) {
    int n = pos.length;
    switch (in.dtype()) {
      case FLOAT32:
        float[] f = in.floats();
        float[] fo = out.floats();
        for (int k = 0; k < n; k++) {
          fo[k] = f[off + pos[k]];
        }
        break;
      case FLOAT64:
        double[] d = in.doubles();
        double[] dout = out.doubles();
        for (int k = 0; k < n; k++) {
          dout[k] = d[off + pos[k]];
        }
        break;
      case INT64:
        long[] l = in.longs();
        long[] lo = out.longs();
        for (int k = 0; k < n; k++) {
          lo[k] = l[off + pos[k]];
        }
        break;
      default:
        boolean[] b = in.bools();
        boolean[] bo = out.bools();
        for (int k = 0; k < n; k++) {
          bo[k] = b[off + pos[k]];
        }
    }
  }

  /**
   * {@code out[pos[k]] += g[off + k]} in order, in g's float dtype: the same sums, rounded the same
   * way, as adding through the storage's double accessors.
   */
  private static void addAt(Storage g, int off, int[] pos, Storage out) {
    int n = pos.length;
    if (g.dtype() == DType.FLOAT32) {
      float[] gf = g.floats();
      float[] of = out.floats();
      for (int k = 0; k < n; k++) {
        of[pos[k]] += gf[off + k];
      }
    } else if (g.dtype() == DType.FLOAT64) {
      double[] gd = g.doubles();
      double[] od = out.doubles();
      for (int k = 0; k < n; k++) {
        od[pos[k]] += gd[off + k];
      }
    } else {
      for (int k = 0; k < n; k++) {
        out.setDouble(pos[k], out.getDouble(pos[k]) + g.getDouble(off + k));
      }
    }
  }
}
