package org.autograd4j;

import java.util.function.DoubleUnaryOperator;
import org.autograd4j.autograd.Op;

/**
 * More elementwise math: absolute value and sign, exponentials and logarithms, trigonometric and
 * hyperbolic functions, rounding, erf, and the binary maximum/minimum/clamp with tensor bounds.
 * Each op's forward, derivative (in Tensor ops) and grad_fn name stand together.
 */
final class ElementwiseMath {
  private ElementwiseMath() {}

  /** The gradient of a unary op given the incoming gradient, its input and its output. */
  @FunctionalInterface
  interface Derivative {
    Tensor times(Tensor grad, Tensor input, Tensor output);
  }

  /**
   * A float function of one tensor. {@code savesOutput} picks which one the derivative reads, as
   * PyTorch saves either self or result.
   */
  static Tensor unary(
      String name, Tensor x, DoubleUnaryOperator f, Derivative d, boolean savesOutput) {
    return unary(name, x, null, f, d, savesOutput);
  }

  /**
   * {@link #unary(String, Tensor, DoubleUnaryOperator, Derivative, boolean)} trying the fast path
   * {@code fast} (see {@link FastPaths#unary}) before {@code f}.
   */
  static Tensor unary(
      String name,
      Tensor x,
      FastPaths.Unary fast,
      DoubleUnaryOperator f,
      Derivative d,
      boolean savesOutput) {
    Tensor quick = fast == null ? null : FastPaths.unary(fast, x);
    Tensor out = quick != null ? quick : Kernels.map(x, Promotion.floatResult(x), f);
    return Op.record(
        name,
        out,
        new Tensor[] {x},
        (ctx, g) ->
            new Tensor[] {
              d.times(g[0], savesOutput ? null : ctx.saved(0), savesOutput ? ctx.saved(0) : null)
            },
        savesOutput ? out : x);
  }

