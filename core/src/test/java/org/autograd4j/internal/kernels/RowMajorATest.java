package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which products read row-major A in place ({@link FloatMicroKernel#computeRowMajorA}): both vector
 * kernels for a tile exactly one register tile wide (the CNN's weight-gradient shape); for a
 * narrower product (a classifier's last layer) only the plain kernel of JDK 17-21, while the
 * unrolled kernel of JDK 22+ packs A. Either way the product matches one taken in double.
 */
class RowMajorATest {

  /** The vector float kernels, with whether each reads A in place for a narrow product. */
  static List<Arguments> kernels() {
    if (Kernels.vector().isEmpty()) {
      return List.of();
    }
    return List.of(
        Arguments.of(new VectorFloatMicroKernel(), true),
        Arguments.of(new UnrolledVectorFloatMicroKernel(), false));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void narrowProductsReadAInPlaceOnlyWhereThePackingIsScalar(
      FloatMicroKernel kernel, boolean narrowInPlace) {
    assumeTrue(kernel.readsRowMajorA(kernel.blocking().nr()), "no in-place A below 512 bits");
    int nr = kernel.blocking().nr();
    Counting counting = new Counting(kernel);

    product(counting, 128, nr, 64);
    assertTrue(counting.calls.get() > 0, "a whole-width product read A in place");

    counting.calls.set(0);
    product(counting, 128, 10, 128);
    assertEquals(narrowInPlace, counting.calls.get() > 0, "a 10-column product read A in place");
  }

  /** C = A·Bᵀ (the layout of Linear's forward) through the kernel, checked against double sums. */
  private static void product(Counting kernel, int m, int n, int k) {
    Random random = new Random(m * 31 + n);
    float[] a = TestData.floats(random, m * k, 1f, false);
    float[] b = TestData.floats(random, n * k, 1f, false);
    float[] c = new float[m * n];
    kernel.gemm.sgemm(false, true, m, n, k, 1f, a, 0, k, b, 0, k, 0f, c, 0, n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          sum += (double) a[i * k + p] * b[j * k + p];
        }
        assertEquals(sum, c[i * n + j], 1e-4 * k, "C(" + i + ", " + j + ")");
      }
    }
  }

  /** Counts the calls that read A in place. */
  private static final class Counting extends DelegatingFloatKernel {
    final AtomicLong calls = new AtomicLong();

    Counting(FloatMicroKernel kernel) {
      super(kernel);
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
      calls.incrementAndGet();
      kernel.computeRowMajorA(kc, a, aOff, lda, bp, bpOff, c, cOff, ldc, mr, nr, beta, tmp);
    }
  }
}
