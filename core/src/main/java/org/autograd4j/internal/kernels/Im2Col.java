package org.autograd4j.internal.kernels;

import java.util.Arrays;

/**
 * im2col / col2im for 2-D convolution on NCHW images, so that a convolution runs as one GEMM per
 * sample (and its input gradient as a GEMM followed by col2im). Data movement that serves every
 * provider; col2im adds its unit-stride runs with the provider's {@link Elementwise#addRows}.
 *
 * <pre>{@code
 * Im2Col.im2col(image, 0, g, col, 0);                                    // col = unfold(image)
 * Im2Col.col2im(Kernels.get().elementwise(), col, 0, g, imageGrad, 0);   // imageGrad += fold(col)
 * }</pre>
 */
public final class Im2Col {
  private Im2Col() {}

  // Both skip the division at stride 1: an integer division costs about as much as copying one
  // of the CNN's 8-wide rows, and each kernel tap of each sample takes four.

  /** Smallest {@code ow >= 0} with {@code ow * stride + offset >= 0}. */
  private static int firstInside(int offset, int stride) {
    return offset >= 0 ? 0 : stride == 1 ? -offset : (-offset + stride - 1) / stride;
  }

  /** Largest {@code ow} with {@code ow * stride + offset < width}, possibly negative. */
  private static int lastInside(int offset, int stride, int width) {
    int limit = width - 1 - offset;
    return limit < 0 ? -1 : stride == 1 ? limit : limit / stride;
  }

