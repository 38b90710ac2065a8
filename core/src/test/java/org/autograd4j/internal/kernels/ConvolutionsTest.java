package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector provider's direct forward ({@link Convolutions#forward}) and input gradient ({@link
 * Convolutions#inputGrad}) against the sums that define them, taken in double: strips of 8 columns
 * and what lies past the last one, odd row counts, padding, several channel blocks, kernel heights,
 * bias, non-finite values, and the geometries they decline.
 */
class ConvolutionsTest {

  /** {channels, outChannels, h, w, kernelH, padH, padW}: kernel width 5, stride and dilation 1. */
  private static final int[][] GEOMETRIES = {
    // The CNN's second layer: one whole strip per row.
    {16, 32, 12, 12, 5, 0, 0},
    // Columns past the last strip (1 to 7 of them), two strips, padding, one output channel.
    {16, 1, 5, 13, 1, 0, 0},
    {16, 3, 7, 19, 3, 1, 0},
    {32, 5, 6, 14, 5, 2, 2},
    {16, 2, 9, 23, 4, 0, 1},
    // Padding larger than the kernel reaches: input rows and columns no tap touches.
    {16, 2, 3, 10, 2, 3, 3},
  };

  /** {channels, outChannels, h, w, kernelH, padH, padW}, as above, for the forward. */
  private static final int[][] FORWARD = {
    // The CNN's second layer: output rows in pairs, one whole strip, the image read in place.
    {16, 32, 12, 12, 5, 0, 0},
    // An odd number of output rows, a second strip past the output, exactly 16 pairs.
    {16, 16, 7, 13, 1, 0, 0},
    // No padding and an even row count, but a strip past the output: read from a copy too.
    {16, 16, 8, 13, 1, 0, 0},
    // Padding, three strips (the last one partial), 16 pairs from 4 channels.
    {4, 16, 9, 21, 4, 1, 2},
    // Two blocks of output channels, padding above and below only, and an odd row count.
    {8, 32, 5, 14, 5, 2, 0},
    {4, 48, 5, 8, 5, 2, 2},
  };

  /** {channels, outChannels, h, w, kernelH, padH, padW}, as above, for the weight gradient. */
  private static final int[][] WEIGHT_GRAD = {
    // The CNN's second layer.
    {16, 32, 12, 12, 5, 0, 0},
    // Two channel blocks, padding, two strips; one kernel row and an odd number of output rows.
    {32, 2, 6, 16, 3, 1, 2},
    {16, 4, 9, 12, 1, 0, 0},
  };

  private static final float SENTINEL = -77.25f;

  @Test
  void directWeightGradientEqualsTheDefiningSum() {
    Convolutions conv = directKernels();
    Random random = new Random(37);
    for (int[] spec : WEIGHT_GRAD) {
      Conv2dGeometry g = geometry(spec);
      int out = spec[1];
      String what = Arrays.toString(spec);
      assertTrue(conv.hasWeightGrad(g, out), what);
      int image = g.channels() * g.height() * g.width();
      int gradImage = out * g.outH() * g.outW();
      int images = 3;
      float[] x = values(random, images * image + 2);
      float[] grad = values(random, images * gradImage + 1);
      int size = out * g.channels() * g.kernelH() * 5;
      float[] dw = new float[size + 2];
      Arrays.fill(dw, Float.NaN);
      dw[0] = SENTINEL;
      dw[size + 1] = SENTINEL;
      conv.weightGrad(x, 2, grad, 1, images, g, out, dw, 1);
      assertEquals(SENTINEL, dw[0], what);
      assertEquals(SENTINEL, dw[size + 1], what);
      checkWeightGrad(g, out, x, 2, grad, 1, images, dw, 1, what);
    }
  }

