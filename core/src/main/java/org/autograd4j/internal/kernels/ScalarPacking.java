package org.autograd4j.internal.kernels;

/**
 * GEMM panel packing element by element: the {@link FloatMicroKernel} defaults, the edge panels of
 * every kernel, and the vector packings' fallback where their vectors do not fit.
 */
final class ScalarPacking {
  private ScalarPacking() {}

  /**
   * A whole panel of {@code mr} rows of row-major A, times alpha, stored p-major: {@code ap[dst + p
   * * mr + i] = alpha * a[src + i * lda + p]}.
   *
   * <pre>{@code
   * ScalarPacking.rowMajorA(a, aOff + i * lda + pc, lda, kc, alpha, 4, packed, panel * kc);
   * }</pre>
   */
  static void rowMajorA(
      float[] a, int src, int lda, int kc, float alpha, int mr, float[] ap, int dst) {
    if (mr == 6) {
      sixRows(a, src, lda, kc, alpha, ap, dst);
      return;
    }
    // Read each of the MR rows sequentially, write with stride MR.
    for (int ii = 0; ii < mr; ii++) {
      int s = src + ii * lda;
      for (int p = 0; p < kc; p++) {
        ap[dst + p * mr + ii] = alpha * a[s + p];
      }
    }
  }

  /**
   * A full panel of the vector kernels' six rows from row-major A: six sequential reads, one
   * sequential write. About a fifth faster than row-by-row strided writes (0.66 to 0.51 ns per
   * element on the CNN's 400 x 64 columns), and the CNN's weight gradient packs every column.
   *
   * <p>Four p's at a time, all 24 values loaded before any is stored: one p at a time, each store
   * came between two loads from another float array, which C2 probably keeps in program order
   * because the arrays may be the same. Packing whole 1024 x 1024, 1024 x 783 and 128 x 784
   * matrices (best of 200, one JVM each, Zen 5, throwaway {@code PackA}): JDK 17 392 -> 248-298,
   * 233-239 -> 192-194 and 28-37 -> 23-28 us; JDK 25 291 -> 251, 231 -> 185, 27.4 -> 23.4 us. Two
   * p's at a time was slower on JDK 25.
   *
   * <pre>{@code
   * ScalarPacking.sixRows(a, aOff + i * lda + pc, lda, kc, alpha, packed, panel * kc);
   * }</pre>
   */
  static void sixRows(float[] a, int src, int lda, int kc, float alpha, float[] ap, int dst) {
    int s1 = src + lda;
    int s2 = s1 + lda;
    int s3 = s2 + lda;
    int s4 = s3 + lda;
    int s5 = s4 + lda;
    int p = 0;
    int d = dst;
    for (; p + 3 < kc; p += 4, d += 24) {
      // rIJ is row I at p + J; the panel takes the six rows' values p by p.
      float r00 = a[src + p];
      float r01 = a[src + p + 1];
      float r02 = a[src + p + 2];
      float r03 = a[src + p + 3];
      float r10 = a[s1 + p];
      float r11 = a[s1 + p + 1];
      float r12 = a[s1 + p + 2];
      float r13 = a[s1 + p + 3];
      float r20 = a[s2 + p];
      float r21 = a[s2 + p + 1];
      float r22 = a[s2 + p + 2];
      float r23 = a[s2 + p + 3];
      float r30 = a[s3 + p];
      float r31 = a[s3 + p + 1];
      float r32 = a[s3 + p + 2];
      float r33 = a[s3 + p + 3];
      float r40 = a[s4 + p];
      float r41 = a[s4 + p + 1];
      float r42 = a[s4 + p + 2];
      float r43 = a[s4 + p + 3];
      float r50 = a[s5 + p];
      float r51 = a[s5 + p + 1];
      float r52 = a[s5 + p + 2];
      float r53 = a[s5 + p + 3];
      ap[d] = alpha * r00;
      ap[d + 1] = alpha * r10;
      ap[d + 2] = alpha * r20;
      ap[d + 3] = alpha * r30;
      ap[d + 4] = alpha * r40;
      ap[d + 5] = alpha * r50;
      ap[d + 6] = alpha * r01;
      ap[d + 7] = alpha * r11;
      ap[d + 8] = alpha * r21;
      ap[d + 9] = alpha * r31;
      ap[d + 10] = alpha * r41;
      ap[d + 11] = alpha * r51;
      ap[d + 12] = alpha * r02;
      ap[d + 13] = alpha * r12;
      ap[d + 14] = alpha * r22;
      ap[d + 15] = alpha * r32;
      ap[d + 16] = alpha * r42;
      ap[d + 17] = alpha * r52;
      ap[d + 18] = alpha * r03;
      ap[d + 19] = alpha * r13;
      ap[d + 20] = alpha * r23;
      ap[d + 21] = alpha * r33;
      ap[d + 22] = alpha * r43;
      ap[d + 23] = alpha * r53;
    }
    for (; p < kc; p++, d += 6) {
      ap[d] = alpha * a[src + p];
      ap[d + 1] = alpha * a[s1 + p];
      ap[d + 2] = alpha * a[s2 + p];
      ap[d + 3] = alpha * a[s3 + p];
      ap[d + 4] = alpha * a[s4 + p];
      ap[d + 5] = alpha * a[s5 + p];
    }
  }

