package org.autograd4j;

/**
 * Tensor's elementwise methods: arithmetic, math functions, comparisons and logic, and activations,
 * each delegating to an op group ({@code Elementwise}, {@code ElementwiseMath}, {@code
 * Activations}).
 *
 * <p>Tensor's public methods are split by responsibility over a chain of superclasses, so that no
 * one file holds them all: {@code TensorMathOps} (the root), {@code TensorReductionOps}, {@code
 * TensorShapeOps} and {@code TensorInPlaceOps}, extended by {@code Tensor}, which keeps the fields,
 * the autograd state and everything that touches them. The superclasses are package-private so that
 * the public type is Tensor alone: javac emits a public bridge method in Tensor for each of their
 * public methods, so callers in other packages and reflection see the methods on Tensor, and
 * javadoc documents them there. A bridge carries neither the generic signature nor the varargs flag
 * (reflection sees {@code List split(int)} and {@code view(int[])} on Tensor); javac resolves calls
 * against the declarations here, so source and binary callers are unaffected. Where Tensor would
 * pass {@code this} to an op group, these classes pass {@link #self()}.
 */
abstract class TensorMathOps {
  /** This tensor: the receiver the methods below pass to the op groups ({@code this} in Tensor). */
  abstract Tensor self();

  // ---------------------------------------------------------------- arithmetic

  /** {@code x + other} with broadcasting. */
  public Tensor add(Tensor other) {
    return Elementwise.add(self(), other, 1);
  }

  /** {@code torch.add(x, other, alpha=alpha)}: {@code x + alpha * other}. */
  public Tensor add(Tensor other, double alpha) {
    return Elementwise.add(self(), other, alpha);
  }

  /** {@code x + 2.5}. */
  public Tensor add(double other) {
    return Elementwise.scalarOp(FastPaths.Binary.ADD, self(), other);
  }

  /** {@code x + 2} (an integer keeps integer tensors integral). */
  public Tensor add(long other) {
    return Elementwise.add(self(), Promotion.wrapScalar(self(), other, true), 1);
  }

  /** {@code x - other} with broadcasting. */
  public Tensor sub(Tensor other) {
    return Elementwise.sub(self(), other, 1);
  }

  /** {@code torch.sub(x, other, alpha=alpha)}. */
  public Tensor sub(Tensor other, double alpha) {
    return Elementwise.sub(self(), other, alpha);
  }

  /** {@code x - 2.5}. */
  public Tensor sub(double other) {
    return Elementwise.scalarOp(FastPaths.Binary.SUB, self(), other);
  }

  /** {@code x - 2}. */
  public Tensor sub(long other) {
    return Elementwise.sub(self(), Promotion.wrapScalar(self(), other, true), 1);
  }

  /**
   * {@code scalar - x} (Python's {@code 1 - x}, grad_fn {@code RsubBackward1}).
   *
   * <pre>{@code
   * Tensor oneMinusP = p.rsub(1); // 1 - p
   * }</pre>
   */
  public Tensor rsub(double scalar) {
    return Elementwise.rsub(self(), scalar, false);
  }

  /** {@code 1 - x} with an integer scalar. */
  public Tensor rsub(long scalar) {
    return Elementwise.rsub(self(), scalar, true);
  }

  /** {@code x * other} with broadcasting. */
  public Tensor mul(Tensor other) {
    return Elementwise.mul(self(), other);
  }

  /** {@code x * 2.5}. */
  public Tensor mul(double other) {
    return Elementwise.scalarOp(FastPaths.Binary.MUL, self(), other);
  }

  /** {@code x * 2}. */
  public Tensor mul(long other) {
    return Elementwise.mul(self(), Promotion.wrapScalar(self(), other, true));
  }

  /** {@code x / other} (true division) with broadcasting. */
  public Tensor div(Tensor other) {
    return Elementwise.div(self(), other);
  }

  /** {@code x / 2.5}. */
  public Tensor div(double other) {
    return Elementwise.scalarOp(FastPaths.Binary.DIV, self(), other);
  }

  /** {@code x / 2}. */
  public Tensor div(long other) {
    return Elementwise.div(self(), Promotion.wrapScalar(self(), other, true));
  }

  /** {@code scalar / x}. */
  public Tensor rdiv(double scalar) {
    return Elementwise.div(Promotion.wrapScalar(self(), scalar, false), self());
  }

  /** {@code -x}. */
  public Tensor neg() {
    return Elementwise.neg(self());
  }

  /** {@code x ** exponent} for a scalar exponent (grad_fn {@code PowBackward0}). */
  public Tensor pow(double exponent) {
    return Elementwise.pow(self(), exponent);
  }

  /** {@code x ** exponent} elementwise (grad_fn {@code PowBackward1}). */
  public Tensor pow(Tensor exponent) {
    return Elementwise.pow(self(), exponent);
  }

  // ---------------------------------------------------------------- math functions

  /** {@code torch.exp(x)}. */
  public Tensor exp() {
    return Elementwise.exp(self());
  }