  @Test
  void weightGradientMultipliesPaddingAsZerosAndCarriesNonFiniteInputs() {
    Convolutions conv = directKernels();
    Conv2dGeometry g = geometry(new int[] {16, 2, 6, 8, 3, 1, 2});
    Random random = new Random(41);
    float[] x = values(random, 2 * 16 * 6 * 8);
    float[] grad = values(random, 2 * 2 * g.outH() * g.outW());
    grad[0] = Float.POSITIVE_INFINITY; // image 0, o 0, row 0, column 0: meets the padding
    x[16 * 6 * 8 + 5] = Float.NaN; // image 1, channel 0, row 0, column 5
    float[] dw = new float[2 * 16 * 3 * 5];
    conv.weightGrad(x, 0, grad, 0, 2, g, 2, dw, 0);
    checkWeightGrad(g, 2, x, 0, grad, 0, 2, dw, 0, "specials");
  }

  @Test
  void directForwardEqualsTheDefiningSum() {
    Convolutions conv = directKernels();
    Random random = new Random(29);
    for (int[] spec : FORWARD) {
      Conv2dGeometry g = geometry(spec);
      int out = spec[1];
      for (boolean withBias : new boolean[] {false, true}) {
        String what = Arrays.toString(spec) + (withBias ? " with bias" : "");
        assertTrue(conv.hasForward(g, out), what);
        int image = g.channels() * g.height() * g.width();
        int outImage = out * g.outH() * g.outW();
        float[] w = values(random, out * g.channels() * g.kernelH() * 5 + 2);
        float[] x = values(random, 2 * image + 1);
        float[] bias = withBias ? values(random, out) : null;
        float[] arranged = conv.forwardWeight(w, 2, g, out);
        float[] y = new float[2 * outImage + 3];
        Arrays.fill(y, SENTINEL);
        Arrays.fill(y, 1, 1 + outImage, Float.NaN);
        Arrays.fill(y, 2 + outImage, 2 + 2 * outImage, Float.NaN);
        conv.forward(x, 0, arranged, bias, g, out, y, 1);
        conv.forward(x, 1 + image, arranged, bias, g, out, y, 2 + outImage);
        assertEquals(SENTINEL, y[0], what);
        assertEquals(SENTINEL, y[1 + outImage], what);
        assertEquals(SENTINEL, y[2 + 2 * outImage], what);
        checkForward(g, out, w, 2, x, 0, bias, y, 1, what + " image 0");
        checkForward(g, out, w, 2, x, 1 + image, bias, y, 2 + outImage, what + " image 1");
      }
    }
  }

  @Test
  void forwardMultipliesPaddingAsZerosAndCarriesNonFiniteInputs() {
    Convolutions conv = directKernels();
    Conv2dGeometry g = geometry(new int[] {16, 16, 6, 10, 3, 1, 1});
    Random random = new Random(31);
    float[] w = values(random, 16 * 16 * 3 * 5);
    float[] x = values(random, 16 * 6 * 10);
    w[1] = Float.POSITIVE_INFINITY; // o 0, channel 0, kernel row 0, column 1: meets the padding
    x[6 * 10 + 3] = Float.NaN; // channel 1, row 0, column 3
    x[2 * 6 * 10 + 13] = Float.NEGATIVE_INFINITY; // channel 2, row 1, column 3
    float[] y = new float[16 * g.outH() * g.outW()];
    conv.forward(x, 0, conv.forwardWeight(w, 0, g, 16), null, g, 16, y, 0);
    checkForward(g, 16, w, 0, x, 0, null, y, 0, "specials");
  }

