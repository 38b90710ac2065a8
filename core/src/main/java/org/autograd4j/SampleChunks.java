package org.autograd4j;

import org.autograd4j.internal.kernels.Elementwise;
import org.autograd4j.internal.kernels.Kernels;
import org.autograd4j.internal.kernels.Parallel;

/**
 * Splits a batch into contiguous ranges of samples, one per kernel thread, for the per-sample loops
 * of convolution and pooling. Each range is a fixed function of the batch size and the thread
 * count, so results that are summed over ranges (weight gradients) do not depend on scheduling.
 * Batches whose work is below {@link #GRAIN_FLOATS} per range stay on the calling thread.
 *
 * <pre>{@code
 * int chunks = SampleChunks.count(n, rows * cols);
 * SampleChunks.run(n, chunks, (chunk, lo, hi) -> { for (int i = lo; i < hi; i++) unfold(i); });
 * }</pre>
 */
final class SampleChunks {

  /**
   * Elements touched per range below which a range is not worth handing to another thread: a fork
   * and join cost a few microseconds, about the time to copy 32 Ki floats.
   */
  static final long GRAIN_FLOATS = 1 << 15;

  private SampleChunks() {}

  /** The work of one range: samples {@code [lo, hi)}, range number {@code chunk}. */
  @FunctionalInterface
  interface Body {
    /**
     * Processes one range of samples.
     *
     * @param chunk the range's number, from 0
     * @param lo its first sample
     * @param hi one past its last sample
     */
    void run(int chunk, int lo, int hi);
  }

  /**
   * How many ranges to split {@code n} samples of {@code elementsPerSample} elements of work into:
   * at most one per kernel thread, and 1 for small batches.
   *
   * @param n samples in the batch
   * @param elementsPerSample elements read or written per sample
   * @return the number of ranges, at least 1
   */
  static int count(int n, long elementsPerSample) {
    int threads = Parallel.getNumThreads();
    if (threads == 1 || n <= 1) {
      return 1;
    }
    long grain = Math.max(1, GRAIN_FLOATS / Math.max(1, elementsPerSample));
    return (int) Math.max(1, Math.min(threads, n / grain));
  }

  /**
   * Runs {@code body} on each of {@code chunks} near-equal ranges of {@code [0, n)}, in parallel
   * when there are several, and returns when all are done.
   *
   * @param n samples in the batch
   * @param chunks number of ranges, from {@link #count}
   * @param body the work per range
   */
  static void run(int n, int chunks, Body body) {
    if (chunks <= 1) {
      body.run(0, 0, n);
      return;
    }
    Parallel.parallelChunks(chunks, c -> body.run(c, start(n, chunks, c), start(n, chunks, c + 1)));
  }

  private static int start(int n, int chunks, int c) {
    return (int) ((long) n * c / chunks);
  }

  /**
   * The sum of same-shaped contiguous partial sums, one per range, added in order into the first:
   * the same order whatever thread finished first, so scheduling does not change a gradient.
   *
   * <pre>{@code
   * Tensor total = SampleChunks.sumInOrder(partials); // partials[0] itself, now the total
   * }</pre>
   *
   * @param partials at least one float32 or float64 tensor, all of one shape, contiguous from 0
   * @return {@code partials[0]}, holding the sum
   */
  static Tensor sumInOrder(Tensor[] partials) {
    Tensor total = partials[0];
    Elementwise ew = Kernels.get().elementwise();
    int n = total.numel();
    for (int c = 1; c < partials.length; c++) {
      if (total.dtype() == DType.FLOAT32) {
        float[] t = total.storage.floats();
        ew.add(t, 0, partials[c].storage.floats(), 0, t, 0, n);
      } else {
        double[] t = total.storage.doubles();
        ew.add(t, 0, partials[c].storage.doubles(), 0, t, 0, n);
      }
    }
    return total;
  }
}
