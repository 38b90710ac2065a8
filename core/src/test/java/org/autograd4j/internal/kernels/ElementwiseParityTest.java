package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector provider's elementwise kernels against the scalar reference: bit-identical for
 * everything but exp, which is checked in ulps against {@link Math#exp}.
 */
class ElementwiseParityTest {
  private static final int OFF = 3;

  /** A float NaN with the quiet bit clear. */
  private static final int SIGNALLING_NAN = 0x7f800001;

  private Elementwise scalar;
  private Elementwise vector;

  @BeforeEach
  void providers() {
    scalar = Kernels.scalar().elementwise();
    assumeTrue(Kernels.vector().isPresent(), "no Vector API in this JVM");
    vector = Kernels.vector().get().elementwise();
  }

  /** A float kernel taking (a, b, out, n), all at offset OFF. */
  private interface FloatOp {
    void apply(Elementwise e, float[] a, float[] b, float[] out, int n);
  }

  private interface DoubleOp {
    void apply(Elementwise e, double[] a, double[] b, double[] out, int n);
  }

  private void checkFloat(String name, FloatOp op) {
    Random random = new Random(name.hashCode());
    for (int n : TestData.SIZES) {
      float[] a = TestData.floats(random, n + OFF + 2, 3f, true);
      float[] b = TestData.floats(random, n + OFF + 2, 3f, true);
      float[] expected = TestData.floats(random, n + OFF + 2, 1f, false);
      float[] actual = expected.clone();
      float[] a2 = a.clone();
      float[] b2 = b.clone();
      op.apply(scalar, a, b, expected, n);
      op.apply(vector, a2, b2, actual, n);
      assertArrayEquals(expected, actual, name + " n=" + n);
      assertArrayEquals(a, a2, name + " (in-place operand) n=" + n);
    }
  }

  private void checkDouble(String name, DoubleOp op) {
    Random random = new Random(name.hashCode() + 1);
    for (int n : TestData.SIZES) {
      double[] a = TestData.doubles(random, n + OFF + 2, 3, true);
      double[] b = TestData.doubles(random, n + OFF + 2, 3, true);
      double[] expected = TestData.doubles(random, n + OFF + 2, 1, false);
      double[] actual = expected.clone();
      double[] a2 = a.clone();
      double[] b2 = b.clone();
      op.apply(scalar, a, b, expected, n);
      op.apply(vector, a2, b2, actual, n);
      assertArrayEquals(expected, actual, name + " n=" + n);
      assertArrayEquals(a, a2, name + " (in-place operand) n=" + n);
    }
  }

  @Test
  void binaryOpsAreBitIdentical() {
    checkFloat("add", (e, a, b, o, n) -> e.add(a, OFF, b, OFF, o, OFF, n));
    checkFloat("sub", (e, a, b, o, n) -> e.sub(a, OFF, b, OFF, o, OFF, n));
    checkFloat("mul", (e, a, b, o, n) -> e.mul(a, OFF, b, OFF, o, OFF, n));
    checkFloat("div", (e, a, b, o, n) -> e.div(a, OFF, b, OFF, o, OFF, n));
    checkFloat("add-aliased", (e, a, b, o, n) -> e.add(a, OFF, b, OFF, a, OFF, n));
    checkDouble("add", (e, a, b, o, n) -> e.add(a, OFF, b, OFF, o, OFF, n));
    checkDouble("sub", (e, a, b, o, n) -> e.sub(a, OFF, b, OFF, o, OFF, n));
    checkDouble("mul", (e, a, b, o, n) -> e.mul(a, OFF, b, OFF, o, OFF, n));
    checkDouble("div", (e, a, b, o, n) -> e.div(a, OFF, b, OFF, o, OFF, n));
  }

  @Test
  void scalarOperandOpsAreBitIdentical() {
    checkFloat("addScalar", (e, a, b, o, n) -> e.addScalar(a, OFF, 1.5f, o, OFF, n));
    checkFloat("subScalar", (e, a, b, o, n) -> e.subScalar(a, OFF, 1.5f, o, OFF, n));
    checkFloat("rsubScalar", (e, a, b, o, n) -> e.rsubScalar(a, OFF, 1.5f, o, OFF, n));
    checkFloat("mulScalar", (e, a, b, o, n) -> e.mulScalar(a, OFF, -0.3f, o, OFF, n));
    checkFloat("divScalar", (e, a, b, o, n) -> e.divScalar(a, OFF, 7f, o, OFF, n));
    checkFloat("rdivScalar", (e, a, b, o, n) -> e.rdivScalar(a, OFF, 7f, o, OFF, n));
    checkDouble("addScalar", (e, a, b, o, n) -> e.addScalar(a, OFF, 1.5, o, OFF, n));
    checkDouble("subScalar", (e, a, b, o, n) -> e.subScalar(a, OFF, 1.5, o, OFF, n));
    checkDouble("rsubScalar", (e, a, b, o, n) -> e.rsubScalar(a, OFF, 1.5, o, OFF, n));
    checkDouble("mulScalar", (e, a, b, o, n) -> e.mulScalar(a, OFF, -0.3, o, OFF, n));
    checkDouble("divScalar", (e, a, b, o, n) -> e.divScalar(a, OFF, 7, o, OFF, n));
    checkDouble("rdivScalar", (e, a, b, o, n) -> e.rdivScalar(a, OFF, 7, o, OFF, n));
  }

  /**
   * addRows leaves every element outside its runs as it was: -0.0 stays -0.0 (adding +0.0 would
   * turn it into 0.0), and past the last run, where another thread may be folding the next sample,
   * nothing is written at all: those elements hold a signalling NaN, which any arithmetic would
   * turn into a quiet one. Arrays end 0 to 17 elements past the last run.
   */
  @Test
  void addRowsLeavesTheElementsBetweenRunsAsTheyWere() {
    Random random = new Random(7);
    float[] specials = {-0.0f, 0.0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 1.5f};
    for (int len = 1; len <= 20; len++) {
      for (int gap = 0; gap <= 3; gap++) {
        int rows = 1 + random.nextInt(9);
        int stride = len + gap;
        int size = OFF + (rows - 1) * stride + len + random.nextInt(18);
        float[] x = TestData.floats(random, size, 3f, true);
        float[] expected = new float[size];
        for (int i = 0; i < size; i++) {
          expected[i] = specials[random.nextInt(specials.length)];
        }
        int end = OFF + (rows - 1) * stride + len;
        for (int i = end; i < size; i++) {
          expected[i] = Float.intBitsToFloat(SIGNALLING_NAN);
        }
        float[] actual = expected.clone();
        scalar.addRows(x, OFF, stride, expected, OFF, stride, rows, len);
        vector.addRows(x, OFF, stride, actual, OFF, stride, rows, len);
        assertArrayEquals(expected, actual, "addRows len=" + len + " stride=" + stride);
        for (int i = end; i < size; i++) {
          assertEquals(
              SIGNALLING_NAN,
              Float.floatToRawIntBits(actual[i]),
              "addRows wrote past its last run: len=" + len + " stride=" + stride + " at " + i);
        }
      }
    }
  }

  @Test
  void blasStyleOpsAreBitIdentical() {
    checkFloat("axpy", (e, a, b, o, n) -> e.axpy(0.7f, a, OFF, o, OFF, n));
    // Runs shorter than, equal to and longer than a vector, with different strides on each side.
    checkFloat("addRows", (e, a, b, o, n) -> e.addRows(a, OFF, 3, o, OFF, 3, n / 3, 2));
    checkFloat("addRows long", (e, a, b, o, n) -> e.addRows(a, OFF, 10, o, OFF, 11, n / 11, 9));
    checkFloat("addRows wide", (e, a, b, o, n) -> e.addRows(a, OFF, 17, o, OFF, 17, n / 17, 17));
    // Runs of half a vector or more (8 of AVX-512's 16 lanes, 4 of AVX2's 8) and a mix of both.
    checkFloat("addRows eight", (e, a, b, o, n) -> e.addRows(a, OFF, 8, o, OFF, 9, n / 9, 8));
    checkFloat("addRows five", (e, a, b, o, n) -> e.addRows(a, OFF, 6, o, OFF, 5, n / 6, 5));
    checkFloat("addRows mixed", (e, a, b, o, n) -> e.addRows(a, OFF, 26, o, OFF, 27, n / 27, 25));
    // Runs shorter than a vector (one and several runs per vector), equal to it and longer; the
    // arrays end two past the last run read, so a vector read or written past the runs shows.
    checkFloat("copyRows eight", (e, a, b, o, n) -> e.copyRows(a, OFF, 12, o, OFF, n / 12, 8));
    checkFloat("copyRows three", (e, a, b, o, n) -> e.copyRows(a, OFF, 5, o, OFF, n / 5, 3));
    checkFloat("copyRows dense", (e, a, b, o, n) -> e.copyRows(a, OFF, 5, o, OFF, n / 5, 5));
    checkFloat("copyRows wide", (e, a, b, o, n) -> e.copyRows(a, OFF, 17, o, OFF, n / 17, 16));
    checkFloat("copyRows overlapping", (e, a, b, o, n) -> e.copyRows(a, OFF, 3, o, OFF, n / 8, 8));
    checkFloat("copyRows long", (e, a, b, o, n) -> e.copyRows(a, OFF, 18, o, OFF, n / 18, 17));
    // One run summing several of x: overlapping by all but one element (a kernel row's taps),
    // back to back less one (RowSpanFold's stride), and apart.
    checkFloat(
        "addRowSum overlapping",
        (e, a, b, o, n) -> e.addRowSum(a, OFF, 1, 4, o, OFF, Math.max(0, n - 3)));
    checkFloat(
        "addRowSum kernel row",
        (e, a, b, o, n) -> e.addRowSum(a, OFF, n / 5 - 1, 5, o, OFF, n / 5));
    checkFloat(
        "addRowSum apart",
        (e, a, b, o, n) -> e.addRowSum(a, OFF, (n + 2) / 3, 3, o, OFF, Math.max(0, (n - 4) / 3)));
    checkFloat("scale", (e, a, b, o, n) -> e.scale(-1.25f, o, OFF, n));
    checkDouble("axpy", (e, a, b, o, n) -> e.axpy(0.7, a, OFF, o, OFF, n));
    checkDouble("addRows", (e, a, b, o, n) -> e.addRows(a, OFF, 3, o, OFF, 3, n / 3, 2));
    checkDouble("addRows long", (e, a, b, o, n) -> e.addRows(a, OFF, 10, o, OFF, 11, n / 11, 9));
    checkDouble("scale", (e, a, b, o, n) -> e.scale(-1.25, o, OFF, n));
  }

  @Test
  void reluAndItsGradientAreBitIdentical() {
    checkFloat("relu", (e, a, b, o, n) -> e.relu(a, OFF, o, OFF, n));
    checkFloat("reluBackward", (e, a, b, o, n) -> e.reluBackward(b, OFF, a, OFF, o, OFF, n));
    checkDouble("relu", (e, a, b, o, n) -> e.relu(a, OFF, o, OFF, n));
    checkDouble("reluBackward", (e, a, b, o, n) -> e.reluBackward(b, OFF, a, OFF, o, OFF, n));
  }

  @Test
  void reluKeepsNegativeZeroAndNaNAsPyTorchDoes() {
    // torch.relu(torch.tensor([-0., nan, -2, 3, 0, -1, 5, -inf, 1])): tensor([-0., nan, 0., 3.,
    // 0., 0., 5., 0., 1.]), signbit set on the first only. 17 elements reach the vector loop.
    float[] x = {-0f, Float.NaN, -2f, 3f, 0f, -1f, 5f, Float.NEGATIVE_INFINITY, 1f};
    float[] expected = {-0f, Float.NaN, 0f, 3f, 0f, 0f, 5f, 0f, 1f};
    float[] out = new float[x.length];
    float[] wide = new float[17];
    float[] wideOut = new float[17];
    System.arraycopy(x, 0, wide, 8, x.length);
    for (Elementwise e : new Elementwise[] {scalar, vector}) {
      e.relu(wide, 0, wideOut, 0, wide.length);
      assertArrayEquals(expected, java.util.Arrays.copyOfRange(wideOut, 8, 17));
      double[] xd = new double[17];
      double[] outD = new double[17];
      for (int i = 0; i < 17; i++) {
        xd[i] = wide[i];
      }
      e.relu(xd, 0, outD, 0, 17);
      for (int i = 0; i < 17; i++) {
        assertEquals(
            Double.doubleToLongBits(wideOut[i]), Double.doubleToLongBits(outD[i]), "double " + i);
      }
      e.relu(x, 0, out, 0, x.length);
      assertArrayEquals(expected, out);
      float[] grad = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f};
      e.reluBackward(grad, 0, x, 0, out, 0, x.length);
      assertArrayEquals(new float[] {0f, 0f, 0f, 4f, 0f, 0f, 7f, 0f, 9f}, out);
    }
  }

  @Test
  void floatExpIsWithinTwoUlpsEverywhere() {
    int n = 20_000;
    float[] x = new float[n + 16];
    Random random = new Random(5);
    for (int i = 0; i < n; i++) {
      // A sweep over the whole interesting range, from underflow to overflow.
      x[i] = -110f + 205f * i / n;
    }
    float[] edges = {
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      88.72f,
      88.73f,
      -87.33f,
      -103.9f,
      -104.5f,
      0f,
      -0f,
      1e-8f,
      -1e-8f,
      0.5f * (float) Math.log(2),
      1f,
      -1f,
      random.nextFloat()
    };
    System.arraycopy(edges, 0, x, n, edges.length);
    float[] out = new float[x.length];
    vector.exp(x, 0, out, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      float expected = (float) Math.exp(x[i]);
      if (Float.isNaN(expected) || Float.isInfinite(expected) || expected == 0f) {
        assertEquals(expected, out[i], "exp(" + x[i] + ")");
      } else {
        float err = Math.abs(out[i] - expected);
        if (err > 2 * Math.ulp(expected)) {
          throw new AssertionError("exp(" + x[i] + ") = " + out[i] + ", expected " + expected);
        }
      }
    }
  }

  @Test
  void doubleExpIsWithinFourUlpsEverywhere() {
    int n = 20_000;
    double[] x = new double[n + 12];
    for (int i = 0; i < n; i++) {
      x[i] = -760.0 + 1475.0 * i / n;
    }
    double[] edges = {
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      709.78,
      709.79,
      -708.4,
      -745.1,
      -745.2,
      0,
      1e-300,
      0.5 * Math.log(2),
      -1
    };
    System.arraycopy(edges, 0, x, n, edges.length);
    double[] out = new double[x.length];
    vector.exp(x, 0, out, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      double expected = Math.exp(x[i]);
      if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
        assertEquals(expected, out[i], "exp(" + x[i] + ")");
      } else if (Math.abs(out[i] - expected) > 4 * Math.ulp(expected)) {
        throw new AssertionError("exp(" + x[i] + ") = " + out[i] + ", expected " + expected);
      }
    }
  }

  @Test
  void expMatchesOnAllSizes() {
    Random random = new Random(11);
    for (int n : TestData.SIZES) {
      float[] x = TestData.floats(random, n, 20f, true);
      float[] a = new float[n];
      float[] b = new float[n];
      scalar.exp(x, 0, a, 0, n);
      vector.exp(x, 0, b, 0, n);
      for (int i = 0; i < n; i++) {
        if (!(Float.compare(a[i], b[i]) == 0 || Math.abs(a[i] - b[i]) <= 2 * Math.ulp(a[i]))) {
          throw new AssertionError("exp(" + x[i] + "): " + a[i] + " vs " + b[i]);
        }
      }
    }
  }
}
