package org.autograd4j.internal.kernels;

/**
 * Argument validation shared by all GEMM implementations, so that a bad call fails up front with a
 * readable message instead of an index error deep inside a packed loop.
 */
final class GemmChecks {
  private GemmChecks() {}

  /**
   * Checks the shapes of {@code C = op(A) * op(B)} and that every addressed element lies inside its
   * array.
   */
  static void check(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      int aLength,
      int aOff,
      int lda,
      int bLength,
      int bOff,
      int ldb,
      int cLength,
      int cOff,
      int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "negative GEMM dimension: m=" + m + ", n=" + n + ", k=" + k);
    }
    matrix("A", transA ? k : m, transA ? m : k, aLength, aOff, lda);
    matrix("B", transB ? n : k, transB ? k : n, bLength, bOff, ldb);
    matrix("C", m, n, cLength, cOff, ldc);
  }

  /** Checks one stored {@code rows x cols} row-major matrix. */
  static void matrix(String name, int rows, int cols, int length, int off, int ld) {
    // Unlike BLAS, an empty matrix accepts any leading dimension: empty tensors have no stride
    // worth checking.
    if (rows > 0 && cols > 0 && ld < cols) {
      throw new IllegalArgumentException(
          "leading dimension of " + name + " is " + ld + ", less than its " + cols + " columns");
    }
    if (off < 0) {
      throw new IndexOutOfBoundsException("negative offset " + off + " for " + name);
    }
    if (rows > 0 && cols > 0) {
      long last = off + (long) (rows - 1) * ld + cols - 1;
      if (last >= length) {
        throw new IndexOutOfBoundsException(
            name
                + " ("
                + rows
                + "x"
                + cols
                + ", offset "
                + off
                + ", ld "
                + ld
                + ") needs index "
                + last
                + " but its array has length "
                + length);
      }
    }
  }

  /** Checks a batch: the last matrix of each operand must fit, and the batch must be valid. */
  static void batch(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      int aLength,
      int aOff,
      int lda,
      int strideA,
      int bLength,
      int bOff,
      int ldb,
      int strideB,
      int cLength,
      int cOff,
      int ldc,
      int strideC,
      int batch) {
    if (batch < 0) {
      throw new IllegalArgumentException("negative batch count " + batch);
    }
    if (strideA < 0 || strideB < 0 || strideC < 0) {
      throw new IllegalArgumentException("negative batch stride");
    }
    if (batch == 0) {
      return;
    }
    long last = batch - 1L;
    long aLast = aOff + last * strideA;
    long bLast = bOff + last * strideB;
    long cLast = cOff + last * strideC;
    if (aLast > Integer.MAX_VALUE || bLast > Integer.MAX_VALUE || cLast > Integer.MAX_VALUE) {
      throw new IndexOutOfBoundsException("batch exceeds the array index range");
    }
    if (batch > 1 && m > 0 && n > 0 && (long) strideC < (long) (m - 1) * ldc + n) {
      throw new IllegalArgumentException(
          "C matrices overlap: strideC " + strideC + " is less than one " + m + "x" + n + " block");
    }
    check(transA, transB, m, n, k, aLength, aOff, lda, bLength, bOff, ldb, cLength, cOff, ldc);
    check(
        transA,
        transB,
        m,
        n,
        k,
        aLength,
        (int) aLast,
        lda,
        bLength,
        (int) bLast,
        ldb,
        cLength,
        (int) cLast,
        ldc);
  }
}
