package org.autograd4j.internal.format;

import java.util.function.LongConsumer;

/**
 * Which elements a printed tensor shows: all of them, or when summarised only the first and last
 * {@link PrintOptions#EDGE_ITEMS} of every dimension longer than twice that.
 *
 * <p>This mirrors both {@code get_summarized_data} (the values the float style is chosen from) and
 * the {@code ...} cuts in the layout, so the two can never disagree.
 */
final class EdgeIndices {
  private EdgeIndices() {}

  /** Whether a dimension of this size prints as {@code a, b, c, ..., x, y, z}. */
  static boolean isCut(int size, boolean summarize) {
    return summarize && size > 2 * PrintOptions.EDGE_ITEMS;
  }

  /**
   * The indices shown along one dimension, in order.
   *
   * <pre>{@code
   * EdgeIndices.shown(10, true);  // [0, 1, 2, 7, 8, 9]
   * EdgeIndices.shown(4, true);   // [0, 1, 2, 3]
   * }</pre>
   */
  static int[] shown(int size, boolean summarize) {
    if (!isCut(size, summarize)) {
      int[] all = new int[size];
      for (int i = 0; i < size; i++) {
        all[i] = i;
      }
      return all;
    }
    int edge = PrintOptions.EDGE_ITEMS;
    int[] ends = new int[2 * edge];
    for (int i = 0; i < edge; i++) {
      ends[i] = i;
      ends[edge + i] = size - edge + i;
    }
    return ends;
  }

  /** Row-major strides of a contiguous tensor of this shape. */
  static long[] rowMajorStrides(int[] shape) {
    long[] strides = new long[shape.length];
    long stride = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      strides[d] = stride;
      stride *= shape[d];
    }
    return strides;
  }

  /** Calls {@code action} with the flat index of every shown element, in row-major order. */
  static void forEachShown(int[] shape, boolean summarize, LongConsumer action) {
    visit(shape, rowMajorStrides(shape), summarize, 0, 0L, action);
  }

  private static void visit(
      int[] shape, long[] strides, boolean summarize, int dim, long offset, LongConsumer action) {
    if (dim == shape.length) {
      action.accept(offset);
      return;
    }
    for (int i : shown(shape[dim], summarize)) {
      visit(shape, strides, summarize, dim + 1, offset + i * strides[dim], action);
    }
  }
}
