package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** GEMM of every provider against a naive triple loop evaluated in double. */
class GemmTest {

  /**
   * {m, n, k}: edge tiles, k over the kc block, m over the mc block, n over the nc block, and the
   * matrix-vector shapes (m or n equal to 1). Those with n at most one register tile wide (16 or
   * 32) and alpha 1 take the path that reads row-major A in place (the unrolled kernel only with n
   * exactly one tile, see RowMajorATest): the CNN's weight-gradient shape, over the kc and mc
   * blocks, and with an edge of rows. Wider ones with untransposed B and few rows read B in place.
   */
  private static final int[][] SHAPES = {
    {1, 1, 1},
    {0, 5, 3},
    {5, 0, 3},
    {3, 4, 0},
    {2, 3, 5},
    {7, 9, 13},
    {6, 16, 1},
    {6, 8, 8},
    {12, 32, 40},
    {13, 33, 17},
    {5, 70, 300},
    {37, 11, 600},
    {150, 40, 20},
    {97, 131, 70},
    {3, 4200, 2},
    {1, 50, 37},
    {40, 1, 29},
    {1, 1, 100},
    {1, 300, 5},
    {2, 1, 3},
    {400, 32, 64},
    {50, 20, 1500},
    {150, 24, 30},
    {41, 16, 70},
    // Whole-width tiles (n a multiple of 32) whose last tile has 4, 3, 2 or 5 rows: merged into C
    // straight from the registers. The first is the CNN's first convolution per sample.
    {16, 576, 25},
    {9, 64, 7},
    {20, 32, 11},
    {17, 32, 5},
    // Row-major B read in place (few A panels per B panel, see RowMajorBTest): the CNN's second
    // convolution per sample, k = 1, k over the kc block with an edge panel, rows of B 4 KiB apart,
    // and a B slice of at most 4096 floats under many A panels.
    {32, 64, 400},
    {20, 64, 1},
    {20, 70, 1100},
    {18, 1024, 20},
    {71, 96, 9}
  };

  private static final float[][] ALPHA_BETA = {
    {1f, 0f}, {0.5f, 2f}, {-1.5f, 1f}, {0f, 0.5f}, {1f, 0.5f}
  };

  static Iterable<KernelProvider> providers() {
    java.util.List<KernelProvider> list = Providers.all();
    Kernels.vector().ifPresent(v -> list.add(new OtherMicroKernelProvider(v)));
    return list;
  }

