package org.autograd4j.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.autograd4j.Tensor;
import org.autograd4j.internal.Generator;

/**
 * {@code torch.utils.data.DataLoader}: iterates a data set in batches, optionally shuffled, with an
 * optional pool of background threads that assemble the next batches while the current one trains.
 *
 * <pre>{@code
 * DataLoader<Tensor[], Tensor[]> loader =
 *     DataLoader.builder(trainSet).batchSize(64).shuffle(true).seed(42).numWorkers(2).build();
 * for (int epoch = 0; epoch < 3; epoch++) {
 *   for (Tensor[] batch : loader) { // {images [64, 1, 28, 28], labels [64]}
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Determinism: the order of epoch {@code e} is a permutation drawn from a generator seeded with
 * {@code (seed, e)} alone, and workers only assemble batches whose indices the calling thread has
 * already fixed, returned in order; so the batches are the same with or without workers, and a run
 * resumed with {@link #setEpoch} sees the batches an uninterrupted run would. Each call of {@link
 * #iterator()} starts the next epoch.
 *
 * @param <T> the sample type
 * @param <B> the batch type
 */
public final class DataLoader<T, B> implements Iterable<B>, AutoCloseable {
  private final Dataset<T> dataset;
  private final Collate<T, B> collate;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final boolean dropLast;
  private final int numWorkers;
  private final int prefetch;
  private int epoch;
  private ExecutorService pool;

  private DataLoader(Builder<T, B> b) {
    this.dataset = b.dataset;
    this.collate = b.collate;
    this.batchSize = b.batchSize;
    this.shuffle = b.shuffle;
    this.seed = b.seed != null ? b.seed : Generator.defaultGenerator().nextLong(0, Long.MAX_VALUE);
    this.dropLast = b.dropLast;
    this.numWorkers = b.numWorkers;
    this.prefetch = b.prefetch > 0 ? b.prefetch : 2 * Math.max(1, b.numWorkers);
  }

  /** A loader of {@code Tensor[]} samples with the default (stacking) collate. */
  public static Builder<Tensor[], Tensor[]> builder(Dataset<Tensor[]> dataset) {
    return new Builder<>(dataset, Collate.tensors());
  }

  /** A loader with a custom collate function. */
  public static <T, B> Builder<T, B> builder(Dataset<T> dataset, Collate<T, B> collate) {
    return new Builder<>(dataset, collate);
  }

  /** {@code DataLoader(dataset, batch_size, shuffle)} with the default collate. */
  public static DataLoader<Tensor[], Tensor[]> of(
      Dataset<Tensor[]> dataset, int batchSize, boolean shuffle) {
    return builder(dataset).batchSize(batchSize).shuffle(shuffle).build();
  }

  /** Options of a {@link DataLoader}; PyTorch's defaults. */
  public static final class Builder<T, B> {
    private final Dataset<T> dataset;
    private final Collate<T, B> collate;
    private int batchSize = 1;
    private boolean shuffle;
    private Long seed;
    private boolean dropLast;
    private int numWorkers;
    private int prefetch;

    private Builder(Dataset<T> dataset, Collate<T, B> collate) {
      this.dataset = dataset;
      this.collate = collate;
    }

