package org.autograd4j;

/**
 * Tensor's reductions and linear algebra: sums, means, extrema, statistics and matrix products,
 * delegating to {@code Reductions}, {@code Extrema}, {@code Statistics} and {@code LinearAlgebra}.
 *
 * <p>One link of the chain that splits Tensor's public methods by responsibility (see {@code
 * TensorMathOps}). Package-private so that the public type is Tensor alone: javac emits public
 * bridge methods in Tensor, so callers in other packages and reflection see these methods on
 * Tensor.
 */
abstract class TensorReductionOps extends TensorMathOps {
  // ---------------------------------------------------------------- reductions

  /** {@code x.sum()} over all elements. */
  public Tensor sum() {
    return Reductions.sum(self());
  }

  /** {@code x.sum(dim)}. */
  public Tensor sum(int dim) {
    return Reductions.sum(self(), new int[] {dim}, false);
  }

  /** {@code x.sum(dims, keepdim)}. */
  public Tensor sum(int[] dims, boolean keepdim) {
    return Reductions.sum(self(), dims, keepdim);
  }

  /** {@code x.mean()} over all elements. */
  public Tensor mean() {
    return Reductions.mean(self());
  }

  /** {@code x.mean(dim)}. */
  public Tensor mean(int dim) {
    return Reductions.mean(self(), new int[] {dim}, false);
  }

  /** {@code x.mean(dims, keepdim)}. */
  public Tensor mean(int[] dims, boolean keepdim) {
    return Reductions.mean(self(), dims, keepdim);
  }

  /** {@code x.sum_to_size(shape)}: sums broadcast dims away. */
  public Tensor sumToSize(int... shape) {
    return Reductions.sumToSize(self(), shape);
  }

  /** {@code x.any()}. */
  public Tensor any() {
    return Reductions.any(self());
  }

  /** {@code x.all()}. */
  public Tensor all() {
    return Reductions.all(self());
  }

  // ---------------------------------------------------------------- linear algebra

  /** {@code x @ other}: dot, matrix-vector, matrix-matrix or batched product by rank. */
  public Tensor matmul(Tensor other) {
    return LinearAlgebra.matmul(self(), other);
  }

  /** {@code x.addmm(mat1, mat2, beta, alpha)}: {@code beta * x + alpha * (mat1 @ mat2)}. */
  public Tensor addmm(Tensor mat1, Tensor mat2, double beta, double alpha) {
    return LinearAlgebra.addmm(self(), mat1, mat2, beta, alpha);
  }

  /** {@code x.addmm(mat1, mat2)}: {@code x + mat1 @ mat2} (grad_fn {@code AddmmBackward0}). */
  public Tensor addmm(Tensor mat1, Tensor mat2) {
    return LinearAlgebra.addmm(self(), mat1, mat2, 1, 1);
  }

  /** {@code x.mm(other)} for two matrices. */
  public Tensor mm(Tensor other) {
    return LinearAlgebra.mm(self(), other);
  }

  /** {@code x.bmm(other)} for two batches of matrices. */
  public Tensor bmm(Tensor other) {
    return LinearAlgebra.bmm(self(), other);
  }

  /** {@code x.mv(vec)}. */
  public Tensor mv(Tensor vec) {
    return LinearAlgebra.mv(self(), vec);
  }

  /** {@code x.dot(other)} for two vectors. */
  public Tensor dot(Tensor other) {
    return LinearAlgebra.dot(self(), other);
  }

  // ---------------------------------------------------------------- more reductions

  /** {@code x.prod()}. */
  public Tensor prod() {
    return Statistics.prod(self());
  }

  /** {@code x.prod(dim, keepdim)}. */
  public Tensor prod(int dim, boolean keepdim) {
    return Statistics.prod(self(), dim, keepdim);
  }

  /** {@code x.prod(dim)}. */
  public Tensor prod(int dim) {
    return Statistics.prod(self(), dim, false);
  }

  /** {@code x.max()}: ties share the gradient evenly (grad_fn {@code MaxBackward1}). */
  public Tensor max() {
    return Extrema.extremum(self(), true);
  }

  /** {@code x.min()}. */
  public Tensor min() {
    return Extrema.extremum(self(), false);
  }

  /**
   * {@code x.max(dim, keepdim)}: values and indices.
   *
   * <pre>{@code
   * ValuesIndices m = x.max(1, false);
   * }</pre>
   */
  public ValuesIndices max(int dim, boolean keepdim) {
    return Extrema.extremumDim(self(), dim, keepdim, true);
  }

