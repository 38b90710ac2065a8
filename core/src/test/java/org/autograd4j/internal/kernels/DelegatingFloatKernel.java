package org.autograd4j.internal.kernels;

/**
 * A float micro-kernel that passes every call on to another, in a GEMM of its own: tests extend it
 * to switch a path off or count its calls, and compare the two GEMMs.
 */
abstract class DelegatingFloatKernel implements FloatMicroKernel {
  /** The kernel every call goes to. */
  final FloatMicroKernel kernel;

  /** A GEMM on this kernel, with the vector provider's elementwise and reduction kernels. */
  final Gemm gemm;

  DelegatingFloatKernel(FloatMicroKernel kernel) {
    this.kernel = kernel;
    KernelProvider vector = Kernels.vector().orElseThrow();
    this.gemm =
        new PackedGemm(
            this, new ScalarDoubleMicroKernel(), vector.elementwise(), vector.reductions());
  }

  @Override
  public GemmBlocking blocking() {
    return kernel.blocking();
  }

  @Override
  public void compute(
      int kc,
      float[] ap,
      int apOff,
      float[] bp,
      int bpOff,
      float[] c,
      int cOff,
      int ldc,
      int mr,
      int nr,
      float beta,
      float[] tmp) {
    kernel.compute(kc, ap, apOff, bp, bpOff, c, cOff, ldc, mr, nr, beta, tmp);
  }

  @Override
  public void packTransposedA(
      float[] a, int src, int lda, int kc, float alpha, float[] ap, int dst) {
    kernel.packTransposedA(a, src, lda, kc, alpha, ap, dst);
  }

  @Override
  public void packRowMajorA(float[] a, int src, int lda, int kc, float alpha, float[] ap, int dst) {
    kernel.packRowMajorA(a, src, lda, kc, alpha, ap, dst);
  }

  @Override
  public void packTransposedB(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
    kernel.packTransposedB(b, src, ldb, kc, bp, dst);
  }

  @Override
  public void packRowMajorB(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
    kernel.packRowMajorB(b, src, ldb, kc, bp, dst);
  }

  @Override
  public boolean readsRowMajorA(int columns) {
    return kernel.readsRowMajorA(columns);
  }

  @Override
  public void computeRowMajorA(
      int kc,
      float[] a,
      int aOff,
      int lda,
      float[] bp,
      int bpOff,
      float[] c,
      int cOff,
      int ldc,
      int mr,
      int nr,
      float beta,
      float[] tmp) {
    kernel.computeRowMajorA(kc, a, aOff, lda, bp, bpOff, c, cOff, ldc, mr, nr, beta, tmp);
  }

  @Override
  public boolean readsRowMajorB() {
    return kernel.readsRowMajorB();
  }

  @Override
  public void computeRowMajorB(
      int kc,
      float[] ap,
      int apOff,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      int mr,
      float beta) {
    kernel.computeRowMajorB(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr, beta);
  }

  @Override
  public boolean readsEightRows() {
    return kernel.readsEightRows();
  }

  @Override
  public void computeEightRows(
      int kc,
      float[] ap,
      int apOff,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      int mr) {
    kernel.computeEightRows(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr);
  }
}
