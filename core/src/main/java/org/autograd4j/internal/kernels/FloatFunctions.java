package org.autograd4j.internal.kernels;

/**
 * Float32 transcendental functions on contiguous runs of {@code float[]}. Each method processes
 * {@code n} consecutive elements; {@code out} may be {@code x} at the same offset.
 *
 * <p>The scalar provider's methods are the reference, the values the general path computes: the
 * double function of the widened float, rounded to float ({@code (float) Math.log(x)}), or for
 * sigmoid PyTorch's float steps. The vector provider evaluates them in float lanes, within {@link
 * #LOG_ULPS}, {@link #SIN_COS_ULPS}, {@link #TANH_ULPS}, {@link #SIGMOID_ULPS} and {@link
 * #GELU_ULPS} of the reference, as PyTorch's own vector loops are within a few ulps of its scalar
 * ones. Infinities and NaN are always where the reference has them, and where both give zero, the
 * reference's sign.
 *
 * <pre>{@code
 * provider.floatFunctions().tanh(x, 0, out, 0, x.length);
 * }</pre>
 */
public interface FloatFunctions {
  /**
   * The most float steps a provider's log may be from the reference's (measured: 1, on every float;
   * 99.4% of them equal).
   */
  int LOG_ULPS = 1;

  /**
   * The most float steps a provider's sin or cos may be from the reference's (measured: 2, on every
   * float below 1.6e6 in magnitude, which are all the vector lanes take; 96-97% equal).
   */
  int SIN_COS_ULPS = 2;

  /**
   * The most float steps a provider's tanh may be from the reference's (measured: 2, over 16
   * million arguments from every part of the float range).
   */
  int TANH_ULPS = 2;

  /**
   * The most float steps a provider's sigmoid may be from the reference's (measured: 4, over 16
   * million arguments from every part of the float range).
   */
  int SIGMOID_ULPS = 4;

  /**
   * The most float steps a provider's gelu may be from the reference's (measured: 6, over 16
   * million arguments), 7e-7 relative at most, within torch.testing's float32 tolerance (1.3e-6).
   */
  int GELU_ULPS = 6;

  /**
   * {@code out[i] = (float) log(x[i])}: -inf at 0, NaN below it.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void log(float[] x, int xOff, float[] out, int outOff, int n);

  /**
   * {@code out[i] = (float) sin(x[i])}.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void sin(float[] x, int xOff, float[] out, int outOff, int n);

  /**
   * {@code out[i] = (float) cos(x[i])}.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void cos(float[] x, int xOff, float[] out, int outOff, int n);

  /**
   * {@code out[i] = (float) tanh(x[i])}.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void tanh(float[] x, int xOff, float[] out, int outOff, int n);

  /**
   * {@code out[i] = 1f / (1f + (float) exp(-x[i]))}, each step rounded to float as PyTorch
   * evaluates float32 sigmoid (the seeds print such values in full).
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void sigmoid(float[] x, int xOff, float[] out, int outOff, int n);

  /**
   * The exact gelu {@code out[i] = (float) (0.5 x erfc(-x / sqrt 2))}, with {@link Erfc#float32}.
   *
   * @param x input
   * @param xOff offset of {@code x[0]}
   * @param out destination
   * @param outOff offset of {@code out[0]}
   * @param n number of elements
   */
  void gelu(float[] x, int xOff, float[] out, int outOff, int n);
}
