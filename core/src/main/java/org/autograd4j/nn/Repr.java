package org.autograd4j.nn;

/** Python's spelling of values in module reprs. */
final class Repr {
  private Repr() {}

  /** Python's {@code repr(float)}: shortest round-trip digits, {@code 0.5}, {@code 1e-05}. */
  static String py(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e16) {
      return (long) v + ".0";
    }
    java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
    int exp = d.precision() - d.scale() - 1; // decimal exponent of the leading digit
    if (exp < -4 || exp >= 16) {
      String digits = d.unscaledValue().abs().toString();
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (v < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + pad2(Math.abs(exp));
    }
    return d.toPlainString();
  }

  private static String pad2(int e) {
    return e < 10 ? "0" + e : Integer.toString(e);
  }

  static String py(boolean b) {
    return b ? "True" : "False";
  }

  /** A Python tuple of ints: {@code (5, 5)}, {@code (3,)}. */
  static String tuple(int... v) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(v[i]);
    }
    return sb.append(v.length == 1 ? ",)" : ")").toString();
  }
}
