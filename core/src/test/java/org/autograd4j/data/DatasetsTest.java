package org.autograd4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** TensorDataset, Subset and randomSplit. */
class DatasetsTest {
  private static TensorDataset ds(int n) {
    long[] y = new long[n];
    for (int i = 0; i < n; i++) {
      y[i] = i;
    }
    return new TensorDataset(Torch.tensor(y));
  }

  @Test
  void tensorDatasetIndexesTheFirstDimension() {
    TensorDataset d =
        new TensorDataset(Torch.arange(6L).view(3, 2), Torch.tensor(new long[] {7, 8, 9}));
    assertEquals(3, d.size());
    Tensor[] s = d.get(1);
    assertArrayEquals(new long[] {2, 3}, s[0].toLongArray());
    assertEquals(8, s[1].itemLong());
    assertThrows(IndexOutOfBoundsException.class, () -> d.get(3));
    assertEquals(
        "Size mismatch between tensors",
        assertThrows(
                IllegalArgumentException.class,
                () -> new TensorDataset(Torch.zeros(3), Torch.zeros(4)))
            .getMessage());
  }

  @Test
  void randomSplitPartitionsTheIndicesReproducibly() {
    List<Subset<Tensor[]>> parts = Datasets.randomSplit(ds(20), new int[] {5, 15}, 1);
    assertEquals(5, parts.get(0).size());
    assertEquals(15, parts.get(1).size());
    int[] all =
        IntStream.concat(
                Arrays.stream(parts.get(0).indices()), Arrays.stream(parts.get(1).indices()))
            .sorted()
            .toArray();
    assertArrayEquals(IntStream.range(0, 20).toArray(), all);
    assertArrayEquals(
        parts.get(0).indices(),
        Datasets.randomSplit(ds(20), new int[] {5, 15}, 1).get(0).indices());
    // the subset returns the underlying samples
    int i0 = parts.get(0).indices()[0];
    assertEquals(i0, parts.get(0).get(0)[0].itemLong());
  }

  @Test
  void randomSplitByFractionsHandsOutTheRemainderRoundRobin() {
    List<Subset<Tensor[]>> parts = Datasets.randomSplit(ds(10), new double[] {0.33, 0.33, 0.34}, 2);
    // floor: 3, 3, 3; one left over goes to the first part (PyTorch 1.13's rule)
    assertEquals(List.of(4, 3, 3), parts.stream().map(Subset::size).toList());
  }

  @Test
  void randomSplitChecksLengths() {
    assertEquals(
        "Sum of input lengths does not equal the length of the input dataset!",
        assertThrows(
                IllegalArgumentException.class,
                () -> Datasets.randomSplit(ds(10), new int[] {3, 3}, 0))
            .getMessage());
  }

  @Test
  void subsetChecksIndicesAndFirstTakesAPrefix() {
    assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(ds(3), new int[] {3}));
    Subset<Tensor[]> first = Subset.first(ds(10), 4);
    assertArrayEquals(new int[] {0, 1, 2, 3}, first.indices());
    assertEquals(10, Subset.first(ds(10), 50).size());
  }
}
