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
    int sw = g.strideW();
    int outW = g.outW();
    int k = g.colRows();
    // Output columns [owLo, owHi) have every tap of a kernel row inside the image: there the copy
    // needs no bounds tests, which takes a quarter off this loop's time.
    int owLo = Math.min(outW, (g.padW() + sw - 1) / sw);
    int lastStart = width - 1 - (kw - 1) * dw + g.padW(); // the largest inside ow * sw
    int owHi = lastStart < 0 ? owLo : Math.max(owLo, Math.min(outW, lastStart / sw + 1));
    for (int oh = 0; oh < g.outH(); oh++) {
      for (int c = 0; c < g.channels(); c++) {
        for (int ki = 0; ki < g.kernelH(); ki++) {
          int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
          int first = rowsOff + oh * outW * k + (c * g.kernelH() + ki) * kw;
          if (ih < 0 || ih >= g.height()) {
            for (int ow = 0, dst = first; ow < outW; ow++, dst += k) {
              Arrays.fill(rows, dst, dst + kw, 0f);
            }
            continue;
          }
          // Input index of tap (ow, kj) is rowStart + ow * sw + kj * dw.
          int rowStart = imageOff + c * plane + ih * width - g.padW();
          border(image, rowStart, g, 0, owLo, rows, first);
          for (int ow = owLo, dst = first + owLo * k; ow < owHi; ow++, dst += k) {
            int src = rowStart + ow * sw;
            for (int kj = 0; kj < kw; kj++) {
              rows[dst + kj] = image[src + kj * dw];
            }
          }
          border(image, rowStart, g, owHi, outW, rows, first);
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
    int sw = g.strideW();
    int outW = g.outW();
    int k = g.colRows();
    // Output columns [owLo, owHi) have every tap of a kernel row inside the image: there the copy
    // needs no bounds tests, which takes a quarter off this loop's time.
    int owLo = Math.min(outW, (g.padW() + sw - 1) / sw);
    int lastStart = width - 1 - (kw - 1) * dw + g.padW(); // the largest inside ow * sw
    int owHi = lastStart < 0 ? owLo : Math.max(owLo, Math.min(outW, lastStart / sw + 1));
    for (int oh = 0; oh < g.outH(); oh++) {
      for (int c = 0; c < g.channels(); c++) {
        for (int ki = 0; ki < g.kernelH(); ki++) {
          int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
          int first = rowsOff + oh * outW * k + (c * g.kernelH() + ki) * kw;
          if (ih < 0 || ih >= g.height()) {
            for (int ow = 0, dst = first; ow < outW; ow++, dst += k) {
              Arrays.fill(rows, dst, dst + kw, 0.0);
            }
            continue;
          }
          // Input index of tap (ow, kj) is rowStart + ow * sw + kj * dw.
          int rowStart = imageOff + c * plane + ih * width - g.padW();
          border(image, rowStart, g, 0, owLo, rows, first);
          for (int ow = owLo, dst = first + owLo * k; ow < owHi; ow++, dst += k) {
            int src = rowStart + ow * sw;
            for (int kj = 0; kj < kw; kj++) {
              rows[dst + kj] = image[src + kj * dw];
            }
          }
          border(image, rowStart, g, owHi, outW, rows, first);
        }
      }
    }
  }

  /**
   * The taps of output columns {@code [from, to)} of one kernel row, some of which fall on the
   * padding; {@code rowStart + ow * strideW + kj * dilationW} is the input index of tap {@code kj}.
   */
  private static void border(
      float[] image, int rowStart, Conv2dGeometry g, int from, int to, float[] rows, int first) {
    int k = g.colRows();
    for (int ow = from, dst = first + from * k; ow < to; ow++, dst += k) {
      int iw0 = ow * g.strideW() - g.padW();
      for (int kj = 0; kj < g.kernelW(); kj++) {
        int iw = iw0 + kj * g.dilationW();
        int src = rowStart + ow * g.strideW() + kj * g.dilationW();
        rows[dst + kj] = iw >= 0 && iw < g.width() ? image[src] : 0f;
      }
    }
  }

  /**
   * The taps of output columns {@code [from, to)} of one kernel row, some of which fall on the
   * padding; {@code rowStart + ow * strideW + kj * dilationW} is the input index of tap {@code kj}.
   */
  private static void border(
      double[] image, int rowStart, Conv2dGeometry g, int from, int to, double[] rows, int first) {
    int k = g.colRows();
    for (int ow = from, dst = first + from * k; ow < to; ow++, dst += k) {
      int iw0 = ow * g.strideW() - g.padW();
      for (int kj = 0; kj < g.kernelW(); kj++) {
        int iw = iw0 + kj * g.dilationW();
        int src = rowStart + ow * g.strideW() + kj * g.dilationW();
        rows[dst + kj] = iw >= 0 && iw < g.width() ? image[src] : 0.0;
      }
    }
  }
}
