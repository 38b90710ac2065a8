package org.autograd4j;

import org.autograd4j.internal.Storage;

/**
 * Fast paths for comparisons ({@code x > y}, {@code pred == labels}) and {@code where}: the bool
 * masks of every training script. Contiguous operands of one dtype, or a compared one-value operand
 * (a scalar), go through one plain loop per op, with no per-element lambda and no boxed accessors;
 * anything else returns null and takes the general path in {@link Kernels}. Results are the general
 * path's exactly: values are compared as stored (a float widened to double compares as the float).
 *
 * <p>Why: the general path calls a lambda per element through a call site every op shares and reads
 * and writes through converting accessors. {@code x > y} on 256 x 784 floats took 1.9 ms there,
 * {@code torch.where} 22 ms (throwaway per-op sweep, JDK 25, one thread; PyTorch 0.13 and 1.1 ms).
 * Hence the loops below are written out once per comparison and per array type, on purpose: a
 * lambda, or a switch inside the loop, is what made the general path slow.
 *
 * <pre>{@code
 * Tensor mask = MaskLoops.compare(MaskLoops.Comparison.GT, x, y); // null: use the general path
 * }</pre>
 */
final class MaskLoops {
  private MaskLoops() {}

  /** The six comparisons, with PyTorch's NaN rules (every one false on NaN but NE). */
  enum Comparison {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE
  }

  /**
   * {@code a op b} as a bool tensor, for a contiguous float32, float64 or int64 {@code a} and a
   * {@code b} of a's shape, dtype and layout, or holding one float value; null otherwise.
   */
  static Tensor compare(Comparison op, Tensor a, Tensor b) {
    DType t = a.storage.dtype();
    if (!Strided.isContiguous(a.shape, a.strides)
        || !Shapes.same(a.shape, Shapes.broadcast(a.shape, b.shape))) {
      return null;
    }
    int n = a.numel();
    boolean denseB =
        b.storage.dtype() == t
            && Shapes.same(a.shape, b.shape)
            && Strided.isContiguous(b.shape, b.strides);
    boolean[] out = new boolean[n];
    if (denseB && t == DType.FLOAT32) {
      floats(op, a.storage.floats(), a.offset, b.storage.floats(), b.offset, out, n);
    } else if (denseB && t == DType.FLOAT64) {
      doubles(op, a.storage.doubles(), a.offset, b.storage.doubles(), b.offset, out, n);
    } else if (denseB && t == DType.INT64) {
      longs(op, a.storage.longs(), a.offset, b.storage.longs(), b.offset, out, n);
    } else if (b.numel() == 1
        && b.dtype().isFloatingPoint()
        && (t == DType.FLOAT32 || t == DType.FLOAT64)) {
      double s = b.storage.getDouble(b.offset);
      if (t == DType.FLOAT32) {
        floatsWithScalar(op, a.storage.floats(), a.offset, s, out, n);
      } else {
        doublesWithScalar(op, a.storage.doubles(), a.offset, s, out, n);
      }
    } else {
      return null;
    }
    return new Tensor(Storage.of(out), a.shape.clone());
  }

  /**
   * {@code where(cond, a, b)}'s values for a contiguous bool {@code cond} and contiguous {@code a},
   * {@code b} of its shape and of the float dtype {@code t}; null otherwise. The pick is made on
   * the values' bits with a mask, not a branch, which a random condition mispredicts half the time
   * (256 x 784 floats: 0.23-0.37 against 0.84-0.95 ms, JDK 17 and 25).
   */
  static Tensor where(Tensor cond, Tensor a, Tensor b, DType t) {
    if (cond.storage.dtype() != DType.BOOL
        || !dense(cond, cond.shape, DType.BOOL)
        || !dense(a, cond.shape, t)
        || !dense(b, cond.shape, t)) {
      return null;
    }
    int n = cond.numel();
    boolean[] c = cond.storage.bools();
    int co = cond.offset;
    int ao = a.offset;
    int bo = b.offset;
    if (t == DType.FLOAT32) {
      float[] x = a.storage.floats();
      float[] y = b.storage.floats();
      float[] d = new float[n];
      for (int i = 0; i < n; i++) {
        int pick = c[co + i] ? -1 : 0;
        d[i] =
            Float.intBitsToFloat(
                Float.floatToRawIntBits(x[ao + i]) & pick
                    | Float.floatToRawIntBits(y[bo + i]) & ~pick);
      }
      return new Tensor(Storage.of(d), cond.shape.clone());
    }
    if (t == DType.FLOAT64) {
      double[] x = a.storage.doubles();
      double[] y = b.storage.doubles();
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        long pick = c[co + i] ? -1L : 0L;
        d[i] =
            Double.longBitsToDouble(
                Double.doubleToRawLongBits(x[ao + i]) & pick
                    | Double.doubleToRawLongBits(y[bo + i]) & ~pick);
      }
      return new Tensor(Storage.of(d), cond.shape.clone());
    }
    return null;
  }

  private static boolean dense(Tensor t, int[] shape, DType dtype) {
    return t.storage.dtype() == dtype
        && Shapes.same(t.shape, shape)
        && Strided.isContiguous(t.shape, t.strides);
  }

  private static void floats(
      Comparison op, float[] x, int xo, float[] y, int yo, boolean[] d, int n) {
    switch (op) {
      case EQ:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] == y[yo + i];
        break;
      case NE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] != y[yo + i];
        break;
      case LT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] < y[yo + i];
        break;
      case LE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] <= y[yo + i];
        break;
      case GT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] > y[yo + i];
        break;
      default:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] >= y[yo + i];
    }
  }

  private static void doubles(
      Comparison op, double[] x, int xo, double[] y, int yo, boolean[] d, int n) {
    switch (op) {
      case EQ:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] == y[yo + i];
        break;
      case NE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] != y[yo + i];
        break;
      case LT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] < y[yo + i];
        break;
      case LE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] <= y[yo + i];
        break;
      case GT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] > y[yo + i];
        break;
      default:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] >= y[yo + i];
    }
  }

  private static void longs(Comparison op, long[] x, int xo, long[] y, int yo, boolean[] d, int n) {
    switch (op) {
      case EQ:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] == y[yo + i];
        break;
      case NE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] != y[yo + i];
        break;
      case LT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] < y[yo + i];
        break;
      case LE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] <= y[yo + i];
        break;
      case GT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] > y[yo + i];
        break;
      default:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] >= y[yo + i];
    }
  }

  /** Floats against a double scalar, compared in double as the general path does. */
  private static void floatsWithScalar(
      Comparison op, float[] x, int xo, double s, boolean[] d, int n) {
    switch (op) {
      case EQ:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] == s;
        break;
      case NE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] != s;
        break;
      case LT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] < s;
        break;
      case LE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] <= s;
        break;
      case GT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] > s;
        break;
      default:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] >= s;
    }
  }

  private static void doublesWithScalar(
      Comparison op, double[] x, int xo, double s, boolean[] d, int n) {
    switch (op) {
      case EQ:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] == s;
        break;
      case NE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] != s;
        break;
      case LT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] < s;
        break;
      case LE:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] <= s;
        break;
      case GT:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] > s;
        break;
      default:
        for (int i = 0; i < n; i++) d[i] = x[xo + i] >= s;
    }
  }
}
