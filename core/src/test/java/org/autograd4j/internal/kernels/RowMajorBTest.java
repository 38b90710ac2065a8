package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sgemm reading row-major B in place ({@link FloatMicroKernel#computeRowMajorB}) against the same
 * kernel made to pack B: bit for bit, on shapes that take the in-place path. {@link GemmTest}
 * checks the same shapes against a reference product.
 */
class RowMajorBTest {

  /**
   * {m, n, k, pad}: B's rows are {@code n + pad} apart. The CNN's convolutions per sample, an edge
   * panel (n not a multiple of 16 or 32), k = 1, k over the kc block, n over the nc block, rows of
   * B 4 KiB apart (few A panels), a B slice within 4096 floats under many A panels, and a row edge.
   */
  private static final int[][] SHAPES = {
    {16, 576, 25, 0},
    {32, 64, 400, 0},
    {13, 33, 17, 3},
    {20, 64, 1, 0},
    {20, 70, 1100, 5},
    {7, 4200, 2, 0},
    {18, 1024, 20, 0},
    {400, 64, 32, 0},
    {150, 40, 20, 1},
    {71, 96, 9, 0}
  };

  private static final float[][] ALPHA_BETA = {{1f, 0f}, {1f, 1f}, {-1.5f, 0.5f}};

  /**
   * The vector float kernels, each as selected on some JDK, and the packed loop of the first with
   * the unrolled in-place loop (which the second runs only with fewer than 512-bit vectors); none
   * without the Vector API.
   */
  static List<Arguments> kernels() {
    if (Kernels.vector().isEmpty()) {
      return List.of();
    }
    return List.of(
        Arguments.of(new VectorFloatMicroKernel(), false),
        Arguments.of(new UnrolledVectorFloatMicroKernel(), false),
        Arguments.of(new VectorFloatMicroKernel(), true));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void inPlaceBIsBitIdenticalToPackedB(FloatMicroKernel kernel, boolean unrolledLoop) {
    assumeTrue(kernel.readsRowMajorB());
    Wrapped inPlace = new Wrapped(kernel, true, unrolledLoop);
    Wrapped packing = new Wrapped(kernel, false, false);
    Random random = new Random(11);
    for (int threads : new int[] {1, 2}) {
      Providers.withThreads(
          threads,
          () -> {
            for (int[] s : SHAPES) {
              for (boolean ta : new boolean[] {false, true}) {
                for (float[] ab : ALPHA_BETA) {
                  compare(inPlace, packing, random, ta, s[0], s[1], s[2], s[3], ab[0], ab[1]);
                }
              }
            }
          });
    }
    assertTrue(inPlace.calls.get() > 0, "no shape took the in-place path");
    assertTrue(packing.calls.get() == 0, "the packing kernel read B in place");
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void batchedInPlaceBIsBitIdenticalToPackedB(FloatMicroKernel kernel, boolean unrolledLoop) {
    assumeTrue(kernel.readsRowMajorB());
    Wrapped inPlace = new Wrapped(kernel, true, unrolledLoop);
    Wrapped packing = new Wrapped(kernel, false, false);
    Random random = new Random(12);
    int batch = 5;
    for (int threads : new int[] {1, 2}) {
      Providers.withThreads(
          threads,
          () -> {
            // The CNN's forward products (weight shared, A packed once) and its conv2 input
            // gradient (transposed weight times the output gradient).
            for (int[] s : new int[][] {{16, 576, 25}, {32, 64, 400}, {400, 64, 32}, {9, 40, 7}}) {
              for (boolean ta : new boolean[] {false, true}) {
                for (int strideA : new int[] {0, s[0] * s[2]}) {
                  int m = s[0];
                  int n = s[1];
                  int k = s[2];
                  int lda = ta ? m : k;
                  float[] a = GemmTest.randomFloats(random, strideA == 0 ? m * k : batch * m * k);
                  float[] b = GemmTest.randomFloats(random, 3 + batch * k * n);
                  float[] c = GemmTest.randomFloats(random, 2 + batch * m * n);
                  float[] expected = c.clone();
                  inPlace.gemm.sgemmBatched(
                      ta, false, m, n, k, 1f, a, 0, lda, strideA, b, 3, n, k * n, 0.5f, c, 2, n,
                      m * n, batch);
                  packing.gemm.sgemmBatched(
                      ta, false, m, n, k, 1f, a, 0, lda, strideA, b, 3, n, k * n, 0.5f, expected, 2,
                      n, m * n, batch);
                  assertArrayEquals(expected, c, "batched " + m + "x" + n + "x" + k + " ta=" + ta);
                }
              }
            }
          });
    }
    assertTrue(inPlace.calls.get() > 0, "no shape took the in-place path");
  }

  private static void compare(
      Wrapped inPlace,
      Wrapped packing,
      Random random,
      boolean ta,
      int m,
      int n,
      int k,
      int pad,
      float alpha,
      float beta) {
    int off = pad;
    int lda = (ta ? m : k) + pad;
    int ldb = n + pad;
    int ldc = n + pad;
    float[] a = GemmTest.randomFloats(random, off + (ta ? k : m) * lda);
    float[] b = GemmTest.randomFloats(random, off + k * ldb);
    float[] c = GemmTest.randomFloats(random, off + m * ldc);
    float[] expected = c.clone();
    inPlace.gemm.sgemm(ta, false, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c, off, ldc);
    packing.gemm.sgemm(
        ta, false, m, n, k, alpha, a, off, lda, b, off, ldb, beta, expected, off, ldc);
    assertArrayEquals(
        expected,
        c,
        String.format(
            "m=%d n=%d k=%d pad=%d ta=%b alpha=%s beta=%s", m, n, k, pad, ta, alpha, beta));
  }

  /**
   * A kernel that reads B in place as {@code kernel} does (or, {@code unrolledLoop}, with {@link
   * VectorFloatRowMajorB#unrolled}), counting the calls, or ({@code inPlaceB} false) one that
   * always packs B; in a GEMM of its own.
   */
  private static final class Wrapped extends DelegatingFloatKernel {
    private final boolean inPlaceB;
    private final boolean unrolledLoop;
    final AtomicLong calls = new AtomicLong();

    Wrapped(FloatMicroKernel kernel, boolean inPlaceB, boolean unrolledLoop) {
      super(kernel);
      this.inPlaceB = inPlaceB;
      this.unrolledLoop = unrolledLoop;
    }

    /** Off: the products compared here are the 6-row tiles' (EightRowsTest has the 8-row ones). */
    @Override
    public boolean readsEightRows() {
      return false;
    }

    @Override
    public boolean readsRowMajorB() {
      return inPlaceB && kernel.readsRowMajorB();
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
      calls.incrementAndGet();
      if (unrolledLoop) {
        VectorFloatRowMajorB.unrolled(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr, beta);
      } else {
        kernel.computeRowMajorB(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr, beta);
      }
    }
  }
}
