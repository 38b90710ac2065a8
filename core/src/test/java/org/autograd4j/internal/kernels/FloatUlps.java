package org.autograd4j.internal.kernels;

/**
 * Distance between two floats in units in the last place: how many floats lie between them, counted
 * across zero (+0 and -0 are one apart), so that it means the same for subnormals and for results
 * of either sign.
 *
 * <pre>{@code
 * FloatUlps.between(1f, Math.nextUp(1f)); // 1
 * }</pre>
 */
public final class FloatUlps {
  private FloatUlps() {}

  /**
   * The number of float steps from a to b; 0 for two NaNs, {@link Long#MAX_VALUE} for a NaN and a
   * number.
   *
   * @param a one float
   * @param b the other
   * @return steps between them
   */
  public static long between(float a, float b) {
    if (Float.isNaN(a) || Float.isNaN(b)) {
      return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
    }
    return Math.abs(ordered(a) - ordered(b));
  }

  /** The float's rank on the number line: -0 just below +0. */
  private static long ordered(float v) {
    int bits = Float.floatToRawIntBits(v);
    return bits >= 0 ? bits : -1L - (bits & Integer.MAX_VALUE);
  }
}
