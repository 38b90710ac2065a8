package org.autograd4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** Batching, shuffling, determinism, prefetching and collation. */
class DataLoaderTest {
  /** x[i] = [i, 10 i], y[i] = i: each batch says which samples it holds. */
  private static TensorDataset ds(int n) {
    double[] x = new double[2 * n];
    long[] y = new long[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = i;
      x[2 * i + 1] = 10 * i;
      y[i] = i;
    }
    return new TensorDataset(Torch.tensor(x, DType.FLOAT64).view(n, 2), Torch.tensor(y));
  }

  private static List<long[]> labels(Iterable<Tensor[]> loader) {
    List<long[]> out = new ArrayList<>();
    for (Tensor[] b : loader) {
      long[] y = b[1].toLongArray();
      double[] x = b[0].toDoubleArray();
      for (int i = 0; i < y.length; i++) {
        // the two columns travel together with their label
        assertEquals(y[i], x[2 * i]);
        assertEquals(10 * y[i], x[2 * i + 1]);
      }
      out.add(y);
    }
    return out;
  }

  @Test
  void sequentialBatchesWithAndWithoutDropLast() {
    DataLoader<Tensor[], Tensor[]> loader = DataLoader.of(ds(10), 4, false);
    assertEquals(3, loader.size());
    List<long[]> batches = labels(loader);
    assertArrayEquals(new long[] {0, 1, 2, 3}, batches.get(0));
    assertArrayEquals(new long[] {8, 9}, batches.get(2));
    Tensor[] first = loader.iterator().next();
    assertEquals("torch.Size([4, 2])", first[0].shape().toString());
    assertEquals(DType.FLOAT64, first[0].dtype());
    assertEquals(DType.INT64, first[1].dtype());

    DataLoader<Tensor[], Tensor[]> drop =
        DataLoader.builder(ds(10)).batchSize(4).dropLast(true).build();
    assertEquals(2, drop.size());
    assertEquals(2, labels(drop).size());
  }

  @Test
  void shuffleIsAPermutationReproducibleBySeedAndDifferentPerEpoch() {
    DataLoader<Tensor[], Tensor[]> a =
        DataLoader.builder(ds(50)).batchSize(7).shuffle(true).seed(3).build();
    DataLoader<Tensor[], Tensor[]> b =
        DataLoader.builder(ds(50)).batchSize(7).shuffle(true).seed(3).build();
    long[] e0 = flat(labels(a));
    long[] e1 = flat(labels(a));
    assertArrayEquals(e0, flat(labels(b)));
    assertArrayEquals(e1, flat(labels(b)));
    assertNotEquals(Arrays.toString(e0), Arrays.toString(e1));
    long[] sorted = e0.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 50; i++) {
      assertEquals(i, sorted[i]);
    }
    long[] other =
        flat(labels(DataLoader.builder(ds(50)).batchSize(7).shuffle(true).seed(4).build()));
    assertNotEquals(Arrays.toString(e0), Arrays.toString(other));
  }

  @Test
  void setEpochResumesTheSameOrder() {
    DataLoader<Tensor[], Tensor[]> straight =
        DataLoader.builder(ds(30)).batchSize(5).shuffle(true).seed(9).build();
    labels(straight);
    labels(straight);
    long[] third = flat(labels(straight));
    DataLoader<Tensor[], Tensor[]> resumed =
        DataLoader.builder(ds(30)).batchSize(5).shuffle(true).seed(9).build();
    resumed.setEpoch(2);
    assertArrayEquals(third, flat(labels(resumed)));
    assertEquals(3, resumed.epoch());
  }

  @Test
  void workersPreserveOrderAndGiveTheSameBatches() {
    try (DataLoader<Tensor[], Tensor[]> serial =
            DataLoader.builder(ds(101)).batchSize(8).shuffle(true).seed(5).build();
        DataLoader<Tensor[], Tensor[]> parallel =
            DataLoader.builder(ds(101))
                .batchSize(8)
                .shuffle(true)
                .seed(5)
                .numWorkers(3)
                .prefetch(4)
                .build()) {
      for (int epoch = 0; epoch < 3; epoch++) {
        List<long[]> s = labels(serial);
        List<long[]> p = labels(parallel);
        assertEquals(s.size(), p.size());
        for (int i = 0; i < s.size(); i++) {
          assertArrayEquals(s.get(i), p.get(i));
        }
      }
    }
  }

  @Test
  void workerErrorsReachTheCaller() {
    Dataset<Tensor[]> broken =
        new Dataset<>() {
          @Override
          public Tensor[] get(int index) {
            if (index == 5) {
              throw new IllegalStateException("sample 5 is corrupt");
            }
            return new Tensor[] {Torch.tensor((double) index)};
          }

          @Override
          public int size() {
            return 8;
          }
        };
    try (DataLoader<Tensor[], Tensor[]> loader =
        DataLoader.builder(broken).batchSize(2).numWorkers(2).build()) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> loader.forEach(b -> {}));
      assertEquals("sample 5 is corrupt", e.getMessage());
    }
  }

  @Test
  void collateRejectsUnequalShapes() {
    Dataset<Tensor[]> ragged =
        new Dataset<>() {
          @Override
          public Tensor[] get(int index) {
            return new Tensor[] {Torch.zeros(index + 1)};
          }

          @Override
          public int size() {
            return 2;
          }
        };
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DataLoader.of(ragged, 2, false).iterator().next());
    assertEquals(
        "stack expects each tensor to be equal size, but got [1] at entry 0 and [2] at entry 1",
        e.getMessage());
  }

  @Test
  void badOptions() {
    assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds(3)).batchSize(0));
    assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds(3)).numWorkers(-1));
  }

  private static long[] flat(List<long[]> batches) {
    return batches.stream().flatMapToLong(Arrays::stream).toArray();
  }
}
