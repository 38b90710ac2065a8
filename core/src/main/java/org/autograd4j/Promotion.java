package org.autograd4j;

/** PyTorch's type promotion, including the lower priority of 0-d tensors and Python scalars. */
final class Promotion {
  private Promotion() {}

  private static int category(DType t) {
    return t == DType.BOOL ? 0 : t.isFloatingPoint() ? 2 : 1;
  }

  /**
   * The result dtype of a binary op: dimensioned tensors decide unless a 0-d operand is of a higher
   * category (bool &lt; integer &lt; floating), as in {@code torch.result_type}.
   */
  static DType resultType(Tensor a, Tensor b) {
    boolean aDim = a.dim() > 0;
    boolean bDim = b.dim() > 0;
    if (aDim == bDim) {
      return DType.promote(a.dtype(), b.dtype());
    }
    Tensor dimmed = aDim ? a : b;
    Tensor zeroDim = aDim ? b : a;
    return category(zeroDim.dtype()) > category(dimmed.dtype()) ? zeroDim.dtype() : dimmed.dtype();
  }

  /** A Python number wrapped as a 0-d tensor of the dtype it takes next to {@code t}. */
  static Tensor wrapScalar(Tensor t, double value, boolean integral) {
    DType d;
    if (t.dtype().isFloatingPoint()) {
      d = t.dtype();
    } else if (!integral) {
      d = DType.FLOAT32; // the default dtype
    } else {
      d = t.dtype() == DType.BOOL ? DType.INT64 : t.dtype();
    }
    return Creation.scalar(value, d);
  }

  /** The dtype of a unary float function's result: floats keep theirs, others become float32. */
  static DType floatResult(Tensor x) {
    return x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT32;
  }
}
