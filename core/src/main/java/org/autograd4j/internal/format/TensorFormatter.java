package org.autograd4j.internal.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.autograd4j.DType;

/**
 * PyTorch's tensor {@code repr} (torch/_tensor_str.py, 1.13, default print options), character for
 * character.
 *
 * <p>It works on a shape, a dtype and an element reader rather than on a tensor class so that the
 * tensor implementation stays free to store its data however it likes. The caller passes the
 * autograd suffix ({@code grad_fn=<MulBackward0>}, else {@code requires_grad=True}); an {@code
 * nn.Parameter} prints {@code "Parameter containing:\n"} in front of this repr, also the caller's
 * job.
 */
public final class TensorFormatter {
  private static final String PREFIX = "tensor(";

  private TensorFormatter() {}

  /** Reads elements by flat row-major index (0 .. numel-1). */
  public interface Elements {
    /** The element as a double; for FLOAT32 the exact float widened to double. */
    double getDouble(long flatIndex);

    /** The element of an INT64 tensor. */
    long getLong(long flatIndex);

    /** The element of a BOOL tensor. */
    boolean getBool(long flatIndex);
  }

  /**
   * Formats a tensor exactly as PyTorch's {@code repr} would.
   *
   * <pre>{@code
   * double[] data = {0.5, 1.0, 2.0};
   * Elements elementsOf = ...; // getDouble(i) returns data[(int) i]
   * TensorFormatter.format(new int[] {3}, DType.FLOAT64, elementsOf,
   *     List.of("requires_grad=True"));
   * // "tensor([0.5000, 1.0000, 2.0000], dtype=torch.float64, requires_grad=True)"
   * }</pre>
   *
   * @param shape the sizes of each dimension; an empty array is a 0-d scalar
   * @param dtype the element type, which picks the reader method and the dtype suffix
   * @param elements reads elements by flat row-major index
   * @param suffixes extra suffix items in order, already rendered, e.g. {@code
   *     "grad_fn=<PowBackward0>"} or {@code "requires_grad=True"}; may be empty. The formatter
   *     itself adds {@code dtype=torch.float64} (or {@code size=(...)} for empty) in front of these
   *     as PyTorch does.
   * @return the repr, possibly spanning several lines
   */
  public static String format(int[] shape, DType dtype, Elements elements, List<String> suffixes) {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(elements, "elements");
    Objects.requireNonNull(suffixes, "suffixes");
    long numel = 1;
    for (int size : shape) {
      if (size < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + tuple(shape));
      }
      numel *= size;
    }
    int indent = PREFIX.length();
    List<String> items = new ArrayList<>();
    String body;
    if (numel == 0) {
      // No elements reveal the dtype, so every non-default dtype is spelled out, int64 included.
      if (shape.length != 1) {
        items.add("size=" + tuple(shape));
      }
      if (dtype != DType.FLOAT32) {
        items.add("dtype=" + dtype.torchName());
      }
      body = "[]";
    } else {
      if (!isImpliedByElements(dtype)) {
        items.add("dtype=" + dtype.torchName());
      }
      boolean summarize = numel > PrintOptions.THRESHOLD;
      ElementFormatter formatter = ElementFormatter.create(shape, dtype, elements, summarize);
      body = new TensorLayout(shape, summarize, formatter).render(indent);
    }
    items.addAll(suffixes);
    return Suffixes.append(PREFIX + body, items, indent);
  }

  /** float32 is the default dtype; int64 and bool are recognisable from how elements print. */
  private static boolean isImpliedByElements(DType dtype) {
    return dtype == DType.FLOAT32 || dtype == DType.INT64 || dtype == DType.BOOL;
  }

  /** Python's {@code str(tuple(shape))}: {@code (0, 3)}, {@code (0,)}, {@code ()}. */
  private static String tuple(int[] shape) {
    StringBuilder out = new StringBuilder("(");
    for (int d = 0; d < shape.length; d++) {
      out.append(d == 0 ? "" : ", ").append(shape[d]);
    }
    return out.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
