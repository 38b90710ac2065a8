package org.autograd4j;

import java.util.List;

/**
 * Tensor's shape methods: views, reshaping, dtype conversion, splitting and indexing, delegating to
 * {@code Views}, {@code Reshaping}, {@code Joining} and {@code Indexing}.
 *
 * <p>One link of the chain that splits Tensor's public methods by responsibility (see {@code
 * TensorMathOps}). Package-private so that the public type is Tensor alone: javac emits public
 * bridge methods in Tensor, so callers in other packages and reflection see these methods on
 * Tensor.
 */
abstract class TensorShapeOps extends TensorReductionOps {
  // ---------------------------------------------------------------- shapes and views

  /** {@code x.view(shape)}: same storage, new shape (one entry may be -1). */
  public Tensor view(int... shape) {
    return Views.view(self(), shape);
  }

  /** {@code x.reshape(shape)}: a view when possible, else a copy. */
  public Tensor reshape(int... shape) {
    return Views.reshape(self(), shape);
  }

  /** {@code x.t()} for tensors of at most 2 dims. */
  public Tensor t() {
    return Views.t(self());
  }

  /** {@code x.transpose(d0, d1)}. */
  public Tensor transpose(int d0, int d1) {
    return Views.transpose(self(), d0, d1);
  }

  /** {@code x.permute(dims)}. */
  public Tensor permute(int... dims) {
    return Views.permute(self(), dims);
  }

  /** {@code x.expand(sizes)}: a broadcast view (-1 keeps a size). */
  public Tensor expand(int... sizes) {
    return Views.expand(self(), sizes);
  }

  /** {@code x.unsqueeze(dim)}. */
  public Tensor unsqueeze(int dim) {
    return Views.unsqueeze(self(), dim);
  }

  /** {@code x.squeeze(dim)}. */
  public Tensor squeeze(int dim) {
    return Views.squeeze(self(), dim);
  }

  /** {@code x.squeeze()}: drops every size-1 dim. */
  public Tensor squeeze() {
    return Views.squeeze(self());
  }

  /** {@code x.select(dim, index)}, as {@code x[:, index]}. */
  public Tensor select(int dim, int index) {
    return Views.select(self(), dim, index);
  }

  /** {@code x[..., start:end:step]} along {@code dim}. */
  public Tensor slice(int dim, int start, int end, int step) {
    return Views.slice(self(), dim, start, end, step);
  }

  /** {@code x.narrow(dim, start, length)}. */
  public Tensor narrow(int dim, int start, int length) {
    return Views.slice(self(), dim, start, start + length, 1);
  }

  /** {@code x.contiguous()}. */
  public Tensor contiguous() {
    return Views.contiguous(self());
  }

  /** {@code x.to(dtype)}. */
  public Tensor to(DType dtype) {
    return Elementwise.to(self(), dtype);
  }

  /** {@code x.float()}. */
  public Tensor float_() {
    return to(DType.FLOAT32);
  }

  /** {@code x.double()}. */
  public Tensor double_() {
    return to(DType.FLOAT64);
  }

  /** {@code x.long()}. */
  public Tensor long_() {
    return to(DType.INT64);
  }

  // ---------------------------------------------------------------- shapes

  /** {@code x.flatten()}. */
  public Tensor flatten() {
    return Reshaping.flatten(self(), 0, -1);
  }

  /** {@code x.flatten(start_dim, end_dim)}. */
  public Tensor flatten(int startDim, int endDim) {
    return Reshaping.flatten(self(), startDim, endDim);
  }

  /** {@code x.unflatten(dim, sizes)}. */
  public Tensor unflatten(int dim, int... sizes) {
    return Reshaping.unflatten(self(), dim, sizes);
  }

  /** {@code x.repeat(reps)}: tiles the tensor. */
  public Tensor repeat(int... reps) {
    return Reshaping.repeat(self(), reps);
  }

  /** {@code x.flip(dims)}. */
  public Tensor flip(int... dims) {
    return Reshaping.flip(self(), dims);
  }

  /** {@code x.tril(diagonal)}. */
  public Tensor tril(int diagonal) {
    return Reshaping.triangle(self(), diagonal, true);
  }