  /**
   * A panel of {@code op(B) = B^T} from row-major B: {@code bp[dst + p * nr + j] = b[src + j * ldb
   * + p]} for the {@code cols} columns {@code j} of the panel, zeros in the {@code nr - cols} after
   * them. Eight rows of B at a time (see {@link #eightRows}), then the remaining rows one by one,
   * each read sequentially.
   *
   * <pre>{@code
   * ScalarPacking.transposedB(b, bOff + j * ldb + pc, ldb, kc, 32, 32, packed, panel * kc);
   * }</pre>
   */
  static void transposedB(
      float[] b, int src, int ldb, int kc, int cols, int nr, float[] bp, int dst) {
    int jj = 0;
    for (; jj + 8 <= cols; jj += 8) {
      eightRows(b, src + jj * ldb, ldb, kc, bp, dst + jj, nr);
    }
    for (; jj < cols; jj++) {
      int s = src + jj * ldb;
      for (int p = 0; p < kc; p++) {
        bp[dst + p * nr + jj] = b[s + p];
      }
    }
    for (jj = cols; jj < nr; jj++) {
      for (int p = 0; p < kc; p++) {
        bp[dst + p * nr + jj] = 0f;
      }
    }
  }

  /**
   * Eight rows of row-major B, transposed into eight adjacent columns of a panel whose rows are
   * {@code stride} apart: eight sequential reads, one run of eight writes per p. Row by row, each
   * write instead lands {@code stride} floats after the last, on another cache line; eight at a
   * time took the MLP's first Linear forward ({@code x W^T}, GemmShapeBenchmark NT:128:256:784, JDK
   * 17) from 667 to 632 us and NT:128:128:256 from 121 to 102 us; sixteen at a time was no faster.
   */
  private static void eightRows(
      float[] b, int src, int ldb, int kc, float[] bp, int dst, int stride) {
    int s1 = src + ldb;
    int s2 = s1 + ldb;
    int s3 = s2 + ldb;
    int s4 = s3 + ldb;
    int s5 = s4 + ldb;
    int s6 = s5 + ldb;
    int s7 = s6 + ldb;
    for (int p = 0, d = dst; p < kc; p++, d += stride) {
      bp[d] = b[src + p];
      bp[d + 1] = b[s1 + p];
      bp[d + 2] = b[s2 + p];
      bp[d + 3] = b[s3 + p];
      bp[d + 4] = b[s4 + p];
      bp[d + 5] = b[s5 + p];
      bp[d + 6] = b[s6 + p];
      bp[d + 7] = b[s7 + p];
    }
  }
}
