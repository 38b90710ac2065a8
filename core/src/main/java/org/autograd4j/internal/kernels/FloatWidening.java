package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Floats widened to double exactly, {@code (double) f} for every float, in vectors of one shape: a
 * float vector seen as longs holds two floats a lane, and each half becomes a double lane by moving
 * its bits. Why not the Vector API's own conversion: it needs float vectors of half width, a second
 * vector shape, after which JDK 17's C2 compiled other kernels of the JVM far worse (softmax 165 ->
 * 625 µs, see {@code VectorFloatFunctions}); and the plain loop {@code a[i] = f[i]} is scalar on
 * JDK 17 (86 against 22 µs for 256 x 784 floats there and back on JDK 25).
 *
 * <p>How: the float's 31 low bits shifted left by 29 land the exponent field in the double's and
 * the mantissa at its top, so the double read from those bits is the float's magnitude times
 * 2^-896, exactly, subnormal floats included; times 2^896 it is the float's magnitude. The sign bit
 * is moved across as is. Infinities and NaN (exponent field 255) take the double's all-ones
 * exponent with the mantissa shifted the same way.
 *
 * <pre>{@code
 * LongVector pairs = FloatVector.fromArray(F, x, i).reinterpretAsLongs();
 * DoubleVector even = FloatWidening.lowHalves(pairs); // x[i], x[i + 2], ... as doubles
 * DoubleVector odd = FloatWidening.highHalves(pairs); // x[i + 1], x[i + 3], ...
 * }</pre>
 */
final class FloatWidening {
  private FloatWidening() {}

  /** A float's 31 magnitude bits, shifted into a double's exponent and mantissa fields. */
  private static final long MAGNITUDE = 0x0fffffffe0000000L;

  private static final long SIGN = 0x8000000000000000L;

  /** The double exponent field; 255 in it is a float's infinity or NaN. */
  private static final long EXPONENT = 0x7ff0000000000000L;

  private static final long FLOAT_SPECIAL = 0x0ff0000000000000L;

  private static final double TWO_TO_896 = 0x1p896;

  /**
   * The floats in the low 32 bits of each lane, as doubles (the floats at even indices of the array
   * the longs were loaded from, on this little-endian platform).
   *
   * @param pairs a float vector reinterpreted as longs
   * @return {@code (double)} of each lane's low float
   */
  static DoubleVector lowHalves(LongVector pairs) {
    LongVector bits =
        pairs
            .lanewise(VectorOperators.LSHL, 29)
            .and(MAGNITUDE)
            .or(pairs.lanewise(VectorOperators.LSHL, 32).and(SIGN));
    return fromShiftedBits(bits);
  }

  /**
   * The floats in the high 32 bits of each lane, as doubles (those at odd indices).
   *
   * @param pairs a float vector reinterpreted as longs
   * @return {@code (double)} of each lane's high float
   */
  static DoubleVector highHalves(LongVector pairs) {
    LongVector bits = pairs.lanewise(VectorOperators.LSHR, 3).and(MAGNITUDE).or(pairs.and(SIGN));
    return fromShiftedBits(bits);
  }

  private static DoubleVector fromShiftedBits(LongVector bits) {
    LongVector scaled = bits.reinterpretAsDoubles().mul(TWO_TO_896).reinterpretAsLongs();
    return scaled
        .blend(bits.or(EXPONENT), bits.and(EXPONENT).compare(VectorOperators.EQ, FLOAT_SPECIAL))
        .reinterpretAsDoubles();
  }
}
