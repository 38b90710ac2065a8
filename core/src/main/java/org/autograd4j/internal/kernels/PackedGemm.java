package org.autograd4j.internal.kernels;

/**
 * {@link Gemm} on the packed, cache-blocked drivers; the micro-kernels decide whether it is the
 * vectorised or the plain-Java implementation.
 */
final class PackedGemm implements Gemm {
  private final FloatGemmDriver floats;
  private final DoubleGemmDriver doubles;

  PackedGemm(
      FloatMicroKernel floatKernel,
      DoubleMicroKernel doubleKernel,
      Elementwise elementwise,
      Reductions reductions) {
    this.floats = new FloatGemmDriver(floatKernel, elementwise, reductions);
    this.doubles = new DoubleGemmDriver(doubleKernel, elementwise, reductions);
  }

  @Override
  public void sgemm(
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
      int ldc) {
    floats.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void dgemm(
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
      int ldc) {
    doubles.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void sgemmBatched(
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
      int batch) {
    floats.gemmBatched(
        transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB, beta, c, cOff,
        ldc, strideC, batch);
  }

  @Override
  public void dgemmBatched(
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
      int batch) {
    doubles.gemmBatched(
        transA, transB, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB, beta, c, cOff,
        ldc, strideC, batch);
  }
}
