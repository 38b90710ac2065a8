package org.autograd4j;

import java.util.Arrays;

/**
 * The immutable size of a tensor, mirroring {@code torch.Size}.
 *
 * <pre>{@code
 * Shape s = Torch.zeros(2, 3).shape();
 * s.get(1);      // 3
 * s.toString();  // torch.Size([2, 3])
 * }</pre>
 */
public final class Shape {
  private final int[] dims;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  /**
   * Creates a shape from its dimension sizes.
   *
   * <pre>{@code
   * Shape.of(2, 3).numel(); // 6
   * }</pre>
   */
  public static Shape of(int... dims) {
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "Trying to create tensor with negative dimension " + d + ": " + Arrays.toString(dims));
      }
    }
    return new Shape(dims.clone());
  }

  /** The size of dimension {@code i}; negative indices count from the end. */
  public int get(int i) {
    return dims[Shapes.wrapDim(i, dims.length)];
  }

  /** The number of dimensions. */
  public int dim() {
    return dims.length;
  }

  /** The number of elements, the product of the sizes (1 for a 0-d shape). */
  public int numel() {
    return Shapes.numel(dims);
  }

  /** A copy of the sizes. */
  public int[] toArray() {
    return dims.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** PyTorch's repr, e.g. {@code torch.Size([2, 3])}. */
  @Override
  public String toString() {
    return "torch.Size(" + Shapes.str(dims) + ")";
  }
}
