package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batched sgemm over a shared A on 8-row tiles ({@link FloatMicroKernel#computeEightRows}) against
 * the same kernel without them (6-row tiles): bit for bit, on shapes that take the 8-row path and
 * on shapes that must not.
 */
class EightRowsTest {

  /** {m, n, k}: the CNN's forward products, 8 and 64 rows, a deep product, a shallow one. */
  private static final int[][] TAKEN = {
    {16, 576, 25}, {32, 64, 400}, {8, 64, 7}, {64, 96, 33}, {24, 32, 512}, {16, 32, 2}
  };

  /** Rows not a multiple of 8, columns not of whole tiles, more than 8 panels, too little work. */
  private static final int[][] NOT_TAKEN = {{12, 64, 25}, {16, 40, 25}, {72, 64, 9}, {8, 32, 1}};

  static List<Arguments> kernels() {
    if (Kernels.vector().isEmpty()) {
      return List.of();
    }
    return List.of(
        Arguments.of(new VectorFloatMicroKernel()),
        Arguments.of(new UnrolledVectorFloatMicroKernel()));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void eightRowTilesAreBitIdenticalToSixRowTiles(FloatMicroKernel kernel) {
    assumeTrue(kernel.readsEightRows());
    Switched eight = new Switched(kernel, true);
    Switched six = new Switched(kernel, false);
    Random random = new Random(21);
    for (int threads : new int[] {1, 2}) {
      Providers.withThreads(
          threads,
          () -> {
            for (int[] s : TAKEN) {
              for (boolean ta : new boolean[] {false, true}) {
                for (float alpha : new float[] {1f, -1.5f}) {
                  compare(eight, six, random, ta, s[0], s[1], s[2], alpha, 0f, 5);
                }
              }
            }
          });
    }
    assertEquals(2L * 2 * 2 * 5 * sum(TAKEN), eight.calls.get(), "8-row tile calls");
    assertEquals(0, six.calls.get());
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void otherShapesKeepTheSixRowTiles(FloatMicroKernel kernel) {
    assumeTrue(kernel.readsEightRows());
    Switched eight = new Switched(kernel, true);
    Switched six = new Switched(kernel, false);
    Random random = new Random(22);
    for (int[] s : NOT_TAKEN) {
      compare(eight, six, random, false, s[0], s[1], s[2], 1f, 0f, 5);
    }
    // beta != 0 (accumulating products), alpha 0 (reads neither A nor B: an infinite B gives no
    // NaN) and one A per product (not shared) keep them too.
    compare(eight, six, random, false, 16, 576, 25, 1f, 0.5f, 5);
    compare(eight, six, random, false, 16, 576, 25, 0f, 0f, 5);
    float[] a = GemmTest.randomFloats(random, 3 * 32 * 400);
    float[] b = GemmTest.randomFloats(random, 3 * 400 * 64);
    float[] c = new float[3 * 32 * 64];
    eight.gemm.sgemmBatched(
        false, false, 32, 64, 400, 1f, a, 0, 400, 32 * 400, b, 0, 64, 400 * 64, 0f, c, 0, 64,
        32 * 64, 3);
    assertEquals(0, eight.calls.get(), "a shape outside the 8-row path took it");
  }

  /** Tiles per product summed over the shapes: m/8 panels times n/32 column tiles. */
  private static long sum(int[][] shapes) {
    long tiles = 0;
    for (int[] s : shapes) {
      tiles += (s[0] / 8) * (s[1] / 32);
    }
    return tiles;
  }

  private static void compare(
      Switched eight,
      Switched six,
      Random random,
      boolean ta,
      int m,
      int n,
      int k,
      float alpha,
      float beta,
      int batch) {
    int lda = ta ? m : k;
    float[] a = GemmTest.randomFloats(random, 1 + m * k);
    float[] b = GemmTest.randomFloats(random, 3 + batch * k * n);
    b[3] = Float.POSITIVE_INFINITY;
    float[] c = GemmTest.randomFloats(random, 2 + batch * m * n);
    float[] expected = c.clone();
    eight.gemm.sgemmBatched(
        ta, false, m, n, k, alpha, a, 1, lda, 0, b, 3, n, k * n, beta, c, 2, n, m * n, batch);
    six.gemm.sgemmBatched(
        ta, false, m, n, k, alpha, a, 1, lda, 0, b, 3, n, k * n, beta, expected, 2, n, m * n,
        batch);
    assertArrayEquals(
        expected,
        c,
        String.format("m=%d n=%d k=%d ta=%b alpha=%s beta=%s", m, n, k, ta, alpha, beta));
  }

  /** {@code kernel} with its 8-row tiles switched on (counting their calls) or off. */
  private static final class Switched extends DelegatingFloatKernel {
    private final boolean eightRows;
    final AtomicLong calls = new AtomicLong();

    Switched(FloatMicroKernel kernel, boolean eightRows) {
      super(kernel);
      this.eightRows = eightRows;
    }

    @Override
    public boolean readsEightRows() {
      return eightRows && kernel.readsEightRows();
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
      calls.incrementAndGet();
      super.computeEightRows(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr);
    }
  }
}
