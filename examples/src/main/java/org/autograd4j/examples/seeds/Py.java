package org.autograd4j.examples.seeds;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.StringJoiner;
import org.autograd4j.DType;
import org.autograd4j.Tensor;

/**
 * How Python turns values into text, for the seed notebooks: {@code str()}, {@code repr()} of a
 * float, f-string interpolation and {@code "{:.3f}"}.
 *
 * <pre>{@code
 * Py.floatRepr(1e-5);                       // "1e-05" (Java 17's Double.toString gives "1.0E-5")
 * Py.str(null);                             // "None"
 * Py.fstr(Torch.tensor(6.0));               // "6.0": f"{t}" formats a 0-d tensor's item()
 * Py.fixed(1.8455, 3);                      // "1.845": half-even on the exact binary value
 * }</pre>
 */
public final class Py {
  private Py() {}

  /**
   * Python's {@code str(v)}: {@code None}, {@code True}/{@code False}, the shortest float repr,
   * integers as integers, a tensor's repr.
   */
  public static String str(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? "True" : "False";
    }
    if (v instanceof Double || v instanceof Float) {
      return floatRepr(((Number) v).doubleValue());
    }
    return v.toString();
  }

  /** What {@code print(a, b, ...)} writes: the {@code str} of each argument joined by spaces. */
  public static String printArgs(Object... args) {
    StringJoiner line = new StringJoiner(" ");
    for (Object a : args) {
      line.add(str(a));
    }
    return line.toString();
  }

  /**
   * An f-string field {@code f"{v}"}, that is {@code format(v, "")}. PyTorch formats a 0-d tensor
   * as its {@code item()}, so {@code f"{x.grad}"} prints {@code 6.0}, not {@code tensor(6.)};
   * tensors with dimensions print their repr.
   */
  public static String fstr(Object v) {
    if (v instanceof Tensor) {
      Tensor t = (Tensor) v;
      if (t.dim() == 0) {
        if (t.dtype() == DType.BOOL) {
          return str(t.itemLong() != 0);
        }
        return t.dtype().isFloatingPoint() ? floatRepr(t.item()) : Long.toString(t.itemLong());
      }
    }
    return str(v);
  }

  /**
   * Python's {@code "{:.Nf}".format(v)}: the exact binary value rounded half-to-even, so {@code
   * fixed(0.03125, 4)} is {@code 0.0312} where {@link String#format} would give {@code 0.0313}.
   */
  public static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String digits =
        new BigDecimal(Math.abs(v)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + digits;
  }

  /**
   * Python's {@code repr(v)} of a float: the shortest decimal that reads back as {@code v}, in
   * positional notation when its decimal exponent is in [-4, 16), else as {@code 1.5e-05}.
   *
   * <pre>{@code
   * Py.floatRepr(6.691762447357178); // "6.691762447357178"
   * Py.floatRepr(3.0);               // "3.0"
   * Py.floatRepr(1e16);              // "1e+16"
   * }</pre>
   */
  public static String floatRepr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String sign = Double.doubleToRawLongBits(v) < 0 ? "-" : "";
    if (v == 0) {
      return sign + "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(Math.abs(v));
    // digits d1 d2 ... dn with the value 0.d1d2...dn * 10^decpt, as in CPython's format_float_short
    String digits = shortest.unscaledValue().toString();
    int decpt = digits.length() - shortest.scale();
    StringBuilder out = new StringBuilder(sign);
    if (decpt > -4 && decpt <= 16) {
      if (decpt <= 0) {
        out.append("0.").append("0".repeat(-decpt)).append(digits);
      } else if (decpt >= digits.length()) {
        out.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
      } else {
        out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
      }
      return out.toString();
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    int exponent = decpt - 1;
    out.append('e').append(exponent < 0 ? '-' : '+');
    if (Math.abs(exponent) < 10) {
      out.append('0');
    }
    return out.append(Math.abs(exponent)).toString();
  }

  /**
   * The shortest decimal that parses back to {@code v} (positive, finite), closest to {@code v}
   * among those of that length, without trailing zeros. Java 17's {@link Double#toString} is not
   * always shortest, so the digits are found by trying 1, 2, ... 17 significant digits.
   */
  private static BigDecimal shortestRoundTrip(double v) {
    BigDecimal exact = new BigDecimal(v);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      BigDecimal best = null;
      // The nearest candidate can miss where the round-trip interval is lopsided (at a power of
      // two); a neighbour one unit away may still read back.
      BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-nearest.scale());
      for (BigDecimal c : new BigDecimal[] {nearest, nearest.subtract(unit), nearest.add(unit)}) {
        if (c.signum() > 0
            && Double.parseDouble(c.toString()) == v
            && (best == null
                || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = c;
        }
      }
      if (best != null) {
        return best.stripTrailingZeros();
      }
    }
    throw new AssertionError("17 significant digits always round-trip a double: " + v);
  }
}
