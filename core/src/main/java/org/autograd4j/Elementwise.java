package org.autograd4j;

import java.util.function.DoubleUnaryOperator;
import org.autograd4j.autograd.Op;

/**
 * Elementwise arithmetic and math functions. Each op defines its forward (a kernel call), its
 * derivative (written with Tensor ops, so it is itself differentiable) and its grad_fn name, here,
 * together. Broadcasting is never handled in a derivative: the engine reduces gradients to each
 * input's shape.
 */
final class Elementwise {
  private Elementwise() {}

  private static Tensor[] grads(Tensor... g) {
    return g;
  }

  // ------------------------------------------------------------------ arithmetic

  static Tensor add(Tensor a, Tensor b, double alpha) {
    DType t = Promotion.resultType(a, b);
    Tensor out = alpha == 1 ? FastPaths.binary(FastPaths.Binary.ADD, a, b, t) : null;
    if (out == null) {
      out =
          alpha == 1
              ? Kernels.zip(a, b, t, Double::sum, Long::sum)
              : Kernels.zip(a, b, t, (x, y) -> x + alpha * y, (x, y) -> x + (long) alpha * y);
    }
    return Op.record(
        "AddBackward0",
        out,
        new Tensor[] {a, b},
        (ctx, g) -> grads(g[0], alpha == 1 ? g[0] : g[0].mul(alpha)));
  }

  static Tensor sub(Tensor a, Tensor b, double alpha) {
    checkNotBoolSub(a, b);
    DType t = Promotion.resultType(a, b);
    Tensor out = alpha == 1 ? FastPaths.binary(FastPaths.Binary.SUB, a, b, t) : null;
    if (out == null) {
      out = Kernels.zip(a, b, t, (x, y) -> x - alpha * y, (x, y) -> x - (long) alpha * y);
    }
    return Op.record(
        "SubBackward0",
        out,
        new Tensor[] {a, b},
        (ctx, g) ->
            grads(
                g[0],
                // The engine drops an unneeded gradient: do not compute it (y in w*x+b-y).
                !ctx.needsInputGrad(1) ? null : alpha == 1 ? g[0].neg() : g[0].mul(-alpha)));
  }

  /**
   * {@code x op scalar} for a Python float. Unrecorded (grad mode off, or x needs no gradient: the
   * backward pass's own scalar ops, an optimizer's {@code lr * grad}), a float x goes straight to
   * the kernel with the values the wrapped scalar gives, saving a 0-dim tensor per op.
   */
  static Tensor scalarOp(FastPaths.Binary op, Tensor x, double scalar) {
    if (!Op.needsGrad(x)) {
      Tensor out = FastPaths.scalar(op, x, scalar);
      if (out != null) {
        return out;
      }
    }
    Tensor s = Promotion.wrapScalar(x, scalar, false);
    switch (op) {
      case ADD:
        return add(x, s, 1);
      case SUB:
        return sub(x, s, 1);
      case MUL:
        return mul(x, s);
      default:
        return div(x, s);
    }
  }

  /** {@code scalar - x}: PyTorch's rsub, one differentiable input. */
  static Tensor rsub(Tensor x, double scalar, boolean integral) {
    Tensor s = Promotion.wrapScalar(x, scalar, integral);
    checkNotBoolSub(s, x);
    DType t = Promotion.resultType(x, s);
    Tensor out = FastPaths.binary(FastPaths.Binary.SUB, s, x, t);
    if (out == null) {
      out = Kernels.zip(s, x, t, (a, b) -> a - b, (a, b) -> a - b);
    }
    return Op.record("RsubBackward1", out, new Tensor[] {x}, (ctx, g) -> grads(g[0].neg()));
  }

