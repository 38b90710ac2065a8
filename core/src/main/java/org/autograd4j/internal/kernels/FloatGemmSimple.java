package org.autograd4j.internal.kernels;

/**
 * Unblocked single-precision GEMM loops: used where packing would cost more than it saves (tiny
 * products) and to apply {@code beta} alone when {@code alpha == 0} or {@code k == 0}.
 */
final class FloatGemmSimple {
  private FloatGemmSimple() {}

  /** {@code C = beta * C}, without reading C when {@code beta == 0}. */
  static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
    if (beta == 1f) {
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (beta == 0f) {
        java.util.Arrays.fill(c, row, row + n, 0f);
      } else {
        for (int j = 0; j < n; j++) {
          c[row + j] *= beta;
        }
      }
    }
  }

  /**
   * {@code C = alpha * op(A) * op(B) + beta * C} by rows of C; arguments are assumed checked. Rows
   * {@code [i0, i1)} only, so that callers may split the work.
   */
  static void gemm(
      boolean transA,
      boolean transB,
      int i0,
      int i1,
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
    // Element strides of op(A)(i, p) and op(B)(p, j), so one loop nest serves all four cases.
    int aRow = transA ? 1 : lda;
    int aCol = transA ? lda : 1;
    int bRow = transB ? 1 : ldb;
    int bCol = transB ? ldb : 1;
    for (int i = i0; i < i1; i++) {
      int cRow = cOff + i * ldc;
      int aBase = aOff + i * aRow;
      if (!transB) {
        // i-p-j order: the innermost loop walks a row of B and of C contiguously (and vectorises).
        scale(1, n, beta, c, cRow, ldc);
        for (int p = 0; p < k; p++) {
          float aip = alpha * a[aBase + p * aCol];
          int bBase = bOff + p * bRow;
          for (int j = 0; j < n; j++) {
            c[cRow + j] += aip * b[bBase + j];
          }
        }
      } else {
        // B^T: a row of B is a column of op(B), so each C element is a dot product over p.
        for (int j = 0; j < n; j++) {
          int bBase = bOff + j * bCol;
          float acc = 0f;
          for (int p = 0; p < k; p++) {
            acc += a[aBase + p * aCol] * b[bBase + p];
          }
          float old = beta == 0f ? 0f : beta * c[cRow + j];
          c[cRow + j] = alpha * acc + old;
        }
      }
    }
  }
}
