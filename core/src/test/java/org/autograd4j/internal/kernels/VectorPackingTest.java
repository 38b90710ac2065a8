package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector kernels' {@link FloatMicroKernel#packRowMajorB} against the interface's element copy:
 * the same panel, and nothing written outside it.
 */
class VectorPackingTest {

  /** The vector float kernels, none without the Vector API. */
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
  void rowMajorBPanelMatchesTheElementCopy(FloatMicroKernel kernel) {
    int nr = kernel.blocking().nr();
    FloatMicroKernel reference = new ReferencePacking(kernel.blocking());
    Random random = new Random(5);
    // Depths 1, around a vector and over; B's rows exactly one panel wide, wider, or not a
    // multiple of the vector; the panel at the start, inside a row, or ending at B's last value.
    for (int kc : new int[] {1, 2, 15, 16, 17, 128}) {
      for (int ldb : new int[] {nr, nr + 1, 3 * nr + 5}) {
        float[] b = new float[kc * ldb + 7];
        for (int i = 0; i < b.length; i++) {
          b[i] = random.nextFloat() - 0.5f;
        }
        int last = b.length - ((kc - 1) * ldb + nr);
        for (int src : new int[] {0, 3, Math.max(0, ldb - nr), last}) {
          for (int dst : new int[] {0, 5}) {
            float[] expected = new float[dst + kc * nr + 9];
            float[] actual = new float[expected.length];
            java.util.Arrays.fill(expected, Float.NaN);
            java.util.Arrays.fill(actual, Float.NaN);
            reference.packRowMajorB(b, src, ldb, kc, expected, dst);
            kernel.packRowMajorB(b, src, ldb, kc, actual, dst);
            assertArrayEquals(
                expected, actual, "kc " + kc + " ldb " + ldb + " src " + src + " dst " + dst);
          }
        }
      }
    }
  }

  /** The interface's default packing, with the blocking of the kernel under test. */
  private static final class ReferencePacking implements FloatMicroKernel {
    private final GemmBlocking blocking;

    ReferencePacking(GemmBlocking blocking) {
      this.blocking = blocking;
    }

    @Override
    public GemmBlocking blocking() {
      return blocking;
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
      throw new UnsupportedOperationException();
    }
  }
}
