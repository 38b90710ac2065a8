package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link StridedCopy}: coalescing keeps the elements and their order, and copies of permuted,
 * expanded and sliced views give what the index map gives.
 */
class StridedCopyTest {

  @Test
  void coalescingMergesOnlyDimsThatStepOverEachOther() {
    // (16, 16, 784).permute(2, 0, 1): the last two dims merge into one of 256.
    int[][] permuted = StridedCopy.coalesce(new int[] {784, 16, 16}, new int[] {1, 12544, 784});
    assertArrayEquals(new int[] {784, 256}, permuted[0]);
    assertArrayEquals(new int[] {1, 784}, permuted[1]);
    // Size-1 dims vanish; a transpose does not merge.
    int[][] transposed = StridedCopy.coalesce(new int[] {1, 5, 1, 7}, new int[] {9, 1, 3, 5});
    assertArrayEquals(new int[] {5, 7}, transposed[0]);
    assertArrayEquals(new int[] {1, 5}, transposed[1]);
    // Two expanded dims merge (stride 0 over stride 0), an expanded and a dense one do not.
    int[][] expanded = StridedCopy.coalesce(new int[] {3, 4, 5}, new int[] {0, 0, 1});
    assertArrayEquals(new int[] {12, 5}, expanded[0]);
    assertArrayEquals(new int[] {0, 1}, expanded[1]);
    int[][] single = StridedCopy.coalesce(new int[] {1, 1}, new int[] {4, 1});
    assertArrayEquals(new int[] {1}, single[0]);
  }

  @Test
  void copiesOfViewsMatchTheIndexMap() {
    Tensor x = Torch.randn(4, 6, 5);
    Tensor[] views = {
      x.permute(2, 0, 1),
      x.permute(1, 2, 0),
      x.transpose(0, 2),
      x.narrow(1, 1, 4).permute(0, 2, 1),
      x.unsqueeze(1).expand(4, 3, 6, 5).permute(3, 1, 0, 2),
      x.view(4, 30).t(),
      x.to(DType.FLOAT64).permute(2, 1, 0)
    };
    for (Tensor v : views) {
      int n = v.numel();
      double[] expected = new double[n];
      int[] idx = Strided.indexMap(v.shape, v.strides, v.offset);
      for (int i = 0; i < n; i++) {
        expected[i] = v.storage.getDouble(idx[i]);
      }
      assertArrayEquals(
          expected, v.contiguous().toDoubleArray(), 0.0, java.util.Arrays.toString(v.shape));
    }
  }
}
