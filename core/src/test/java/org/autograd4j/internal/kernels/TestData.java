package org.autograd4j.internal.kernels;

import java.util.Random;

/** Random inputs for the kernel tests, sprinkled with the special values kernels get wrong. */
final class TestData {
  /** Lengths around multiples of every vector width (4, 8, 16 lanes) plus a few larger ones. */
  static final int[] SIZES = {
    0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000
  };

  private static final float[] SPECIAL_F = {
    0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE
  };
  private static final double[] SPECIAL_D = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE
  };

  private TestData() {}

  /** Uniform values in [-scale, scale), with special values mixed in when asked. */
  static float[] floats(Random random, int n, float scale, boolean specials) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] =
          specials && random.nextInt(8) == 0
              ? SPECIAL_F[random.nextInt(SPECIAL_F.length)]
              : (random.nextFloat() * 2 - 1) * scale;
    }
    return x;
  }

  static double[] doubles(Random random, int n, double scale, boolean specials) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] =
          specials && random.nextInt(8) == 0
              ? SPECIAL_D[random.nextInt(SPECIAL_D.length)]
              : (random.nextDouble() * 2 - 1) * scale;
    }
    return x;
  }
}