  /** {@code x.max(dim)}. */
  public ValuesIndices max(int dim) {
    return Extrema.extremumDim(self(), dim, false, true);
  }

  /** {@code x.min(dim, keepdim)}. */
  public ValuesIndices min(int dim, boolean keepdim) {
    return Extrema.extremumDim(self(), dim, keepdim, false);
  }

  /** {@code x.min(dim)}. */
  public ValuesIndices min(int dim) {
    return Extrema.extremumDim(self(), dim, false, false);
  }

  /** {@code torch.max(x, other)}, the same as {@link Tensor#maximum}. */
  public Tensor max(Tensor other) {
    return maximum(other);
  }

  /** {@code torch.min(x, other)}, the same as {@link Tensor#minimum}. */
  public Tensor min(Tensor other) {
    return minimum(other);
  }

  /** {@code x.amax(dims, keepdim)}; an empty dims array reduces everything. */
  public Tensor amax(int[] dims, boolean keepdim) {
    return Extrema.amax(self(), dims, keepdim, true);
  }

  /** {@code x.amax()} over all elements. */
  public Tensor amax() {
    return Extrema.amax(self(), new int[0], false, true);
  }

  /** {@code x.amin(dims, keepdim)}. */
  public Tensor amin(int[] dims, boolean keepdim) {
    return Extrema.amax(self(), dims, keepdim, false);
  }

  /** {@code x.amin()} over all elements. */
  public Tensor amin() {
    return Extrema.amax(self(), new int[0], false, false);
  }

  /** {@code x.argmax()} of the flattened tensor. */
  public Tensor argmax() {
    return Extrema.argExtremum(self(), true);
  }

  /** {@code x.argmax(dim, keepdim)}. */
  public Tensor argmax(int dim, boolean keepdim) {
    return Extrema.argExtremum(self(), dim, keepdim, true);
  }

  /** {@code x.argmin()}. */
  public Tensor argmin() {
    return Extrema.argExtremum(self(), false);
  }

  /** {@code x.argmin(dim, keepdim)}. */
  public Tensor argmin(int dim, boolean keepdim) {
    return Extrema.argExtremum(self(), dim, keepdim, false);
  }

  /** {@code x.var()}: unbiased (correction 1). */
  public Tensor var() {
    return Statistics.var(self(), null, 1, false);
  }

  /** {@code x.var(dims, correction=correction, keepdim=keepdim)}. */
  public Tensor var(int[] dims, double correction, boolean keepdim) {
    return Statistics.var(self(), dims, correction, keepdim);
  }

  /** {@code x.std()}: unbiased (correction 1). */
  public Tensor std() {
    return Statistics.std(self(), null, 1, false);
  }

  /** {@code x.std(dims, correction=correction, keepdim=keepdim)}. */
  public Tensor std(int[] dims, double correction, boolean keepdim) {
    return Statistics.std(self(), dims, correction, keepdim);
  }

  /** {@code x.norm()}: the 2-norm of all elements. */
  public Tensor norm() {
    return Statistics.norm(self(), 2, null, false);
  }

  /** {@code x.norm(p)}: p may be 1, 2, any positive value or {@code Double.POSITIVE_INFINITY}. */
  public Tensor norm(double p) {
    return Statistics.norm(self(), p, null, false);
  }

  /** {@code x.norm(p, dims, keepdim)}. */
  public Tensor norm(double p, int[] dims, boolean keepdim) {
    return Statistics.norm(self(), p, dims, keepdim);
  }

  /** {@code x.logsumexp(dims, keepdim)}, computed stably. */
  public Tensor logsumexp(int[] dims, boolean keepdim) {
    return Statistics.logsumexp(self(), dims, keepdim);
  }

  /** {@code x.logsumexp(dim)}. */
  public Tensor logsumexp(int dim) {
    return Statistics.logsumexp(self(), new int[] {dim}, false);
  }

  /** {@code x.cumsum(dim)}. */
  public Tensor cumsum(int dim) {
    return Statistics.cumsum(self(), dim);
  }

  /** {@code x.any(dim, keepdim)}. */
  public Tensor any(int dim, boolean keepdim) {
    return Statistics.anyAll(self(), dim, keepdim, true);
  }

  /** {@code x.all(dim, keepdim)}. */
  public Tensor all(int dim, boolean keepdim) {
    return Statistics.anyAll(self(), dim, keepdim, false);
  }
}
