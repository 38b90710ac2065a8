package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatWidening} against Java's own {@code (double) f}: bit for bit for every float but NaN,
 * which stays NaN, at even and odd positions of the vector.
 */
class FloatWideningTest {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  @BeforeEach
  void vectorApi() {
    assumeTrue(Kernels.vector().isPresent(), "no Vector API in this JVM");
  }

  @Test
  void everyKindOfFloatWidensExactly() {
    float[] kinds = {
      0f,
      -0f,
      1f,
      -1f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      Float.MIN_NORMAL,
      Math.nextDown(Float.MIN_NORMAL), // the largest subnormal
      -3.5e-40f,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.NaN,
      Float.intBitsToFloat(0xffc00001), // a negative NaN with a payload
      Float.intBitsToFloat(0x7f800001), // a signalling NaN
      0.1f,
      -123456.78f,
      1e30f,
      -1e-30f
    };
    // Each value at an even and at an odd position: the two halves of a long lane.
    for (int shift = 0; shift < 2; shift++) {
      float[] x = new float[kinds.length + F.length() + 1];
      System.arraycopy(kinds, 0, x, shift, kinds.length);
      assertWidensExactly(x);
    }
  }

  @Test
  void randomBitPatternsWidenExactly() {
    Random random = new Random(11);
    float[] x = new float[1 << 16];
    for (int round = 0; round < 16; round++) {
      for (int i = 0; i < x.length; i++) {
        x[i] = Float.intBitsToFloat(random.nextInt());
      }
      assertWidensExactly(x);
    }
  }

  private static void assertWidensExactly(float[] x) {
    int lanes = F.length();
    for (int i = 0; i + lanes <= x.length; i += lanes) {
      LongVector pairs = FloatVector.fromArray(F, x, i).reinterpretAsLongs();
      DoubleVector even = FloatWidening.lowHalves(pairs);
      DoubleVector odd = FloatWidening.highHalves(pairs);
      for (int j = 0; j < lanes / 2; j++) {
        assertSameDouble(x[i + 2 * j], even.lane(j));
        assertSameDouble(x[i + 2 * j + 1], odd.lane(j));
      }
    }
  }

  private static void assertSameDouble(float f, double widened) {
    if (Float.isNaN(f)) {
      assertTrue(Double.isNaN(widened), () -> "NaN " + Integer.toHexString(floatBits(f)));
    } else {
      assertEquals(
          Double.doubleToRawLongBits(f),
          Double.doubleToRawLongBits(widened),
          () -> f + " (" + Integer.toHexString(floatBits(f)) + ") widened to " + widened);
    }
  }

  private static int floatBits(float f) {
    return Float.floatToRawIntBits(f);
  }
}
