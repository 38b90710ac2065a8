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
   * Returns the largest element, NaN if any element is NaN (as {@code torch.max}).
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param n number of elements
   * @return the maximum, negative infinity when {@code n == 0}
   */
  float max(float[] x, int xOff, int n);

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
