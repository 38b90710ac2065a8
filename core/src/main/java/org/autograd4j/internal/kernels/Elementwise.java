package org.autograd4j.internal.kernels;

/**
 * Elementwise kernels on contiguous runs of {@code float[]} and {@code double[]}. Every method
 * processes {@code n} consecutive elements starting at the given offsets; the vectorised and scalar
 * providers give bit-identical results for everything except {@code exp}.
 */
public interface Elementwise {

  /**
   * Elementwise {@code out[i] = a[i] + b[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * an input at the same offset.
   *
   * @param a first operand
   * @param aOff offset of {@code a[0]}
   * @param b second operand
   * @param bOff offset of {@code b[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] - b[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * an input at the same offset.
   *
   * @param a first operand
   * @param aOff offset of {@code a[0]}
   * @param b second operand
   * @param bOff offset of {@code b[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] * b[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * an input at the same offset.
   *
   * @param a first operand
   * @param aOff offset of {@code a[0]}
   * @param b second operand
   * @param bOff offset of {@code b[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] / b[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * an input at the same offset.
   *
   * @param a first operand
   * @param aOff offset of {@code a[0]}
   * @param b second operand
   * @param bOff offset of {@code b[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] + s} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] - s} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void subScalar(float[] a, int aOff, float s, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = s - a[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void rsubScalar(float[] a, int aOff, float s, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] * s} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void mulScalar(float[] a, int aOff, float s, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] / s} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void divScalar(float[] a, int aOff, float s, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = s / a[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void rdivScalar(float[] a, int aOff, float s, float[] out, int outOff, int n);

  /**
   * {@code y[i] += alpha * x[i]} (BLAS axpy), computed as a multiply then an add so that every
   * provider rounds identically.
   *
   * @param alpha scale of {@code x}
   * @param x source
   * @param xOff offset of {@code x[0]}
   * @param y accumulated destination
   * @param yOff offset of {@code y[0]}
   * @param n number of elements
   */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * Adds {@code rows} runs of {@code len} elements: {@code out[outOff + r * outStride + i] +=
   * x[xOff + r * xStride + i]} for {@code r < rows, i < len}. col2im folds one kernel row onto the
   * image with one call instead of one per output row, so the vector loop stays inlined. Runs of
   * {@code out} must not overlap each other ({@code outStride >= len}). Nothing outside the runs is
   * written, not even with its own value: threads fold neighbouring samples at the same time.
   *
   * <pre>{@code
   * // image rows 0 and 2 (width 4) += the two rows of a 2 x 3 block, from column 1 on
   * elementwise.addRows(block, 0, 3, image, 1, 8, 2, 3);
   * }</pre>
   *
   * @param x the runs to add
   * @param xOff offset of the first run of {@code x}
   * @param xStride distance between runs of {@code x}
   * @param out the destination, accumulated into
   * @param outOff offset of the first run of {@code out}
   * @param outStride distance between runs of {@code out}
   * @param rows number of runs
   * @param len elements per run
   */
  void addRows(
      float[] x, int xOff, int xStride, float[] out, int outOff, int outStride, int rows, int len);

  /**
   * Adds {@code rows} runs of {@code x}, in order, onto one run of {@code out}: {@code out[outOff +
   * i] = (..((out[outOff + i] + x[xOff + i]) + x[xOff + xStride + i]) + ..)} for {@code i < len},
   * so each element sums its terms in the same order as {@code rows} calls of {@link #addRows}
   * would. Runs of {@code x} may overlap ({@code xStride < len}). {@link RowSpanFold} adds a kernel
   * row's taps onto an image row with one load and store of the image per vector; one addRows per
   * tap reloads vectors stored one float away, which the CPU cannot forward from its store buffer.
   *
   * <pre>{@code
   * // out[0..4) += x[0..4) + x[3..7)
   * elementwise.addRowSum(x, 0, 3, 2, out, 0, 4);
   * }</pre>
   *
   * @param x the runs to add
   * @param xOff offset of the first run of {@code x}
   * @param xStride distance between runs of {@code x}
   * @param rows number of runs
   * @param out the destination, accumulated into
   * @param outOff offset of the run of {@code out}
   * @param len elements per run
   */
  void addRowSum(float[] x, int xOff, int xStride, int rows, float[] out, int outOff, int len);

