package org.autograd4j.internal.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code "{:.Nf}"} and {@code "{:.Ne}"} float formatting, character for character.
 *
 * <p>Python rounds the exact binary value of the double half-to-even, so float32 {@code 0.03125}
 * prints {@code 0.0312}; {@link String#format} rounds half-up and would print {@code 0.0313}.
 * {@link BigDecimal#BigDecimal(double)} is exact, so rounding it reproduces Python. Python keeps
 * the sign of negative zero and of negatives that round to zero ({@code -0.0000}) but never prints
 * a sign on NaN.
 */
final class PyFloatFormat {
  private PyFloatFormat() {}

  /**
   * Python's {@code "{:.<precision>f}".format(v)}.
   *
   * <pre>{@code
   * PyFloatFormat.fixed(0.03125, 4); // "0.0312"
   * PyFloatFormat.fixed(-0.0, 0);    // "-0"
   * }</pre>
   */
  static String fixed(double v, int precision) {
    String special = nonFinite(v);
    if (special != null) {
      return special;
    }
    String digits =
        new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    return sign(v) + digits;
  }

  /**
   * Python's {@code "{:.<precision>e}".format(v)}: the exponent is signed and has at least two
   * digits.
   *
   * <pre>{@code
   * PyFloatFormat.scientific(0.64465, 4); // "6.4465e-01"
   * PyFloatFormat.scientific(1e100, 4);   // "1.0000e+100"
   * }</pre>
   */
  static String scientific(double v, int precision) {
    String special = nonFinite(v);
    if (special != null) {
      return special;
    }
    double magnitude = Math.abs(v);
    String digits;
    int exponent;
    if (magnitude == 0) {
      digits = "0".repeat(precision + 1);
      exponent = 0;
    } else {
      BigDecimal rounded =
          new BigDecimal(magnitude).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
      String unscaled = rounded.unscaledValue().toString();
      // The value is unscaled * 10^-scale, so its leading digit sits at this power of ten.
      exponent = unscaled.length() - 1 - rounded.scale();
      // BigDecimal drops trailing zeros it never had (new BigDecimal(100.0) is "100"); pad them
      // back.
      digits = (unscaled + "0".repeat(precision + 1)).substring(0, precision + 1);
    }
    StringBuilder out = new StringBuilder(sign(v)).append(digits.charAt(0));
    if (precision > 0) {
      out.append('.').append(digits, 1, precision + 1);
    }
    int absExponent = Math.abs(exponent);
    out.append('e').append(exponent < 0 ? '-' : '+');
    if (absExponent < 10) {
      out.append('0');
    }
    return out.append(absExponent).toString();
  }

  private static String nonFinite(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return null;
  }

  /** The sign bit, so that -0.0 keeps its minus as in Python. */
  private static String sign(double v) {
    return Double.doubleToRawLongBits(v) < 0 ? "-" : "";
  }
}