    /** Samples per batch (default 1). */
    public Builder<T, B> batchSize(int batchSize) {
      if (batchSize <= 0) {
        throw new IllegalArgumentException(
            "batch_size should be a positive integer value, but got batch_size=" + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Reshuffle every epoch (default false). */
    public Builder<T, B> shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /**
     * Seed of the shuffling order (default: drawn once from the global generator, so {@code
     * Torch.manualSeed} makes it reproducible).
     */
    public Builder<T, B> seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Drop the last batch if it is smaller than {@code batchSize} (default false). */
    public Builder<T, B> dropLast(boolean dropLast) {
      this.dropLast = dropLast;
      return this;
    }

    /** Background threads assembling batches (default 0: the iterating thread does it). */
    public Builder<T, B> numWorkers(int numWorkers) {
      if (numWorkers < 0) {
        throw new IllegalArgumentException(
            "num_workers option should be non-negative; use num_workers=0 to disable"
                + " multiprocessing.");
      }
      this.numWorkers = numWorkers;
      return this;
    }

    /** Batches prepared ahead with workers (default {@code 2 × numWorkers}). */
    public Builder<T, B> prefetch(int batches) {
      if (batches < 0) {
        throw new IllegalArgumentException("prefetch must be non-negative, got " + batches);
      }
      this.prefetch = batches;
      return this;
    }

    /** The loader. */
    public DataLoader<T, B> build() {
      return new DataLoader<>(this);
    }
  }

  /** The number of batches per epoch ({@code len(loader)}). */
  public int size() {
    int n = dataset.size();
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  /** The data set. */
  public Dataset<T> dataset() {
    return dataset;
  }

  /** The shuffling seed. */
  public long seed() {
    return seed;
  }

  /** The epoch the next {@link #iterator()} will produce (0 at first). */
  public int epoch() {
    return epoch;
  }

  /**
   * Makes the next {@link #iterator()} produce epoch {@code epoch}: how a resumed run continues.
   */
  public void setEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be non-negative, got " + epoch);
    }
    this.epoch = epoch;
  }

  /** The sample order of epoch {@code e}. */
  int[] order(int e) {
    int n = dataset.size();
    if (!shuffle) {
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      return idx;
    }
    // An independent stream per (seed, epoch): epoch e's order needs no replay of earlier epochs.
    long mixed = new SplittableRandom(seed).split().nextLong() ^ (0x9E3779B97F4A7C15L * (e + 1));
    return Datasets.permutation(n, new SplittableRandom(mixed));
  }

  /** Iterates the batches of the next epoch. */
  @Override
  public Iterator<B> iterator() {
    int[] order = order(epoch++);
    int batches = size();
    List<int[]> plan = new ArrayList<>(batches);
    for (int b = 0; b < batches; b++) {
      int from = b * batchSize;
      plan.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)));
    }
    return numWorkers == 0 ? new Serial(plan) : new Prefetching(plan, workers());
  }

  private B load(int[] indices) {
    List<T> samples = new ArrayList<>(indices.length);
    for (int i : indices) {
      samples.add(dataset.get(i));
    }
    return collate.collate(samples);
  }

  private synchronized ExecutorService workers() {
    if (pool == null) {
      AtomicInteger count = new AtomicInteger();
      pool =
          Executors.newFixedThreadPool(
              numWorkers,
              r -> {
                Thread t = new Thread(r, "autograd4j-loader-" + count.incrementAndGet());
                t.setDaemon(true); // never keeps the JVM alive
                return t;
              });
    }
    return pool;
  }

  /** Stops the worker threads, if any; the loader can still be iterated (serially restarted). */
  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }

  private final class Serial implements Iterator<B> {
    private final List<int[]> plan;
    private int next;

    Serial(List<int[]> plan) {
      this.plan = plan;
    }

    @Override
    public boolean hasNext() {
      return next < plan.size();
    }

    @Override
    public B next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return load(plan.get(next++));
    }
  }

  private final class Prefetching implements Iterator<B> {
    private final List<int[]> plan;
    private final ExecutorService pool;
    private final ArrayDeque<Future<B>> pending = new ArrayDeque<>();
    private int submitted;
    private int returned;

    Prefetching(List<int[]> plan, ExecutorService pool) {
      this.plan = plan;
      this.pool = pool;
      fill();
    }

    private void fill() {
      while (submitted < plan.size() && pending.size() < Math.max(1, prefetch)) {
        int[] indices = plan.get(submitted++);
        pending.add(pool.submit(() -> load(indices)));
      }
    }

    @Override
    public boolean hasNext() {
      return returned < plan.size();
    }

    @Override
    public B next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Future<B> f = pending.poll();
      returned++;
      try {
        B batch = f.get();
        fill();
        return batch;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException r) {
          throw r;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("a data loader worker failed", c);
      }
    }
  }
}