  /**
   * Unfolds one {@code channels x height x width} image into the column matrix of a 2-D
   * convolution: row {@code (c * kernelH + ki) * kernelW + kj}, column {@code oh * outW + ow} holds
   * the input pixel under kernel tap {@code (ki, kj)} of channel {@code c} for output position
   * {@code (oh, ow)}, or 0 where the tap falls on the padding. The result is a row-major {@code
   * (channels * kernelH * kernelW) x (outH * outW)} matrix, so the convolution is {@code
   * weight(outChannels x channels*kH*kW) * col}.
   *
   * <p>A tap whose every output row lies inside the image horizontally is copied as one block by
   * {@link Elementwise#copyRows}: its rows are often shorter than a vector (the CNN's second layer,
   * 8 wide), where one arraycopy per row costs 5 ns.
   *
   * @param ew the kernels that copy the blocks of unit-stride runs
   * @param image input image, NCHW layout for one sample
   * @param imageOff offset of the image's first element
   * @param g the convolution geometry
   * @param col destination, {@code g.colRows() * g.colCols()} elements, fully overwritten
   * @param colOff offset of the column matrix
   */
  public static void im2col(
      Elementwise ew, float[] image, int imageOff, Conv2dGeometry g, float[] col, int colOff) {
    // Every tap inside the image at every output position: no runs to work out and no padding to
    // fill, so the kernel takes the whole image in one call.
    if (g.everyTapInside()) {
      ew.unfoldInside(image, imageOff, g, col, colOff);
      return;
    }
    int outH = g.outH();
    int outW = g.outW();
    int plane = g.height() * g.width();
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      int channelOff = imageOff + c * plane;
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, row++) {
          int dst = colOff + row * outH * outW;
          TapRuns runs = g.strideW() == 1 ? TapRuns.of(g, c, ki, kj, dst, imageOff) : null;
          if (runs != null && runs.len() == outW) {
            Arrays.fill(col, dst, runs.col(), 0f);
            ew.copyRows(
                image, runs.image(), runs.imageStride(), col, runs.col(), runs.rows(), outW);
            Arrays.fill(col, runs.col() + runs.rows() * outW, dst + outH * outW, 0f);
            continue;
          }
          int dw = kj * g.dilationW() - g.padW();
          // Output columns whose tap lands inside the image: ow in [owLo, owHi).
          int owLo = Math.min(outW, firstInside(dw, g.strideW()));
          int owHi = Math.max(owLo, Math.min(outW, lastInside(dw, g.strideW(), g.width()) + 1));
          for (int oh = 0; oh < outH; oh++, dst += outW) {
            int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
            if (ih < 0 || ih >= g.height() || owLo >= owHi) {
              Arrays.fill(col, dst, dst + outW, 0f);
              continue;
            }
            Arrays.fill(col, dst, dst + owLo, 0f);
            int src = channelOff + ih * g.width() + dw;
            if (g.strideW() == 1) {
              // The common case: a contiguous run of the input row.
              System.arraycopy(image, src + owLo, col, dst + owLo, owHi - owLo);
            } else {
              for (int ow = owLo; ow < owHi; ow++) {
                col[dst + ow] = image[src + ow * g.strideW()];
              }
            }
            Arrays.fill(col, dst + owHi, dst + outW, 0f);
          }
        }
      }
    }
  }

  /**
   * Where one kernel tap's column row meets the image: {@code rows} runs of {@code len} entries,
   * run {@code i} starting at {@code col + i * outW} in the column matrix and at {@code image + i *
   * imageStride} in the image (whose entries are {@code strideW} apart), covering exactly the
   * output positions whose tap lands inside the image.
   */
  private record TapRuns(int col, int image, int imageStride, int rows, int len) {

    /** The runs of tap {@code (c, ki, kj)}, or null if it never lands inside the image. */
    static TapRuns of(Conv2dGeometry g, int c, int ki, int kj, int colRow, int imageOff) {
      int dw = kj * g.dilationW() - g.padW();
      int owLo = firstInside(dw, g.strideW());
      int owHi = Math.min(g.outW(), lastInside(dw, g.strideW(), g.width()) + 1);
      int dh = ki * g.dilationH() - g.padH();
      int ohLo = firstInside(dh, g.strideH());
      int ohHi = Math.min(g.outH(), lastInside(dh, g.strideH(), g.height()) + 1);
      if (owLo >= owHi || ohLo >= ohHi) {
        return null;
      }
      int image =
          imageOff
              + c * g.height() * g.width()
              + (ohLo * g.strideH() + dh) * g.width()
              + owLo * g.strideW()
              + dw;
      return new TapRuns(
          colRow + ohLo * g.outW() + owLo,
          image,
          g.strideH() * g.width(),
          ohHi - ohLo,
          owHi - owLo);
    }
  }

  /**
   * The adjoint of {@link #im2col(float[], int, Conv2dGeometry, float[], int)}: adds every column
   * entry back onto the image pixel it was copied from (overlapping taps accumulate, padding
   * entries are dropped). The image is accumulated into, not overwritten, so start from zeros for a
   * plain gradient.
   *
   * @param ew the kernels that add the unit-stride runs
   * @param col column matrix, {@code g.colRows() x g.colCols()}
   * @param colOff offset of the column matrix
   * @param g the convolution geometry
   * @param image image gradient to accumulate into, NCHW layout for one sample
   * @param imageOff offset of the image's first element
   */
  public static void col2im(
      Elementwise ew, float[] col, int colOff, Conv2dGeometry g, float[] image, int imageOff) {
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, row++) {
          TapRuns r = TapRuns.of(g, c, ki, kj, colOff + row * g.colCols(), imageOff);
          if (r == null) {
            continue;
          }
          if (g.strideW() == 1) {
            // The common case: unit-stride runs, often one vector long (the CNN's 8-wide rows).
            // One provider call per kernel tap keeps its vector loop inlined over all of them.
            ew.addRows(
                col, r.col(), g.outW(), image, r.image(), r.imageStride(), r.rows(), r.len());
            continue;
          }
          for (int i = 0; i < r.rows(); i++) {
            int dst = r.image() + i * r.imageStride();
            int src = r.col() + i * g.outW();
            for (int q = 0; q < r.len(); q++) {
              image[dst + q * g.strideW()] += col[src + q];
            }
          }
        }
      }
    }
  }

  /**
   * Unfolds one {@code channels x height x width} image into the column matrix of a 2-D
   * convolution: row {@code (c * kernelH + ki) * kernelW + kj}, column {@code oh * outW + ow} holds
   * the input pixel under kernel tap {@code (ki, kj)} of channel {@code c} for output position
   * {@code (oh, ow)}, or 0 where the tap falls on the padding. The result is a row-major {@code
   * (channels * kernelH * kernelW) x (outH * outW)} matrix, so the convolution is {@code
   * weight(outChannels x channels*kH*kW) * col}.
   *
   * @param image input image, NCHW layout for one sample
   * @param imageOff offset of the image's first element
   * @param g the convolution geometry
   * @param col destination, {@code g.colRows() * g.colCols()} elements, fully overwritten
   * @param colOff offset of the column matrix
   */
  public static void im2col(
      double[] image, int imageOff, Conv2dGeometry g, double[] col, int colOff) {
    int outH = g.outH();
    int outW = g.outW();
    int plane = g.height() * g.width();
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      int channelOff = imageOff + c * plane;
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, row++) {
          int dst = colOff + row * outH * outW;
          int dw = kj * g.dilationW() - g.padW();
          // Output columns whose tap lands inside the image: ow in [owLo, owHi).
          int owLo = Math.min(outW, firstInside(dw, g.strideW()));
          int owHi = Math.max(owLo, Math.min(outW, lastInside(dw, g.strideW(), g.width()) + 1));
          for (int oh = 0; oh < outH; oh++, dst += outW) {
            int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
            if (ih < 0 || ih >= g.height() || owLo >= owHi) {
              Arrays.fill(col, dst, dst + outW, 0.0);
              continue;
            }
            Arrays.fill(col, dst, dst + owLo, 0.0);
            int src = channelOff + ih * g.width() + dw;
            if (g.strideW() == 1) {
              // The common case: a contiguous run of the input row.
              System.arraycopy(image, src + owLo, col, dst + owLo, owHi - owLo);
            } else {
              for (int ow = owLo; ow < owHi; ow++) {
                col[dst + ow] = image[src + ow * g.strideW()];
              }
            }
            Arrays.fill(col, dst + owHi, dst + outW, 0.0);
          }
        }
      }
    }
  }

  /**
   * The adjoint of {@link #im2col(double[], int, Conv2dGeometry, double[], int)}: adds every column
   * entry back onto the image pixel it was copied from (overlapping taps accumulate, padding
   * entries are dropped). The image is accumulated into, not overwritten, so start from zeros for a
   * plain gradient.
   *
   * @param ew the kernels that add the unit-stride runs
   * @param col column matrix, {@code g.colRows() x g.colCols()}
   * @param colOff offset of the column matrix
   * @param g the convolution geometry
   * @param image image gradient to accumulate into, NCHW layout for one sample
   * @param imageOff offset of the image's first element
   */
  public static void col2im(
      Elementwise ew, double[] col, int colOff, Conv2dGeometry g, double[] image, int imageOff) {
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, row++) {
          TapRuns r = TapRuns.of(g, c, ki, kj, colOff + row * g.colCols(), imageOff);
          if (r == null) {
            continue;
          }
          if (g.strideW() == 1) {
            // The common case: unit-stride runs, often one vector long (the CNN's 8-wide rows).
            // One provider call per kernel tap keeps its vector loop inlined over all of them.
            ew.addRows(
                col, r.col(), g.outW(), image, r.image(), r.imageStride(), r.rows(), r.len());
            continue;
          }
          for (int i = 0; i < r.rows(); i++) {
            int dst = r.image() + i * r.imageStride();
            int src = r.col() + i * g.outW();
            for (int q = 0; q < r.len(); q++) {
              image[dst + q * g.strideW()] += col[src + q];
            }
          }
        }
      }
    }
  }
}