  @Test
  void directInputGradientEqualsTheDefiningSum() {
    Convolutions conv = directKernels();
    Random random = new Random(23);
    for (int[] spec : GEOMETRIES) {
      Conv2dGeometry g = geometry(spec);
      int out = spec[1];
      String what = Arrays.toString(spec);
      assertTrue(conv.hasInputGrad(g, out), what);
      int image = g.channels() * g.height() * g.width();
      int gradImage = out * g.outH() * g.outW();
      float[] w = values(random, out * g.channels() * g.kernelH() * 5 + 3);
      float[] grad = values(random, 2 * gradImage + 1);
      float[] arranged = conv.inputGradWeight(w, 3, g, out);
      // Two images, the second after a one-element gap; NaN inside (all must be overwritten),
      // sentinels around (none may be touched).
      float[] dx = new float[2 * image + 3];
      Arrays.fill(dx, SENTINEL);
      Arrays.fill(dx, 1, 1 + image, Float.NaN);
      Arrays.fill(dx, 2 + image, 2 + 2 * image, Float.NaN);
      conv.inputGrad(grad, 0, arranged, g, out, dx, 1);
      conv.inputGrad(grad, 1 + gradImage, arranged, g, out, dx, 2 + image);
      assertEquals(SENTINEL, dx[0], what);
      assertEquals(SENTINEL, dx[1 + image], what);
      assertEquals(SENTINEL, dx[2 + 2 * image], what);
      check(g, out, w, 3, grad, 0, dx, 1, what + " image 0");
      check(g, out, w, 3, grad, 1 + gradImage, dx, 2 + image, what + " image 1");
    }
  }

  @Test
  void infinitiesAndNaNsReachExactlyThePositionsTheirProductsReach() {
    Convolutions conv = directKernels();
    Conv2dGeometry g = geometry(new int[] {16, 2, 6, 14, 3, 1, 0});
    int out = 2;
    Random random = new Random(5);
    float[] w = values(random, out * 16 * 3 * 5);
    float[] grad = values(random, out * g.outH() * g.outW());
    w[7] = Float.POSITIVE_INFINITY; // o 0, channel 0, kernel row 1, column 2
    grad[g.outW() + 9] = Float.NaN; // o 0, row 1, column 9: past the first strip
    grad[2] = 0f; // o 0, row 0, column 2: a zero that meets the infinite weight, NaN at (0, 4)
    float[] dx = new float[16 * g.height() * g.width()];
    conv.inputGrad(grad, 0, conv.inputGradWeight(w, 0, g, out), g, out, dx, 0);
    check(g, out, w, 0, grad, 0, dx, 0, "specials");
  }

