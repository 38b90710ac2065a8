package org.autograd4j.internal;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Large float arrays handed back and reused, for the few arrays whose whole life the library
 * controls: a convolution's unfolded columns, kept from its forward for its backward and dropped
 * right after; a layer's output inside {@code Sequential} once the fused ReLU and pooling after it
 * have read it; a gradient the autograd engine alone held, once the convolution's backward that
 * consumed it is done. Convolution outputs and max-pooling gradients are taken from here. The JVM
 * zeroes every new array, and a large one comes from fresh young-generation memory, out of cache:
 * allocating the CNN's two column matrices (10 MB per step) cost more than the copies that fill
 * them. Reusing them, as PyTorch's caching allocator reuses its blocks, took the CNN's step from
 * 7.47 to 6.73 ms on JDK 17 and from 7.97 to 6.41 ms on JDK 25 (one thread, one JVM alternating
 * both every 50 steps). 300 steps in separate processes, medians: 2.24 to 2.05 s on JDK 17, 3.05 to
 * 2.21 s on JDK 25 (bench/RESULTS.md, tenth session).
 *
 * <p>A taken array holds whatever its last user left: the taker must overwrite all of it. The pool
 * keeps at most {@link #MAX_PER_LENGTH} arrays of each length and {@link #MAX_FLOATS} floats in
 * all, through soft references, so the collector can still reclaim them under memory pressure.
 *
 * <pre>{@code
 * float[] cols = ScratchArrays.take(n);   // stale contents, fully overwritten next
 * ...
 * ScratchArrays.give(cols);               // only once nothing reads or writes it any more
 * }</pre>
 */
public final class ScratchArrays {

  /** Arrays kept per length: a forward and backward in flight, times a couple of threads. */
  static final int MAX_PER_LENGTH = 4;

  /**
   * The largest new array {@link #take} leaves unzeroed: 1 MiB, a core's L2 here. Up to that size
   * skipping the zeroing saves its pass (SideBySide sgemm 256, 256 KiB results, one thread, six
   * processes of each alternated: 163.5-167.8 -> 166.3-178.8 GFLOPS on JDK 17, 168-178 -> 180-183
   * on JDK 25); 1 MiB results were no faster, and 4 MiB ones slower (sgemm 1024 on JDK 25, four of
   * each: 185-197 -> 172-192 GFLOPS), perhaps because the zeroing brings the lines in more cheaply
   * than the product's first stores.
   */
  static final int UNZEROED_MAX = 1 << 18;

  /** Floats kept in all (64 MiB): larger temporaries are left to the collector. */
  static final long MAX_FLOATS = 16L << 20;

  private static final Map<Integer, ArrayDeque<SoftReference<float[]>>> POOL = new HashMap<>();
  private static long pooledFloats;

  private ScratchArrays() {}

  /**
   * An array of exactly {@code length} floats, reused if one was given back, else new; a new one of
   * at most {@link #UNZEROED_MAX} floats is not zeroed where the JDK allows it ({@link
   * UninitializedArrays}).
   *
   * @param length the number of floats
   * @return an array whose contents are unspecified
   */
  public static float[] take(int length) {
    float[] a = pooled(length);
    if (a != null) {
      return a;
    }
    return length <= UNZEROED_MAX ? UninitializedArrays.floats(length) : new float[length];
  }

  /**
   * An array of exactly {@code length} zeros: one given back and filled with zeros (memory still in
   * cache), else a new one.
   *
   * @param length the number of floats
   * @return an array of zeros
   */
  public static float[] takeZeroed(int length) {
    float[] a = pooled(length);
    if (a == null) {
      return new float[length];
    }
    Arrays.fill(a, 0f);
    return a;
  }

  /** An array given back, of exactly {@code length} floats, or null. */
  private static synchronized float[] pooled(int length) {
    ArrayDeque<SoftReference<float[]>> free = POOL.get(length);
    while (free != null && !free.isEmpty()) {
      float[] a = free.pop().get();
      pooledFloats -= length;
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  /**
   * Hands an array back for reuse; the caller must not touch it afterwards. Dropped instead when
   * the pool is full.
   *
   * @param array an array no one reads or writes any more
   */
  public static synchronized void give(float[] array) {
    ArrayDeque<SoftReference<float[]>> free =
        POOL.computeIfAbsent(array.length, n -> new ArrayDeque<>());
    if (free.size() >= MAX_PER_LENGTH || pooledFloats + array.length > MAX_FLOATS) {
      return;
    }
    free.push(new SoftReference<>(array));
    pooledFloats += array.length;
  }

  /**
   * Drops every array kept, so that the collector may reclaim them (as {@code
   * torch.cuda.empty_cache()} frees PyTorch's cached blocks); later calls start from an empty pool.
   *
   * <pre>{@code
   * ScratchArrays.clear();
   * }</pre>
   */
  public static synchronized void clear() {
    POOL.clear();
    pooledFloats = 0;
  }

  /** The floats currently kept, for tests. */
  static synchronized long pooledFloats() {
    return pooledFloats;
  }
}
