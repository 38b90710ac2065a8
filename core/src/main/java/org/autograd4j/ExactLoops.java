package org.autograd4j;

/**
 * Plain array loops for unary ops, each with the arithmetic of the per-element lambda it replaces,
 * so the same bits: {@code abs}, {@code x ** 2}, {@code sqrt} and {@code clamp}, whose results are
 * exact and which C2 vectorises by itself on every JDK, with nothing to warm up, and float64 {@code
 * sigmoid}, which keeps {@code Math.exp} per element but loses the lambda call around it (float32
 * sigmoid has a kernel, {@code FloatFunctions}).
 *
 * <p>Why they exist: {@link Kernels#map} calls its lambda once per element through one call site
 * that every op shares, so C2 cannot inline it. {@code abs} of 256 x 784 floats took 829 µs there
 * against 22 µs in PyTorch (throwaway per-op sweep, one thread, JDK 25).
 *
 * <p>Each loop reads and writes element i at the same index. With different offsets for input and
 * output C2 must assume the two may overlap and does not vectorise (sqrt of 256 x 784 floats 260
 * against 40 µs, JDK 25), so an input at another offset is first copied to the output, and the loop
 * runs there.
 *
 * <pre>{@code
 * ExactLoops.square(x, 0, out, 0, n); // out[i] = x[i] * x[i]
 * }</pre>
 */
final class ExactLoops {
  private ExactLoops() {}

  /** {@code out[i] = |x[i]|}. */
  static void abs(float[] x, int xOff, float[] out, int outOff, int n) {
    float[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = Math.abs(in[i]);
    }
  }

  /** {@code out[i] = |x[i]|}. */
  static void abs(double[] x, int xOff, double[] out, int outOff, int n) {
    double[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = Math.abs(in[i]);
    }
  }

  /**
   * {@code out[i] = x[i] * x[i]}: {@code Math.pow(v, 2)} exactly (the double product of two floats
   * is exact, so rounding it to float is the float product).
   */
  static void square(float[] x, int xOff, float[] out, int outOff, int n) {
    float[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = in[i] * in[i];
    }
  }

  /** {@code out[i] = x[i] * x[i]}, {@code Math.pow(v, 2)} exactly. */
  static void square(double[] x, int xOff, double[] out, int outOff, int n) {
    double[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = in[i] * in[i];
    }
  }

  /** {@code out[i] = sqrt(x[i])}, correctly rounded: the float sqrt of the double one. */
  static void sqrt(float[] x, int xOff, float[] out, int outOff, int n) {
    float[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = (float) Math.sqrt(in[i]);
    }
  }

  /** {@code out[i] = sqrt(x[i])}. */
  static void sqrt(double[] x, int xOff, double[] out, int outOff, int n) {
    double[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = Math.sqrt(in[i]);
    }
  }

  /**
   * {@code out[i] = min(hi, max(lo, x[i]))}; NaN stays NaN. Bounds rounded to float clamp a float
   * exactly as the unrounded ones do, since no float lies strictly between a bound and its
   * rounding.
   */
  static void clamp(float[] x, int xOff, double lo, double hi, float[] out, int outOff, int n) {
    float l = (float) lo;
    float h = (float) hi;
    float[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = Math.min(h, Math.max(l, in[i]));
    }
  }

  /** {@code out[i] = min(hi, max(lo, x[i]))}; NaN stays NaN. */
  static void clamp(double[] x, int xOff, double lo, double hi, double[] out, int outOff, int n) {
    double[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = Math.min(hi, Math.max(lo, in[i]));
    }
  }

  /** {@code out[i] = 1 / (1 + exp(-x[i]))} in double. */
  static void sigmoid(double[] x, int xOff, double[] out, int outOff, int n) {
    double[] in = sameIndex(x, xOff, out, outOff, n);
    for (int i = outOff; i < outOff + n; i++) {
      out[i] = 1 / (1 + Math.exp(-in[i]));
    }
  }

  /**
   * The array to read element {@code outOff + i} of the input from: x itself when it sits at the
   * output's offset, else the output after x's n elements are copied there.
   */
  private static float[] sameIndex(float[] x, int xOff, float[] out, int outOff, int n) {
    if (xOff == outOff) {
      return x;
    }
    System.arraycopy(x, xOff, out, outOff, n);
    return out;
  }

  /** {@link #sameIndex(float[], int, float[], int, int)} for doubles. */
  private static double[] sameIndex(double[] x, int xOff, double[] out, int outOff, int n) {
    if (xOff == outOff) {
      return x;
    }
    System.arraycopy(x, xOff, out, outOff, n);
    return out;
  }
}
