package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad arguments to the op library fail with PyTorch 1.13's messages (each expected text below was
 * printed by PyTorch for the same call), and leave the operands untouched.
 */
class OpErrorsTest {
  private static final Tensor X = Torch.zeros(new int[] {2, 3}, DType.FLOAT64);

  private static Tensor ints(long... v) {
    return Torch.tensor(v);
  }

  private static void argument(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  private static void index(String message, Executable call) {
    assertEquals(message, assertThrows(IndexOutOfBoundsException.class, call).getMessage());
  }

  @Test
  void joining() {
    argument(
        "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for"
            + " tensor number 1 in the list.",
        () -> Torch.cat(List.of(X, Torch.zeros(new int[] {3, 2}, DType.FLOAT64)), 0));
    argument(
        "Tensors must have same number of dimensions: got 2 and 1",
        () -> Torch.cat(List.of(X, Torch.zeros(new int[] {3}, DType.FLOAT64)), 0));
    argument(
        "zero-dimensional tensor (at position 0) cannot be concatenated",
        () -> Torch.cat(List.of(Torch.tensor(1.0), Torch.tensor(2.0))));
    argument("torch.cat(): expected a non-empty list of Tensors", () -> Torch.cat(List.of()));
    argument(
        "stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [3, 2] at"
            + " entry 1",
        () -> Torch.stack(List.of(X, Torch.zeros(3, 2))));
    argument(
        "split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at"
            + " dimension 1), but got split_sizes=[1, 3]",
        () -> X.split(new int[] {1, 3}, 1));
    argument("chunk expects `chunks` to be greater than 0, got: 0", () -> X.chunk(0));
    argument("split expects split_size be non-negative, but got split_size=-1", () -> X.split(-1));
  }

  @Test
  void indexing() {
    // PyTorch raises RuntimeError here; an out-of-range index is an IndexOutOfBoundsException in
    // Java (RULES), with PyTorch's text.
    index(
        "index 5 is out of bounds for dimension 1 with size 3",
        () -> X.gather(1, ints(5).reshape(1, 1)));
    argument(
        "Index tensor must have the same number of dimensions as input tensor",
        () -> X.gather(1, ints(5)));
    index(
        "INDICES element is out of DATA bounds, id=3 axis_dim=3", () -> X.indexSelect(1, ints(3)));
    argument(
        "index_select(): Index is supposed to be a vector",
        () -> X.indexSelect(1, ints(0).reshape(1, 1)));
    index("index 2 is out of bounds for dimension 0 with size 2", () -> X.index(ints(2)));
    index("too many indices for tensor of dimension 2", () -> X.index(0, 1, 2));
    index(
        "The shape of the mask [3] at index 0 does not match the shape of the indexed tensor"
            + " [2, 3] at index 0",
        () -> X.index(Torch.tensor(new boolean[] {true, false, true})));
    index(
        "tensors used as indices must be long, byte or bool tensors",
        () -> X.index(Torch.tensor(new double[] {0})));
    argument("Mask tensor can take 0 and 1 values only", () -> X.maskedFill(X, 0.0));
    argument(
        "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1"
            + " dimension(s).",
        () -> X.maskedFill(X.gt(0.0), Torch.tensor(new double[] {1}, DType.FLOAT64)));
    argument(
        "shape mismatch: value tensor of shape [4] cannot be broadcast to indexing result of"
            + " shape [1, 3]",
        () -> X.indexPut(new Tensor[] {ints(0)}, Torch.zeros(new int[] {4}, DType.FLOAT64)));
    index(
        "index 3 is out of bounds for dimension 1 with size 3",
        () -> X.scatter(1, ints(3).reshape(1, 1), 1.0));
    argument("one_hot is only applicable to index tensor.", () -> Torch.oneHot(X, 2));
    argument("Class values must be smaller than num_classes.", () -> Torch.oneHot(ints(3), 2));
    argument("Class values must be non-negative.", () -> Torch.oneHot(ints(-1), 2));
  }

  @Test
  void reductionsAndShapes() {
    argument(
        "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the"
            + " reduction dim with the 'dim' argument.",
        () -> Torch.zeros(0).max());
    index("max(): Expected reduction dim 0 to have non-zero size.", () -> Torch.zeros(0, 2).max(0));
    index(
        "argmax(): Expected reduction dim to be specified for input.numel() == 0.",
        () -> Torch.zeros(0).argmax());
    index(
        "amax(): Expected reduction dim 0 to have non-zero size.",
        () -> Torch.zeros(0, 2).amax(new int[] {0}, false));
    argument("std and var only support floating point and complex dtypes", () -> ints(1, 2).var());
    argument(
        "norm(): input dtype should be either floating point or complex. Got Long instead.",
        () -> ints(1, 2).norm());
    index(
        "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
        () -> X.softmax(2));
    index(
        "Dimension out of range (expected to be in range of [-1, 0], but got -2)",
        () -> Torch.zeros(3).tril());
    argument(
        "Number of dimensions of repeat dims can not be smaller than number of dimensions of"
            + " tensor",
        () -> X.repeat(2));
    argument("dim 0 appears multiple times in the list of dims", () -> X.flip(0, 0));
    argument(
        "unflatten: Provided sizes [2, 2] don't multiply up to the size of dim 1 (3) in the input"
            + " tensor",
        () -> X.unflatten(1, 2, 2));
    argument(
        "flatten() has invalid args: start_dim cannot come after end_dim",
        () -> Torch.zeros(2, 3, 4).flatten(2, 1));
    argument(
        "torch.clamp: At least one of 'min' or 'max' must not be None",
        () -> X.clamp((Tensor) null, null));
    argument(
        "dropout probability has to be between 0 and 1, but got 1.5",
        () -> Torch.dropout(X, 1.5, true));
  }

  @Test
  void linearAlgebra() {
    argument(
        "einsum(): subscript j has size 2 for operand 1 which does not broadcast with previously"
            + " seen size 3",
        () -> Torch.einsum("ij,jk->ik", X, X));
    argument(
        "einsum(): the number of subscripts in the equation (3) does not match the number of"
            + " dimensions (2) for operand 0 and no ellipsis was given",
        () -> Torch.einsum("ijk->i", X));
    argument("outer: Expected 1-D argument self, but got 2-D", () -> Torch.outer(X, X));
  }

  @Test
  void inPlaceOnALeafThatRequiresGradIsRefusedAndLeavesItUnchanged() {
    Tensor leaf = Torch.tensor(new double[] {-1, 2}, DType.FLOAT64).requiresGrad_();
    List<Executable> calls =
        List.of(
            leaf::exp_,
            leaf::relu_,
            leaf::sigmoid_,
            leaf::tanh_,
            () -> leaf.maskedFill_(Torch.tensor(new boolean[] {true, false}), 0),
            () -> leaf.indexPut_(new Tensor[] {ints(0)}, Torch.tensor(5.0, DType.FLOAT64)),
            () -> leaf.clamp_(Torch.tensor(0.0, DType.FLOAT64), null));
    for (Executable call : calls) {
      IllegalStateException e = assertThrows(IllegalStateException.class, call);
      assertEquals(
          "a leaf Variable that requires grad is being used in an in-place operation.",
          e.getMessage());
    }
    assertEquals("tensor([-1.,  2.], dtype=torch.float64, requires_grad=True)", leaf.toString());
    assertEquals(0, leaf.version());
  }
}
