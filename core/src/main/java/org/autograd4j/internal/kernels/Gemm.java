package org.autograd4j.internal.kernels;

/**
 * General matrix multiply on row-major primitive arrays, BLAS style: {@code C = alpha * op(A) *
 * op(B) + beta * C}, where {@code op(X)} is {@code X} or its transpose.
 *
 * <p>All matrices are row-major: element {@code (i, j)} of a matrix stored at {@code off} with
 * leading dimension {@code ld} is {@code x[off + i * ld + j]}. {@code op(A)} is {@code m x k} (so
 * {@code A} is stored {@code m x k}, or {@code k x m} when transposed), {@code op(B)} is {@code k x
 * n} and {@code C} is {@code m x n}. As in BLAS, when {@code beta == 0} the old contents of {@code
 * C} are not read (NaNs there do not propagate). Implementations may use several threads (see
 * {@link Parallel}) for large products.
 */
public interface Gemm {

  /**
   * Single-precision {@code C = alpha * op(A) * op(B) + beta * C}.
   *
   * @param transA whether {@code op(A)} is {@code A} transposed
   * @param transB whether {@code op(B)} is {@code B} transposed
   * @param m rows of {@code op(A)} and {@code C}
   * @param n columns of {@code op(B)} and {@code C}
   * @param k columns of {@code op(A)}, rows of {@code op(B)}
   * @param alpha scale of the product
   * @param a storage of {@code A}
   * @param aOff offset of {@code A(0, 0)}
   * @param lda leading dimension (row stride) of {@code A} as stored
   * @param b storage of {@code B}
   * @param bOff offset of {@code B(0, 0)}
   * @param ldb leading dimension of {@code B} as stored
   * @param beta scale of the old {@code C}
   * @param c storage of {@code C}
   * @param cOff offset of {@code C(0, 0)}
   * @param ldc leading dimension of {@code C}
   */
  void sgemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float beta,
      float[] c,
      int cOff,
      int ldc);

  /**
   * Double-precision {@code C = alpha * op(A) * op(B) + beta * C}; see {@link #sgemm}.
   *
   * @param transA whether {@code op(A)} is {@code A} transposed
   * @param transB whether {@code op(B)} is {@code B} transposed
   * @param m rows of {@code op(A)} and {@code C}
   * @param n columns of {@code op(B)} and {@code C}
   * @param k columns of {@code op(A)}, rows of {@code op(B)}
   * @param alpha scale of the product
   * @param a storage of {@code A}
   * @param aOff offset of {@code A(0, 0)}
   * @param lda leading dimension of {@code A} as stored
   * @param b storage of {@code B}
   * @param bOff offset of {@code B(0, 0)}
   * @param ldb leading dimension of {@code B} as stored
   * @param beta scale of the old {@code C}
   * @param c storage of {@code C}
   * @param cOff offset of {@code C(0, 0)}
   * @param ldc leading dimension of {@code C}
   */
  void dgemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int aOff,
      int lda,
      double[] b,
      int bOff,
      int ldb,
      double beta,
      double[] c,
      int cOff,
      int ldc);

  /**
   * Batched single-precision GEMM: for {@code i} in {@code [0, batch)} computes {@link #sgemm} on
   * the matrices at {@code aOff + i * strideA}, {@code bOff + i * strideB} and {@code cOff + i *
   * strideC}. A stride of 0 for {@code A} or {@code B} broadcasts one matrix over the batch; the
   * {@code C} matrices must not overlap.
   *
   * @param transA whether {@code op(A)} is {@code A} transposed
   * @param transB whether {@code op(B)} is {@code B} transposed
   * @param m rows of each {@code op(A)} and {@code C}
   * @param n columns of each {@code op(B)} and {@code C}
   * @param k columns of each {@code op(A)}, rows of each {@code op(B)}
   * @param alpha scale of the products
   * @param a storage of the {@code A} matrices
   * @param aOff offset of the first {@code A}
   * @param lda leading dimension of each {@code A}
   * @param strideA distance between consecutive {@code A} matrices
   * @param b storage of the {@code B} matrices
   * @param bOff offset of the first {@code B}
   * @param ldb leading dimension of each {@code B}
   * @param strideB distance between consecutive {@code B} matrices
   * @param beta scale of the old {@code C} matrices
   * @param c storage of the {@code C} matrices
   * @param cOff offset of the first {@code C}
   * @param ldc leading dimension of each {@code C}
   * @param strideC distance between consecutive {@code C} matrices
   * @param batch number of products
   */
  void sgemmBatched(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOff,
      int lda,
      int strideA,
      float[] b,
      int bOff,
      int ldb,
      int strideB,
      float beta,
      float[] c,
      int cOff,
      int ldc,
      int strideC,
      int batch);

  /**
   * Batched double-precision GEMM; see {@link #sgemmBatched}.
   *
   * @param transA whether {@code op(A)} is {@code A} transposed
   * @param transB whether {@code op(B)} is {@code B} transposed
   * @param m rows of each {@code op(A)} and {@code C}
   * @param n columns of each {@code op(B)} and {@code C}
   * @param k columns of each {@code op(A)}, rows of each {@code op(B)}
   * @param alpha scale of the products
   * @param a storage of the {@code A} matrices
   * @param aOff offset of the first {@code A}
   * @param lda leading dimension of each {@code A}
   * @param strideA distance between consecutive {@code A} matrices
   * @param b storage of the {@code B} matrices
   * @param bOff offset of the first {@code B}
   * @param ldb leading dimension of each {@code B}
   * @param strideB distance between consecutive {@code B} matrices
   * @param beta scale of the old {@code C} matrices
   * @param c storage of the {@code C} matrices
   * @param cOff offset of the first {@code C}
   * @param ldc leading dimension of each {@code C}
   * @param strideC distance between consecutive {@code C} matrices
   * @param batch number of products
   */
  void dgemmBatched(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int aOff,
      int lda,
      int strideA,
      double[] b,
      int bOff,
      int ldb,
      int strideB,
      double beta,
      double[] c,
      int cOff,
      int ldc,
      int strideC,
      int batch);
}
