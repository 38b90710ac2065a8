package org.autograd4j;

/**
 * The element type of a tensor, mirroring {@code torch.dtype}.
 *
 * <pre>{@code
 * Tensor x = Torch.zeros(3).to(DType.FLOAT64);
 * x.dtype(); // DType.FLOAT64, printed as torch.float64
 * }</pre>
 */
public enum DType {
  /** 32-bit IEEE float, the default dtype as in PyTorch. */
  FLOAT32("torch.float32", "torch.FloatTensor", 4, true),
  /** 64-bit IEEE float. */
  FLOAT64("torch.float64", "torch.DoubleTensor", 8, true),
  /** 64-bit signed integer, the dtype of integer literals and indices. */
  INT64("torch.int64", "torch.LongTensor", 8, false),
  /** Boolean, the result of comparisons. */
  BOOL("torch.bool", "torch.BoolTensor", 1, false);

  private final String torchName;
  private final String legacyTypeName;
  private final int itemSize;
  private final boolean floatingPoint;

  DType(String torchName, String legacyTypeName, int itemSize, boolean floatingPoint) {
    this.torchName = torchName;
    this.legacyTypeName = legacyTypeName;
    this.itemSize = itemSize;
    this.floatingPoint = floatingPoint;
  }

  /** PyTorch's printed name, e.g. {@code torch.float32}. */
  public String torchName() {
    return torchName;
  }

  /** PyTorch's legacy tensor type name used in error messages, e.g. {@code torch.FloatTensor}. */
  public String legacyTypeName() {
    return legacyTypeName;
  }

  /**
   * ATen's scalar type name used in dtype errors, e.g. {@code Float} in "expected scalar type Float
   * but found Double".
   */
  public String scalarTypeName() {
    switch (this) {
      case FLOAT32:
        return "Float";
      case FLOAT64:
        return "Double";
      case INT64:
        return "Long";
      default:
        return "Bool";
    }
  }

  /** Bytes per element. */
  public int itemSize() {
    return itemSize;
  }

  /** Whether tensors of this dtype can require gradients. */
  public boolean isFloatingPoint() {
    return floatingPoint;
  }

  /**
   * PyTorch's type promotion for two tensor operands: bool &lt; int64 &lt; float32 &lt; float64.
   *
   * <pre>{@code
   * DType.promote(DType.INT64, DType.FLOAT32); // FLOAT32
   * }</pre>
   */
  public static DType promote(DType a, DType b) {
    return a.ordinalRank() >= b.ordinalRank() ? a : b;
  }

  private int ordinalRank() {
    switch (this) {
      case BOOL:
        return 0;
      case INT64:
        return 1;
      case FLOAT32:
        return 2;
      default:
        return 3;
    }
  }

  @Override
  public String toString() {
    return torchName;
  }
}
