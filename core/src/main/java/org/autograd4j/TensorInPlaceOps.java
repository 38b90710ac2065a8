package org.autograd4j;

/**
 * Tensor's in-place methods (the trailing-underscore ones): each runs its out-of-place form through
 * {@code InPlace.apply}, which writes the result back into this tensor and rebases its history.
 *
 * <p>One link of the chain that splits Tensor's public methods by responsibility (see {@code
 * TensorMathOps}). Package-private so that the public type is Tensor alone: javac emits public
 * bridge methods in Tensor, so callers in other packages and reflection see these methods on
 * Tensor.
 */
abstract class TensorInPlaceOps extends TensorShapeOps {
  // ---------------------------------------------------------------- in place

  /** {@code x += other}. */
  public Tensor add_(Tensor other) {
    return InPlace.binary(self(), FastPaths.Binary.ADD, other, s -> s.add(other));
  }

  /** {@code x += alpha * other}. */
  public Tensor add_(Tensor other, double alpha) {
    return InPlace.apply(self(), s -> s.add(other, alpha), other);
  }

  /** {@code x += value}. */
  public Tensor add_(double value) {
    return InPlace.scalar(self(), FastPaths.Binary.ADD, value, s -> s.add(value));
  }

  /**
   * {@code x -= other}, e.g. a gradient-descent step under {@code noGrad()}.
   *
   * <pre>{@code
   * try (var g = Torch.noGrad()) {
   *   w.sub_(w.grad().mul(0.01));
   * }
   * }</pre>
   */
  public Tensor sub_(Tensor other) {
    return InPlace.binary(self(), FastPaths.Binary.SUB, other, s -> s.sub(other));
  }

  /** {@code x -= value}. */
  public Tensor sub_(double value) {
    return InPlace.scalar(self(), FastPaths.Binary.SUB, value, s -> s.sub(value));
  }

  /** {@code x *= other}. */
  public Tensor mul_(Tensor other) {
    return InPlace.binary(self(), FastPaths.Binary.MUL, other, s -> s.mul(other));
  }

  /** {@code x *= value}. */
  public Tensor mul_(double value) {
    return InPlace.scalar(self(), FastPaths.Binary.MUL, value, s -> s.mul(value));
  }

  /** {@code x /= other}. */
  public Tensor div_(Tensor other) {
    return InPlace.binary(self(), FastPaths.Binary.DIV, other, s -> s.div(other));
  }

  /** {@code x /= value}. */
  public Tensor div_(double value) {
    return InPlace.scalar(self(), FastPaths.Binary.DIV, value, s -> s.div(value));
  }

  /** {@code x.clamp_(min, max)}. */
  public Tensor clamp_(double min, double max) {
    return InPlace.apply(self(), s -> s.clamp(min, max));
  }

  /** {@code x.zero_()}: fills with zeros and returns {@code x}. */
  public Tensor zero_() {
    return InPlace.fill(self(), 0, "ZeroBackward0");
  }

  /** {@code x.fill_(value)}. */
  public Tensor fill_(double value) {
    return InPlace.fill(self(), value, "FillBackward2");
  }

  /** {@code x.copy_(src)}: copies {@code src}'s values (broadcast) into {@code x}. */
  public Tensor copy_(Tensor src) {
    return InPlace.apply(self(), s -> Elementwise.copyFrom(s, src), src);
  }

  // ---------------------------------------------------------------- more in place

  /** {@code x.exp_()}. */
  public Tensor exp_() {
    return InPlace.apply(self(), Tensor::exp);
  }

  /** {@code x.log_()}. */
  public Tensor log_() {
    return InPlace.apply(self(), Tensor::log);
  }

  /** {@code x.relu_()}. */
  public Tensor relu_() {
    return InPlace.apply(self(), Tensor::relu);
  }

  /** {@code x.sigmoid_()}. */
  public Tensor sigmoid_() {
    return InPlace.apply(self(), Tensor::sigmoid);
  }

  /** {@code x.tanh_()}. */
  public Tensor tanh_() {
    return InPlace.apply(self(), Tensor::tanh);
  }

  /** {@code x.neg_()}. */
  public Tensor neg_() {
    return InPlace.apply(self(), Tensor::neg);
  }

  /** {@code x.abs_()}. */
  public Tensor abs_() {
    return InPlace.apply(self(), Tensor::abs);
  }

  /** {@code x.sqrt_()}. */
  public Tensor sqrt_() {
    return InPlace.apply(self(), Tensor::sqrt);
  }

  /** {@code x.pow_(exponent)}. */
  public Tensor pow_(double exponent) {
    return InPlace.apply(self(), s -> s.pow(exponent));
  }

  /** {@code x.clamp_(min, max)} with tensor bounds. */
  public Tensor clamp_(Tensor min, Tensor max) {
    return InPlace.apply(self(), s -> s.clamp(min, max), min, max);
  }

  /** {@code x.masked_fill_(mask, value)}. */
  public Tensor maskedFill_(Tensor mask, double value) {
    return InPlace.apply(self(), s -> s.maskedFill(mask, value));
  }

  /**
   * {@code x.index_put_(indices, values, accumulate)}, as {@code x[indices] = values}.
   *
   * <pre>{@code
   * x.indexPut_(new Tensor[] {mask}, Torch.tensor(0.0)); // x[mask] = 0
   * }</pre>
   */
  public Tensor indexPut_(Tensor[] indices, Tensor values, boolean accumulate) {
    return InPlace.apply(self(), s -> s.indexPut(indices, values, accumulate), values);
  }

  /** {@code x.index_put_(indices, values)}. */
  public Tensor indexPut_(Tensor[] indices, Tensor values) {
    return indexPut_(indices, values, false);
  }

  /** {@code x.scatter_(dim, index, src)}. */
  public Tensor scatter_(int dim, Tensor index, Tensor src) {
    return InPlace.apply(self(), s -> s.scatter(dim, index, src), src);
  }

  /** {@code x.scatter_add_(dim, index, src)}. */
  public Tensor scatterAdd_(int dim, Tensor index, Tensor src) {
    return InPlace.apply(self(), s -> s.scatterAdd(dim, index, src), src);
  }
}
