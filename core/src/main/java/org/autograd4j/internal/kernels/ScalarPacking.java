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
    for (int p = 0, d = dst; p < kc; p++, d += 6) {
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