  /**
   * Copies {@code rows} runs of {@code len} elements that lie back to back in {@code out}: {@code
   * out[outOff + r * len + i] = x[xOff + r * xStride + i]} for {@code r < rows, i < len}. im2col
   * unfolds one kernel tap with one call; its runs are often shorter than a vector (the CNN's
   * 8-wide rows), too short for {@link System#arraycopy} to pay off.
   *
   * <pre>{@code
   * // rows 1 and 2 of a 4-wide image, from column 1, as one 2 x 3 block
   * elementwise.copyRows(image, 5, 4, block, 0, 2, 3);
   * }</pre>
   *
   * @param x the runs to copy
   * @param xOff offset of the first run of {@code x}
   * @param xStride distance between runs of {@code x}
   * @param out the destination, {@code rows * len} elements overwritten
   * @param outOff offset of the first run of {@code out}
   * @param rows number of runs
   * @param len elements per run
   */
  void copyRows(float[] x, int xOff, int xStride, float[] out, int outOff, int rows, int len);

  /**
   * im2col of one image for a convolution whose every kernel tap lies inside the image at every
   * output position ({@link Conv2dGeometry#everyTapInside}): row {@code (c * kernelH + ki) *
   * kernelW + kj} of {@code out} holds the {@code outH x outW} window of channel {@code c} at
   * {@code (ki, kj)}. By default one {@link #copyRows} per tap; one call per image lets a kernel
   * keep the taps' loop with the copies: the CNN's second layer has 400 taps of 8 x 8, where the
   * per-tap work around the copy cost as much as the copy.
   *
   * <pre>{@code
   * // a 1 x 3 x 3 image, 2 x 2 kernel: 4 rows of 2 x 2 windows
   * elementwise.unfoldInside(image, 0, new Conv2dGeometry(1, 3, 3, 2, 2, 0, 0, 1, 1, 1, 1), col, 0);
   * }</pre>
   *
   * @param x the images, NCHW
   * @param xOff offset of this image's first element
   * @param g the convolution's geometry, every tap inside the image
   * @param out the column matrix, {@code g.colRows() * g.colCols()} elements overwritten
   * @param outOff offset of the column matrix
   */
  default void unfoldInside(float[] x, int xOff, Conv2dGeometry g, float[] out, int outOff) {
    int dst = outOff;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, dst += g.colCols()) {
          int src = xOff + (c * g.height() + ki) * g.width() + kj;
          copyRows(x, src, g.width(), out, dst, g.outH(), g.outW());
        }
      }
    }
  }

  /**
   * In place {@code x[i] *= alpha} (BLAS scal).
   *
   * @param alpha the factor
   * @param x the array, scaled in place
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   */
  void scale(float alpha, float[] x, int xOff, int n);

  /**
   * {@code out[i] = x[i] < 0 ? 0 : x[i]}, PyTorch's relu: NaN and -0 pass through.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination, may alias {@code x}
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void relu(float[] x, int xOff, float[] out, int outOff, int n);

  /**
   * The ReLU gradient: {@code out[i] = x[i] > 0 ? grad[i] : 0}, where {@code x} is the forward
   * input (or output: both are positive at the same places).
   *
   * @param grad incoming gradient
   * @param gOff offset of {@code grad[0]}
   * @param x forward input
   * @param xOff offset of {@code x[0]}
   * @param out destination, may alias {@code grad}
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void reluBackward(float[] grad, int gOff, float[] x, int xOff, float[] out, int outOff, int n);

  /**
   * {@code out[i] = exp(x[i])}, within a few ulps of {@link Math#exp} (exactly it in the scalar
   * provider), with IEEE behaviour at the edges: overflow to +inf, underflow through subnormals to
   * 0, NaN to NaN.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination, may alias {@code x}
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void exp(float[] x, int xOff, float[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] + b[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * an input at the same offset.
   *
   * @param a first operand
   * @param aOff offset of {@code a[0]}
   * @param b second operand
   * @param bOff offset of {@code b[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void add(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] - b[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * an input at the same offset.
   *
   * @param a first operand
   * @param aOff offset of {@code a[0]}
   * @param b second operand
   * @param bOff offset of {@code b[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void sub(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] * b[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * an input at the same offset.
   *
   * @param a first operand
   * @param aOff offset of {@code a[0]}
   * @param b second operand
   * @param bOff offset of {@code b[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void mul(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] / b[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * an input at the same offset.
   *
   * @param a first operand
   * @param aOff offset of {@code a[0]}
   * @param b second operand
   * @param bOff offset of {@code b[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void div(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] + s} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void addScalar(double[] a, int aOff, double s, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] - s} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void subScalar(double[] a, int aOff, double s, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = s - a[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void rsubScalar(double[] a, int aOff, double s, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] * s} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void mulScalar(double[] a, int aOff, double s, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = a[i] / s} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void divScalar(double[] a, int aOff, double s, double[] out, int outOff, int n);

  /**
   * Elementwise {@code out[i] = s / a[i]} for {@code i} in {@code [0, n)}; {@code out} may alias
   * {@code a} at the same offset.
   *
   * @param a array operand
   * @param aOff offset of {@code a[0]}
   * @param s scalar operand
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void rdivScalar(double[] a, int aOff, double s, double[] out, int outOff, int n);

  /**
   * {@code y[i] += alpha * x[i]} (BLAS axpy), computed as a multiply then an add so that every
   * provider rounds identically.
   *
   * @param alpha scale of {@code x}
   * @param x source
   * @param xOff offset of {@code x[0]}
   * @param y accumulated destination
   * @param yOff offset of {@code y[0]}
   * @param n number of elements
   */
  void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n);

  /**
   * Adds {@code rows} runs of {@code len} elements: {@code out[outOff + r * outStride + i] +=
   * x[xOff + r * xStride + i]} for {@code r < rows, i < len}. col2im folds one kernel row onto the
   * image with one call instead of one per output row, so the vector loop stays inlined. Runs of
   * {@code out} must not overlap each other ({@code outStride >= len}).
   *
   * <pre>{@code
   * // image rows 0 and 2 (width 4) += the two rows of a 2 x 3 block, from column 1 on
   * elementwise.addRows(block, 0, 3, image, 1, 8, 2, 3);
   * }</pre>
   *
   * @param x the runs to add
   * @param xOff offset of the first run of {@code x}
   * @param xStride distance between runs of {@code x}
   * @param out the destination, accumulated into
   * @param outOff offset of the first run of {@code out}
   * @param outStride distance between runs of {@code out}
   * @param rows number of runs
   * @param len elements per run
   */
  void addRows(
      double[] x,
      int xOff,
      int xStride,
      double[] out,
      int outOff,
      int outStride,
      int rows,
      int len);

  /**
   * In place {@code x[i] *= alpha} (BLAS scal).
   *
   * @param alpha the factor
   * @param x the array, scaled in place
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   */
  void scale(double alpha, double[] x, int xOff, int n);

  /**
   * {@code out[i] = x[i] < 0 ? 0 : x[i]}, PyTorch's relu: NaN and -0 pass through.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination, may alias {@code x}
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void relu(double[] x, int xOff, double[] out, int outOff, int n);

  /**
   * The ReLU gradient: {@code out[i] = x[i] > 0 ? grad[i] : 0}, where {@code x} is the forward
   * input (or output: both are positive at the same places).
   *
   * @param grad incoming gradient
   * @param gOff offset of {@code grad[0]}
   * @param x forward input
   * @param xOff offset of {@code x[0]}
   * @param out destination, may alias {@code grad}
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void reluBackward(double[] grad, int gOff, double[] x, int xOff, double[] out, int outOff, int n);

  /**
   * {@code out[i] = exp(x[i])}, within a few ulps of {@link Math#exp} (exactly it in the scalar
   * provider), with IEEE behaviour at the edges: overflow to +inf, underflow through subnormals to
   * 0, NaN to NaN.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination, may alias {@code x}
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void exp(double[] x, int xOff, double[] out, int outOff, int n);
}
