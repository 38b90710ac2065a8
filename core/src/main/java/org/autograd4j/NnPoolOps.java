package org.autograd4j;

import java.util.Arrays;
import org.autograd4j.autograd.Op;
import org.autograd4j.internal.ScratchArrays;
import org.autograd4j.internal.Storage;
import org.autograd4j.internal.kernels.KernelProvider;
import org.autograd4j.internal.kernels.Kernels;
import org.autograd4j.internal.kernels.Reductions;

/**
 * 2-D pooling over the last two dims of a tensor (any leading dims: {@code (N, C, H, W)} or {@code
 * (C, H, W)}). Max pooling returns int64 indices into each {@code H·W} plane, as PyTorch; its
 * backward scatters the gradient to them ({@code put}) and that scatter's backward gathers ({@code
 * take}), so double backward works. Average pools are linear maps given by their windows: the
 * backward is the adjoint, whose backward is the pool again.
 */
final class NnPoolOps {
  private static final KernelProvider KERNELS = Kernels.get();

  private NnPoolOps() {}

  /** PyTorch's pooling_output_shape. */
  static int outputSize(int in, int k, int pad, int stride, int dilation, boolean ceil) {
    long numerator = (long) in + 2L * pad - (long) dilation * (k - 1) - 1 + (ceil ? stride - 1 : 0);
    int out = (int) Math.floorDiv(numerator, stride) + 1;
    if (ceil && (long) (out - 1) * stride >= (long) in + pad) {
      out--;
    }
    return out;
  }

  private static int[] withPlane(int[] shape, int h, int w) {
    int[] out = shape.clone();
    out[out.length - 2] = h;
    out[out.length - 1] = w;
    return out;
  }

  // ------------------------------------------------------------------ max pooling

  /** The bit of {@link Reductions#NO_GRADIENT} in a pooling index. */
  private static final int FLAG_BIT = Long.numberOfTrailingZeros(Reductions.NO_GRADIENT);

  /** The bits of a position in a pooling index, below {@link #FLAG_BIT}. */
  private static final long POSITION_BITS = Reductions.NO_GRADIENT - 1;

  /** {@code max_pool2d_with_indices}: {@code {values, indices}}. */
  static Tensor[] maxPool2d(
      Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil) {
    return recordPool(pool(x, kernel, stride, padding, dilation, ceil, false), x);
  }

  /** Records {@code MaxPool2DWithIndicesBackward0} for {@code {values, indices}} of {@code x}. */
  private static Tensor[] recordPool(Tensor[] pooled, Tensor x) {
    return recordPutBackward("MaxPool2DWithIndicesBackward0", pooled, x, pooled[1]);
  }

  /**
   * Records {@code outs} read from {@code x} at {@code indices}: their backward is {@link #put}.
   */
  private static Tensor[] recordPutBackward(String name, Tensor[] outs, Tensor x, Tensor indices) {
    int[] shape = x.shape.clone();
    return Op.record(
        name,
        outs,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {put(g[0], ctx.saved(0), shape)},
        indices);
  }

