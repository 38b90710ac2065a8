package org.autograd4j.internal.kernels;

/**
 * Reductions over contiguous runs of {@code float[]} and {@code double[]}, and the row-wise softmax
 * built on them. Results of the vectorised and scalar providers agree to within rounding (summation
 * order differs).
 */
public interface Reductions {

  /**
   * Returns {@code x[0] + ... + x[n-1]}, accumulated with more precision than a naive loop (the
   * result may differ between providers in the last bits).
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   * @return the sum, 0 when {@code n == 0}
   */
  float sum(float[] x, int xOff, int n);

  /**
   * Returns {@code x[0] + ... + x[n-1]} accumulated in double, each float widened exactly, as the
   * general path of a float32 reduction adds its double copy (the order of the additions is the
   * provider's, so the last bits of the double may differ between providers).
   *
   * <pre>{@code
   * double mean = reductions.sumInDouble(x, 0, x.length) / x.length;
   * }</pre>
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   * @return the double sum, 0 when {@code n == 0}
   */
  double sumInDouble(float[] x, int xOff, int n);

  /**
   * Returns the sum of {@code (x[i] - mean)^2} over {@code n} elements, in double as {@link
   * #sumInDouble}: the numerator of a variance, or with {@code mean} 0 the square of a 2-norm.
   *
   * <pre>{@code
   * double norm = Math.sqrt(reductions.sumOfSquaredDeviations(x, 0, x.length, 0));
   * }</pre>
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   * @param mean the value each element's deviation is taken from
   * @return the double sum, 0 when {@code n == 0}
   */
  double sumOfSquaredDeviations(float[] x, int xOff, int n, double mean);

