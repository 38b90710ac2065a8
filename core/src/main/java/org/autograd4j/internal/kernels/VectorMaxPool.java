package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 2x2 / stride-2 float max pool ({@link Reductions#maxPool2x2}) on the Vector API, choosing the
 * same element as {@link ScalarMaxPool} in every case.
 *
 * <p>One vector of the top input row and one of the bottom row hold {@code LANES / 2} windows side
 * by side. Seen as longs, each long lane holds one window's two columns (lane order is little
 * endian on every platform), so shifting the longs right by 32 bits brings each window's right
 * column onto its left one without a shuffle: every window is then decided lane-wise in its even
 * float lane. Only the values need one single-source shuffle, to pack the even lanes together; the
 * indices come out one per long lane, already in order.
 *
 * <p>The choice is a tournament, {@code later(later(a, b), later(c, d))}, where {@code later(x, y)}
 * (x before y in window order) takes y if it is greater or NaN: the order it applies (NaN above
 * every number, later NaNs above earlier ones, earlier numbers above equal later ones) is a strict
 * total order on the window's positions, so pairing a with b first gives the scalar kernel's
 * choice.
 *
 * <p>Only {@link FloatVector#SPECIES_PREFERRED}, and ints and longs of the same size: on JDK 17 a
 * second vector shape in the process makes C2 fall back to a per-lane path for one of them. Loads
 * and stores are whole vectors inside the arrays (JDK 17 runs masked ones element by element); the
 * few rows whose vectors would reach past the input array or this call's outputs (the last ones)
 * are pooled by {@link ScalarMaxPool}.
 */
final class VectorMaxPool {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = F.withLanes(int.class);
  private static final VectorSpecies<Long> L = F.withLanes(long.class);
  private static final int LANES = F.length();

  /** Windows per vector: one per pair of float lanes. */
  private static final int WINDOWS = LANES / 2;

  /**
   * Lane k takes lane 2k: the windows' values first, in order; the odd lanes after them. On int
   * lanes: JDK 17's Java fallback of a float rearrange (before C2 compiles it) canonicalises NaN
   * payloads, and the value must be the chosen element bit for bit.
   */
  private static final VectorShuffle<Integer> EVENS_FIRST =
      VectorShuffle.fromOp(I, k -> k < WINDOWS ? 2 * k : 2 * (k - WINDOWS) + 1);

  /** 0, 2, 4, ...: each window's left column, from the first window's. */
  private static final LongVector COLUMNS = LongVector.zero(L).addIndex(2);

  /**
   * {@link Reductions#NO_GRADIENT} plus the window's first element's offset (0), as int bits in the
   * even lanes over zeros in the odd ones, like the other offsets.
   */
  private static final FloatVector NO_GRADIENT =
      LongVector.broadcast(L, Reductions.NO_GRADIENT).reinterpretAsFloats();

  private VectorMaxPool() {}

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
    // The offsets of a, b, c, d from a, as int bits in each even float lane over zeros in the odd
    // ones: blends move them with the windows' choices, and the winner's offset then reads as a
    // long per window, with no mask conversion between float and long lanes.
    FloatVector offA = FloatVector.zero(F);
    FloatVector offB = LongVector.broadcast(L, 1).reinterpretAsFloats();
    FloatVector offC = LongVector.broadcast(L, w).reinterpretAsFloats();
    FloatVector offD = LongVector.broadcast(L, w + 1).reinterpretAsFloats();
    // A row's last vector starts here, overlapping the one before when ow is not a multiple of
    // WINDOWS: it recomputes some outputs, identically.
    int last = Math.max(ow - WINDOWS, 0);
    int outEnd = outOff + planes * oh * ow;
    int o = outOff;
    for (int p = 0; p < planes; p++) {
      int base = inOff + p * h * w;
      for (int i = 0; i < oh; i++, o += ow) {
        int top = 2 * i * w;
        // A value store writes LANES outputs from its first window's: past the row's (ow may be
        // less than WINDOWS) it writes junk into outputs written after it, so the row's last store
        // must end inside this call's outputs. The loads may read past the plane, not past the
        // array (implied by the output bound for valid arguments, checked so as not to rely on it).
        if (base + top + w + 2 * last + LANES > in.length || o + last + LANES > outEnd) {
          ScalarMaxPool.row(in, base, top, w, ow, out, ind, o, relu);
          continue;
        }
        for (int j = 0; ; j += WINDOWS) {
          int s = Math.min(j, last);
          int at = top + 2 * s;
          FloatVector a = FloatVector.fromArray(F, in, base + at);
          FloatVector c = FloatVector.fromArray(F, in, base + at + w);
          FloatVector b = rightOntoLeft(a);
          FloatVector d = rightOntoLeft(c);
          VectorMask<Float> takeB = later(a, b);
          VectorMask<Float> takeD = later(c, d);
          FloatVector upper = a.blend(b, takeB);
          FloatVector lower = c.blend(d, takeD);
          VectorMask<Float> takeLower = later(upper, lower);
          FloatVector off = offA.blend(offB, takeB).blend(offC.blend(offD, takeD), takeLower);
          FloatVector value = upper.blend(lower, takeLower);
          if (relu) {
            // As ScalarMaxPool.row: a window without a positive value pools relu(a) and passes no
            // gradient, flagged on its index.
            off = NO_GRADIENT.blend(off, value.compare(VectorOperators.GT, 0f));
            value =
                value.blend(
                    a.blend(0f, a.compare(VectorOperators.LT, 0f)),
                    value.compare(VectorOperators.LE, 0f));
          }
          value
              .reinterpretAsInts()
              .rearrange(EVENS_FIRST)
              .reinterpretAsFloats()
              .intoArray(out, o + s);
          LongVector index = off.reinterpretAsLongs().add(COLUMNS).add(at);
          index.intoArray(ind, o + s);
          if (s == last) {
            break;
          }
        }
      }
    }
  }

  /** Each odd lane moved onto the even lane before it (zeros into the odd lanes). */
  private static FloatVector rightOntoLeft(FloatVector x) {
    return x.reinterpretAsLongs().lanewise(VectorOperators.LSHR, 32).reinterpretAsFloats();
  }

  /** Where y, after x in window order, wins: greater (equal: the first wins) or NaN (the last). */
  private static VectorMask<Float> later(FloatVector x, FloatVector y) {
    return y.compare(VectorOperators.GT, x).or(y.compare(VectorOperators.NE, y));
  }
}
