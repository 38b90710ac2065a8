package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole-panel packings of every float micro-kernel ({@link FloatMicroKernel#packRowMajorA},
 * {@link FloatMicroKernel#packTransposedB}) against their definition, bit for bit: depths around
 * multiples of the vector width, leading dimensions and offsets that are not, the panel at the very
 * end of an exactly sized source array, and a destination whose every slot outside the panel must
 * keep its sentinel.
 */
class PackingTest {

  /** Depths around 16 (and 8) lanes, below, at and past the 16-p blocks. */
  private static final int[] DEPTHS = {1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 63, 100};

  /** Extra leading dimension past the depth. */
  private static final int[] PADS = {0, 1, 5, 16, 19};

  private static final float[] ALPHAS = {1f, -0.5f, 3.7f};

  /** A signalling NaN with a payload: any write over it, or any copy that loses it, shows. */
  private static final int SENTINEL = 0x7fa0_beef;

  /** Source values that a float-lane copy or a canonicalising path would change. */
  private static final int[] SPECIAL_BITS = {
    0x7fc0_0000, 0x7fa0_1234, 0xffc0_0567, 0x8000_0000, 0x0000_0001, 0x7f80_0000, 0xff80_0000
  };

  static List<FloatMicroKernel> kernels() {
    List<FloatMicroKernel> list = new ArrayList<>();
    list.add(new ScalarFloatMicroKernel());
    if (Kernels.vector().isPresent()) {
      list.add(new VectorFloatMicroKernel());
      list.add(new UnrolledVectorFloatMicroKernel());
    }
    return list;
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void rowMajorAPanelsMatchTheirDefinition(FloatMicroKernel kernel) {
    int mr = kernel.blocking().mr();
    Random random = new Random(11);
    for (int kc : DEPTHS) {
      for (int pad : PADS) {
        for (float alpha : ALPHAS) {
          int lda = kc + pad;
          int src = 3 + random.nextInt(5);
          // Exactly sized: the panel's last row ends the array.
          float[] a = values(random, src + (mr - 1) * lda + kc);
          int dst = 1 + random.nextInt(7);
          float[] ap = sentinels(dst + mr * kc + 9);
          kernel.packRowMajorA(a, src, lda, kc, alpha, ap, dst);
          String where = kernel.getClass().getSimpleName() + " kc=" + kc + " lda=" + lda;
          for (int p = 0; p < kc; p++) {
            for (int i = 0; i < mr; i++) {
              float expected = alpha * a[src + i * lda + p];
              assertBits(expected, ap[dst + p * mr + i], where + " alpha=" + alpha + " p=" + p);
            }
          }
          assertSentinelsOutside(ap, dst, mr * kc, where);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void transposedBPanelsMatchTheirDefinition(FloatMicroKernel kernel) {
    int nr = kernel.blocking().nr();
    Random random = new Random(12);
    for (int kc : DEPTHS) {
      for (int pad : PADS) {
        int ldb = kc + pad;
        int src = 2 + random.nextInt(5);
        float[] b = values(random, src + (nr - 1) * ldb + kc);
        int dst = 1 + random.nextInt(7);
        float[] bp = sentinels(dst + nr * kc + 9);
        kernel.packTransposedB(b, src, ldb, kc, bp, dst);
        String where = kernel.getClass().getSimpleName() + " kc=" + kc + " ldb=" + ldb;
        for (int p = 0; p < kc; p++) {
          for (int j = 0; j < nr; j++) {
            assertBits(b[src + j * ldb + p], bp[dst + p * nr + j], where + " p=" + p + " j=" + j);
          }
        }
        assertSentinelsOutside(bp, dst, nr * kc, where);
      }
    }
  }

  /** Uniform values with about one in six from {@link #SPECIAL_BITS}. */
  private static float[] values(Random random, int n) {
    float[] x = TestData.floats(random, n, 2f, false);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(6) == 0) {
        x[i] = Float.intBitsToFloat(SPECIAL_BITS[random.nextInt(SPECIAL_BITS.length)]);
      }
    }
    return x;
  }

  private static float[] sentinels(int n) {
    float[] x = new float[n];
    java.util.Arrays.fill(x, Float.intBitsToFloat(SENTINEL));
    return x;
  }

  private static void assertBits(float expected, float actual, String where) {
    assertEquals(
        Integer.toHexString(Float.floatToRawIntBits(expected)),
        Integer.toHexString(Float.floatToRawIntBits(actual)),
        where);
  }

  private static void assertSentinelsOutside(float[] packed, int dst, int size, String where) {
    for (int i = 0; i < packed.length; i++) {
      if (i < dst || i >= dst + size) {
        assertEquals(
            SENTINEL, Float.floatToRawIntBits(packed[i]), where + ": wrote outside at " + i);
      }
    }
  }
}