  /** A dtype-preserving op whose gradient is zero almost everywhere (floor, sign, ...). */
  private static Tensor piecewiseConstant(String name, Tensor x, DoubleUnaryOperator f) {
    Tensor out = Kernels.map(x, x.dtype(), f);
    return Op.record(name, out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].mul(0.0)});
  }

  static Tensor abs(Tensor x) {
    Tensor fast = FastPaths.unary(FastPaths.Unary.ABS, x);
    Tensor out = fast != null ? fast : Kernels.map(x, x.dtype(), Math::abs);
    return Op.record(
        "AbsBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].mul(ctx.saved(0).sign())},
        x);
  }

  static Tensor sign(Tensor x) {
    return piecewiseConstant("SignBackward0", x, Math::signum);
  }

  static Tensor floor(Tensor x) {
    return piecewiseConstant("FloorBackward0", x, Math::floor);
  }

  static Tensor ceil(Tensor x) {
    return piecewiseConstant("CeilBackward0", x, Math::ceil);
  }

  /** Rounds half to even, as torch.round. */
  static Tensor round(Tensor x) {
    return piecewiseConstant("RoundBackward0", x, Math::rint);
  }

  static Tensor expm1(Tensor x) {
    return unary("Expm1Backward0", x, Math::expm1, (g, in, out) -> g.mul(out.add(1.0)), true);
  }

  static Tensor log1p(Tensor x) {
    return unary("Log1PBackward0", x, Math::log1p, (g, in, out) -> g.div(in.add(1.0)), false);
  }

  static Tensor log2(Tensor x) {
    double ln2 = Math.log(2);
    return unary(
        "Log2Backward0", x, v -> Math.log(v) / ln2, (g, in, out) -> g.div(in.mul(ln2)), false);
  }

  static Tensor rsqrt(Tensor x) {
    return unary(
        "RsqrtBackward0",
        x,
        v -> 1 / Math.sqrt(v),
        (g, in, out) -> g.mul(out.pow(3.0).mul(-0.5)),
        true);
  }

  static Tensor reciprocal(Tensor x) {
    return unary(
        "ReciprocalBackward0", x, v -> 1 / v, (g, in, out) -> g.mul(out.mul(out).neg()), true);
  }

  static Tensor tan(Tensor x) {
    return unary("TanBackward0", x, Math::tan, (g, in, out) -> g.mul(out.mul(out).add(1.0)), true);
  }

  static Tensor asin(Tensor x) {
    return unary(
        "AsinBackward0", x, Math::asin, (g, in, out) -> g.div(in.mul(in).rsub(1.0).sqrt()), false);
  }

  static Tensor acos(Tensor x) {
    return unary(
        "AcosBackward0",
        x,
        Math::acos,
        (g, in, out) -> g.neg().div(in.mul(in).rsub(1.0).sqrt()),
        false);
  }

  static Tensor atan(Tensor x) {
    return unary("AtanBackward0", x, Math::atan, (g, in, out) -> g.div(in.mul(in).add(1.0)), false);
  }

  static Tensor sinh(Tensor x) {
    return unary("SinhBackward0", x, Math::sinh, (g, in, out) -> g.mul(in.cosh()), false);
  }

  static Tensor cosh(Tensor x) {
    return unary("CoshBackward0", x, Math::cosh, (g, in, out) -> g.mul(in.sinh()), false);
  }

  static Tensor erf(Tensor x) {
    double c = 2 / Math.sqrt(Math.PI);
    return unary(
        "ErfBackward0",
        x,
        Promotion.floatResult(x) == DType.FLOAT32
            ? SpecialFunctions::erfFloat32
            : SpecialFunctions::erf,
        (g, in, out) -> g.mul(in.mul(in).neg().exp().mul(c)),
        false);
  }

  // ------------------------------------------------------------------ binary

  /** Gradient share of the first operand: 1 where it wins, 0 where it loses, 1/2 on ties. */
  private static Tensor share(Tensor a, Tensor b, boolean max) {
    return Kernels.zip(
        a,
        b,
        Promotion.resultType(a, b),
        (x, y) -> x == y ? 0.5 : (max ? x > y : x < y) ? 1 : 0,
        null);
  }

  static Tensor maximum(Tensor a, Tensor b) {
    return extremum("MaximumBackward0", a, b, true);
  }

  static Tensor minimum(Tensor a, Tensor b) {
    return extremum("MinimumBackward0", a, b, false);
  }

  private static Tensor extremum(String name, Tensor a, Tensor b, boolean max) {
    DType t = Promotion.resultType(a, b);
    Tensor out =
        Kernels.zip(
            a,
            b,
            t,
            (x, y) ->
                Double.isNaN(x) || Double.isNaN(y)
                    ? Double.NaN
                    : max ? Math.max(x, y) : Math.min(x, y),
            max ? Math::max : Math::min);
    if (!Op.needsGrad(a, b)) {
      return out;
    }
    Tensor s = share(a, b, max);
    return Op.record(
        name,
        out,
        new Tensor[] {a, b},
        (ctx, g) ->
            new Tensor[] {
              ctx.needsInputGrad(0) ? g[0].mul(s) : null,
              ctx.needsInputGrad(1) ? g[0].mul(s.rsub(1.0)) : null
            });
  }

  /**
   * {@code clamp(x, min, max)} with tensor bounds (either may be null): {@code min(max(x, lo),
   * hi)}, so when {@code lo > hi} the result is {@code hi}, as in PyTorch.
   */
  static Tensor clamp(Tensor x, Tensor lo, Tensor hi, String name) {
    if (lo == null && hi == null) {
      throw new IllegalArgumentException(
          "torch.clamp: At least one of 'min' or 'max' must not be None");
    }
    Tensor out = x;
    try (var g = org.autograd4j.autograd.GradMode.scope(false)) {
      if (lo != null) {
        out =
            Kernels.zip(
                out,
                lo,
                Promotion.resultType(out, lo),
                (v, l) -> Double.isNaN(v) ? v : Math.max(v, l),
                Math::max);
      }
      if (hi != null) {
        out =
            Kernels.zip(
                out,
                hi,
                Promotion.resultType(out, hi),
                (v, h) -> Double.isNaN(v) ? v : Math.min(v, h),
                Math::min);
      }
    }
    if (!Op.needsGrad(x, lo, hi)) {
      return out;
    }
    // Masks of where each operand is the result, computed once from the forward values.
    Tensor passX = Kernels.map(x, DType.BOOL, v -> 1);
    Tensor fromLo = null;
    Tensor fromHi = null;
    if (lo != null) {
      fromLo = x.lt(lo);
      passX = passX.logicalAnd(x.ge(lo));
    }
    if (hi != null) {
      Tensor above = (lo == null ? x : Torch.maximum(x.detach(), lo.detach())).gt(hi);
      passX = passX.logicalAnd(x.le(hi)).logicalAnd(above.logicalNot());
      fromHi = above;
      if (fromLo != null) {
        fromLo = fromLo.logicalAnd(above.logicalNot());
      }
    }
    Tensor px = passX;
    Tensor pl = fromLo;
    Tensor ph = fromHi;
    return Op.record(
        name,
        out,
        new Tensor[] {x, lo, hi},
        (ctx, g) -> {
          Tensor zero = Torch.zerosLike(g[0]);
          return new Tensor[] {
            ctx.needsInputGrad(0) ? Torch.where(px, g[0], zero) : null,
            ctx.needsInputGrad(1) ? Torch.where(pl, g[0], zero) : null,
            ctx.needsInputGrad(2) ? Torch.where(ph, g[0], zero) : null
          };
        });
  }

  static Tensor logicalXor(Tensor a, Tensor b) {
    return Kernels.zip(a, b, DType.BOOL, (x, y) -> (x != 0) != (y != 0) ? 1 : 0, null);
  }
}
