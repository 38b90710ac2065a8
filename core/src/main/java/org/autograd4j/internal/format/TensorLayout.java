package org.autograd4j.internal.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the elements of a non-empty tensor as PyTorch's {@code _tensor_str_with_formatter} does:
 * nested brackets, vectors wrapped to the line width, one extra space of indent per nesting level,
 * {@code dim - 1} line breaks between sub-tensors, and {@code ...} in summarised dimensions.
 */
final class TensorLayout {
  private final int[] shape;
  private final long[] strides;
  private final boolean summarize;
  private final ElementFormatter elements;

  TensorLayout(int[] shape, boolean summarize, ElementFormatter elements) {
    this.shape = shape;
    this.strides = EdgeIndices.rowMajorStrides(shape);
    this.summarize = summarize;
    this.elements = elements;
  }

  /**
   * The bracketed body (no {@code tensor(} prefix); {@code indent} is the column the body starts
   * at.
   *
   * <pre>{@code
   * new TensorLayout(new int[] {2, 2}, false, f).render(7); // "[[1, 2],\n        [3, 4]]"
   * }</pre>
   */
  String render(int indent) {
    if (shape.length == 0) {
      return elements.format(0);
    }
    return block(0, 0L, indent);
  }

  private String block(int dim, long offset, int indent) {
    if (dim == shape.length - 1) {
      return vector(offset, indent);
    }
    List<String> slices = new ArrayList<>();
    for (int i : EdgeIndices.shown(shape[dim], summarize)) {
      slices.add(block(dim + 1, offset + i * strides[dim], indent + 1));
    }
    if (EdgeIndices.isCut(shape[dim], summarize)) {
      slices.add(PrintOptions.EDGE_ITEMS, "...");
    }
    int remainingDims = shape.length - dim;
    String separator = "," + "\n".repeat(remainingDims - 1) + " ".repeat(indent + 1);
    return "[" + String.join(separator, slices) + "]";
  }

  private String vector(long offset, int indent) {
    int last = shape.length - 1;
    List<String> data = new ArrayList<>();
    for (int i : EdgeIndices.shown(shape[last], summarize)) {
      data.add(elements.format(offset + i * strides[last]));
    }
    if (EdgeIndices.isCut(shape[last], summarize)) {
      // The ellipsis is an item of its own and counts towards the items per line.
      data.add(PrintOptions.EDGE_ITEMS, " ...");
    }
    // Each item takes its width plus ", "; floorDiv because deep nesting can push indent past 80.
    int perLine =
        Math.max(1, Math.floorDiv(PrintOptions.LINE_WIDTH - indent, elements.width() + 2));
    List<String> lines = new ArrayList<>();
    for (int start = 0; start < data.size(); start += perLine) {
      lines.add(String.join(", ", data.subList(start, Math.min(data.size(), start + perLine))));
    }
    return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
  }
}
