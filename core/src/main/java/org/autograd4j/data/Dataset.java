package org.autograd4j.data;

/**
 * A map-style data set ({@code torch.utils.data.Dataset}): {@code size()} samples, addressed by
 * index. Implementations used with a prefetching {@link DataLoader} must allow concurrent {@code
 * get} calls (read-only data sets do).
 *
 * <pre>{@code
 * Dataset<Tensor[]> ds = new TensorDataset(x, y);
 * Tensor[] sample = ds.get(0); // {x[0], y[0]}
 * }</pre>
 *
 * @param <T> the sample type, e.g. {@code Tensor[]} for (input, target) pairs
 */
public interface Dataset<T> {
  /** The sample at {@code index}, {@code 0 <= index < size()}. */
  T get(int index);

  /** The number of samples ({@code len(dataset)}). */
  int size();
}
