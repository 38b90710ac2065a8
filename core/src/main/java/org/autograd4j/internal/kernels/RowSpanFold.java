package org.autograd4j.internal.kernels;

import java.util.Arrays;

/**
 * col2im for stride-1 convolutions, one run of whole vectors per kernel row. The output gradient is
 * laid out on the rows of the padded input ({@link #spread}: output row {@code oh} starts at {@code
 * oh * paddedWidth}, and the entries between rows and after the last are zero), so the columns'
 * gradient {@code Wᵀ · g} comes out in that layout too. Then each tap's entries land on one
 * contiguous run of the padded image, shifted by the tap's offset, and {@link #fold} adds a kernel
 * row's taps onto the image with one {@link Elementwise#addRowSum} of whole vectors, where {@link
 * Im2Col#col2im} adds {@code outH} runs of {@code outW} per tap (8 floats for the CNN's second
 * layer, shorter than a vector).
 *
 * <p>The product gets {@code paddedWidth / outW} times wider (12/8 for that layer), and the zero
 * entries add exact zeros to pixels: each pixel sums its terms in the order and to the bits of
 * {@link Im2Col#col2im} as long as the weight is finite ({@code ∞ · 0} would be NaN).
 *
 * <pre>{@code
 * RowSpanFold fold = new RowSpanFold(g);
 * fold.spread(grad, 0, outChannels, gPadded, 0);          // zeros between rows stay zero
 * // cols (colRows x fold.columns()) = Wᵀ · gPadded (outChannels x fold.columns())
 * fold.fold(ew, cols, 0, planes, imageGrad, 0);            // imageGrad = fold(cols)
 * }</pre>
 */
public final class RowSpanFold {
  private final Conv2dGeometry g;
  private final int paddedWidth;
  private final int columns;
  private final int planeStride;

  /**
   * Whether {@link #fold} adds straight into the image: no padding, and no run reaches past its
   * plane (the CNN's second layer), so the planes are the image's own.
   */
  private final boolean direct;

  /**
   * The layout for geometry {@code g}.
   *
   * @param g a convolution geometry with stride 1 in both directions
   * @throws IllegalArgumentException if a stride is not 1
   */
  public RowSpanFold(Conv2dGeometry g) {
    if (!applies(g)) {
      throw new IllegalArgumentException("a row-span fold needs stride 1: " + g);
    }
    this.g = g;
    this.paddedWidth = g.width() + 2 * g.padW();
    // From the first output entry to the last valid one: (outH - 1) whole padded rows and outW.
    int span = (g.outH() - 1) * paddedWidth + g.outW();
    // Each row ends in at least (kernelW - 1) * dilationW zeros, which fold() reads as the entries
    // before the next row's start; rounded up to whole 16-float vectors.
    int shift = (g.kernelW() - 1) * g.dilationW();
    this.columns = (span + shift + 15) / 16 * 16;
    int paddedPlane = (g.height() + 2 * g.padH()) * paddedWidth;
    // The last kernel row's run starts (kernelH - 1) * dilationH padded rows down.
    this.planeStride =
        Math.max(paddedPlane, (g.kernelH() - 1) * g.dilationH() * paddedWidth + columns);
    this.direct = g.padH() == 0 && g.padW() == 0 && planeStride == paddedPlane;
  }

  /**
   * Whether a geometry can use this layout.
   *
   * @param g a convolution geometry
   * @return true if both strides are 1
   */
  public static boolean applies(Conv2dGeometry g) {
    return g.strideH() == 1 && g.strideW() == 1;
  }

  /**
   * Returns the output positions per channel in this layout, the GEMM's column count.
   *
   * @return at least {@code g.colCols()}
   */
  public int columns() {
    return columns;
  }

  /**
   * Returns the floats of the scratch planes {@link #fold} needs.
   *
   * @return {@code channels} padded planes, each with room for a run's zero tail; 0 if the fold
   *     goes straight into the image
   */
  public int planeFloats() {
    return direct ? 0 : g.channels() * planeStride;
  }

  /**
   * Copies an output gradient {@code (channels, outH * outW)} into this layout, {@code (channels,
   * columns())}. Writes only the valid entries: the caller zeroes {@code out} once.
   *
   * @param grad the output gradient of one sample (and group)
   * @param gradOff offset of its first element
   * @param channels its channels (rows)
   * @param out destination, {@code channels * columns()} floats from {@code outOff}
   * @param outOff offset of the destination
   */
  public void spread(float[] grad, int gradOff, int channels, float[] out, int outOff) {
    int outH = g.outH();
    int outW = g.outW();
    for (int o = 0; o < channels; o++) {
      int src = gradOff + o * outH * outW;
      int dst = outOff + o * columns;
      for (int oh = 0; oh < outH; oh++) {
        System.arraycopy(grad, src + oh * outW, out, dst + oh * paddedWidth, outW);
      }
    }
  }

  /**
   * Sets one sample's image gradient to the fold of its columns' gradient in this layout: the same
   * bits as {@link Im2Col#col2im} of the same gradient (in its layout) onto a zero image.
   *
   * @param ew the kernels that add the runs
   * @param cols columns' gradient, {@code g.colRows() x columns()}
   * @param colsOff offset of its first element
   * @param planes scratch of at least {@link #planeFloats()} floats, overwritten
   * @param image the sample's image gradient, {@code channels x height x width}, overwritten
   * @param imageOff offset of its first element
   */
  public void fold(
      Elementwise ew, float[] cols, int colsOff, float[] planes, float[] image, int imageOff) {
    int plane = g.height() * g.width();
    if (direct) {
      Arrays.fill(image, imageOff, imageOff + g.channels() * plane, 0f);
      addRuns(ew, cols, colsOff, image, imageOff);
      return;
    }
    Arrays.fill(planes, 0, planeFloats(), 0f);
    addRuns(ew, cols, colsOff, planes, 0);
    for (int c = 0; c < g.channels(); c++) {
      ew.copyRows(
          planes,
          c * planeStride + g.padH() * paddedWidth + g.padW(),
          paddedWidth,
          image,
          imageOff + c * plane,
          g.height(),
          g.width());
    }
  }

  /** Adds every tap's run onto {@code channels} planes {@code planeStride} apart. */
  private void addRuns(Elementwise ew, float[] cols, int colsOff, float[] planes, int planesOff) {
    int kh = g.kernelH();
    int kw = g.kernelW();
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < kh; ki++) {
        // Tap kj's entry q belongs at plane position kj * dilationW + q, so position x sums
        // entries x - kj * dilationW of the kw rows: rows read columns - dilationW apart. Before
        // its start, a row reads the zeros that end the row above; positions from `columns` on
        // would receive only zeros and are skipped.
        int row = (c * kh + ki) * kw;
        ew.addRowSum(
            cols,
            colsOff + row * columns,
            columns - g.dilationW(),
            kw,
            planes,
            planesOff + c * planeStride + ki * g.dilationH() * paddedWidth,
            columns);
      }
    }
  }
}
