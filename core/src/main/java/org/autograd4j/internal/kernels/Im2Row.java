package org.autograd4j.internal.kernels;

import java.util.Arrays;

/**
 * im2row: the transpose of {@link Im2Col}'s column matrix, one row per output position. A
 * convolution's weight gradient is {@code Σ_n g_n · col_nᵀ}; with the rows written directly, the
 * GEMM reads {@code col_nᵀ} as a plain row-major operand and packs it with straight copies instead
 * of transposing it element by element, which was the largest cost of the CNN's backward pass.
 */
public final class Im2Row {
  private Im2Row() {}

  /**
   * Writes the {@code (outH * outW) x (channels * kernelH * kernelW)} row matrix of one image: row
   * {@code oh * outW + ow}, column {@code (c * kernelH + ki) * kernelW + kj} holds the input pixel
   * under kernel tap {@code (ki, kj)} of channel {@code c} for output position {@code (oh, ow)}, or
   * 0 on the padding; the transpose of {@link Im2Col#im2col(float[], int, Conv2dGeometry, float[],
   * int)}.
   *
   * <pre>{@code
   * float[] rows = new float[g.colCols() * g.colRows()];
   * Im2Row.im2row(image, 0, g, rows, 0);
   * }</pre>
   *
   * @param image input image, NCHW layout for one sample
   * @param imageOff offset of the image's first element
   * @param g the convolution geometry
   * @param rows destination, {@code g.colCols() * g.colRows()} elements, fully overwritten
   * @param rowsOff offset of the row matrix
   */
  public static void im2row(
      float[] image, int imageOff, Conv2dGeometry g, float[] rows, int rowsOff) {
    int width = g.width();
    int plane = g.height() * width;
    int kw = g.kernelW();
    int dw = g.dilationW();
    int dst = rowsOff;
    for (int oh = 0; oh < g.outH(); oh++) {
      for (int ow = 0; ow < g.outW(); ow++) {
        int w0 = ow * g.strideW() - g.padW();
        // Away from the left and right borders every tap of a kernel row is inside the image: a
        // plain strided copy, the common case that has to be fast.
        boolean colsInside = w0 >= 0 && w0 + (kw - 1) * dw < width;
        for (int c = 0; c < g.channels(); c++) {
          int channelOff = imageOff + c * plane;
          for (int ki = 0; ki < g.kernelH(); ki++, dst += kw) {
            int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
            if (ih < 0 || ih >= g.height()) {
              Arrays.fill(rows, dst, dst + kw, 0f);
              continue;
            }
            int src = channelOff + ih * width + w0;
            if (colsInside) {
              for (int kj = 0; kj < kw; kj++) {
                rows[dst + kj] = image[src + kj * dw];
              }
            } else {
              for (int kj = 0; kj < kw; kj++) {
                int iw = w0 + kj * dw;
                rows[dst + kj] = iw >= 0 && iw < width ? image[src + kj * dw] : 0f;
              }
            }
          }
        }
      }
    }
  }

  /**
   * The float64 twin of {@link #im2row(float[], int, Conv2dGeometry, float[], int)}.
   *
   * @param image input image, NCHW layout for one sample
   * @param imageOff offset of the image's first element
   * @param g the convolution geometry
   * @param rows destination, {@code g.colCols() * g.colRows()} elements, fully overwritten
   * @param rowsOff offset of the row matrix
   */
  public static void im2row(
      double[] image, int imageOff, Conv2dGeometry g, double[] rows, int rowsOff) {
    int width = g.width();
    int plane = g.height() * width;
    int kw = g.kernelW();
    int dw = g.dilationW();
    int dst = rowsOff;
    for (int oh = 0; oh < g.outH(); oh++) {
      for (int ow = 0; ow < g.outW(); ow++) {
        int w0 = ow * g.strideW() - g.padW();
        // Away from the left and right borders every tap of a kernel row is inside the image: a
        // plain strided copy, the common case that has to be fast.
        boolean colsInside = w0 >= 0 && w0 + (kw - 1) * dw < width;
        for (int c = 0; c < g.channels(); c++) {
          int channelOff = imageOff + c * plane;
          for (int ki = 0; ki < g.kernelH(); ki++, dst += kw) {
            int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
            if (ih < 0 || ih >= g.height()) {
              Arrays.fill(rows, dst, dst + kw, 0.0);
              continue;
            }
            int src = channelOff + ih * width + w0;
            if (colsInside) {
              for (int kj = 0; kj < kw; kj++) {
                rows[dst + kj] = image[src + kj * dw];
              }
            } else {
              for (int kj = 0; kj < kw; kj++) {
                int iw = w0 + kj * dw;
                rows[dst + kj] = iw >= 0 && iw < width ? image[src + kj * dw] : 0.0;
              }
            }
          }
        }
      }
    }
  }
}
