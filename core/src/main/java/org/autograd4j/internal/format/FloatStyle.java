package org.autograd4j.internal.format;

/**
 * The one notation and column width used for every element of a floating-point tensor, chosen the
 * way PyTorch's {@code _Formatter} does from the nonzero finite values it shows.
 *
 * <ul>
 *   <li>all integral: {@code 1.}, {@code -20.}; scientific if max/min &gt; 1000 or max &gt; 1e8;
 *   <li>otherwise {@code {:.4f}}; scientific if max/min &gt; 1000, max &gt; 1e8 or min &lt; 1e-4;
 *   <li>no nonzero finite values at all: integral with width 1.
 * </ul>
 *
 * <p>The width only counts nonzero finite values, so {@code nan} or {@code -0.} may stick out of
 * the column exactly as they do in PyTorch.
 */
final class FloatStyle {
  /** PyTorch's int_mode / sci_mode pair as one choice. */
  enum Mode {
    INTEGRAL,
    FIXED,
    SCIENTIFIC
  }

  private final Mode mode;
  private final int width;

  private FloatStyle(Mode mode, int width) {
    this.mode = mode;
    this.width = width;
  }

  /**
   * Chooses the style for the shown values of a tensor (any order, may include zeros, nan, inf).
   *
   * <pre>{@code
   * FloatStyle.choose(new double[] {1, 20, 300}).render(20); // "20."
   * FloatStyle.choose(new double[] {0.5, 1e-5}).mode();      // SCIENTIFIC
   * }</pre>
   */
  static FloatStyle choose(double[] shown) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    boolean integral = true;
    int count = 0;
    for (double v : shown) {
      if (v == 0 || !Double.isFinite(v)) {
        continue;
      }
      count++;
      double magnitude = Math.abs(v);
      min = Math.min(min, magnitude);
      max = Math.max(max, magnitude);
      integral &= v == Math.ceil(v);
    }
    if (count == 0) {
      return new FloatStyle(Mode.INTEGRAL, 1);
    }
    boolean wideRange = max / min > 1000.0 || max > 1.0e8;
    Mode mode;
    if (integral) {
      mode = wideRange ? Mode.SCIENTIFIC : Mode.INTEGRAL;
    } else {
      mode = wideRange || min < 1.0e-4 ? Mode.SCIENTIFIC : Mode.FIXED;
    }
    FloatStyle unsized = new FloatStyle(mode, 1);
    int width = 1;
    for (double v : shown) {
      if (v != 0 && Double.isFinite(v)) {
        width = Math.max(width, unsized.render(v).length());
      }
    }
    return new FloatStyle(mode, width);
  }

  Mode mode() {
    return mode;
  }

  /** Column width: the longest rendering among the nonzero finite values, at least 1. */
  int width() {
    return width;
  }

  /** The value in this style, without padding. */
  String render(double v) {
    switch (mode) {
      case SCIENTIFIC:
        return PyFloatFormat.scientific(v, PrintOptions.PRECISION);
      case FIXED:
        return PyFloatFormat.fixed(v, PrintOptions.PRECISION);
      default:
        // The trailing point marks a float tensor; nan and inf need no marker.
        String whole = PyFloatFormat.fixed(v, 0);
        return Double.isFinite(v) ? whole + "." : whole;
    }
  }
}