  /**
   * Returns the dot product {@code x[0] * y[0] + ... + x[n-1] * y[n-1]}.
   *
   * @param x first vector
   * @param xOff offset of {@code x[0]}
   * @param y second vector
   * @param yOff offset of {@code y[0]}
   * @param n number of elements
   * @return the dot product, 0 when {@code n == 0}
   */
  float dot(float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * Dot products of {@code rows} rows of a matrix with one vector: {@code out[outOff + i] = <a_i,
   * x>} where row {@code a_i} starts at {@code aOff + i * lda}, as a matrix-vector product needs.
   * Each row's result is the same whatever {@code rows} is, and within rounding of {@link #dot}.
   *
   * <pre>{@code
   * reductions.dotRows(w, 0, 784, 256, x, 0, 784, y, 0); // y = W x for a 256 x 784 W
   * }</pre>
   *
   * @param a the matrix
   * @param aOff offset of row 0
   * @param lda distance between rows
   * @param rows number of rows
   * @param x the vector, {@code k} elements from {@code xOff}
   * @param xOff offset of {@code x[0]}
   * @param k elements per row
   * @param out receives one result per row
   * @param outOff offset of the first result
   */
  void dotRows(
      float[] a, int aOff, int lda, int rows, float[] x, int xOff, int k, float[] out, int outOff);

  /**
   * Adds the batch sum of the products {@code A_s · B_sᵀ} to C: {@code c[i][j] += Σ_s Σ_p a_s[i][p]
   * · b_s[j][p]}, where {@code a_s} is the row-major {@code m x k} matrix at {@code aOff + s *
   * strideA} with row stride {@code lda}, and {@code b_s} the {@code n x k} one at {@code bOff + s
   * * strideB}. Every output is a sum of long dot products, so this needs no packing; it is a
   * convolution's weight gradient over a large output plane ({@code A_s} the output gradient of
   * sample s, {@code B_s} its columns), where the GEMM's packing would cost more than its products.
   *
   * <pre>{@code
   * // c (2 x 3) += a_0 · b_0ᵀ + a_1 · b_1ᵀ, a_s: 2 x 4, b_s: 3 x 4, both samples back to back
   * reductions.sumOfProductsNT(2, 2, 3, 4, a, 0, 4, 8, b, 0, 4, 12, c, 0, 3);
   * }</pre>
   *
   * @param batch number of products summed
   * @param m rows of each {@code A_s} and of C
   * @param n rows of each {@code B_s}, columns of C
   * @param k length of the dot products (columns of {@code A_s} and {@code B_s})
   * @param a the left matrices
   * @param aOff offset of {@code a_0[0][0]}
   * @param lda row stride of {@code a_s}
   * @param strideA distance from {@code a_s} to {@code a_(s+1)}
   * @param b the right matrices
   * @param bOff offset of {@code b_0[0][0]}
   * @param ldb row stride of {@code b_s}
   * @param strideB distance from {@code b_s} to {@code b_(s+1)}
   * @param c the {@code m x n} sum, accumulated into
   * @param cOff offset of {@code c[0][0]}
   * @param ldc row stride of C
   */
  void sumOfProductsNT(
      int batch,
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int lda,
      int strideA,
      float[] b,
      int bOff,
      int ldb,
      int strideB,
      float[] c,
      int cOff,
      int ldc);

  /**
   * Returns the largest element, NaN if any element is NaN (as {@code torch.max}).
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   * @return the maximum, negative infinity when {@code n == 0}
   */
  float max(float[] x, int xOff, int n);

  /**
   * Added to the index of a window that passes no gradient in {@link #maxPool2x2}'s relu mode:
   * above every position of a plane that pooling accepts ({@link #MAX_PLANE}).
   */
  long NO_GRADIENT = 1L << 30;

  /** The largest plane (height times width) that {@link #maxPool2x2}'s relu mode accepts. */
  int MAX_PLANE = 1 << 30;

  /**
   * 2x2 max pooling at stride 2 ({@code max_pool2d_with_indices}, no padding) of {@code planes}
   * row-major {@code h x w} planes lying back to back from {@code inOff}, into {@code planes}
   * {@code oh x ow} planes back to back from {@code outOff} in both {@code out} and {@code
   * indices}. Output {@code (i, j)} of a plane takes the window at rows {@code 2i, 2i+1} and
   * columns {@code 2j, 2j+1}; its value is the chosen input element itself and its index that
   * element's position {@code y * w + z} in its plane (PyTorch's). Of the window's elements a, b,
   * c, d (top-left, top-right, bottom-left, bottom-right) the largest wins; of equal ones (-0.0
   * equals 0.0) the first; a NaN beats every number, and of several NaNs the last wins. Every
   * provider chooses the same element, so values and indices are bit-identical.
   *
   * <p>With {@code relu}, the values are those of pooling {@code relu(in)} (PyTorch's {@code
   * max_pool2d(relu(x))}, bit for bit). Where a value is not positive the ReLU's gradient is zero,
   * and the index is {@link #NO_GRADIENT} plus the window's first position instead: a backward adds
   * zero there, without a branch.
   *
   * <pre>{@code
   * // one 2 x 4 plane -> 1 x 2: windows {1, 5, 3, 0} and {2, 2, 7, NaN}
   * float[] x = {1, 5, 2, 2, 3, 0, 7, Float.NaN};
   * float[] v = new float[2];
   * long[] idx = new long[2];
   * reductions.maxPool2x2(x, 0, 1, 2, 4, 1, 2, v, idx, 0, false); // v = {5, NaN}, idx = {1, 7}
   * }</pre>
   *
   * @param in the input planes
   * @param inOff offset of the first plane's element (0, 0)
   * @param planes number of planes
   * @param h rows of an input plane
   * @param w columns of an input plane
   * @param oh rows of an output plane, {@code 2 * oh <= h}
   * @param ow columns of an output plane, {@code 2 * ow <= w}
   * @param out the pooled values, {@code planes * oh * ow} elements overwritten
   * @param indices the chosen elements' positions in their planes, written like {@code out}
   * @param outOff offset of the first output in both {@code out} and {@code indices}
   * @param relu whether to pool {@code relu(in)}, flagging the indices of non-positive values
   */
  void maxPool2x2(
      float[] in,
      int inOff,
      int planes,
      int h,
      int w,
      int oh,
      int ow,
      float[] out,
      long[] indices,
      int outOff,
      boolean relu);

  /**
   * Softmax of each row of a contiguous {@code rows x cols} matrix, computed stably as {@code exp(x
   * - max) / sum(exp(x - max))}.
   *
   * @param x input rows
   * @param xOff offset of {@code x[0][0]}
   * @param out destination rows, may alias {@code x}
   * @param outOff offset of {@code out[0][0]}
   * @param rows number of rows
   * @param cols length of each row
   */
  void softmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols);

