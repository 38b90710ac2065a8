package org.autograd4j;

import org.autograd4j.internal.Storage;
import org.autograd4j.internal.kernels.Elementwise;
import org.autograd4j.internal.kernels.FloatFunctions;
import org.autograd4j.internal.kernels.KernelProvider;
import org.autograd4j.internal.kernels.Parallel;

/**
 * The float32/float64 fast paths of the elementwise op groups (the reductions' are in {@link
 * ReductionFastPaths}): contiguous operands go straight to the process-wide kernel provider (Vector
 * API when available), with no index maps, no boxing and no per-element lambda. Large tensors are
 * split over the intra-op pool; small ones stay on the caller with no parallel overhead at all.
 *
 * <p>Every method returns {@code null} when its layout or dtype is not covered, and the caller then
 * takes the general strided path, so the fast paths never change which inputs are accepted.
 *
 * <p>Float32 results are bit-identical to the general path for add/sub/mul/div (a double operation
 * rounded to float is the correctly rounded float operation), so the fast path does not change any
 * value; exp, relu and the float32 functions ({@link FloatFunctions}) follow the kernel provider's
 * documented contract.
 */
final class FastPaths {
  private FastPaths() {}

  /** The provider chosen at start-up; a static final field so the JIT inlines through it. */
  private static final KernelProvider PROVIDER = org.autograd4j.internal.kernels.Kernels.get();

  private static final Elementwise EW = PROVIDER.elementwise();

  private static final FloatFunctions FF = PROVIDER.floatFunctions();

  /**
   * Elements below which an elementwise kernel stays on the calling thread. PyTorch uses 32768
   * (at::internal::GRAIN_SIZE): below that the hand-off costs more than the memory-bound loop.
   */
  static final int GRAIN = 32768;

  /** Binary arithmetic with a kernel in the provider. */
  enum Binary {
    ADD,
    SUB,
    MUL,
    DIV
  }

  /**
   * Unary functions with a kernel in the provider, or, exact ones, a plain loop that C2 vectorises
   * ({@link ExactLoops}).
   */
  enum Unary {
    NEG(true),
    RELU(true),
    EXP(true),
    ABS(true),
    SQUARE(true),
    SQRT(true),
    SIGMOID(true),
    /** Clamp to bounds, through {@link FastPaths#clamp} only. */
    CLAMP(true),
    // Float32 only (FloatFunctions); float64 keeps the general path's Math call per element.
    LOG(false),
    SIN(false),
    COS(false),
    TANH(false),
    /** The exact gelu. */
    GELU(false);

    private final boolean coversFloat64;

    Unary(boolean coversFloat64) {
      this.coversFloat64 = coversFloat64;
    }

    /** Whether float64 tensors have this fast path too. */
    boolean coversFloat64() {
      return coversFloat64;
    }
  }

  // ------------------------------------------------------------------ layout tests

  private static boolean isFloat(DType t) {
    return t == DType.FLOAT32 || t == DType.FLOAT64;
  }

  /** Contiguous, of exactly {@code shape} and {@code dtype}: element i lives at offset + i. */
  private static boolean dense(Tensor t, int[] shape, DType dtype) {
    return t.storage.dtype() == dtype
        && Shapes.same(t.shape, shape)
        && Strided.isContiguous(t.shape, t.strides);
  }