  private static void checkNotBoolSub(Tensor a, Tensor b) {
    if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) {
      throw new IllegalArgumentException(
          "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or"
              + " `logical_xor()` operator instead.");
    }
  }

  static Tensor mul(Tensor a, Tensor b) {
    DType t = Promotion.resultType(a, b);
    Tensor out = FastPaths.binary(FastPaths.Binary.MUL, a, b, t);
    if (out == null) {
      out = Kernels.zip(a, b, t, (x, y) -> x * y, (x, y) -> x * y);
    }
    return Op.record(
        "MulBackward0",
        out,
        new Tensor[] {a, b},
        (ctx, g) ->
            grads(
                ctx.needsInputGrad(0) ? g[0].mul(ctx.saved(1)) : null,
                ctx.needsInputGrad(1) ? g[0].mul(ctx.saved(0)) : null),
        // Save each factor only if the other one needs its gradient, as PyTorch does, so an
        // unrelated in-place change does not trip the version check.
        b.requiresGrad() ? a : null,
        a.requiresGrad() ? b : null);
  }

  static Tensor div(Tensor a, Tensor b) {
    DType t = Promotion.resultType(a, b);
    if (!t.isFloatingPoint()) {
      t = DType.FLOAT32; // true division
    }
    Tensor out = FastPaths.binary(FastPaths.Binary.DIV, a, b, t);
    if (out == null) {
      out = Kernels.zip(a, b, t, (x, y) -> x / y, null);
    }
    return Op.record(
        "DivBackward0",
        out,
        new Tensor[] {a, b},
        (ctx, g) -> {
          Tensor other = ctx.saved(1);
          return grads(
              ctx.needsInputGrad(0) ? g[0].div(other) : null,
              ctx.needsInputGrad(1) ? g[0].neg().mul(ctx.saved(0)).div(other.mul(other)) : null);
        },
        a,
        b);
  }

  static Tensor neg(Tensor x) {
    if (x.dtype() == DType.BOOL) {
      throw new IllegalArgumentException(
          "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to"
              + " invert a mask, use the `~` or `logical_not()` operator instead.");
    }
    Tensor out = FastPaths.unary(FastPaths.Unary.NEG, x);
    if (out == null) {
      out = Kernels.map(x, x.dtype(), v -> -v);
    }
    return Op.record("NegBackward0", out, new Tensor[] {x}, (ctx, g) -> grads(g[0].neg()));
  }

  // ------------------------------------------------------------------ powers

  static Tensor pow(Tensor x, double p) {
    if (p == 1 && x.dtype().isFloatingPoint() && !Op.needsGrad(x)) {
      // Math.pow(v, 1) is v: a plain copy. The derivative of a square (MSE) asks for x ** 1.
      return Strided.copyContiguous(x, x.dtype());
    }
    DType t =
        x.dtype().isFloatingPoint() || p != Math.rint(p) ? Promotion.floatResult(x) : x.dtype();
    Tensor square = p == 2 ? FastPaths.unary(FastPaths.Unary.SQUARE, x) : null;
    Tensor out = square != null ? square : Kernels.map(x, t, v -> Math.pow(v, p));
    return Op.record(
        "PowBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> grads(p == 0 ? g[0].mul(0.0) : g[0].mul(powerDerivative(ctx.saved(0), p))),
        x);
  }

  /**
   * {@code p x^(p - 1)}, the derivative of {@code x^p}. For a square whose derivative is not itself
   * recorded, {@code 2 x} straight from x, without the copy that {@code x ** 1} makes (an MSE's
   * backward: one new array fewer, 435-484 -> 353-407 µs for 256 x 784). Where it is recorded
   * (create_graph), PyTorch's {@code x ** 1}, so that the graph and its grad_fn are PyTorch's.
   */
  private static Tensor powerDerivative(Tensor x, double p) {
    return p == 2 && !Op.needsGrad(x) ? x.mul(2.0) : x.pow(p - 1).mul(p);
  }

  static Tensor pow(Tensor x, Tensor e) {
    Tensor out = Kernels.zip(x, e, Promotion.resultType(x, e), Math::pow, null);
    return Op.record(
        "PowBackward1",
        out,
        new Tensor[] {x, e},
        (ctx, g) -> {
          Tensor base = ctx.saved(0);
          Tensor exp = ctx.saved(1);
          Tensor gx = ctx.needsInputGrad(0) ? g[0].mul(exp.mul(base.pow(exp.sub(1.0)))) : null;
          Tensor ge = null;
          if (ctx.needsInputGrad(1)) {
            // d/de x^e = x^e ln x, taken as 0 where x == 0 and e >= 0 (PyTorch's convention).
            Tensor safe = base.eq(0.0).logicalAnd(exp.ge(0.0));
            ge = g[0].mul(Torch.where(safe, Torch.zerosLike(base), base.pow(exp).mul(base.log())));
          }
          return grads(gx, ge);
        },
        x,
        e);
  }

  /** {@code base ** x} for a scalar base. */
  static Tensor pow(double base, Tensor x) {
    Tensor out = Kernels.map(x, Promotion.floatResult(x), v -> Math.pow(base, v));
    return Op.record(
        "PowBackward2",
        out,
        new Tensor[] {x},
        (ctx, g) -> grads(base == 0 ? g[0].mul(0.0) : g[0].mul(ctx.saved(0).mul(Math.log(base)))),
        out);
  }

  // ------------------------------------------------------------------ math functions

  /** A float function of one tensor: {@link ElementwiseMath#unary}, which records its gradient. */
  private static Tensor unaryFloat(
      String name,
      Tensor x,
      DoubleUnaryOperator f,
      ElementwiseMath.Derivative derivative,
      boolean savesOutput) {
    return ElementwiseMath.unary(name, x, null, f, derivative, savesOutput);
  }

  /**
   * {@link #unaryFloat(String, Tensor, DoubleUnaryOperator, ElementwiseMath.Derivative, boolean)}
   * trying the fast path {@code fast} (a kernel or a plain loop, see {@link FastPaths#unary})
   * first.
   */
  private static Tensor unaryFloat(
      String name,
      Tensor x,
      FastPaths.Unary fast,
      DoubleUnaryOperator f,
      ElementwiseMath.Derivative derivative,
      boolean savesOutput) {
    return ElementwiseMath.unary(name, x, fast, f, derivative, savesOutput);
  }

  static Tensor exp(Tensor x) {
    return unaryFloat(
        "ExpBackward0", x, FastPaths.Unary.EXP, Math::exp, (g, in, out) -> g.mul(out), true);
  }

  static Tensor log(Tensor x) {
    return unaryFloat(
        "LogBackward0", x, FastPaths.Unary.LOG, Math::log, (g, in, out) -> g.div(in), false);
  }

  static Tensor sin(Tensor x) {
    return unaryFloat(
        "SinBackward0", x, FastPaths.Unary.SIN, Math::sin, (g, in, out) -> g.mul(in.cos()), false);
  }

  static Tensor cos(Tensor x) {
    return unaryFloat(
        "CosBackward0",
        x,
        FastPaths.Unary.COS,
        Math::cos,
        (g, in, out) -> g.mul(in.sin().neg()),
        false);
  }

  static Tensor tanh(Tensor x) {
    return unaryFloat(
        "TanhBackward0",
        x,
        FastPaths.Unary.TANH,
        Math::tanh,
        (g, in, out) -> g.mul(out.mul(out).rsub(1)),
        true);
  }

  static Tensor sigmoid(Tensor x) {
    // PyTorch evaluates 1 / (1 + exp(-x)) step by step in the tensor's own precision. In float32
    // each step rounds, so the result can differ from the correctly rounded sigmoid in the last bit
    // (sigmoid(6.7f) is 0.99877053f, not 0.9987706f); the seeds print such values in full.
    DoubleUnaryOperator f =
        Promotion.floatResult(x) == DType.FLOAT32
            ? v -> 1f / (1f + (float) Math.exp(-v))
            : v -> 1 / (1 + Math.exp(-v));
    // sigmoid_backward is grad * (1 - y) * y, associated left to right as in PyTorch's kernel.
    // The float32 fast path takes the same steps in a kernel (FloatFunctions.sigmoid).
    return unaryFloat(
        "SigmoidBackward0",
        x,
        FastPaths.Unary.SIGMOID,
        f,
        (g, in, out) -> g.mul(out.rsub(1)).mul(out),
        true);
  }

  static Tensor sqrt(Tensor x) {
    return unaryFloat(
        "SqrtBackward0",
        x,
        FastPaths.Unary.SQRT,
        Math::sqrt,
        (g, in, out) -> g.div(out.mul(2)),
        true);
  }

  static Tensor relu(Tensor x) {
    return relu(x, false);
  }

  /**
   * {@link #relu(Tensor)}, written into x's own storage when {@code intoX} and x is a contiguous
   * float tensor covering all of it; x's version is then bumped, as by an in-place op. For an x no
   * one else holds: the result is recorded as an out-of-place ReluBackward0 of x, which is correct
   * only because nothing reads x's old values afterwards.
   */
  static Tensor relu(Tensor x, boolean intoX) {
    Tensor out = FastPaths.unary(FastPaths.Unary.RELU, x, intoX);
    if (out != null && out.storage == x.storage) {
      x.bumpVersion();
    }
    if (out == null) {
      // Negatives become +0 while -0 and NaN pass through, as PyTorch's relu.
      out = Kernels.map(x, x.dtype(), v -> v < 0 ? 0.0 : v);
    }
    return Op.record(
        "ReluBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> grads(thresholdBackward(g[0], ctx.saved(0), ctx.ownsGrad(0))),
        out);
  }

  /**
   * PyTorch's threshold_backward at 0: {@code out > 0 ? g : 0}, one fused pass for contiguous
   * floats instead of a compare, a cast and a multiply. Differentiable in {@code g} (the mask is
   * constant), so double backward through ReLU still works.
   */
  static Tensor thresholdBackward(Tensor g, Tensor out) {
    return thresholdBackward(g, out, false);
  }

  /**
   * {@link #thresholdBackward(Tensor, Tensor)}, written into {@code g} itself when {@code inPlace}
   * (the engine owns it, see {@link org.autograd4j.autograd.OpContext#ownsGrad}): the result lands
   * in memory still in cache instead of a fresh array (2.4 MB for the CNN's first ReLU). CNN
   * training step, one JVM alternating both every 50 steps, fresh against in place: the backward
   * 3.37 -> 3.14, 3.98 -> 3.58 and 3.86 -> 3.58 ms on JDK 17, 3.34 -> 3.07 and 3.77 -> 3.47 ms on
   * JDK 25; on 2 threads (JDK 17) 3.21 -> 2.90 and 3.06 -> 2.68 ms.
   */
  static Tensor thresholdBackward(Tensor g, Tensor out, boolean inPlace) {
    Tensor fast = FastPaths.reluBackward(g, out, inPlace);
    if (fast == null) {
      return g.mul(out.gt(0.0).to(g.dtype()));
    }
    return Op.record(
        "ThresholdBackwardBackward0",
        fast,
        new Tensor[] {g},
        (ctx, gg) -> grads(thresholdBackward(gg[0], out)));
  }

  /** {@code clamp(x, min, max)} with scalar bounds; NaN bounds mean "no bound". */
  static Tensor clamp(Tensor x, double min, double max) {
    Tensor fast = FastPaths.clamp(x, min, max);
    Tensor out =
        fast != null
            ? fast
            : Kernels.map(
                x,
                x.dtype(),
                v ->
                    Double.isNaN(v)
                        ? v
                        : Math.min(
                            Double.isNaN(max) ? Double.POSITIVE_INFINITY : max,
                            Math.max(Double.isNaN(min) ? Double.NEGATIVE_INFINITY : min, v)));
    return Op.record(
        "ClampBackward1",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor mask = Double.isNaN(min) ? null : in.ge(min);
          if (!Double.isNaN(max)) {
            mask = mask == null ? in.le(max) : mask.logicalAnd(in.le(max));
          }
          return grads(mask == null ? g[0] : g[0].mul(mask.to(g[0].dtype())));
        },
        x);
  }

  // ------------------------------------------------------------------ comparisons and logic

  /** {@code a op b} as a bool tensor, broadcast; unrecorded (comparisons have no gradient). */
  static Tensor compare(Tensor a, Tensor b, MaskLoops.Comparison op) {
    Tensor fast = MaskLoops.compare(op, a, b);
    return fast != null ? fast : Kernels.zip(a, b, DType.BOOL, comparator(op), null);
  }

  /** The general path's per-element comparison, 1 or 0 (what {@link MaskLoops} must agree with). */
  static java.util.function.DoubleBinaryOperator comparator(MaskLoops.Comparison op) {
    switch (op) {
      case EQ:
        return (a, b) -> a == b ? 1 : 0;
      case NE:
        return (a, b) -> a != b ? 1 : 0;
      case LT:
        return (a, b) -> a < b ? 1 : 0;
      case LE:
        return (a, b) -> a <= b ? 1 : 0;
      case GT:
        return (a, b) -> a > b ? 1 : 0;
      default:
        return (a, b) -> a >= b ? 1 : 0;
    }
  }

  static Tensor isnan(Tensor x) {
    return Kernels.map(x, DType.BOOL, v -> Double.isNaN(v) ? 1 : 0);
  }

  static Tensor logicalAnd(Tensor a, Tensor b) {
    return Kernels.zip(a, b, DType.BOOL, (x, y) -> x != 0 && y != 0 ? 1 : 0, null);
  }

  static Tensor logicalOr(Tensor a, Tensor b) {
    return Kernels.zip(a, b, DType.BOOL, (x, y) -> x != 0 || y != 0 ? 1 : 0, null);
  }

  static Tensor logicalNot(Tensor x) {
    return Kernels.map(x, DType.BOOL, v -> v == 0 ? 1 : 0);
  }

  /** {@code torch.where(cond, a, b)}: differentiable in a and b. */
  static Tensor where(Tensor cond, Tensor a, Tensor b) {
    DType t = Promotion.resultType(a, b);
    int[] shape = Shapes.broadcast(Shapes.broadcast(cond.shape, a.shape), b.shape);
    Tensor c = cond.expand(shape).contiguousData();
    Tensor x = a.expand(shape).contiguousData();
    Tensor y = b.expand(shape).contiguousData();
    int n = Shapes.numel(shape);
    Tensor out = MaskLoops.where(c, x, y, t);
    if (out == null) {
      out = Creation.full(shape, 0, t);
      for (int i = 0; i < n; i++) {
        boolean pick = c.storage.getDouble(c.offset + i) != 0;
        Tensor src = pick ? x : y;
        if (t.isFloatingPoint()) {
          out.storage.setDouble(i, src.storage.getDouble(src.offset + i));
        } else {
          out.storage.setLong(i, src.storage.getLong(src.offset + i));
        }
      }
    }
    return Op.record(
        "WhereBackward0",
        out,
        new Tensor[] {a, b},
        (ctx, g) -> {
          Tensor zero = Torch.zerosLike(g[0]);
          Tensor m = ctx.saved(0);
          return grads(
              ctx.needsInputGrad(0) ? Torch.where(m, g[0], zero) : null,
              ctx.needsInputGrad(1) ? Torch.where(m, zero, g[0]) : null);
        },
        cond);
  }

  /** Casts to another dtype; differentiable between floating dtypes. */
  static Tensor to(Tensor x, DType dtype) {
    if (x.dtype() == dtype) {
      return x;
    }
    Tensor out = Strided.copyContiguous(x, dtype);
    if (!dtype.isFloatingPoint()) {
      return out;
    }
    DType from = x.dtype();
    return Op.record("ToCopyBackward0", out, new Tensor[] {x}, (ctx, g) -> grads(g[0].to(from)));
  }

  /**
   * The out-of-place value of {@code fill_} / {@code zero_}: {@code value} everywhere, no gradient
   * to {@code x}. PyTorch 1.13 names the nodes FillBackward2 (scalar fill_, also of 0) and
   * ZeroBackward0 (zero_).
   */
  static Tensor fill(Tensor x, double value, String name) {
    Tensor out = Creation.full(x.shape, value, x.dtype());
    return Op.record(name, out, new Tensor[] {x}, (ctx, g) -> grads(g[0].mul(0.0)));
  }

  /** The out-of-place value of {@code x.copy_(src)}: src broadcast to x's shape and dtype. */
  static Tensor copyFrom(Tensor x, Tensor src) {
    Tensor out = Creation.full(x.shape, 0, x.dtype());
    Kernels.copyInto(out, src);
    DType srcType = src.dtype();
    return Op.record(
        "CopyBackwards",
        out,
        new Tensor[] {x, src},
        (ctx, g) -> grads(ctx.needsInputGrad(0) ? g[0].mul(0.0) : null, g[0].to(srcType)));
  }
}
