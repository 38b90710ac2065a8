package org.autograd4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Functions over data sets, as in {@code torch.utils.data}: {@link #randomSplit}.
 *
 * <pre>{@code
 * List<Subset<Tensor[]>> parts = Datasets.randomSplit(ds, new int[] {50000, 10000}, 42);
 * }</pre>
 */
public final class Datasets {
  private Datasets() {}

  /**
   * {@code random_split(dataset, lengths, generator)}: a seeded random permutation of the indices,
   * cut into consecutive parts of the given lengths. The same seed gives the same split.
   *
   * @throws IllegalArgumentException if the lengths do not sum to the data set's size
   */
  public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, long seed) {
    long sum = 0;
    for (int l : lengths) {
      if (l < 0) {
        throw new IllegalArgumentException("random_split lengths must be non-negative, got " + l);
      }
      sum += l;
    }
    if (sum != dataset.size()) {
      throw new IllegalArgumentException(
          "Sum of input lengths does not equal the length of the input dataset!");
    }
    int[] perm = permutation(dataset.size(), new SplittableRandom(seed));
    List<Subset<T>> out = new ArrayList<>();
    int start = 0;
    for (int l : lengths) {
      out.add(new Subset<>(dataset, Arrays.copyOfRange(perm, start, start + l)));
      start += l;
    }
    return out;
  }

  /**
   * {@code random_split} with fractions summing to 1: each part gets {@code floor(n·f)} samples and
   * the remainder is handed out one by one, round-robin from the first part, as PyTorch does.
   */
  public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, long seed) {
    double total = 0;
    for (int i = 0; i < fractions.length; i++) {
      double f = fractions[i];
      if (!(f >= 0 && f <= 1)) {
        throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1");
      }
      total += f;
    }
    if (Math.abs(total - 1) > 1e-6) {
      throw new IllegalArgumentException(
          "Sum of input lengths does not equal the length of the input dataset!");
    }
    int n = dataset.size();
    int[] lengths = new int[fractions.length];
    int assigned = 0;
    for (int i = 0; i < fractions.length; i++) {
      lengths[i] = (int) Math.floor(n * fractions[i]);
      assigned += lengths[i];
    }
    for (int i = 0; i < n - assigned; i++) {
      lengths[i % lengths.length]++;
    }
    return randomSplit(dataset, lengths, seed);
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