  @ParameterizedTest
  @MethodSource("providers")
  void sgemmMatchesNaiveForAllTransposesShapesAndScales(KernelProvider provider) {
    Random random = new Random(42);
    for (int[] s : SHAPES) {
      for (int t = 0; t < 4; t++) {
        for (float[] ab : ALPHA_BETA) {
          checkFloat(provider, random, t >= 2, (t & 1) == 1, s[0], s[1], s[2], ab[0], ab[1], 0, 0);
        }
        // Offsets and leading dimensions larger than the row length.
        checkFloat(provider, random, t >= 2, (t & 1) == 1, s[0], s[1], s[2], 1f, 1f, 5, 3);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void dgemmMatchesNaiveForAllTransposesShapesAndScales(KernelProvider provider) {
    Random random = new Random(43);
    for (int[] s : SHAPES) {
      for (int t = 0; t < 4; t++) {
        for (float[] ab : ALPHA_BETA) {
          checkDouble(provider, random, t >= 2, (t & 1) == 1, s[0], s[1], s[2], ab[0], ab[1], 0, 0);
        }
        checkDouble(provider, random, t >= 2, (t & 1) == 1, s[0], s[1], s[2], 1.0, 1.0, 5, 3);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void parallelSplitsGiveTheSameAnswerWithOneAndTwoThreads(KernelProvider provider) {
    for (int threads : new int[] {1, 2, 3}) {
      Providers.withThreads(
          threads,
          () -> {
            Random random = new Random(7);
            for (int t = 0; t < 4; t++) {
              checkFloat(provider, random, t >= 2, (t & 1) == 1, 131, 157, 90, 1f, 0.5f, 1, 2);
              checkDouble(provider, random, t >= 2, (t & 1) == 1, 140, 77, 64, 2.0, 0.0, 0, 1);
            }
            if (threads == 2) {
              // Above 64^3 * 1024 multiply-adds, tall: one row tile per thread.
              checkFloat(provider, random, false, true, 660, 650, 640, 1f, 1f, 0, 0);
              // Wide: transposed A packed once, shared by every column tile.
              checkFloat(provider, random, true, false, 650, 660, 640, 1f, 0f, 0, 0);
              checkDouble(provider, random, true, false, 650, 660, 640, 1.0, 0.0, 0, 0);
            }
          });
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void largeProductsPackSharedARowBlocksAsTheTilesReachThem(KernelProvider provider) {
    // Above 64^3 * 1024 multiply-adds on several threads, the column tiles of a wide product share
    // one packed A whose row blocks the first tile to reach them packs, odd tiles walking them
    // bottom-up: a depth of several k slices, a partial last panel (490 rows), offsets,
    // transposes, and three threads.
    Providers.withThreads(
        2,
        () -> checkFloat(provider, new Random(11), false, false, 490, 500, 1100, 1f, 0.5f, 1, 3));
    Providers.withThreads(
        3, () -> checkFloat(provider, new Random(12), true, true, 490, 500, 1100, -1f, 0f, 0, 0));
  }

  @ParameterizedTest
  @MethodSource("providers")
  void largeTallProductsSplitIntoOneRowTilePerThread(KernelProvider provider) {
    // Above 64^3 * 1024 multiply-adds, m >= n: each thread packs its own rows of A and all of B.
    // Row counts that do not split into whole panels per thread, offsets, transposes, three
    // threads.
    Providers.withThreads(
        2,
        () -> checkFloat(provider, new Random(13), false, false, 700, 300, 1300, 1f, 0.5f, 1, 3));
    Providers.withThreads(
        3, () -> checkFloat(provider, new Random(14), true, true, 650, 650, 640, -1f, 0f, 0, 0));
  }

  @ParameterizedTest
  @MethodSource("providers")
  void betaZeroIgnoresNanInC(KernelProvider provider) {
    int m = 9;
    int n = 20;
    int k = 7;
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    java.util.Arrays.fill(a, 1f);
    java.util.Arrays.fill(b, 2f);
    float[] c = new float[m * n];
    java.util.Arrays.fill(c, Float.NaN);
    provider.gemm().sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    for (float v : c) {
      assertEquals(14f, v);
    }
    double[] cd = new double[m * n];
    java.util.Arrays.fill(cd, Double.NaN);
    provider
        .gemm()
        .dgemm(false, false, m, n, 0, 1.0, new double[0], 0, 1, new double[0], 0, n, 0.0, cd, 0, n);
    for (double v : cd) {
      assertEquals(0.0, v);
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void batchedWithSharedAMatchesLoopOfSingleProducts(KernelProvider provider) {
    // strideA = 0 (a weight broadcast over the batch) packs A once; m and k span several cache
    // blocks of the vector kernels (mc = 72, kc up to 1024) and an edge panel.
    int batch = 3;
    int m = 80;
    int n = 20;
    int k = 1100;
    for (int threads : new int[] {1, 2}) {
      Providers.withThreads(
          threads,
          () -> {
            Random random = new Random(4);
            for (int t = 0; t < 4; t++) {
              boolean ta = t >= 2;
              boolean tb = (t & 1) == 1;
              int lda = ta ? m : k;
              int ldb = tb ? k : n;
              float[] a = randomFloats(random, m * k);
              float[] b = randomFloats(random, batch * k * n);
              float[] c = randomFloats(random, batch * m * n);
              float[] expected = c.clone();
              double[] ad = randomDoubles(random, m * k);
              double[] bd = randomDoubles(random, batch * k * n);
              double[] cd = randomDoubles(random, batch * m * n);
              double[] ed = cd.clone();
              Gemm gemm = provider.gemm();
              for (int i = 0; i < batch; i++) {
                gemm.sgemm(
                    ta, tb, m, n, k, -0.5f, a, 0, lda, b, i * k * n, ldb, 2f, expected, i * m * n,
                    n);
                gemm.dgemm(
                    ta, tb, m, n, k, -0.5, ad, 0, lda, bd, i * k * n, ldb, 2.0, ed, i * m * n, n);
              }
              gemm.sgemmBatched(
                  ta, tb, m, n, k, -0.5f, a, 0, lda, 0, b, 0, ldb, k * n, 2f, c, 0, n, m * n,
                  batch);
              gemm.dgemmBatched(
                  ta, tb, m, n, k, -0.5, ad, 0, lda, 0, bd, 0, ldb, k * n, 2.0, cd, 0, n, m * n,
                  batch);
              assertTrue(java.util.Arrays.equals(expected, c), "shared A float " + t);
              assertTrue(java.util.Arrays.equals(ed, cd), "shared A double " + t);
            }
          });
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void sharedAPackedIntoAReusedBufferAcrossShapes(KernelProvider provider) {
    // The packed shared A lives in a per-thread buffer kept between calls: a smaller product after
    // a larger one finds the larger one's panels there (and a partial edge panel), and a product
    // of the same size with another A must not see the old one's.
    int[][] shapes = {{80, 20, 300}, {13, 40, 17}, {32, 64, 40}, {32, 64, 40}, {50, 24, 33}};
    for (int threads : new int[] {1, 2}) {
      Providers.withThreads(
          threads,
          () -> {
            Random random = new Random(5);
            Gemm gemm = provider.gemm();
            int batch = 4;
            for (int[] s : shapes) {
              for (boolean ta : new boolean[] {false, true}) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                int lda = ta ? m : k;
                float[] a = randomFloats(random, m * k);
                float[] b = randomFloats(random, batch * k * n);
                float[] c = new float[batch * m * n];
                float[] expected = new float[batch * m * n];
                for (int i = 0; i < batch; i++) {
                  gemm.sgemm(
                      ta, false, m, n, k, 1f, a, 0, lda, b, i * k * n, n, 0f, expected, i * m * n,
                      n);
                }
                gemm.sgemmBatched(
                    ta, false, m, n, k, 1f, a, 0, lda, 0, b, 0, n, k * n, 0f, c, 0, n, m * n,
                    batch);
                assertTrue(
                    java.util.Arrays.equals(expected, c),
                    String.format("m=%d n=%d k=%d ta=%b threads=%d", m, n, k, ta, threads));
              }
            }
          });
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void batchedMatchesLoopOfSingleProducts(KernelProvider provider) {
    for (int threads : new int[] {1, 2}) {
      Providers.withThreads(
          threads,
          () -> {
            Random random = new Random(3);
            int batch = 5;
            int m = 13;
            int n = 21;
            int k = 17;
            for (int t = 0; t < 4; t++) {
              boolean ta = t >= 2;
              boolean tb = (t & 1) == 1;
              float[] a = randomFloats(random, batch * m * k);
              // strideB = 0: one B broadcast over the batch.
              float[] b = randomFloats(random, k * n);
              float[] c = randomFloats(random, batch * m * n + 4);
              float[] expected = c.clone();
              int lda = ta ? m : k;
              int ldb = tb ? k : n;
              for (int i = 0; i < batch; i++) {
                provider
                    .gemm()
                    .sgemm(
                        ta,
                        tb,
                        m,
                        n,
                        k,
                        1.5f,
                        a,
                        i * m * k,
                        lda,
                        b,
                        0,
                        ldb,
                        0.5f,
                        expected,
                        4 + i * m * n,
                        n);
              }
              provider
                  .gemm()
                  .sgemmBatched(
                      ta, tb, m, n, k, 1.5f, a, 0, lda, m * k, b, 0, ldb, 0, 0.5f, c, 4, n, m * n,
                      batch);
              assertTrue(java.util.Arrays.equals(expected, c), "batched float " + t);

              double[] ad = randomDoubles(random, batch * m * k);
              double[] bd = randomDoubles(random, batch * k * n);
              double[] cd = new double[batch * m * n];
              double[] ed = new double[batch * m * n];
              for (int i = 0; i < batch; i++) {
                provider
                    .gemm()
                    .dgemm(
                        ta, tb, m, n, k, 1.0, ad, i * m * k, lda, bd, i * k * n, ldb, 0.0, ed,
                        i * m * n, n);
              }
              provider
                  .gemm()
                  .dgemmBatched(
                      ta, tb, m, n, k, 1.0, ad, 0, lda, m * k, bd, 0, ldb, k * n, 0.0, cd, 0, n,
                      m * n, batch);
              assertTrue(java.util.Arrays.equals(ed, cd), "batched double " + t);
            }
          });
    }
  }

  @Test
  void badArgumentsFailUpFront() {
    Gemm gemm = Kernels.get().gemm();
    float[] x = new float[12];
    assertThrows(
        IllegalArgumentException.class,
        () -> gemm.sgemm(false, false, 3, 4, 4, 1f, x, 0, 3, x, 0, 4, 0f, x, 0, 4));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> gemm.sgemm(false, false, 3, 4, 4, 1f, x, 0, 4, x, 0, 4, 0f, x, 0, 4));
    assertThrows(
        IllegalArgumentException.class,
        () -> gemm.sgemm(false, false, -1, 4, 4, 1f, x, 0, 4, x, 0, 4, 0f, x, 0, 4));
  }

  private static void checkFloat(
      KernelProvider provider,
      Random random,
      boolean ta,
      boolean tb,
      int m,
      int n,
      int k,
      float alpha,
      float beta,
      int off,
      int pad) {
    int aRows = ta ? k : m;
    int aCols = ta ? m : k;
    int bRows = tb ? n : k;
    int bCols = tb ? k : n;
    int lda = aCols + pad;
    int ldb = bCols + pad;
    int ldc = n + pad;
    float[] a = randomFloats(random, off + aRows * lda);
    float[] b = randomFloats(random, off + bRows * ldb);
    float[] c = randomFloats(random, off + m * ldc);
    float[] c0 = c.clone();
    provider.gemm().sgemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c, off, ldc);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        double abs = 0;
        for (int p = 0; p < k; p++) {
          double av = ta ? a[off + p * lda + i] : a[off + i * lda + p];
          double bv = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
          sum += av * bv;
          abs += Math.abs(av * bv);
        }
        double old = beta == 0f ? 0 : c0[off + i * ldc + j];
        double expected = alpha * sum + beta * old;
        double bound = (k + 3) * 1.2e-7 * (Math.abs(alpha) * abs + Math.abs(beta * old)) + 1e-30;
        double got = c[off + i * ldc + j];
        if (!(Math.abs(got - expected) <= bound)) {
          throw new AssertionError(
              String.format(
                  "%s sgemm ta=%b tb=%b m=%d n=%d k=%d alpha=%s beta=%s off=%d pad=%d:"
                      + " C(%d,%d)=%s, expected %s",
                  provider, ta, tb, m, n, k, alpha, beta, off, pad, i, j, got, expected));
        }
      }
    }
    // Padding between rows and before the offset must be untouched.
    for (int idx = 0; idx < c.length; idx++) {
      int rel = idx - off;
      boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
      if (!inside) {
        assertEquals(c0[idx], c[idx], "padding of C modified at " + idx);
      }
    }
  }

  private static void checkDouble(
      KernelProvider provider,
      Random random,
      boolean ta,
      boolean tb,
      int m,
      int n,
      int k,
      double alpha,
      double beta,
      int off,
      int pad) {
    int aRows = ta ? k : m;
    int aCols = ta ? m : k;
    int bRows = tb ? n : k;
    int bCols = tb ? k : n;
    int lda = aCols + pad;
    int ldb = bCols + pad;
    int ldc = n + pad;
    double[] a = randomDoubles(random, off + aRows * lda);
    double[] b = randomDoubles(random, off + bRows * ldb);
    double[] c = randomDoubles(random, off + m * ldc);
    double[] c0 = c.clone();
    provider.gemm().dgemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c, off, ldc);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        double abs = 0;
        for (int p = 0; p < k; p++) {
          double av = ta ? a[off + p * lda + i] : a[off + i * lda + p];
          double bv = tb ? b[off + j * ldb + p] : b[off + p * ldb + j];
          sum += av * bv;
          abs += Math.abs(av * bv);
        }
        double old = beta == 0 ? 0 : c0[off + i * ldc + j];
        double expected = alpha * sum + beta * old;
        double bound = (k + 3) * 2.3e-16 * (Math.abs(alpha) * abs + Math.abs(beta * old)) + 1e-300;
        double got = c[off + i * ldc + j];
        if (!(Math.abs(got - expected) <= bound)) {
          throw new AssertionError(
              String.format(
                  "%s dgemm ta=%b tb=%b m=%d n=%d k=%d off=%d pad=%d: C(%d,%d)=%s, expected %s",
                  provider, ta, tb, m, n, k, off, pad, i, j, got, expected));
        }
      }
    }
    for (int idx = 0; idx < c.length; idx++) {
      int rel = idx - off;
      boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
      if (!inside) {
        assertEquals(c0[idx], c[idx], "padding of C modified at " + idx);
      }
    }
  }

  static float[] randomFloats(Random random, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextFloat() * 2f - 1f;
    }
    return x;
  }

  static double[] randomDoubles(Random random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble() * 2 - 1;
    }
    return x;
  }
}
