package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Reductions#maxPool2x2} of the vector provider against the scalar one, bit for bit, and the
 * scalar one against the general max-pool rule: on ties, NaNs with distinct payloads and signed
 * zeros, for widths around every vector length and odd plane sizes. In relu mode the rule runs on
 * relu(x) (negatives to +0, -0 and NaN kept, as torch.relu), and an index is the flagged first
 * position of its window where the value is not positive.
 */
class MaxPoolParityTest {
  private static final int IN_OFF = 3;
  private static final int OUT_OFF = 2;
  private static final float SENTINEL = -123.5f;

  /** Few distinct values, so windows tie often; NaNs differ in sign and payload. */
  private static final float[] VALUES = {
    0f,
    -0f,
    1f,
    2f,
    -1f,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.intBitsToFloat(0x7fc00000),
    Float.intBitsToFloat(0x7fc00001),
    Float.intBitsToFloat(0xffc00002),
    Float.intBitsToFloat(0x7f800003)
  };

  private static float[] input(Random random, int n, int kind) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      switch (kind) {
        case 0: // ties and specials only
          x[i] = VALUES[random.nextInt(VALUES.length)];
          break;
        case 1: // ReLU-like, half zeros, rare NaNs
          x[i] =
              random.nextInt(50) == 0
                  ? VALUES[7 + random.nextInt(4)]
                  : random.nextBoolean() ? 0f : random.nextFloat();
          break;
        case 2: // signed zeros against each other
          x[i] = random.nextBoolean() ? 0f : -0f;
          break;
        default: // pre-activations: half negative, some zeros and specials
          x[i] =
              random.nextInt(8) == 0
                  ? VALUES[random.nextInt(VALUES.length)]
                  : (float) random.nextGaussian();
      }
    }
    return x;
  }

  /** The general max-pool loop's rule: a later element wins if greater or NaN, unless a NaN won. */
  private static void reference(
      float[] x, int planes, int h, int w, int oh, int ow, float[] out, long[] ind, boolean relu) {
    float[] in = x.clone();
    for (int i = 0; relu && i < in.length; i++) {
      in[i] = in[i] < 0f ? 0f : in[i];
    }
    int o = OUT_OFF;
    for (int p = 0; p < planes; p++) {
      int base = IN_OFF + p * h * w;
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++, o++) {
          int at = 2 * i * w + 2 * j;
          int[] order = {at, at + 1, at + w, at + w + 1};
          int best = at;
          float max = Float.NEGATIVE_INFINITY;
          for (int k : order) {
            float v = in[base + k];
            if (v > max || Float.isNaN(v)) {
              max = v;
              best = k;
            }
          }
          out[o] = in[base + best];
          ind[o] = relu && !(out[o] > 0f) ? Reductions.NO_GRADIENT + at : best;
        }
      }
    }
  }

  private static int[] bits(float[] x) {
    int[] b = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      b[i] = Float.floatToRawIntBits(x[i]);
    }
    return b;
  }

  @Test
  void vectorAndScalarChooseTheSameElements() {
    Reductions scalar = Kernels.scalar().reductions();
    assumeTrue(Kernels.vector().isPresent(), "no Vector API in this JVM");
    Reductions vector = Kernels.vector().get().reductions();
    Random random = new Random(42);
    // Rounds on fresh data until C2 compiles the kernel (about 2 s): before, the Vector API runs
    // its Java fallback, which differs (JDK 17's float rearrange canonicalises NaN payloads).
    for (int round = 0; round < 4; round++) {
      for (int planes : new int[] {1, 3}) {
        for (int h = 2; h <= 9; h++) {
          for (int w = 2; w <= 40; w++) {
            for (int kind = 0; kind < 4; kind++) {
              for (boolean relu : new boolean[] {false, true}) {
                // Floor outputs (the caller's), then fewer columns and rows than fit.
                check(scalar, vector, random, planes, h, w, h / 2, w / 2, kind, 0, relu);
                check(scalar, vector, random, planes, h, w, h / 2, w / 2, kind, 40, relu);
                int oh = (h - 1) / 2;
                int ow = (w - 1) / 2;
                check(scalar, vector, random, planes, h, w, oh, ow, kind, 0, relu);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void scalarFollowsTheGeneralRule() {
    Reductions scalar = Kernels.scalar().reductions();
    Random random = new Random(7);
    for (int h = 2; h <= 9; h++) {
      for (int w = 2; w <= 20; w++) {
        for (int kind = 0; kind < 4; kind++) {
          check(scalar, null, random, 2, h, w, h / 2, w / 2, kind, 0, false);
          check(scalar, null, random, 2, h, w, h / 2, w / 2, kind, 0, true);
        }
      }
    }
  }

  /**
   * Pools {@code planes} random planes from IN_OFF into outputs from OUT_OFF, with {@code slack}
   * elements after the input and output (none: vectors must stop at the arrays' ends), and compares
   * with the scalar provider (or, when {@code vector} is null, the scalar provider with the
   * reference), including the untouched sentinels around the outputs.
   */
  private static void check(
      Reductions scalar,
      Reductions vector,
      Random random,
      int planes,
      int h,
      int w,
      int oh,
      int ow,
      int kind,
      int slack,
      boolean relu) {
    String where = "planes=" + planes + " h=" + h + " w=" + w + " oh=" + oh + " ow=" + ow;
    where += " kind=" + kind + " slack=" + slack + " relu=" + relu;
    float[] in = input(random, IN_OFF + planes * h * w + slack, kind);
    int n = OUT_OFF + planes * oh * ow + slack;
    float[] expected = new float[n];
    long[] expectedInd = new long[n];
    Arrays.fill(expected, SENTINEL);
    Arrays.fill(expectedInd, -1);
    float[] actual = expected.clone();
    long[] actualInd = expectedInd.clone();
    float[] in2 = in.clone();
    if (vector == null) {
      reference(in, planes, h, w, oh, ow, expected, expectedInd, relu);
      scalar.maxPool2x2(in, IN_OFF, planes, h, w, oh, ow, actual, actualInd, OUT_OFF, relu);
    } else {
      scalar.maxPool2x2(in, IN_OFF, planes, h, w, oh, ow, expected, expectedInd, OUT_OFF, relu);
      vector.maxPool2x2(in2, IN_OFF, planes, h, w, oh, ow, actual, actualInd, OUT_OFF, relu);
    }
    assertArrayEquals(expectedInd, actualInd, "indices " + where);
    assertArrayEquals(bits(expected), bits(actual), "value bits " + where);
    assertArrayEquals(bits(in), bits(in2), "input unchanged " + where);
  }
}
