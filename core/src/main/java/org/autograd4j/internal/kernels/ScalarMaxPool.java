package org.autograd4j.internal.kernels;

/**
 * The plain-Java 2x2 / stride-2 float max pool ({@link Reductions#maxPool2x2}): the scalar
 * provider's kernel, and the vector provider's for the rows its whole vectors cannot reach.
 */
final class ScalarMaxPool {
  private ScalarMaxPool() {}

  /** {@link Reductions#maxPool2x2}, pooling relu(in) when {@code relu}. */
  static void pool(
      float[] in,
      int inOff,
      int planes,
      int h,
      int w,
      int oh,
      int ow,
      float[] out,
      long[] ind,
      int outOff,
      boolean relu) {
    int o = outOff;
    for (int p = 0; p < planes; p++) {
      int base = inOff + p * h * w;
      for (int i = 0; i < oh; i++, o += ow) {
        row(in, base, 2 * i * w, w, ow, out, ind, o, relu);
      }
    }
  }

  /**
   * One output row: {@code ow} windows whose top-left elements are {@code base + top + 2j}, written
   * from {@code out[o]} and {@code ind[o]}.
   *
   * <p>Unrolled and without data-dependent branches. The comparison chain of the general loop
   * mispredicts on real activations (17 ns per output on ReLU outputs); taking the maximum with
   * {@code Math.max} and choosing its index with simple conditional assignments, which the JIT
   * turns into conditional moves, takes 4 ns. The rule stays the general loop's: of equal values
   * the first wins, a NaN wins and of several NaNs the last.
   *
   * <p>With {@code relu}, the pool of relu(in) ({@link Reductions#maxPool2x2}): relu keeps positive
   * values and NaNs as they are, so a window holding one chooses the same element; a window without
   * one pools relu's zeros, of which the first, relu(a), wins.
   */
  static void row(
      float[] in, int base, int top, int w, int ow, float[] out, long[] ind, int o, boolean relu) {
    for (int j = 0; j < ow; j++, o++) {
      int at = top + 2 * j;
      float a = in[base + at];
      float b = in[base + at + 1];
      float c = in[base + at + w];
      float d = in[base + at + w + 1];
      float max = Math.max(Math.max(a, b), Math.max(c, d));
      int best = at + w + 1;
      if (c == max) {
        best = at + w;
      }
      if (b == max) {
        best = at + 1;
      }
      if (a == max) {
        best = at;
      }
      if (max != max) {
        best = d != d ? at + w + 1 : c != c ? at + w : b != b ? at + 1 : at;
      }
      // The chosen element itself, not max: Math.max(-0.0, 0.0) is 0.0 but the first wins.
      float value = in[base + best];
      if (relu) {
        boolean positive = value > 0f;
        ind[o] = positive ? best : Reductions.NO_GRADIENT + at;
        out[o] = positive || value != value ? value : a < 0f ? 0f : a;
      } else {
        out[o] = value;
        ind[o] = best;
      }
    }
  }
}
