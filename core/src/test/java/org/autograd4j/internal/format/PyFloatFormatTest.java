package org.autograd4j.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are what CPython's format() prints for the same doubles. */
class PyFloatFormatTest {
  @Test
  void fixedRoundsTheExactBinaryValueHalfToEven() {
    assertEquals("0.0312", PyFloatFormat.fixed(0.03125, 4));
    assertEquals("0.0938", PyFloatFormat.fixed(0.09375, 4));
    // Decimal ties that are not binary ties go by the exact value: 0.00025 is stored slightly
    // above the tie, so it rounds up to an odd digit; 0.00015 is stored slightly below.
    assertEquals("0.0003", PyFloatFormat.fixed(0.00025, 4));
    assertEquals("0.0001", PyFloatFormat.fixed(0.00015, 4));
    assertEquals("2", PyFloatFormat.fixed(2.5, 0));
  }

  @Test
  void fixedKeepsTheSignOfZero() {
    assertEquals("-0", PyFloatFormat.fixed(-0.0, 0));
    assertEquals("-0.0000", PyFloatFormat.fixed(-0.00004, 4));
  }

  @Test
  void scientific() {
    assertEquals("6.4465e-01", PyFloatFormat.scientific(0.64465, 4));
    assertEquals("0.0000e+00", PyFloatFormat.scientific(0.0, 4));
    assertEquals("-0.0000e+00", PyFloatFormat.scientific(-0.0, 4));
    assertEquals("1.0000e+02", PyFloatFormat.scientific(100.0, 4));
    assertEquals("1.0000e-04", PyFloatFormat.scientific(9.99996e-5, 4));
    assertEquals("1.0000e+100", PyFloatFormat.scientific(1e100, 4));
    assertEquals("4.9407e-324", PyFloatFormat.scientific(Double.MIN_VALUE, 4));
    assertEquals("2e+00", PyFloatFormat.scientific(2.0, 0));
  }

  @Test
  void nonFiniteValuesCarryNoSignOnNan() {
    assertEquals("nan", PyFloatFormat.fixed(Double.longBitsToDouble(0xfff8000000000000L), 4));
    assertEquals("-inf", PyFloatFormat.scientific(Double.NEGATIVE_INFINITY, 4));
    assertEquals("inf", PyFloatFormat.fixed(Double.POSITIVE_INFINITY, 0));
  }
}