  /**
   * {@code max_pool2d(relu(x))}, recorded as PyTorch records the two ops (ReluBackward0, then
   * MaxPool2DWithIndicesBackward0 over the ReLU's output), without the ReLU's output: relu keeps
   * positive values and NaNs as they are and maps the rest to zeros, so the pool of relu(x) is the
   * pool of x where a window holds a positive value or a NaN, and relu of the window's first
   * element elsewhere. Every index where the value is not positive is flagged {@link
   * Reductions#NO_GRADIENT}: the ReLU's gradient is zero there, so the pool's backward applies it
   * by skipping them and the ReLU's node passes its gradient on. That skips the pass over the
   * ReLU's output forward and its gradient backward (2.4 MB each for the CNN's first layer).
   */
  static Tensor maxPool2dOfRelu(
      Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil) {
    boolean fits = (long) x.size(-2) * x.size(-1) <= Reductions.MAX_PLANE;
    Tensor in = fits ? x : Elementwise.relu(x);
    Tensor[] pooled = pool(in, kernel, stride, padding, dilation, ceil, fits);
    if (!fits) {
      return recordPool(pooled, in)[0];
    }
    // The ReLU's output never exists: its node's output only carries the shape, on x's storage.
    Tensor relu = x.detach();
    Op.record("ReluBackward0", relu, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0]});
    return recordPool(pooled, relu)[0];
  }

  /**
   * The values and indices of a max pool, of relu(x) when {@code relu} (then with the indices of
   * values that are not positive flagged); sizes as {@code {height, width}}.
   */
  private static Tensor[] pool(
      Tensor x,
      int[] kernel,
      int[] stride,
      int[] padding,
      int[] dilation,
      boolean ceil,
      boolean relu) {
    int kh = kernel[0];
    int kw = kernel[1];
    int sh = stride[0];
    int sw = stride[1];
    int ph = padding[0];
    int pw = padding[1];
    int dh = dilation[0];
    int dw = dilation[1];
    int rank = x.dim();
    int h = x.shape[rank - 2];
    int w = x.shape[rank - 1];
    int oh = outputSize(h, kh, ph, sh, dh, ceil);
    int ow = outputSize(w, kw, pw, sw, dw, ceil);
    Tensor c = x.contiguousData();
    int planes = h * w == 0 ? 0 : x.numel() / (h * w);
    int[] outShape = withPlane(x.shape, oh, ow);
    Tensor out = Creation.full(outShape, 0, x.dtype());
    Tensor idx = Creation.full(outShape, 0, DType.INT64);
    long[] ind = idx.storage.longs();
    // Direct array access (float32 or float64): this loop is hot in CNN training.
    float[] fs = x.dtype() == DType.FLOAT32 ? c.storage.floats() : null;
    double[] ds = x.dtype() == DType.FLOAT64 ? c.storage.doubles() : null;
    float[] fo = x.dtype() == DType.FLOAT32 ? out.storage.floats() : null;
    double[] dout = x.dtype() == DType.FLOAT64 ? out.storage.doubles() : null;
    boolean twoByTwo =
        kh == 2 && kw == 2 && sh == 2 && sw == 2 && ph == 0 && pw == 0 && dh == 1 && dw == 1;
    if (fs != null && twoByTwo && 2 * oh <= h && 2 * ow <= w) {
      // The CNN's pool: a kernel without data-dependent branches, vectorised where available.
      // Planes are independent: each thread pools its own.
      SampleChunks.run(
          planes,
          SampleChunks.count(planes, (long) h * w),
          (chunk, lo, hi) ->
              KERNELS
                  .reductions()
                  .maxPool2x2(
                      fs,
                      c.offset + lo * h * w,
                      hi - lo,
                      h,
                      w,
                      oh,
                      ow,
                      fo,
                      ind,
                      lo * oh * ow,
                      relu));
    } else {
      for (int p = 0; p < planes; p++) {
        int base = c.offset + p * h * w;
        for (int i = 0; i < oh; i++) {
          int hs = i * sh - ph;
          int h0 = hs;
          while (h0 < 0) {
            h0 += dh;
          }
          int he = Math.min(hs + (kh - 1) * dh + 1, h);
          for (int j = 0; j < ow; j++) {
            int ws = j * sw - pw;
            int w0 = ws;
            while (w0 < 0) {
              w0 += dw;
            }
            int we = Math.min(ws + (kw - 1) * dw + 1, w);
            int best = h0 * w + w0;
            double max = Double.NEGATIVE_INFINITY;
            for (int y = h0; y < he; y += dh) {
              for (int z = w0; z < we; z += dw) {
                int at = base + y * w + z;
                double v = fs != null ? fs[at] : ds[at];
                if (v > max || Double.isNaN(v)) {
                  max = v;
                  best = y * w + z;
                }
              }
            }
            int o = (p * oh + i) * ow + j;
            long index = best;
            if (relu && !(max > 0)) {
              // See maxPool2dOfRelu: relu's zeros tie, and the first in the window wins.
              int first = h0 * w + w0;
              if (max == max) {
                double v = fs != null ? fs[base + first] : ds[base + first];
                max = v < 0 ? 0.0 : v;
              }
              index = Reductions.NO_GRADIENT + first;
            }
            if (fo != null) {
              fo[o] = (float) max;
            } else {
              dout[o] = max;
            }
            ind[o] = index;
          }
        }
      }
    }
    return new Tensor[] {out, idx};
  }

  /**
   * Adds {@code g} (leading..., oh, ow) into zeros of {@code shape} at the plane indices; an index
   * flagged {@link Reductions#NO_GRADIENT} ({@link #maxPool2dOfRelu}) takes nothing.
   */
  static Tensor put(Tensor g, Tensor indices, int[] shape) {
    Tensor gc = g.contiguousData();
    Tensor ic = indices.contiguousData();
    int plane = shape[shape.length - 2] * shape[shape.length - 1];
    int per = g.shape[g.dim() - 2] * g.shape[g.dim() - 1];
    // A float32 gradient comes from the scratch pool, where the convolution's backward that
    // consumes it gives it back (NnConvOps.convolution): memory still in cache. Each thread zeroes
    // its own planes just before scattering into them (below), while they are in L1; zeroing the
    // whole 2.4 MB of the CNN's first pool on the calling thread first cost 6-12% of the backward
    // on 2 threads (CNN step, JDK 17 and 25, one JVM: 1869 -> 1698, 1957 -> 1714, 1907 -> 1674
    // us) and 1-3% on one.
    int total = Shapes.numel(shape);
    Tensor out =
        g.dtype() == DType.FLOAT32
            ? new Tensor(
                Storage.of(per == 0 ? ScratchArrays.takeZeroed(total) : ScratchArrays.take(total)),
                shape.clone())
            : Creation.full(shape, 0, g.dtype());
    int n = g.numel();
    long[] is = ic.storage.longs();
    if (g.dtype() == DType.FLOAT32) {
      float[] src = gc.storage.floats();
      float[] dst = out.storage.floats();
      // Plane by plane rather than dividing each flat index by the plane size; each thread
      // zeroes and scatters into its own planes, which cover the whole output.
      int planes = per == 0 ? 0 : n / per;
      SampleChunks.run(
          planes,
          SampleChunks.count(planes, 2L * per),
          (chunk, lo, hi) -> {
            for (int q = lo; q < hi; q++) {
              int base = q * plane;
              Arrays.fill(dst, base, base + plane, 0f);
              for (int i = q * per, end = i + per; i < end; i++) {
                // Windows without gradient, half of those after a ReLU and in no predictable
                // pattern, add +0 to their first element: a branch or a conditional move on the
                // flag cost 800 us a CNN step, mostly mispredicted; masking the bits costs none.
                long at = is[ic.offset + i];
                int keep = (int) (at >>> FLAG_BIT & 1) - 1;
                float v = Float.intBitsToFloat(Float.floatToRawIntBits(src[gc.offset + i]) & keep);
                dst[base + (int) (at & POSITION_BITS)] += v;
              }
            }
          });
    } else {
      for (int i = 0; i < n; i++) {
        long at = is[ic.offset + i];
        if (at < Reductions.NO_GRADIENT) {
          int target = (i / per) * plane + (int) at;
          out.storage.setDouble(
              target, out.storage.getDouble(target) + gc.storage.getDouble(gc.offset + i));
        }
      }
    }
    return Op.record(
        "MaxPool2DWithIndicesBackwardBackward0",
        out,
        new Tensor[] {g},
        (ctx, gr) -> new Tensor[] {take(gr[0], ctx.saved(0))},
        indices);
  }

  /**
   * Reads {@code x} (leading..., H, W) at the plane indices, zero at a flagged one: the adjoint of
   * {@link #put}.
   */
  static Tensor take(Tensor x, Tensor indices) {
    Tensor xc = x.contiguousData();
    Tensor ic = indices.contiguousData();
    int plane = x.shape[x.dim() - 2] * x.shape[x.dim() - 1];
    int per = indices.shape[indices.dim() - 2] * indices.shape[indices.dim() - 1];
    Tensor out = Creation.full(indices.shape, 0, x.dtype());
    int n = indices.numel();
    for (int i = 0; i < n; i++) {
      long at = ic.storage.getLong(ic.offset + i);
      if (at < Reductions.NO_GRADIENT) {
        out.storage.setDouble(i, xc.storage.getDouble(xc.offset + (i / per) * plane + (int) at));
      }
    }
    return recordPutBackward("GatherBackward0", new Tensor[] {out}, x, indices)[0];
  }

  // ------------------------------------------------------------------ average pooling

  /**
   * The windows of an average pool: for output (i, j) the input rows {@code [hs[i], he[i])},
   * columns {@code [ws[j], we[j])} (already clipped to the input), divided by {@code div[i·ow+j]}.
   */
  record Windows(int[] hs, int[] he, int[] ws, int[] we, double[] div, String name) {
    int oh() {
      return hs.length;
    }

    int ow() {
      return ws.length;
    }
  }

  static Windows avgWindows(
      int h,
      int w,
      int kh,
      int kw,
      int sh,
      int sw,
      int ph,
      int pw,
      boolean ceil,
      boolean countIncludePad,
      int divisorOverride) {
    int oh = outputSize(h, kh, ph, sh, 1, ceil);
    int ow = outputSize(w, kw, pw, sw, 1, ceil);
    int[] hs = new int[oh];
    int[] he = new int[oh];
    int[] hPool = new int[oh];
    for (int i = 0; i < oh; i++) {
      int s = i * sh - ph;
      int e = Math.min(s + kh, h + ph);
      hPool[i] = e - s;
      hs[i] = Math.max(s, 0);
      he[i] = Math.min(e, h);
    }
    int[] ws = new int[ow];
    int[] we = new int[ow];
    int[] wPool = new int[ow];
    for (int j = 0; j < ow; j++) {
      int s = j * sw - pw;
      int e = Math.min(s + kw, w + pw);
      wPool[j] = e - s;
      ws[j] = Math.max(s, 0);
      we[j] = Math.min(e, w);
    }
    double[] div = new double[oh * ow];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        div[i * ow + j] =
            divisorOverride > 0
                ? divisorOverride
                : countIncludePad ? hPool[i] * wPool[j] : (he[i] - hs[i]) * (we[j] - ws[j]);
      }
    }
    return new Windows(hs, he, ws, we, div, "AvgPool2D");
  }

  static Windows adaptiveWindows(int h, int w, int oh, int ow) {
    int[] hs = new int[oh];
    int[] he = new int[oh];
    for (int i = 0; i < oh; i++) {
      hs[i] = (int) Math.floorDiv((long) i * h, oh);
      he[i] = (int) -Math.floorDiv(-(long) (i + 1) * h, oh);
    }
    int[] ws = new int[ow];
    int[] we = new int[ow];
    for (int j = 0; j < ow; j++) {
      ws[j] = (int) Math.floorDiv((long) j * w, ow);
      we[j] = (int) -Math.floorDiv(-(long) (j + 1) * w, ow);
    }
    double[] div = new double[oh * ow];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        div[i * ow + j] = (he[i] - hs[i]) * (we[j] - ws[j]);
      }
    }
    return new Windows(hs, he, ws, we, div, "AdaptiveAvgPool2D");
  }

  /** The pool: each output is its window's sum over its divisor. */
  static Tensor avgPool(Tensor x, Windows win) {
    int rank = x.dim();
    int h = x.shape[rank - 2];
    int w = x.shape[rank - 1];
    int oh = win.oh();
    int ow = win.ow();
    Tensor c = x.contiguousData();
    int planes = h * w == 0 ? 0 : x.numel() / (h * w);
    Tensor out = Creation.full(withPlane(x.shape, oh, ow), 0, x.dtype());
    float[] fs = x.dtype() == DType.FLOAT32 ? c.storage.floats() : null;
    double[] ds = x.dtype() == DType.FLOAT64 ? c.storage.doubles() : null;
    float[] fo = x.dtype() == DType.FLOAT32 ? out.storage.floats() : null;
    double[] dout = x.dtype() == DType.FLOAT64 ? out.storage.doubles() : null;
    for (int p = 0; p < planes; p++) {
      int base = c.offset + p * h * w;
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          double s = 0;
          for (int y = win.hs()[i]; y < win.he()[i]; y++) {
            int row = base + y * w;
            for (int z = win.ws()[j]; z < win.we()[j]; z++) {
              s += fs != null ? fs[row + z] : ds[row + z];
            }
          }
          int o = (p * oh + i) * ow + j;
          double v = s / win.div()[i * ow + j];
          if (fo != null) {
            fo[o] = (float) v;
          } else {
            dout[o] = v;
          }
        }
      }
    }
    int[] inShape = x.shape.clone();
    return Op.record(
        win.name() + "Backward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {avgPoolAdjoint(g[0], win, inShape)});
  }

  /** The transpose of {@link #avgPool}: spreads each gradient over its window. */
  static Tensor avgPoolAdjoint(Tensor g, Windows win, int[] inShape) {
    int rank = inShape.length;
    int h = inShape[rank - 2];
    int w = inShape[rank - 1];
    int oh = win.oh();
    int ow = win.ow();
    Tensor gc = g.contiguousData();
    int planes = oh * ow == 0 ? 0 : g.numel() / (oh * ow);
    Tensor out = Creation.full(inShape, 0, g.dtype());
    double[] acc = new double[h * w];
    float[] gf = g.dtype() == DType.FLOAT32 ? gc.storage.floats() : null;
    double[] gd = g.dtype() == DType.FLOAT64 ? gc.storage.doubles() : null;
    for (int p = 0; p < planes; p++) {
      Arrays.fill(acc, 0);
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          int at = gc.offset + (p * oh + i) * ow + j;
          double v = (gf != null ? gf[at] : gd[at]) / win.div()[i * ow + j];
          for (int y = win.hs()[i]; y < win.he()[i]; y++) {
            for (int z = win.ws()[j]; z < win.we()[j]; z++) {
              acc[y * w + z] += v;
            }
          }
        }
      }
      for (int k = 0; k < h * w; k++) {
        out.storage.setDouble(p * h * w + k, acc[k]);
      }
    }
    return Op.record(
        win.name() + "BackwardBackward0",
        out,
        new Tensor[] {g},
        (ctx, gr) -> new Tensor[] {avgPool(gr[0], win)});
  }
}
