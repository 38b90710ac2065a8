package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * erf and gelu on float32 tensors ({@link SpecialFunctions#erfFloat32}, {@link
 * org.autograd4j.internal.kernels.Erfc#float32}) against the double-precision functions rounded to
 * float32, and in gelu's far negative tail, where the double path itself cancels, against values
 * from mpmath.
 */
class Float32ErfTest {
  private static Tensor floats(double... v) {
    return Torch.tensor(v, DType.FLOAT32);
  }

  /** |got - want| in float32 ulps of want. */
  private static double ulps(float want, float got) {
    return Math.abs((double) want - got) / Math.ulp(want == 0 ? Float.MIN_NORMAL : want);
  }

  @Test
  void erfIsWithinOneUlpOfTheDoubleErfRounded() {
    int n = 24001;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (-6 + 12.0 * i / (n - 1));
    }
    double[] got = floats(x).erf().toDoubleArray();
    for (int i = 0; i < n; i++) {
      float want = (float) SpecialFunctions.erf(x[i]);
      assertTrue(
          ulps(want, (float) got[i]) <= 1, "erf(" + x[i] + ") = " + got[i] + ", want " + want);
    }
  }

  @Test
  void erfKeepsSpecialValues() {
    double[] got =
        floats(0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN)
            .erf()
            .toDoubleArray();
    assertEquals(0x0L, Double.doubleToRawLongBits(got[0]));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(got[1]));
    assertEquals(1.0, got[2]);
    assertEquals(-1.0, got[3]);
    assertTrue(Double.isNaN(got[4]));
  }

  @Test
  void geluIsWithinSevenUlpsOfTheDoubleGeluRounded() {
    // From -4 up: below it the double path's 1 + erf loses digits itself (tail test below). The
    // reference, Erfc.float32 in double, is within 2 ulps; the vector provider's float lanes within
    // FloatFunctions.GELU_ULPS of it (5.8 ulps of the exact gelu at most, on 4 million points).
    int n = 28001;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (-4 + 14.0 * i / (n - 1));
    }
    double[] got = Torch.gelu(floats(x)).toDoubleArray();
    double[] exact = Torch.gelu(Torch.tensor(x, DType.FLOAT64)).toDoubleArray();
    for (int i = 0; i < n; i++) {
      float want = (float) exact[i];
      assertTrue(
          ulps(want, (float) got[i]) <= 7, "gelu(" + x[i] + ") = " + got[i] + ", want " + want);
    }
  }

  @Test
  void geluKeepsItsRelativeAccuracyInTheNegativeTail() {
    // 0.5 x erfc(-x / sqrt 2) at 40 digits (mpmath 1.3.0), rounded to double.
    double[] x = {-4.5, -5.5, -6.0, -8.0, -10.0, -12.0};
    double[] want = {
      -1.5289529061285272e-05,
      -1.0444259356238245e-07,
      -5.9195258702261885e-09,
      -4.976768459417427e-15,
      -7.619853024160526e-23,
      -2.1317785344932147e-32
    };
    double[] got = Torch.gelu(floats(x)).toDoubleArray();
    for (int i = 0; i < x.length; i++) {
      assertEquals(want[i], got[i], Math.abs(want[i]) * 3e-7, "gelu(" + x[i] + ")");
    }
  }

  @Test
  void float32GeluGradientMatchesTheDoubleOne() {
    double[] x = {-3.5, -1.25, -0.3, 0.0, 0.7, 2.0, 5.0};
    Tensor x32 = floats(x).requiresGrad_();
    Tensor x64 = Torch.tensor(x, DType.FLOAT64).requiresGrad_();
    Torch.gelu(x32).sum().backward();
    Torch.gelu(x64).sum().backward();
    double[] g32 = x32.grad().toDoubleArray();
    double[] g64 = x64.grad().toDoubleArray();
    for (int i = 0; i < x.length; i++) {
      assertEquals(g64[i], g32[i], 1e-6 * Math.max(1, Math.abs(g64[i])), "gelu'(" + x[i] + ")");
    }
  }
}
