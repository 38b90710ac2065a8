package org.autograd4j.internal.format;

import java.util.stream.DoubleStream;
import org.autograd4j.DType;

/**
 * Renders single elements of one tensor, right-aligned to a shared column width.
 *
 * <p>Floats use a {@link FloatStyle}; integers print as Python's {@code str(int)} and booleans as
 * {@code True}/{@code False}, with the width taken from the longest shown element.
 */
final class ElementFormatter {
  private final DType dtype;
  private final TensorFormatter.Elements elements;
  private final FloatStyle floatStyle;
  private final int width;

  private ElementFormatter(
      DType dtype, TensorFormatter.Elements elements, FloatStyle floatStyle, int width) {
    this.dtype = dtype;
    this.elements = elements;
    this.floatStyle = floatStyle;
    this.width = width;
  }

  /**
   * Builds the formatter from the elements that will be shown (only the edges when summarised).
   *
   * <pre>{@code
   * ElementFormatter f = ElementFormatter.create(new int[] {3}, DType.INT64, xs, false);
   * f.format(0); // "  1" when xs is [1, -20, 300]
   * }</pre>
   */
  static ElementFormatter create(
      int[] shape, DType dtype, TensorFormatter.Elements elements, boolean summarize) {
    if (dtype.isFloatingPoint()) {
      DoubleStream.Builder shown = DoubleStream.builder();
      EdgeIndices.forEachShown(shape, summarize, i -> shown.accept(elements.getDouble(i)));
      FloatStyle style = FloatStyle.choose(shown.build().toArray());
      return new ElementFormatter(dtype, elements, style, style.width());
    }
    int[] width = {1};
    ElementFormatter unsized = new ElementFormatter(dtype, elements, null, 1);
    EdgeIndices.forEachShown(
        shape, summarize, i -> width[0] = Math.max(width[0], unsized.raw(i).length()));
    return new ElementFormatter(dtype, elements, null, width[0]);
  }

  /** Column width of every element; vectors wrap by it. */
  int width() {
    return width;
  }

  /** The element at this flat row-major index, left-padded to {@link #width()}. */
  String format(long flatIndex) {
    String text = raw(flatIndex);
    // Longer renderings (nan, -0. outside the chosen width) are left as they are, like Python.
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }

  private String raw(long flatIndex) {
    if (floatStyle != null) {
      return floatStyle.render(elements.getDouble(flatIndex));
    }
    switch (dtype) {
      case INT64:
        return Long.toString(elements.getLong(flatIndex));
      case BOOL:
        return elements.getBool(flatIndex) ? "True" : "False";
      default:
        throw new IllegalArgumentException("cannot print elements of dtype " + dtype);
    }
  }
}