  /**
   * Log-softmax of each row of a contiguous {@code rows x cols} matrix, computed stably as {@code x
   * - max - log(sum(exp(x - max)))}.
   *
   * @param x input rows
   * @param xOff offset of {@code x[0][0]}
   * @param out destination rows, may alias {@code x}
   * @param outOff offset of {@code out[0][0]}
   * @param rows number of rows
   * @param cols length of each row
   */
  void logSoftmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols);

  /**
   * The log-sum-exp of each row of a contiguous {@code rows x cols} matrix, computed stably as
   * {@code max + log(sum(exp(x - max)))}; a row whose max is infinite gives that max, a row with a
   * NaN gives NaN. The scalar provider sums in double (the general path's value); the vector one in
   * float lanes, within a few ulps of it.
   *
   * <pre>{@code
   * reductions.logSumExpRows(x, 0, out, 0, 256, 784); // out[r] = torch.logsumexp(x[r], 0)
   * }</pre>
   *
   * @param x input rows
   * @param xOff offset of {@code x[0][0]}
   * @param out one value per row
   * @param outOff offset of {@code out[0]}
   * @param rows number of rows
   * @param cols length of each row, at least 1
   */
  void logSumExpRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols);

  /**
   * Returns {@code x[0] + ... + x[n-1]}, accumulated with more precision than a naive loop (the
   * result may differ between providers in the last bits).
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   * @return the sum, 0 when {@code n == 0}
   */
  double sum(double[] x, int xOff, int n);

  /**
   * Returns the dot product {@code x[0] * y[0] + ... + x[n-1] * y[n-1]}.
   *
   * @param x first vector
   * @param xOff offset of {@code x[0]}
   * @param y second vector
   * @param yOff offset of {@code y[0]}
   * @param n number of elements
   * @return the dot product, 0 when {@code n == 0}
   */
  double dot(double[] x, int xOff, double[] y, int yOff, int n);

  /**
   * Returns the largest element, NaN if any element is NaN (as {@code torch.max}).
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   * @return the maximum, negative infinity when {@code n == 0}
   */
  double max(double[] x, int xOff, int n);

  /**
   * Softmax of each row of a contiguous {@code rows x cols} matrix, computed stably as {@code exp(x
   * - max) / sum(exp(x - max))}.
   *
   * @param x input rows
   * @param xOff offset of {@code x[0][0]}
   * @param out destination rows, may alias {@code x}
   * @param outOff offset of {@code out[0][0]}
   * @param rows number of rows
   * @param cols length of each row
   */
  void softmaxRows(double[] x, int xOff, double[] out, int outOff, int rows, int cols);

  /**
   * Log-softmax of each row of a contiguous {@code rows x cols} matrix, computed stably as {@code x
   * - max - log(sum(exp(x - max)))}.
   *
   * @param x input rows
   * @param xOff offset of {@code x[0][0]}
   * @param out destination rows, may alias {@code x}
   * @param outOff offset of {@code out[0][0]}
   * @param rows number of rows
   * @param cols length of each row
   */
  void logSoftmaxRows(double[] x, int xOff, double[] out, int outOff, int rows, int cols);
}
