package org.autograd4j.internal.kernels;

/**
 * The reference {@link FloatFunctions}: one {@link Math} call per element in double, rounded to
 * float. The per-element methods also serve {@link VectorFloatFunctions}'s tails and the arguments
 * its lanes do not cover.
 */
final class ScalarFloatFunctions implements FloatFunctions {
  private static final double SQRT_HALF = Math.sqrt(0.5);

  /** The one instance the providers share. */
  static final FloatFunctions REFERENCE = new ScalarFloatFunctions();

  private ScalarFloatFunctions() {}

  static float log(float v) {
    return (float) Math.log(v);
  }

  static float sin(float v) {
    return (float) Math.sin(v);
  }

  static float cos(float v) {
    return (float) Math.cos(v);
  }

  static float tanh(float v) {
    return (float) Math.tanh(v);
  }

  static float sigmoid(float v) {
    return 1f / (1f + (float) Math.exp(-v));
  }

  static float gelu(float v) {
    return (float) (0.5 * v * Erfc.float32(-v * SQRT_HALF));
  }

  @Override
  public void log(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = log(x[xOff + i]);
    }
  }

  @Override
  public void sin(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = sin(x[xOff + i]);
    }
  }

  @Override
  public void cos(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = cos(x[xOff + i]);
    }
  }

  @Override
  public void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = tanh(x[xOff + i]);
    }
  }

  @Override
  public void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = sigmoid(x[xOff + i]);
    }
  }

  @Override
  public void gelu(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = gelu(x[xOff + i]);
    }
  }
}