  /** {@code torch.log(x)}, the natural logarithm. */
  public Tensor log() {
    return Elementwise.log(self());
  }

  /** {@code torch.sin(x)}. */
  public Tensor sin() {
    return Elementwise.sin(self());
  }

  /** {@code torch.cos(x)}. */
  public Tensor cos() {
    return Elementwise.cos(self());
  }

  /** {@code torch.tanh(x)}. */
  public Tensor tanh() {
    return Elementwise.tanh(self());
  }

  /** {@code torch.sigmoid(x)}. */
  public Tensor sigmoid() {
    return Elementwise.sigmoid(self());
  }

  /** {@code torch.sqrt(x)}. */
  public Tensor sqrt() {
    return Elementwise.sqrt(self());
  }

  /** {@code torch.relu(x)}. */
  public Tensor relu() {
    return Elementwise.relu(self());
  }

  /** {@code torch.clamp(x, min, max)}; pass {@code Double.NaN} for a missing bound. */
  public Tensor clamp(double min, double max) {
    return Elementwise.clamp(self(), min, max);
  }

  /** {@code x.clamp(min=min)}. */
  public Tensor clampMin(double min) {
    return Elementwise.clamp(self(), min, Double.NaN);
  }

  /** {@code x.clamp(max=max)}. */
  public Tensor clampMax(double max) {
    return Elementwise.clamp(self(), Double.NaN, max);
  }

  // ---------------------------------------------------------------- comparisons and logic

  /** {@code x == other} elementwise, as a bool tensor. */
  public Tensor eq(Tensor other) {
    return Elementwise.compare(self(), other, MaskLoops.Comparison.EQ);
  }

  /** {@code x == value}. */
  public Tensor eq(double value) {
    return eq(Promotion.wrapScalar(self(), value, false));
  }

  /** {@code x != other}. */
  public Tensor ne(Tensor other) {
    return Elementwise.compare(self(), other, MaskLoops.Comparison.NE);
  }

  /** {@code x != value}. */
  public Tensor ne(double value) {
    return ne(Promotion.wrapScalar(self(), value, false));
  }

  /** {@code x < other}. */
  public Tensor lt(Tensor other) {
    return Elementwise.compare(self(), other, MaskLoops.Comparison.LT);
  }

  /** {@code x < value}. */
  public Tensor lt(double value) {
    return lt(Promotion.wrapScalar(self(), value, false));
  }

  /** {@code x <= other}. */
  public Tensor le(Tensor other) {
    return Elementwise.compare(self(), other, MaskLoops.Comparison.LE);
  }

  /** {@code x <= value}. */
  public Tensor le(double value) {
    return le(Promotion.wrapScalar(self(), value, false));
  }

  /** {@code x > other}. */
  public Tensor gt(Tensor other) {
    return Elementwise.compare(self(), other, MaskLoops.Comparison.GT);
  }

  /** {@code x > value}. */
  public Tensor gt(double value) {
    return gt(Promotion.wrapScalar(self(), value, false));
  }

  /** {@code x >= other}. */
  public Tensor ge(Tensor other) {
    return Elementwise.compare(self(), other, MaskLoops.Comparison.GE);
  }

  /** {@code x >= value}. */
  public Tensor ge(double value) {
    return ge(Promotion.wrapScalar(self(), value, false));
  }

  /** {@code torch.isnan(x)}. */
  public Tensor isnan() {
    return Elementwise.isnan(self());
  }

  /** {@code torch.logical_and(x, other)}. */
  public Tensor logicalAnd(Tensor other) {
    return Elementwise.logicalAnd(self(), other);
  }

  /** {@code torch.logical_or(x, other)}. */
  public Tensor logicalOr(Tensor other) {
    return Elementwise.logicalOr(self(), other);
  }

  /** {@code torch.logical_not(x)}. */
  public Tensor logicalNot() {
    return Elementwise.logicalNot(self());
  }

  // ---------------------------------------------------------------- more math (ElementwiseMath)

  /** {@code x.abs()} (grad_fn {@code AbsBackward0}). */
  public Tensor abs() {
    return ElementwiseMath.abs(self());
  }

  /** {@code x.sign()}: -1, 0 or 1; zero gradient. */
  public Tensor sign() {
    return ElementwiseMath.sign(self());
  }

  /** {@code x.expm1()}: {@code exp(x) - 1}, accurate near 0. */
  public Tensor expm1() {
    return ElementwiseMath.expm1(self());
  }

  /** {@code x.log1p()}: {@code log(1 + x)}, accurate near 0. */
  public Tensor log1p() {
    return ElementwiseMath.log1p(self());
  }

  /** {@code x.log2()}. */
  public Tensor log2() {
    return ElementwiseMath.log2(self());
  }

  /** {@code x.rsqrt()}: {@code 1 / sqrt(x)}. */
  public Tensor rsqrt() {
    return ElementwiseMath.rsqrt(self());
  }

  /** {@code x.square()}: {@code x ** 2} (grad_fn {@code PowBackward0}, as PyTorch). */
  public Tensor square() {
    return pow(2.0);
  }