  /** One value repeated: a single element, or an expand of one (every stride 0). */
  private static boolean uniform(Tensor t) {
    for (int d = 0; d < t.shape.length; d++) {
      if (t.shape[d] != 1 && t.strides[d] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where a broadcast operand {@code t} holds data in the result of {@code shape}: its non-1 dims
   * must be one contiguous run [p, q) of the result's dims, equal in size and dense in memory.
   * Returns {@code {outer, mid, inner}} (the products of the result's dims before, in and after the
   * run): element (o, c, i) of the result reads t[c]. Null for any other layout.
   */
  private static int[] block(Tensor t, int[] shape, DType dtype) {
    if (t.storage.dtype() != dtype || !Strided.isContiguous(t.shape, t.strides)) {
      return null;
    }
    int lead = shape.length - t.shape.length;
    int p = -1;
    int q = -1;
    for (int d = 0; d < t.shape.length; d++) {
      if (t.shape[d] != 1) {
        if (q >= 0 || t.shape[d] != shape[lead + d]) {
          return null; // a second run, or a size mismatch
        }
        p = p < 0 ? lead + d : p;
      } else if (p >= 0 && q < 0) {
        q = lead + d;
      }
    }
    if (p < 0) {
      return null;
    }
    q = q < 0 ? shape.length : q;
    int outer = 1;
    int mid = 1;
    int inner = 1;
    for (int d = 0; d < shape.length; d++) {
      if (d < p) {
        outer *= shape[d];
      } else if (d < q) {
        mid *= shape[d];
      } else {
        inner *= shape[d];
      }
    }
    return new int[] {outer, mid, inner};
  }

  // ------------------------------------------------------------------ binary

  /** {@code a op b} broadcast, or null when no fast path applies. */
  static Tensor binary(Binary op, Tensor a, Tensor b, DType outType) {
    if (!isFloat(outType)) {
      return null;
    }
    int[] shape = Shapes.broadcast(a.shape, b.shape);
    if (uniform(a) && uniform(b)) {
      double v = apply(op, a.storage.getDouble(a.offset), b.storage.getDouble(b.offset), outType);
      return Creation.full(shape, v, outType);
    }
    Storage out = into(op, a, b, shape, outType, null);
    return out == null ? null : new Tensor(out, shape);
  }

  /**
   * {@code a op s} for a Python float {@code s}, with the values of {@link #binary} on {@code s}
   * wrapped as a 0-dim tensor of a's dtype (the scalar rounded to it) but without creating that
   * tensor; null unless a is a float tensor, contiguous or one repeated value.
   */
  static Tensor scalar(Binary op, Tensor a, double s) {
    DType t = a.storage.dtype();
    if (!isFloat(t)) {
      return null;
    }
    if (uniform(a)) {
      return Creation.full(a.shape, apply(op, a.storage.getDouble(a.offset), s, t), t);
    }
    if (!Strided.isContiguous(a.shape, a.strides)) {
      return null;
    }
    int n = a.numel();
    Storage out = Storage.allocate(t, n);
    scalarRight(op, a.storage, a.offset, s, out, n); // scalarSpan rounds s to a float32 output
    return new Tensor(out, a.shape.clone());
  }

  /**
   * {@code dst op= b} in place, for a contiguous float {@code dst} at offset 0 and {@code b} dense
   * or broadcast to its shape, in dst's dtype: addmm adds its bias into the product this way
   * instead of allocating a second result, and an unrecorded in-place op (an optimizer step under
   * no_grad, AccumulateGrad's sum) writes where it lies. {@code b} must not share dst's storage, as
   * an overlap could read values already overwritten. Returns false, having changed nothing, when
   * not applicable.
   */
  static boolean inPlace(Binary op, Tensor dst, Tensor b) {
    DType t = dst.storage.dtype();
    if (!isFloat(t)
        || dst.offset != 0
        || b.storage == dst.storage
        || !dense(dst, dst.shape, t)
        || !Shapes.same(Shapes.broadcast(dst.shape, b.shape), dst.shape)
        || uniform(b) && b.storage.dtype() != t) {
      return false;
    }
    return into(op, dst, b, dst.shape, t, dst.storage) != null;
  }

  /**
   * {@code dst op= s} where dst lies, for a contiguous float {@code dst} at any offset: the kernels
   * of {@link #scalar}, reading and writing dst, so an unrecorded {@code w.mul_(0.9)} allocates no
   * result and copies nothing back. False, having changed nothing, for any other layout or dtype.
   */
  static boolean scalarInPlace(Binary op, Tensor dst, double s) {
    DType t = dst.storage.dtype();
    if (!isFloat(t) || !Strided.isContiguous(dst.shape, dst.strides)) {
      return false;
    }
    scalarRight(op, dst.storage, dst.offset, s, dst.storage, dst.offset, dst.numel());
    return true;
  }

  /** {@code dst += b}: {@link #inPlace} for addmm's and conv's bias. */
  static boolean addInPlace(Tensor dst, Tensor b) {
    return inPlace(Binary.ADD, dst, b);
  }

  /**
   * {@code dst.fill_(value)} where it lies, for a contiguous float {@code dst}; false, having
   * changed nothing, for any other layout or dtype.
   */
  static boolean fill(Tensor dst, double value) {
    DType t = dst.storage.dtype();
    if (!isFloat(t) || !Strided.isContiguous(dst.shape, dst.strides)) {
      return false;
    }
    int from = dst.offset;
    int to = from + dst.numel();
    if (t == DType.FLOAT32) {
      java.util.Arrays.fill(dst.storage.floats(), from, to, (float) value);
    } else {
      java.util.Arrays.fill(dst.storage.doubles(), from, to, value);
    }
    return true;
  }

  /**
   * Computes {@code a op b} in the broadcast {@code shape} into {@code out} (allocated when null;
   * it may be a's own storage when a is dense at offset 0). Null when no fast layout applies.
   */
  private static Storage into(
      Binary op, Tensor a, Tensor b, int[] shape, DType outType, Storage out) {
    int n = Shapes.numel(shape);
    boolean denseA = dense(a, shape, outType);
    boolean denseB = dense(b, shape, outType);
    if (denseA && denseB) {
      out = out != null ? out : Storage.allocate(outType, n);
      arrays(op, a.storage, a.offset, b.storage, b.offset, out, 0, n);
      return out;
    }
    if (denseA && uniform(b)) {
      out = out != null ? out : Storage.allocate(outType, n);
      scalarRight(op, a.storage, a.offset, b.storage.getDouble(b.offset), out, n);
      return out;
    }
    if (uniform(a) && denseB) {
      out = out != null ? out : Storage.allocate(outType, n);
      scalarLeft(op, a.storage.getDouble(a.offset), b.storage, b.offset, out, n);
      return out;
    }
    int[] blk = denseA ? block(b, shape, outType) : denseB ? block(a, shape, outType) : null;
    if (blk == null) {
      return null;
    }
    out = out != null ? out : Storage.allocate(outType, n);
    if (blk[2] == 1) {
      // A repeated row (a bias): whole rows through the array kernel.
      int len = blk[1];
      if (denseA) {
        rows(op, a.storage, a.offset, len, b.storage, b.offset, 0, out, n, len);
      } else {
        rows(op, a.storage, a.offset, 0, b.storage, b.offset, len, out, n, len);
      }
    } else {
      // One value per block of `inner` elements (a per-channel bias): the scalar kernels.
      int mid = blk[1];
      int inner = blk[2];
      for (int o = 0, at = 0; o < blk[0]; o++) {
        for (int c = 0; c < mid; c++, at += inner) {
          if (denseA) {
            scalarSpan(
                op,
                false,
                a.storage,
                a.offset + at,
                b.storage.getDouble(b.offset + c),
                out,
                at,
                inner);
          } else {
            scalarSpan(
                op,
                true,
                b.storage,
                b.offset + at,
                a.storage.getDouble(a.offset + c),
                out,
                at,
                inner);
          }
        }
      }
    }
    return out;
  }

  /** One element of {@code op}, rounded to the result dtype. */
  private static double apply(Binary op, double x, double y, DType outType) {
    if (outType == DType.FLOAT32) {
      float fx = (float) x;
      float fy = (float) y;
      switch (op) {
        case ADD:
          return fx + fy;
        case SUB:
          return fx - fy;
        case MUL:
          return fx * fy;
        default:
          return fx / fy;
      }
    }
    switch (op) {
      case ADD:
        return x + y;
      case SUB:
        return x - y;
      case MUL:
        return x * y;
      default:
        return x / y;
    }
  }

  /**
   * Rows of a dense operand against a repeated row: {@code stepA/stepB} are 0 or the row length.
   */
  private static void rows(
      Binary op,
      Storage a,
      int aOff,
      int stepA,
      Storage b,
      int bOff,
      int stepB,
      Storage out,
      int n,
      int len) {
    int rows = n / len;
    if (n < GRAIN || Parallel.getNumThreads() == 1) {
      for (int r = 0; r < rows; r++) {
        arrays(op, a, aOff + r * stepA, b, bOff + r * stepB, out, r * len, len);
      }
      return;
    }
    Parallel.parallelFor(
        0,
        rows,
        Math.max(1, GRAIN / len),
        (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            arrays(op, a, aOff + r * stepA, b, bOff + r * stepB, out, r * len, len);
          }
        });
  }

  /** {@code out[o+i] = a[aOff+i] op b[bOff+i]}, split over threads for large {@code n}. */
  private static void arrays(
      Binary op, Storage a, int aOff, Storage b, int bOff, Storage out, int oOff, int n) {
    if (n < GRAIN || Parallel.getNumThreads() == 1) {
      arraysRange(op, a, aOff, b, bOff, out, oOff, 0, n);
    } else {
      Parallel.parallelFor(
          0, n, GRAIN, (lo, hi) -> arraysRange(op, a, aOff, b, bOff, out, oOff, lo, hi));
    }
  }

  private static void arraysRange(
      Binary op, Storage a, int aOff, Storage b, int bOff, Storage out, int oOff, int lo, int hi) {
    int n = hi - lo;
    if (out.dtype() == DType.FLOAT32) {
      float[] x = a.floats();
      float[] y = b.floats();
      float[] d = out.floats();
      switch (op) {
        case ADD:
          EW.add(x, aOff + lo, y, bOff + lo, d, oOff + lo, n);
          break;
        case SUB:
          EW.sub(x, aOff + lo, y, bOff + lo, d, oOff + lo, n);
          break;
        case MUL:
          EW.mul(x, aOff + lo, y, bOff + lo, d, oOff + lo, n);
          break;
        default:
          EW.div(x, aOff + lo, y, bOff + lo, d, oOff + lo, n);
      }
    } else {
      double[] x = a.doubles();
      double[] y = b.doubles();
      double[] d = out.doubles();
      switch (op) {
        case ADD:
          EW.add(x, aOff + lo, y, bOff + lo, d, oOff + lo, n);
          break;
        case SUB:
          EW.sub(x, aOff + lo, y, bOff + lo, d, oOff + lo, n);
          break;
        case MUL:
          EW.mul(x, aOff + lo, y, bOff + lo, d, oOff + lo, n);
          break;
        default:
          EW.div(x, aOff + lo, y, bOff + lo, d, oOff + lo, n);
      }
    }
  }

  /** {@code out = a op s}; the scalar is rounded to the result dtype first, as PyTorch does. */
  private static void scalarRight(Binary op, Storage a, int aOff, double s, Storage out, int n) {
    scalarRight(op, a, aOff, s, out, 0, n);
  }

  /** {@code out[outOff..] = a op s}; out may be a itself at the same offset (written in place). */
  private static void scalarRight(
      Binary op, Storage a, int aOff, double s, Storage out, int outOff, int n) {
    if (n < GRAIN || Parallel.getNumThreads() == 1) {
      scalarRange(op, false, a, aOff, s, out, outOff, 0, n);
    } else {
      Parallel.parallelFor(
          0, n, GRAIN, (lo, hi) -> scalarRange(op, false, a, aOff, s, out, outOff, lo, hi));
    }
  }

  /** {@code out = s op b}. */
  private static void scalarLeft(Binary op, double s, Storage b, int bOff, Storage out, int n) {
    if (n < GRAIN || Parallel.getNumThreads() == 1) {
      scalarRange(op, true, b, bOff, s, out, 0, 0, n);
    } else {
      Parallel.parallelFor(
          0, n, GRAIN, (lo, hi) -> scalarRange(op, true, b, bOff, s, out, 0, lo, hi));
    }
  }

  private static void scalarRange(
      Binary op,
      boolean left,
      Storage a,
      int aOff,
      double s,
      Storage out,
      int outOff,
      int lo,
      int hi) {
    scalarSpan(op, left, a, aOff + lo, s, out, outOff + lo, hi - lo);
  }

  /** {@code out[oOff + i] = a[aOff + i] op s} (or {@code s op a[..]} when {@code left}). */
  private static void scalarSpan(
      Binary op, boolean left, Storage a, int aOff, double s, Storage out, int oOff, int n) {
    if (out.dtype() == DType.FLOAT32) {
      float[] x = a.floats();
      float[] d = out.floats();
      float v = (float) s;
      switch (op) {
        case ADD:
          EW.addScalar(x, aOff, v, d, oOff, n);
          break;
        case SUB:
          if (left) {
            EW.rsubScalar(x, aOff, v, d, oOff, n);
          } else {
            EW.subScalar(x, aOff, v, d, oOff, n);
          }
          break;
        case MUL:
          EW.mulScalar(x, aOff, v, d, oOff, n);
          break;
        default:
          if (left) {
            EW.rdivScalar(x, aOff, v, d, oOff, n);
          } else {
            EW.divScalar(x, aOff, v, d, oOff, n);
          }
      }
    } else {
      double[] x = a.doubles();
      double[] d = out.doubles();
      switch (op) {
        case ADD:
          EW.addScalar(x, aOff, s, d, oOff, n);
          break;
        case SUB:
          if (left) {
            EW.rsubScalar(x, aOff, s, d, oOff, n);
          } else {
            EW.subScalar(x, aOff, s, d, oOff, n);
          }
          break;
        case MUL:
          EW.mulScalar(x, aOff, s, d, oOff, n);
          break;
        default:
          if (left) {
            EW.rdivScalar(x, aOff, s, d, oOff, n);
          } else {
            EW.divScalar(x, aOff, s, d, oOff, n);
          }
      }
    }
  }

  // ------------------------------------------------------------------ unary

  /** {@code op(x)} for a contiguous float tensor (result in x's dtype), or null. */
  static Tensor unary(Unary op, Tensor x) {
    return unary(op, x, false);
  }

  /**
   * {@link #unary(Unary, Tensor)}, written into x's own storage when {@code intoX} and x covers all
   * of it (each element is read before it is written, at the same index); the result is then a new
   * tensor over that storage.
   */
  static Tensor unary(Unary op, Tensor x, boolean intoX) {
    return unary(op, x, intoX, 0, 0);
  }

  /**
   * {@code clamp(x, lo, hi)} for a contiguous float x, or null; NaN bounds mean "no bound", as in
   * {@code Elementwise.clamp}.
   */
  static Tensor clamp(Tensor x, double lo, double hi) {
    return unary(
        Unary.CLAMP,
        x,
        false,
        Double.isNaN(lo) ? Double.NEGATIVE_INFINITY : lo,
        Double.isNaN(hi) ? Double.POSITIVE_INFINITY : hi);
  }

  /** {@link #unary(Unary, Tensor, boolean)}, with the bounds [lo, hi] that CLAMP uses. */
  private static Tensor unary(Unary op, Tensor x, boolean intoX, double lo, double hi) {
    DType t = x.storage.dtype();
    if (!isFloat(t)
        || t == DType.FLOAT64 && !op.coversFloat64()
        || !Strided.isContiguous(x.shape, x.strides)) {
      return null;
    }
    int n = x.numel();
    boolean inPlace = intoX && x.offset == 0 && x.storage.size() == n;
    Storage out = inPlace ? x.storage : Storage.allocate(t, n);
    Storage in = x.storage;
    int off = x.offset;
    if (n < GRAIN || Parallel.getNumThreads() == 1) {
      unaryRange(op, lo, hi, in, off, out, 0, n);
    } else {
      Parallel.parallelFor(
          0, n, GRAIN, (from, to) -> unaryRange(op, lo, hi, in, off, out, from, to));
    }
    return new Tensor(out, x.shape.clone());
  }

  private static void unaryRange(
      Unary op, double min, double max, Storage in, int off, Storage out, int lo, int hi) {
    int n = hi - lo;
    if (out.dtype() == DType.FLOAT32) {
      float[] s = in.floats();
      float[] d = out.floats();
      switch (op) {
        case CLAMP:
          ExactLoops.clamp(s, off + lo, min, max, d, lo, n);
          break;
        case ABS:
          ExactLoops.abs(s, off + lo, d, lo, n);
          break;
        case SQUARE:
          ExactLoops.square(s, off + lo, d, lo, n);
          break;
        case SQRT:
          ExactLoops.sqrt(s, off + lo, d, lo, n);
          break;
        case SIGMOID:
          FF.sigmoid(s, off + lo, d, lo, n);
          break;
        case LOG:
          FF.log(s, off + lo, d, lo, n);
          break;
        case SIN:
          FF.sin(s, off + lo, d, lo, n);
          break;
        case COS:
          FF.cos(s, off + lo, d, lo, n);
          break;
        case TANH:
          FF.tanh(s, off + lo, d, lo, n);
          break;
        case GELU:
          FF.gelu(s, off + lo, d, lo, n);
          break;
        case NEG:
          EW.mulScalar(s, off + lo, -1f, d, lo, n);
          break;
        case RELU:
          EW.relu(s, off + lo, d, lo, n);
          break;
        default:
          EW.exp(s, off + lo, d, lo, n);
      }
    } else {
      double[] s = in.doubles();
      double[] d = out.doubles();
      switch (op) {
        case CLAMP:
          ExactLoops.clamp(s, off + lo, min, max, d, lo, n);
          break;
        case ABS:
          ExactLoops.abs(s, off + lo, d, lo, n);
          break;
        case SQUARE:
          ExactLoops.square(s, off + lo, d, lo, n);
          break;
        case SQRT:
          ExactLoops.sqrt(s, off + lo, d, lo, n);
          break;
        case SIGMOID:
          ExactLoops.sigmoid(s, off + lo, d, lo, n);
          break;
        case NEG:
          EW.mulScalar(s, off + lo, -1.0, d, lo, n);
          break;
        case RELU:
          EW.relu(s, off + lo, d, lo, n);
          break;
        default:
          EW.exp(s, off + lo, d, lo, n);
      }
    }
  }

  /**
   * The ReLU gradient {@code x > 0 ? g : 0} for contiguous same-shape float operands, or null.
   * Where x is not positive the result is 0 even for a NaN gradient, as PyTorch's
   * threshold_backward. With {@code inPlace} the result goes into {@code g}'s own storage when g
   * spans it exactly (the caller owns g: see {@link org.autograd4j.autograd.OpContext#ownsGrad}).
   */
  static Tensor reluBackward(Tensor g, Tensor x, boolean inPlace) {
    DType t = g.storage.dtype();
    if (!isFloat(t) || !dense(g, x.shape, t) || !dense(x, x.shape, t)) {
      return null;
    }
    int n = x.numel();
    // Each element is read before it is written, at the same index: g may be the output.
    Storage out =
        inPlace && g.offset == 0 && g.storage.size() == n ? g.storage : Storage.allocate(t, n);
    int go = g.offset;
    int xo = x.offset;
    Parallel.RangeBody body =
        (lo, hi) -> {
          if (t == DType.FLOAT32) {
            EW.reluBackward(
                g.storage.floats(),
                go + lo,
                x.storage.floats(),
                xo + lo,
                out.floats(),
                lo,
                hi - lo);
          } else {
            EW.reluBackward(
                g.storage.doubles(),
                go + lo,
                x.storage.doubles(),
                xo + lo,
                out.doubles(),
                lo,
                hi - lo);
          }
        };
    if (n < GRAIN || Parallel.getNumThreads() == 1) {
      body.run(0, n);
    } else {
      Parallel.parallelFor(0, n, GRAIN, body);
    }
    return new Tensor(out, x.shape.clone());
  }
}
