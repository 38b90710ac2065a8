package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** im2col against its definition, col2im as its adjoint, and conv as im2col + GEMM. */
class Im2ColTest {

  /** {channels, h, w, kh, kw, padH, padW, strideH, strideW, dilH, dilW}. */
  private static final int[][] GEOMETRIES = {
    {1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1},
    {2, 5, 6, 3, 3, 1, 1, 1, 1, 1, 1},
    {3, 7, 5, 3, 2, 0, 1, 2, 1, 1, 1},
    {1, 9, 9, 3, 3, 2, 2, 2, 3, 2, 2},
    {2, 4, 4, 1, 1, 3, 3, 1, 2, 1, 1},
    {1, 3, 8, 2, 5, 1, 4, 1, 1, 1, 1},
    {2, 6, 7, 3, 3, 0, 0, 3, 3, 1, 1},
    // Whole rows inside the image (one block per tap): 8, 24, 3, 16 and 17 wide, and with
    // vertical padding only.
    {16, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1},
    {1, 28, 28, 5, 5, 0, 0, 1, 1, 1, 1},
    {3, 5, 5, 3, 3, 0, 0, 1, 1, 1, 1},
    {2, 18, 18, 3, 3, 0, 0, 1, 1, 1, 1},
    {1, 4, 19, 2, 3, 0, 0, 1, 1, 1, 1},
    {2, 10, 9, 3, 3, 1, 0, 1, 1, 1, 1},
    // Unfolded whole (Elementwise.unfoldInside), around the vector widths: windows half a 16-lane
    // vector wide over an odd number of rows, half an 8-lane one, exactly two 16-lane ones, and
    // one float more.
    {2, 11, 12, 5, 5, 0, 0, 1, 1, 1, 1},
    {1, 7, 6, 3, 3, 0, 0, 1, 1, 1, 1},
    {1, 4, 34, 3, 3, 0, 0, 1, 1, 1, 1},
    {2, 3, 35, 2, 3, 0, 0, 1, 1, 1, 1},
  };