  @Test
  void declinesWhatItDoesNotCompute() {
    Convolutions conv = directKernels();
    Conv2dGeometry fits = geometry(new int[] {16, 32, 12, 12, 5, 0, 0});
    assertTrue(conv.hasInputGrad(fits, 32));
    Conv2dGeometry[] others = {
      new Conv2dGeometry(16, 12, 12, 5, 3, 0, 0, 1, 1, 1, 1), // kernel width 3
      new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 2, 1, 1, 1), // stride 2
      new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 1, 1, 1, 2), // dilation 2
      new Conv2dGeometry(8, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1), // channels not a whole vector
      new Conv2dGeometry(24, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1),
      new Conv2dGeometry(16, 12, 11, 5, 5, 0, 0, 1, 1, 1, 1), // 7 gradient columns
    };
    for (Conv2dGeometry g : others) {
      assertFalse(conv.hasInputGrad(g, 32), g.toString());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> conv.inputGradWeight(new float[0], 0, g, 32));
      assertTrue(e.getMessage().contains("no direct input gradient"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> conv.inputGrad(new float[0], 0, new float[0], g, 32, new float[0], 0));
    }
    assertFalse(conv.hasInputGrad(fits, 0));
    assertTrue(conv.hasForward(fits, 32));
    Conv2dGeometry[] notForward = {
      new Conv2dGeometry(16, 12, 12, 5, 3, 0, 0, 1, 1, 1, 1), // kernel width 3
      new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 1, 2, 1, 1), // stride 2
      new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 1, 1, 2, 1), // dilation 2
      new Conv2dGeometry(3, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1), // 15 (channel, kernel row) pairs
      new Conv2dGeometry(1, 28, 28, 5, 5, 0, 0, 1, 1, 1, 1), // the CNN's first layer: 5
    };
    for (Conv2dGeometry g : notForward) {
      assertFalse(conv.hasForward(g, 32), g.toString());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> conv.forwardWeight(new float[0], 0, g, 32));
      assertTrue(e.getMessage().contains("no direct forward"), e.getMessage());
    }
    assertFalse(conv.hasForward(fits, 24), "output channels not a whole vector");
    assertFalse(conv.hasForward(fits, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> conv.forward(new float[0], 0, new float[0], null, fits, 24, new float[0], 0));
    assertFalse(Kernels.scalar().convolutions().hasForward(fits, 32));
    assertTrue(conv.hasWeightGrad(fits, 32));
    assertFalse(conv.hasWeightGrad(fits, 31), "an odd number of output channels");
    Conv2dGeometry[] notWeightGrad = {
      new Conv2dGeometry(16, 12, 14, 5, 5, 0, 0, 1, 1, 1, 1), // 10 output columns
      new Conv2dGeometry(8, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1), // channels not a whole vector
      new Conv2dGeometry(16, 12, 12, 5, 3, 0, 0, 1, 1, 1, 1), // kernel width 3
      new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 2, 2, 1, 1), // stride 2
    };
    for (Conv2dGeometry g : notWeightGrad) {
      assertFalse(conv.hasWeightGrad(g, 32), g.toString());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> conv.weightGrad(new float[0], 0, new float[0], 0, 1, g, 32, new float[0], 0));
      assertTrue(e.getMessage().contains("no direct weight gradient"), e.getMessage());
    }
    assertFalse(Kernels.scalar().convolutions().hasWeightGrad(fits, 32));
    assertFalse(Kernels.scalar().convolutions().hasInputGrad(fits, 32));
    assertThrows(
        IllegalStateException.class,
        () -> Kernels.scalar().convolutions().inputGradWeight(new float[0], 0, fits, 32));
  }

  /** The vector provider's kernels, where this machine gives them 16 float lanes. */
  private static Convolutions directKernels() {
    Convolutions conv =
        Kernels.vector().map(KernelProvider::convolutions).orElse(Convolutions.NONE);
    assumeTrue(
        conv.hasInputGrad(geometry(new int[] {16, 32, 12, 12, 5, 0, 0}), 32),
        "no direct convolution kernel here (needs the Vector API with 16 float lanes)");
    return conv;
  }

  private static Conv2dGeometry geometry(int[] s) {
    return new Conv2dGeometry(s[0], s[2], s[3], s[4], 5, s[5], s[6], 1, 1, 1, 1);
  }

  private static float[] values(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  /**
   * y against {@code Σ w[o][c][i][j] · x[c][y - padH + i][x - padW + j] (+ bias[o])} in double,
   * padding multiplying as zeros (as im2col's columns do), within float32 rounding of the terms'
   * magnitudes; non-finite values exactly.
   */
  private static void checkForward(
      Conv2dGeometry g,
      int out,
      float[] w,
      int wOff,
      float[] x,
      int xOff,
      float[] bias,
      float[] y,
      int yOff,
      String what) {
    int kh = g.kernelH();
    for (int o = 0; o < out; o++) {
      for (int r = 0; r < g.outH(); r++) {
        for (int col = 0; col < g.outW(); col++) {
          double sum = 0;
          double magnitude = 0;
          for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < kh; i++) {
              for (int j = 0; j < 5; j++) {
                int yy = r - g.padH() + i;
                int xx = col - g.padW() + j;
                boolean inside = yy >= 0 && yy < g.height() && xx >= 0 && xx < g.width();
                double term =
                    (double) w[wOff + ((o * g.channels() + c) * kh + i) * 5 + j]
                        * (inside ? x[xOff + (c * g.height() + yy) * g.width() + xx] : 0f);
                sum += term;
                magnitude += Math.abs(term);
              }
            }
          }
          if (bias != null) {
            sum = (float) sum + bias[o];
            magnitude += Math.abs(bias[o]);
          }
          expect(
              sum,
              magnitude,
              y[yOff + (o * g.outH() + r) * g.outW() + col],
              what + " o " + o + " y " + r + " x " + col);
        }
      }
    }
  }

  /**
   * dw against {@code Σ_n Σ grad[n][o][y][x] · x[n][c][y - padH + i][x - padW + j]} in double,
   * padding multiplying as zeros, within float32 rounding of the terms' magnitudes.
   */
  private static void checkWeightGrad(
      Conv2dGeometry g,
      int out,
      float[] x,
      int xOff,
      float[] grad,
      int gOff,
      int images,
      float[] dw,
      int dwOff,
      String what) {
    int kh = g.kernelH();
    int image = g.channels() * g.height() * g.width();
    int gradImage = out * g.outH() * g.outW();
    for (int o = 0; o < out; o++) {
      for (int c = 0; c < g.channels(); c++) {
        for (int i = 0; i < kh; i++) {
          for (int j = 0; j < 5; j++) {
            double sum = 0;
            double magnitude = 0;
            for (int n = 0; n < images; n++) {
              for (int r = 0; r < g.outH(); r++) {
                for (int col = 0; col < g.outW(); col++) {
                  int yy = r - g.padH() + i;
                  int xx = col - g.padW() + j;
                  boolean inside = yy >= 0 && yy < g.height() && xx >= 0 && xx < g.width();
                  double term =
                      (double) grad[gOff + n * gradImage + (o * g.outH() + r) * g.outW() + col]
                          * (inside
                              ? x[xOff + n * image + (c * g.height() + yy) * g.width() + xx]
                              : 0f);
                  sum += term;
                  magnitude += Math.abs(term);
                }
              }
            }
            expect(
                sum,
                magnitude,
                dw[dwOff + ((o * g.channels() + c) * kh + i) * 5 + j],
                what + " o " + o + " c " + c + " i " + i + " j " + j);
          }
        }
      }
    }
  }

  private static void expect(double sum, double magnitude, float got, String where) {
    if (Double.isNaN(sum)) {
      assertTrue(Float.isNaN(got), where + ": " + got);
    } else if (Double.isInfinite(sum)) {
      assertEquals((float) sum, got, where);
    } else {
      assertEquals(sum, got, 1e-6 * magnitude + 1e-30, where);
    }
  }

  /**
   * dx against {@code Σ w[o][c][i][j] · grad[o][y + padH - i][x + padW - j]} in double, within
   * float32 rounding of the terms' magnitudes; non-finite values exactly.
   */
  private static void check(
      Conv2dGeometry g,
      int out,
      float[] w,
      int wOff,
      float[] grad,
      int gOff,
      float[] dx,
      int dxOff,
      String what) {
    int kh = g.kernelH();
    for (int c = 0; c < g.channels(); c++) {
      for (int y = 0; y < g.height(); y++) {
        for (int x = 0; x < g.width(); x++) {
          double sum = 0;
          double magnitude = 0;
          for (int o = 0; o < out; o++) {
            for (int i = 0; i < kh; i++) {
              for (int j = 0; j < 5; j++) {
                int gy = y + g.padH() - i;
                int gx = x + g.padW() - j;
                if (gy < 0 || gy >= g.outH() || gx < 0 || gx >= g.outW()) {
                  continue;
                }
                double term =
                    (double) w[wOff + ((o * g.channels() + c) * kh + i) * 5 + j]
                        * grad[gOff + (o * g.outH() + gy) * g.outW() + gx];
                sum += term;
                magnitude += Math.abs(term);
              }
            }
          }
          expect(
              sum,
              magnitude,
              dx[dxOff + (c * g.height() + y) * g.width() + x],
              what + " c " + c + " y " + y + " x " + x);
        }
      }
    }
  }
}
