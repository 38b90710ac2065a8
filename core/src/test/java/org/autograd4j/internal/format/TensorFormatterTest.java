package org.autograd4j.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.autograd4j.DType;
import org.junit.jupiter.api.Test;

/** The outputs listed in pytorch-semantics.md §1.4, §1.7 and §1.8, spelled out by hand. */
class TensorFormatterTest {
  private static final int[] SCALAR = {};

  private static String f32(int[] shape, double... values) {
    return TensorFormatter.format(shape, DType.FLOAT32, ArrayElements.ofFloats(values), List.of());
  }

  @Test
  void seenScalars() {
    assertEquals("tensor(10.)", f32(SCALAR, 10));
    assertEquals("tensor(9.9120)", f32(SCALAR, 9.912));
    assertEquals("tensor(1.0000e+09)", f32(SCALAR, 1e9));
    assertEquals("tensor(100000.)", f32(SCALAR, 100000));
  }

  @Test
  void seenVectors() {
    assertEquals("tensor([0.6667, 1.3333, 2.0000])", f32(new int[] {3}, 2.0 / 3, 4.0 / 3, 2));
    assertEquals(
        "tensor([6.4465e-01, 1.5289e+01, 9.9570e-03])",
        f32(new int[] {3}, 0.64465, 15.289, 0.009957));
    assertEquals(
        "tensor([nan, 1., inf])", f32(new int[] {3}, Double.NaN, 1, Double.POSITIVE_INFINITY));
  }

  @Test
  void float32HalfEvenTie() {
    assertEquals("tensor(0.0312)", f32(SCALAR, 0.03125));
  }

  @Test
  void summarisedArange2000() {
    double[] values = new double[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    assertEquals(
        "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n"
            + "        1.9990e+03])",
        f32(new int[] {2000}, values));
  }

  @Test
  void integersAndBools() {
    assertEquals(
        "tensor([  1, -20, 300])",
        TensorFormatter.format(
            new int[] {3}, DType.INT64, ArrayElements.ofLongs(1, -20, 300), List.of()));
    assertEquals(
        "tensor([ True, False])",
        TensorFormatter.format(
            new int[] {2}, DType.BOOL, ArrayElements.ofBools(true, false), List.of()));
  }

  @Test
  void suffixes() {
    assertEquals(
        "tensor(2., dtype=torch.float64, requires_grad=True)",
        TensorFormatter.format(
            SCALAR, DType.FLOAT64, ArrayElements.ofDoubles(2), List.of("requires_grad=True")));
    assertEquals(
        "tensor(9., grad_fn=<PowBackward0>)",
        TensorFormatter.format(
            SCALAR, DType.FLOAT32, ArrayElements.ofFloats(9), List.of("grad_fn=<PowBackward0>")));
  }

  @Test
  void threeDimensionalBlocksAreSeparatedByABlankLine() {
    assertEquals(
        "tensor([[[0., 1.],\n         [2., 3.]],\n\n        [[4., 5.],\n         [6., 7.]]])",
        f32(new int[] {2, 2, 2}, 0, 1, 2, 3, 4, 5, 6, 7));
  }

  @Test
  void emptyTensors() {
    assertEquals("tensor([])", f32(new int[] {0}));
    assertEquals("tensor([], size=(0, 3))", f32(new int[] {0, 3}));
    assertEquals(
        "tensor([], dtype=torch.int64)",
        TensorFormatter.format(new int[] {0}, DType.INT64, ArrayElements.ofLongs(), List.of()));
  }

  @Test
  void rejectsNegativeSizes() {
    assertThrows(IllegalArgumentException.class, () -> f32(new int[] {-1}));
  }
}
