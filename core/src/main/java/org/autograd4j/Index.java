package org.autograd4j;

/**
 * One item of a PyTorch-style subscript for {@link Tensor#index(Object...)}: an integer, a slice
 * with optional bounds and step, {@code None} (a new axis), {@code ...} (ellipsis), or a tensor of
 * int64 indices or a bool mask. Plain {@code Integer}s and {@code Tensor}s may be passed directly.
 *
 * <pre>{@code
 * x.index(Index.slice(0, 3), Index.NONE, 1);        // x[0:3, None, 1]
 * x.index(Index.ELLIPSIS, Index.slice(null, null, 2)); // x[..., ::2]
 * x.index(x.gt(0));                                 // x[x > 0]
 * }</pre>
 */
public final class Index {
  enum Kind {
    INT,
    SLICE,
    NONE,
    ELLIPSIS,
    TENSOR
  }

  final Kind kind;
  final int value;
  final Integer start;
  final Integer stop;
  final int step;
  final Tensor tensor;

  private Index(Kind kind, int value, Integer start, Integer stop, int step, Tensor tensor) {
    this.kind = kind;
    this.value = value;
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.tensor = tensor;
  }

  /** {@code None}: inserts a dim of size 1. */
  public static final Index NONE = new Index(Kind.NONE, 0, null, null, 1, null);

  /** {@code ...}: as many full slices as needed. */
  public static final Index ELLIPSIS = new Index(Kind.ELLIPSIS, 0, null, null, 1, null);

  /** {@code :}, the full slice. */
  public static final Index ALL = new Index(Kind.SLICE, 0, null, null, 1, null);

  /** An integer index (negative counts from the end); removes the dim. */
  public static Index at(int i) {
    return new Index(Kind.INT, i, null, null, 1, null);
  }

  /** {@code start:stop}; null bounds mean "from the beginning" / "to the end". */
  public static Index slice(Integer start, Integer stop) {
    return slice(start, stop, 1);
  }

  /** {@code start:stop:step} with a positive step. */
  public static Index slice(Integer start, Integer stop, int step) {
    if (step <= 0) {
      throw new IllegalArgumentException("step must be greater than zero");
    }
    return new Index(Kind.SLICE, 0, start, stop, step, null);
  }

  /** An int64 index tensor or a bool mask. */
  public static Index tensor(Tensor t) {
    if (t.dtype().isFloatingPoint()) {
      throw new IndexOutOfBoundsException(
          "tensors used as indices must be long, byte or bool tensors");
    }
    return new Index(Kind.TENSOR, 0, null, null, 1, t);
  }

  static Index of(Object o) {
    if (o instanceof Index) {
      return (Index) o;
    }
    if (o instanceof Integer || o instanceof Long) {
      return at(((Number) o).intValue());
    }
    if (o instanceof Tensor) {
      return tensor((Tensor) o);
    }
    if (o == null) {
      return NONE;
    }
    throw new IllegalArgumentException(
        "unsupported index item " + o + " (use Integer, Index or Tensor)");
  }
}
