package org.autograd4j;

import org.autograd4j.internal.kernels.Erfc;

/** Scalar special functions the kernels need, accurate to a few ulps in double. */
final class SpecialFunctions {
  private SpecialFunctions() {}

  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

  /**
   * The error function, within a few ulps (at most 5 against CPython's math.erf on a grid of 4000
   * points in [-6, 6]). For |x| &lt; 1 the series {@code erf x = 2/sqrt(pi) e^{-x²} sum 2^n
   * x^{2n+1} / (2n+1)!!} has only positive terms (no cancellation); from 1 on, {@code erfc} by its
   * continued fraction, evaluated with the modified Lentz method, and {@code erf = 1 - erfc}.
   */
  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    double r;
    if (a < 1) {
      double x2 = a * a;
      double term = a;
      double sum = a;
      for (int n = 1; n < 200; n++) {
        term *= 2 * x2 / (2 * n + 1);
        sum += term;
        if (term < sum * 1e-17) {
          break;
        }
      }
      r = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    } else {
      r = 1 - erfcLarge(a);
    }
    return x < 0 ? -r : r;
  }

  /** erfc(x) for x >= 1: e^{-x²}/sqrt(pi) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))). */
  private static double erfcLarge(double x) {
    if (x > 27) {
      return 0;
    }
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int n = 1; n < 5000; n++) {
      double an = n / 2.0;
      d = x + an * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }

  /**
   * erf to float32's precision (about 2 ulps): the odd Taylor series below |z| = 1/2, where {@code
   * 1 - erfc} would lose the leading digits, else {@code ±(1 - erfc)} from {@link Erfc#float32}.
   */
  static double erfFloat32(double z) {
    if (Math.abs(z) < 0.5) {
      double z2 = z * z;
      // 2/sqrt(pi) sum (-1)^n z^(2n+1) / (n! (2n+1)), n <= 6: the next term is below 1e-9.
      return TWO_OVER_SQRT_PI
          * z
          * (1
              + z2
                  * (-1.0 / 3
                      + z2
                          * (1.0 / 10
                              + z2
                                  * (-1.0 / 42
                                      + z2 * (1.0 / 216 + z2 * (-1.0 / 1320 + z2 / 9360))))));
    }
    double r = 1 - Erfc.float32(Math.abs(z));
    return z < 0 ? -r : r;
  }
}
