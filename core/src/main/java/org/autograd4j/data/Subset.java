package org.autograd4j.data;

/**
 * {@code Subset}: the samples of {@code dataset} at {@code indices}, in that order.
 *
 * <pre>{@code
 * Subset<Tensor[]> firstTen = new Subset<>(ds, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
 * }</pre>
 *
 * @param <T> the sample type
 */
public class Subset<T> implements Dataset<T> {
  private final Dataset<T> dataset;
  private final int[] indices;

  /** The view of {@code dataset} through {@code indices} (copied; each checked). */
  public Subset(Dataset<T> dataset, int[] indices) {
    int n = dataset.size();
    for (int i : indices) {
      if (i < 0 || i >= n) {
        throw new IndexOutOfBoundsException(
            "index " + i + " is out of bounds for a dataset of size " + n);
      }
    }
    this.dataset = dataset;
    this.indices = indices.clone();
  }

  /** The first {@code n} samples of {@code dataset} (all of them if it has fewer). */
  public static <T> Subset<T> first(Dataset<T> dataset, int n) {
    int[] idx = new int[Math.min(Math.max(n, 0), dataset.size())];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return new Subset<>(dataset, idx);
  }

  @Override
  public T get(int index) {
    return dataset.get(indices[index]);
  }

  @Override
  public int size() {
    return indices.length;
  }

  /** The underlying data set. */
  public Dataset<T> dataset() {
    return dataset;
  }

  /** The indices into the underlying data set (a copy). */
  public int[] indices() {
    return indices.clone();
  }
}
