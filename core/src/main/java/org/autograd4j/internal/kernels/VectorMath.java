package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised transcendental functions built from FMAs and bit tricks only.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: on JDK 17 that is not intrinsified on x86 and
 * falls back to one {@link Math#exp} per lane, several times slower than the scalar loop; a
 * polynomial is fast on every JDK and gives the same answer everywhere.
 *
 * <p>Method (Cephes {@code expf} / fdlibm style): {@code exp(x) = 2^n * exp(r)} with {@code n =
 * round(x / ln2)} and {@code |r| <= ln2 / 2}; {@code r} is computed with ln2 split in two parts so
 * it stays exact, {@code exp(r)} is a polynomial, and {@code 2^n} is assembled directly in the
 * exponent bits. {@code 2^n} is applied as two halves so that results in the subnormal range and
 * overflow to infinity come out right without extra branches.
 *
 * <p>Both call nothing but the Vector API, on purpose: C2 inlines the API's own methods whatever
 * the size of the method being compiled, but stops inlining other methods once that method has
 * grown past a node budget (NodeCountInliningCutoff), and a vector passed to or returned from a
 * method that is not inlined is boxed on the heap, 10-100 times slower. A helper of ours inside
 * these bodies was cut that way in the float32 sigmoid loop (which adds its own steps around {@code
 * exp}).
 */
final class VectorMath {
  private VectorMath() {}

  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

  // 1.5 * 2^23: adding it rounds a float of magnitude < 2^22 to an integer (round-half-even),
  // which then sits in the low mantissa bits.
  private static final float F_ROUND = 12582912f;
  // 2^23: k + 2^23 (0 <= k < 2^23) has k in its mantissa bits, so shifting them left by 23 moves
  // k into the exponent field and shifts the 2^23 part out: the bits of 2^(k - 127).
  private static final float F_EXP_BIAS = 8388608f + 127f;
  private static final float F_LOG2E = 1.44269504088896341f;
  // ln2 = F_LN2_HI + F_LN2_LO, with F_LN2_HI having few mantissa bits so n * F_LN2_HI is exact.
  private static final float F_LN2_HI = 0.693359375f;
  private static final float F_LN2_LO = -2.12194440e-4f;
  // Beyond these, exp(x) in float is +inf (x > 88.73) or rounds to 0 (x < -103.98); clamping keeps
  // n within the range the two-halves scaling can express.
  private static final float F_MAX = 89f;
  private static final float F_MIN = -104f;

  /**
   * Returns {@code exp(x)} lanewise, within 2 ulp of the correctly rounded result.
   *
   * @param x arguments, of the preferred species
   * @return exponentials
   */
  static FloatVector exp(FloatVector x) {
    // min/max follow Math.min/max, so a NaN lane stays NaN through everything below. Compare and
    // blend instead (as gelu clamps) took exp of 256 x 784 floats from 115 to 94 µs on JDK 25, but
    // on JDK 17 made logsumexp 4-8 times slower in the ops workload (545-895 against 133 µs).
    x = x.max(F_MIN).min(F_MAX);
    FloatVector t = x.fma(F_LOG2E, F_ROUND);
    FloatVector n = t.sub(F_ROUND);
    FloatVector r = n.fma(FloatVector.broadcast(FS, -F_LN2_HI), x);
    r = n.fma(FloatVector.broadcast(FS, -F_LN2_LO), r);
    // Cephes expf minimax polynomial: exp(r) ~ 1 + r + r^2 * P(r) on [-ln2/2, ln2/2].
    FloatVector p = r.fma(1.9875691500E-4f, 1.3981999507E-3f);
    p = p.fma(r, FloatVector.broadcast(FS, 8.3334519073E-3f));
    p = p.fma(r, FloatVector.broadcast(FS, 4.1665795894E-2f));
    p = p.fma(r, FloatVector.broadcast(FS, 1.6666665459E-1f));
    p = p.fma(r, FloatVector.broadcast(FS, 5.0000001201E-1f));
    p = p.fma(r.mul(r), r).add(1f);
    // n in [-150, 128] is split into halves in [-75, 64]: each 2^half is a normal float.
    FloatVector half = n.fma(0.5f, F_ROUND).sub(F_ROUND);
    FloatVector rest = n.sub(half);
    // 2^k for integral k in [-126, 127], built in the exponent bits.
    FloatVector pow2Half =
        half.add(F_EXP_BIAS)
            .reinterpretAsInts()
            .lanewise(VectorOperators.LSHL, 23)
            .reinterpretAsFloats();
    FloatVector pow2Rest =
        rest.add(F_EXP_BIAS)
            .reinterpretAsInts()
            .lanewise(VectorOperators.LSHL, 23)
            .reinterpretAsFloats();
    return p.mul(pow2Half).mul(pow2Rest);
  }

  private static final double D_ROUND = 6755399441055744.0; // 1.5 * 2^52
  private static final double D_EXP_BIAS = 4503599627370496.0 + 1023.0; // 2^52 + bias
  private static final double D_LOG2E = 1.4426950408889634;
  // fdlibm's split of ln2: the high part has 32 significant bits, so n * D_LN2_HI is exact.
  private static final double D_LN2_HI = 6.93147180369123816490e-01;
  private static final double D_LN2_LO = 1.90821492927058770002e-10;
  private static final double D_MAX = 710.0;
  private static final double D_MIN = -746.0;

  /**
   * Returns {@code exp(x)} lanewise, within a few ulp of the correctly rounded result.
   *
   * @param x arguments, of the preferred species
   * @return exponentials
   */
  static DoubleVector exp(DoubleVector x) {
    x = x.max(D_MIN).min(D_MAX);
    DoubleVector t = x.fma(D_LOG2E, D_ROUND);
    DoubleVector n = t.sub(D_ROUND);
    DoubleVector r = n.fma(DoubleVector.broadcast(DS, -D_LN2_HI), x);
    r = n.fma(DoubleVector.broadcast(DS, -D_LN2_LO), r);
    // Taylor series to r^13: the truncation error |r|^14 / 14! < 5e-18 is below half an ulp for
    // |r| <= ln2 / 2. Horner's steps for the terms r^5 to r^13 are plain products and sums, as
    // their rounding reaches the result scaled by r^5 (below 0.005), the last ones FMAs: about
    // one ulp in all. With FMAs and broadcasts throughout, the method was over C2's 325-byte limit
    // for inlining a hot method (FreqInlineSize).
    DoubleVector p = r.fma(1.0 / 6227020800.0, 1.0 / 479001600.0);
    p = p.mul(r).add(1.0 / 39916800.0).mul(r).add(1.0 / 3628800.0);
    p = p.mul(r).add(1.0 / 362880.0).mul(r).add(1.0 / 40320.0);
    p = p.mul(r).add(1.0 / 5040.0).mul(r).add(1.0 / 720.0).mul(r).add(1.0 / 120.0);
    p = p.fma(r, DoubleVector.broadcast(DS, 1.0 / 24.0));
    p = p.fma(r, DoubleVector.broadcast(DS, 1.0 / 6.0));
    p = p.fma(r, DoubleVector.broadcast(DS, 0.5));
    p = p.fma(r.mul(r), r).add(1.0);
    // n in [-1076, 1024] is split into halves in [-538, 512]: each 2^half is a normal double.
    DoubleVector half = n.fma(0.5, D_ROUND).sub(D_ROUND);
    DoubleVector rest = n.sub(half);
    // 2^k for integral k in [-1022, 1023], built in the exponent bits.
    DoubleVector pow2Half =
        half.add(D_EXP_BIAS)
            .reinterpretAsLongs()
            .lanewise(VectorOperators.LSHL, 52)
            .reinterpretAsDoubles();
    DoubleVector pow2Rest =
        rest.add(D_EXP_BIAS)
            .reinterpretAsLongs()
            .lanewise(VectorOperators.LSHL, 52)
            .reinterpretAsDoubles();
    return p.mul(pow2Half).mul(pow2Rest);
  }
}
