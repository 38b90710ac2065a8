package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Products of views (transposed, sliced, batched, broadcast) against a naive triple loop. */
class MatmulLayoutTest {

  private static double at(Tensor t, int... idx) {
    Tensor x = t;
    for (int i : idx) {
      x = x.select(0, i);
    }
    return x.item();
  }

  private static void assertProduct(Tensor a, Tensor b, Tensor c) {
    int n = a.size(0);
    int k = a.size(1);
    int m = b.size(1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += at(a, i, p) * at(b, p, j);
        }
        assertEquals(s, at(c, i, j), 1e-9, "element (" + i + ", " + j + ")");
      }
    }
  }

  @Test
  void transposedAndSlicedOperandsMultiplyCorrectly() {
    Torch.manualSeed(1);
    Tensor a = Torch.randn(new int[] {7, 5}, DType.FLOAT64);
    Tensor b = Torch.randn(new int[] {9, 5}, DType.FLOAT64);
    assertProduct(a, b.t(), a.mm(b.t()));
    assertProduct(b, a.t(), b.matmul(a.t()));
    Tensor wide = Torch.randn(new int[] {7, 12}, DType.FLOAT64);
    Tensor slice = wide.slice(1, 2, 7, 1); // row stride 12, 5 columns
    assertProduct(slice, b.t(), slice.mm(b.t()));
    Tensor stepped = wide.slice(1, 0, 12, 2); // column stride 2: must be copied
    Tensor c = Torch.randn(new int[] {6, 3}, DType.FLOAT64);
    assertProduct(stepped, c, stepped.mm(c));
  }

  @Test
  void batchedAndBroadcastMatmul() {
    Torch.manualSeed(2);
    Tensor a = Torch.randn(new int[] {3, 4, 5}, DType.FLOAT64);
    Tensor w = Torch.randn(new int[] {5, 2}, DType.FLOAT64);
    Tensor out = a.matmul(w);
    assertEquals(Shape.of(3, 4, 2), out.shape());
    for (int p = 0; p < 3; p++) {
      assertProduct(a.select(0, p), w, out.select(0, p));
    }
    Tensor bt = a.transpose(1, 2).bmm(a); // transposed batch operand
    for (int p = 0; p < 3; p++) {
      assertProduct(a.select(0, p).t(), a.select(0, p), bt.select(0, p));
    }
  }

  @Test
  void float32ProductsUseTheSameKernel() {
    Tensor a = Torch.arange(12.0).reshape(3, 4);
    Tensor b = Torch.arange(8.0).reshape(4, 2);
    assertEquals(
        "tensor([[ 28.,  34.],\n        [ 76.,  98.],\n        [124., 162.]])", a.mm(b).toString());
  }
}
