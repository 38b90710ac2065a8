package org.autograd4j.internal.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Intra-op parallelism: a small fixed pool of daemon threads shared by all kernels.
 *
 * <p>Work is split into chunks that the calling thread and the pool's workers claim from a shared
 * counter, so the caller always helps: when the workers are busy (another caller, or a nested
 * parallel region) the caller simply does all chunks itself and can never deadlock waiting for a
 * worker. Work below the caller's grain size runs inline with no allocation and no synchronisation.
 */
public final class Parallel {

  /** A half-open range body {@code [begin, end)} run by one thread. */
  @FunctionalInterface
  public interface RangeBody {
    /**
     * Processes indices {@code begin} (inclusive) to {@code end} (exclusive).
     *
     * @param begin first index
     * @param end one past the last index
     */
    void run(int begin, int end);
  }

  private static final Object LOCK = new Object();
  private static volatile int numThreads = defaultThreads();
  private static WorkerPool pool;

  private Parallel() {}

  private static int defaultThreads() {
    String prop = System.getProperty("autograd4j.numThreads");
    if (prop != null) {
      try {
        return Math.max(1, Integer.parseInt(prop.trim()));
      } catch (NumberFormatException e) {
        // fall through to the hardware default: a bad property must not break start-up
      }
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Sets the number of threads used by intra-op parallel kernels (the caller counts as one).
   *
   * @param n number of threads, at least 1
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static void setNumThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("number of threads must be positive, got " + n);
    }
    synchronized (LOCK) {
      numThreads = n;
      if (pool != null) {
        pool.resize(n - 1);
      }
    }
  }

  /**
   * Returns the number of threads used by intra-op parallel kernels, by default the number of
   * available processors (or the system property {@code autograd4j.numThreads}).
   *
   * @return the thread count, at least 1
   */
  public static int getNumThreads() {
    return numThreads;
  }

  /**
   * Runs {@code body} over {@code [begin, end)}, split into at most {@link #getNumThreads()} chunks
   * of at least {@code grain} indices. Ranges of at most {@code grain} indices, or a single
   * configured thread, run inline on the caller.
   *
   * @param begin first index
   * @param end one past the last index
   * @param grain minimum number of indices worth handing to another thread
   * @param body the work; must be safe to run concurrently on disjoint ranges
   */
  public static void parallelFor(int begin, int end, int grain, RangeBody body) {
    int range = end - begin;
    if (range <= 0) {
      return;
    }
    int threads = numThreads;
    if (threads == 1 || range <= Math.max(1, grain)) {
      body.run(begin, end);
      return;
    }
    int chunks =
        (int) Math.min(threads, (range + (long) Math.max(1, grain) - 1) / Math.max(1, grain));
    parallelChunks(
        chunks,
        c -> {
          long lo = begin + (long) range * c / chunks;
          long hi = begin + (long) range * (c + 1) / chunks;
          body.run((int) lo, (int) hi);
        });
  }

  /** A body indexed by chunk number. */
  @FunctionalInterface
  public interface ChunkBody {
    /**
     * Processes chunk {@code chunk}.
     *
     * @param chunk the chunk index in {@code [0, chunks)}
     */
    void run(int chunk);
  }

  /**
   * Runs {@code body} for every chunk index in {@code [0, chunks)}, spreading the chunks over the
   * pool and the calling thread, and returns when all have finished. The first exception thrown by
   * a chunk is rethrown on the caller.
   *
   * @param chunks number of chunks
   * @param body the work per chunk
   */
  public static void parallelChunks(int chunks, ChunkBody body) {
    if (chunks <= 0) {
      return;
    }
    if (chunks == 1 || numThreads == 1) {
      for (int c = 0; c < chunks; c++) {
        body.run(c);
      }
      return;
    }
    Job job = new Job(chunks, body, Thread.currentThread());
    WorkerPool workers = workers();
    if (workers != null) {
      workers.submit(job, Math.min(chunks, numThreads) - 1);
    }
    job.run();
    job.awaitDone();
  }

  private static WorkerPool workers() {
    synchronized (LOCK) {
      if (pool == null && numThreads > 1) {
        pool = new WorkerPool("autograd4j-kernel-");
        pool.resize(numThreads - 1);
      }
      return pool;
    }
  }

  /** One parallel region: chunks are claimed from a counter by whoever runs it. */
  private static final class Job implements Runnable {
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final int chunks;
    private final ChunkBody body;
    private final Thread caller;
    private volatile Throwable error;

    Job(int chunks, ChunkBody body, Thread caller) {
      this.chunks = chunks;
      this.body = body;
      this.caller = caller;
    }

    @Override
    public void run() {
      int c;
      while ((c = next.getAndIncrement()) < chunks) {
        try {
          body.run(c);
        } catch (Throwable t) {
          if (error == null) {
            error = t;
          }
        } finally {
          if (done.incrementAndGet() == chunks) {
            LockSupport.unpark(caller);
          }
        }
      }
    }

    void awaitDone() {
      // Chunks are of similar size, so the last ones usually finish within microseconds: spin
      // briefly before parking to avoid the wake-up latency on the critical path, yielding the
      // core to any other runnable thread meanwhile (see WorkerPool).
      for (int spins = 0; done.get() < chunks; spins++) {
        if (spins < 2000) {
          Thread.yield();
        } else {
          LockSupport.parkNanos(this, 50_000);
        }
      }
      Throwable t = error;
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      } else if (t instanceof Error) {
        throw (Error) t;
      } else if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }
}