  private static Conv2dGeometry geometry(int[] g) {
    return new Conv2dGeometry(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10]);
  }

  @Test
  void im2colMatchesDefinitionAndCol2imIsItsAdjoint() {
    Random random = new Random(8);
    for (int[] spec : GEOMETRIES) {
      Conv2dGeometry g = geometry(spec);
      int imageSize = g.channels() * g.height() * g.width();
      int colSize = g.colRows() * g.colCols();
      float[] image = TestData.floats(random, 2 + imageSize, 1f, false);
      // The image ends its array and the columns end theirs, so reads and writes near both ends
      // are checked against the bounds.
      float[] col = TestData.floats(random, 3 + colSize, 1f, false);
      Im2Col.im2col(new ScalarKernelProvider().elementwise(), image, 2, g, col, 3);
      for (KernelProvider provider : Providers.all()) {
        float[] providerCol = TestData.floats(random, 3 + colSize, 1f, false);
        Im2Col.im2col(provider.elementwise(), image, 2, g, providerCol, 3);
        for (int i = 0; i < colSize; i++) {
          assertEquals(col[3 + i], providerCol[3 + i], "im2col " + provider.name() + " " + g);
        }
      }
      double[] imageD = new double[imageSize];
      for (int i = 0; i < imageSize; i++) {
        imageD[i] = image[2 + i];
      }
      double[] colD = new double[colSize];
      Im2Col.im2col(imageD, 0, g, colD, 0);
      for (int c = 0; c < g.channels(); c++) {
        for (int ki = 0; ki < g.kernelH(); ki++) {
          for (int kj = 0; kj < g.kernelW(); kj++) {
            int row = (c * g.kernelH() + ki) * g.kernelW() + kj;
            for (int oh = 0; oh < g.outH(); oh++) {
              for (int ow = 0; ow < g.outW(); ow++) {
                int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
                int iw = ow * g.strideW() - g.padW() + kj * g.dilationW();
                boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
                float expected = inside ? image[2 + (c * g.height() + ih) * g.width() + iw] : 0f;
                int at = row * g.colCols() + oh * g.outW() + ow;
                assertEquals(expected, col[3 + at], "im2col " + g);
                assertEquals(expected, colD[at], 0.0, "im2col double " + g);
              }
            }
          }
        }
      }
      // Adjoint: <im2col(x), y> == <x, col2im(y)>.
      double[] y = TestData.doubles(random, colSize, 1, false);
      double[] back = new double[imageSize];
      Im2Col.col2im(new ScalarKernelProvider().elementwise(), y, 0, g, back, 0);
      double lhs = 0;
      for (int i = 0; i < colSize; i++) {
        lhs += colD[i] * y[i];
      }
      double rhs = 0;
      for (int i = 0; i < imageSize; i++) {
        rhs += imageD[i] * back[i];
      }
      assertEquals(lhs, rhs, 1e-9 * (1 + Math.abs(lhs)), "col2im adjoint " + g);
      float[] yf = new float[colSize];
      for (int i = 0; i < colSize; i++) {
        yf[i] = (float) y[i];
      }
      for (KernelProvider provider : Providers.all()) {
        float[] backF = new float[imageSize + 1];
        Im2Col.col2im(provider.elementwise(), yf, 0, g, backF, 1);
        double[] backD = new double[imageSize];
        Im2Col.col2im(provider.elementwise(), y, 0, g, backD, 0);
        for (int i = 0; i < imageSize; i++) {
          assertEquals(back[i], backF[1 + i], 1e-5, "col2im float " + provider.name() + " " + g);
          assertEquals(back[i], backD[i], 1e-12, "col2im double " + provider.name() + " " + g);
        }
      }
    }
  }

  @Test
  void convolutionAsIm2colPlusGemmMatchesDirectLoop() {
    Random random = new Random(9);
    Conv2dGeometry g = new Conv2dGeometry(3, 8, 9, 3, 3, 1, 1, 2, 1, 1, 2);
    int outChannels = 4;
    float[] image = TestData.floats(random, g.channels() * g.height() * g.width(), 1f, false);
    float[] weight = TestData.floats(random, outChannels * g.colRows(), 1f, false);
    float[] col = new float[g.colRows() * g.colCols()];
    Im2Col.im2col(Kernels.get().elementwise(), image, 0, g, col, 0);
    float[] out = new float[outChannels * g.colCols()];
    int k = g.colRows();
    int n = g.colCols();
    Kernels.get()
        .gemm()
        .sgemm(false, false, outChannels, n, k, 1f, weight, 0, k, col, 0, n, 0f, out, 0, n);
    for (int o = 0; o < outChannels; o++) {
      for (int oh = 0; oh < g.outH(); oh++) {
        for (int ow = 0; ow < g.outW(); ow++) {
          double sum = 0;
          for (int c = 0; c < g.channels(); c++) {
            for (int ki = 0; ki < 3; ki++) {
              for (int kj = 0; kj < 3; kj++) {
                int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
                int iw = ow * g.strideW() - g.padW() + kj * g.dilationW();
                if (ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width()) {
                  sum +=
                      weight[((o * g.channels() + c) * 3 + ki) * 3 + kj]
                          * image[(c * g.height() + ih) * g.width() + iw];
                }
              }
            }
          }
          assertEquals(sum, out[(o * g.outH() + oh) * g.outW() + ow], 1e-5);
        }
      }
    }
  }

  @Test
  void geometryRejectsImpossibleShapes() {
    assertThrows(
        IllegalArgumentException.class, () -> new Conv2dGeometry(1, 2, 2, 3, 3, 0, 0, 1, 1, 1, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new Conv2dGeometry(1, 5, 5, 3, 3, 0, 0, 0, 1, 1, 1));
    assertEquals(3, new Conv2dGeometry(1, 5, 5, 3, 3, 0, 0, 1, 1, 1, 1).outH());
  }
}