  /** {@code x.reciprocal()}: {@code 1 / x}. */
  public Tensor reciprocal() {
    return ElementwiseMath.reciprocal(self());
  }

  /** {@code x.tan()}. */
  public Tensor tan() {
    return ElementwiseMath.tan(self());
  }

  /** {@code x.asin()}. */
  public Tensor asin() {
    return ElementwiseMath.asin(self());
  }

  /** {@code x.acos()}. */
  public Tensor acos() {
    return ElementwiseMath.acos(self());
  }

  /** {@code x.atan()}. */
  public Tensor atan() {
    return ElementwiseMath.atan(self());
  }

  /** {@code x.sinh()}. */
  public Tensor sinh() {
    return ElementwiseMath.sinh(self());
  }

  /** {@code x.cosh()}. */
  public Tensor cosh() {
    return ElementwiseMath.cosh(self());
  }

  /** {@code x.erf()}, the error function. */
  public Tensor erf() {
    return ElementwiseMath.erf(self());
  }

  /** {@code x.floor()}; zero gradient. */
  public Tensor floor() {
    return ElementwiseMath.floor(self());
  }

  /** {@code x.ceil()}; zero gradient. */
  public Tensor ceil() {
    return ElementwiseMath.ceil(self());
  }

  /** {@code x.round()}: half to even, as PyTorch; zero gradient. */
  public Tensor round() {
    return ElementwiseMath.round(self());
  }

  /** {@code torch.maximum(x, other)}: ties share the gradient equally. */
  public Tensor maximum(Tensor other) {
    return ElementwiseMath.maximum(self(), other);
  }

  /** {@code torch.minimum(x, other)}. */
  public Tensor minimum(Tensor other) {
    return ElementwiseMath.minimum(self(), other);
  }

  /**
   * {@code x.clamp(min, max)} with tensor bounds (either may be null), grad_fn {@code
   * ClampBackward0}.
   *
   * <pre>{@code
   * x.clamp(lo, hi); // min(max(x, lo), hi), broadcast
   * }</pre>
   */
  public Tensor clamp(Tensor min, Tensor max) {
    return ElementwiseMath.clamp(self(), min, max, "ClampBackward0");
  }

  /** {@code x.clamp_min(min)} with a tensor bound. */
  public Tensor clampMin(Tensor min) {
    return ElementwiseMath.clamp(self(), min, null, "ClampMinBackward1");
  }

  /** {@code x.clamp_max(max)} with a tensor bound. */
  public Tensor clampMax(Tensor max) {
    return ElementwiseMath.clamp(self(), null, max, "ClampMaxBackward1");
  }

  /** {@code torch.logical_xor(x, other)}. */
  public Tensor logicalXor(Tensor other) {
    return ElementwiseMath.logicalXor(self(), other);
  }

  // ---------------------------------------------------------------- activations

  /** {@code F.gelu(x)}, the exact (erf) form. */
  public Tensor gelu() {
    return Activations.gelu(self());
  }

  /**
   * {@code F.gelu(x, approximate=approximate)}: {@code "none"} (exact) or {@code "tanh"}.
   *
   * <pre>{@code
   * x.gelu("tanh");
   * }</pre>
   */
  public Tensor gelu(String approximate) {
    switch (approximate) {
      case "none":
        return Activations.gelu(self());
      case "tanh":
        return Activations.geluTanh(self());
      default:
        throw new IllegalArgumentException("approximate argument must be either none or tanh.");
    }
  }

  /** {@code F.silu(x)}: {@code x * sigmoid(x)}. */
  public Tensor silu() {
    return Activations.silu(self());
  }

  /** {@code F.softplus(x)} with beta 1, threshold 20. */
  public Tensor softplus() {
    return Activations.softplus(self(), 1, 20);
  }

  /** {@code F.softplus(x, beta, threshold)}. */
  public Tensor softplus(double beta, double threshold) {
    return Activations.softplus(self(), beta, threshold);
  }

  /** {@code F.leaky_relu(x, negative_slope)}. */
  public Tensor leakyRelu(double negativeSlope) {
    return Activations.leakyRelu(self(), negativeSlope);
  }

  /** {@code F.leaky_relu(x)} with slope 0.01. */
  public Tensor leakyRelu() {
    return Activations.leakyRelu(self(), 0.01);
  }

  /** {@code F.elu(x, alpha)}. */
  public Tensor elu(double alpha) {
    return Activations.elu(self(), alpha);
  }

  /** {@code F.elu(x)} with alpha 1. */
  public Tensor elu() {
    return Activations.elu(self(), 1);
  }

  /**
   * {@code x.softmax(dim)}, computed stably.
   *
   * <pre>{@code
   * Tensor p = logits.softmax(-1); // rows sum to 1, grad_fn=<SoftmaxBackward0>
   * }</pre>
   */
  public Tensor softmax(int dim) {
    return Activations.softmax(self(), dim);
  }

  /** {@code x.log_softmax(dim)}, computed stably. */
  public Tensor logSoftmax(int dim) {
    return Activations.logSoftmax(self(), dim);
  }
}