  /** {@code x.tril()}. */
  public Tensor tril() {
    return tril(0);
  }

  /** {@code x.triu(diagonal)}. */
  public Tensor triu(int diagonal) {
    return Reshaping.triangle(self(), diagonal, false);
  }

  /** {@code x.triu()}. */
  public Tensor triu() {
    return triu(0);
  }

  /** {@code x.expand_as(other)}. */
  public Tensor expandAs(Tensor other) {
    return expand(other.shape);
  }

  /** {@code x.split(size, dim)}: pieces of {@code size} (grad_fn {@code SplitBackward0}). */
  public List<Tensor> split(int size, int dim) {
    return Joining.split(self(), size, dim);
  }

  /** {@code x.split(size)} along dim 0. */
  public List<Tensor> split(int size) {
    return Joining.split(self(), size, 0);
  }

  /** {@code x.split([sizes], dim)} (grad_fn {@code SplitWithSizesBackward0}). */
  public List<Tensor> split(int[] sizes, int dim) {
    return Joining.splitWithSizes(self(), sizes, dim, "SplitWithSizesBackward0");
  }

  /** {@code x.chunk(chunks, dim)}. */
  public List<Tensor> chunk(int chunks, int dim) {
    return Joining.chunk(self(), chunks, dim);
  }

  /** {@code x.chunk(chunks)} along dim 0. */
  public List<Tensor> chunk(int chunks) {
    return Joining.chunk(self(), chunks, 0);
  }

  /** {@code x.unbind(dim)}. */
  public List<Tensor> unbind(int dim) {
    return Joining.unbind(self(), dim);
  }

  // ---------------------------------------------------------------- indexing

  /**
   * {@code x[items]}: integers, {@link Index#slice}, {@link Index#NONE}, {@link Index#ELLIPSIS},
   * bool masks and int64 index tensors, as Python subscripts.
   *
   * <pre>{@code
   * x.index(Index.slice(0, 3), Index.NONE, 1); // x[0:3, None, 1]
   * x.index(mask);                            // x[mask]
   * }</pre>
   */
  public Tensor index(Object... items) {
    return Indexing.index(self(), items);
  }

  /** {@code x.index_select(dim, index)}. */
  public Tensor indexSelect(int dim, Tensor index) {
    return Indexing.indexSelect(self(), dim, index);
  }

  /** {@code x.gather(dim, index)}. */
  public Tensor gather(int dim, Tensor index) {
    return Indexing.gather(self(), dim, index);
  }

  /** {@code x.scatter(dim, index, src)}. */
  public Tensor scatter(int dim, Tensor index, Tensor src) {
    return Indexing.scatter(self(), dim, index, src, false);
  }

  /** {@code x.scatter(dim, index, value)}. */
  public Tensor scatter(int dim, Tensor index, double value) {
    return Indexing.scatter(self(), dim, index, value);
  }

  /** {@code x.scatter_add(dim, index, src)}. */
  public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
    return Indexing.scatter(self(), dim, index, src, true);
  }

  /** {@code x.masked_fill(mask, value)}. */
  public Tensor maskedFill(Tensor mask, double value) {
    return Indexing.maskedFill(self(), mask, value);
  }

  /** {@code x.masked_fill(mask, value)} with a 0-d tensor value (differentiable in it). */
  public Tensor maskedFill(Tensor mask, Tensor value) {
    return Indexing.maskedFill(self(), mask, value);
  }

  /** {@code x.masked_select(mask)}: a 1-D tensor of the selected elements. */
  public Tensor maskedSelect(Tensor mask) {
    return Indexing.maskedSelect(self(), mask);
  }

  /** {@code x.index_put(indices, values, accumulate)}. */
  public Tensor indexPut(Tensor[] indices, Tensor values, boolean accumulate) {
    return Indexing.indexPut(self(), indices, values, accumulate);
  }

  /** {@code x.index_put(indices, values)}. */
  public Tensor indexPut(Tensor[] indices, Tensor values) {
    return Indexing.indexPut(self(), indices, values, false);
  }
}
