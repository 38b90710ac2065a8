package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link FloatUlps}, which the float-lane parity tests rely on, against counts done by hand. */
class FloatUlpsTest {
  @Test
  void countsTheFloatsBetweenTwoFloats() {
    assertEquals(0, FloatUlps.between(1f, 1f));
    assertEquals(1, FloatUlps.between(1f, Math.nextUp(1f)));
    assertEquals(1, FloatUlps.between(Math.nextDown(1f), 1f));
    // 2^23 floats in [1, 2), and the distance is symmetric.
    assertEquals(1 << 23, FloatUlps.between(2f, 1f));
    assertEquals(1, FloatUlps.between(Float.MAX_VALUE, Float.POSITIVE_INFINITY));
  }

  @Test
  void countsAcrossZero() {
    assertEquals(1, FloatUlps.between(0f, -0f));
    // -MIN_VALUE, -0, +0, MIN_VALUE: three steps.
    assertEquals(3, FloatUlps.between(-Float.MIN_VALUE, Float.MIN_VALUE));
    assertEquals(3, FloatUlps.between(-0f, Float.MIN_VALUE * 2)); // -0, +0, MIN_VALUE, 2 MIN_VALUE
  }

  @Test
  void nanIsOnlyCloseToNan() {
    assertEquals(0, FloatUlps.between(Float.NaN, Float.NaN));
    assertEquals(Long.MAX_VALUE, FloatUlps.between(Float.NaN, 1f));
    assertEquals(Long.MAX_VALUE, FloatUlps.between(0f, Float.NaN));
  }
}
