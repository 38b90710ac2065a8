package org.autograd4j.internal.kernels;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A's packed panels for one product split into column tiles over several threads, packed one row
 * block at a time by whichever thread needs the block first. Each block is packed once; a thread
 * that needs a block another thread is packing waits for it.
 *
 * <p>Why: packing all of A in a parallel pass before the tiles start made both threads wait for
 * memory together and then for each other. Tiles that walk their row blocks in opposite directions
 * (see {@link FloatGemmDriver}) pack disjoint halves of A while the other thread computes, and meet
 * in the middle.
 *
 * <pre>{@code
 * SharedPackedA shared = new SharedPackedA(buffer, blocks);
 * if (shared.claim(block)) {
 *   try {
 *     packBlock(block, shared.panels());
 *   } catch (RuntimeException | Error e) {
 *     shared.abandon(block);
 *     throw e;
 *   }
 *   shared.publish(block);
 * }
 * // the block's panels are ready here
 * }</pre>
 */
final class SharedPackedA {
  private static final int NOT_PACKED = 0;
  private static final int PACKING = 1;
  private static final int PACKED = 2;

  /** Spins on a block being packed before yielding the core (a block takes tens of µs). */
  private static final int SPINS_BEFORE_YIELD = 1 << 10;

  private final float[] panels;
  private final AtomicIntegerArray states;

  /**
   * Creates the shared state of {@code blocks} row blocks, none packed yet.
   *
   * @param panels the buffer the blocks are packed into
   * @param blocks the number of row blocks
   */
  SharedPackedA(float[] panels, int blocks) {
    this.panels = panels;
    this.states = new AtomicIntegerArray(blocks);
  }

  /**
   * The buffer the blocks are packed into, laid out as {@link FloatGemmDriver}'s whole-A panels.
   */
  float[] panels() {
    return panels;
  }

  /**
   * Returns true if the caller must pack {@code block} now (it is the first to need it); false once
   * the block is packed, after waiting if another thread is packing it.
   *
   * @param block the row block's index
   * @return whether the caller packs the block and must then {@link #publish} or {@link #abandon}
   *     it
   */
  boolean claim(int block) {
    for (int spins = 0; ; spins++) {
      int state = states.get(block);
      if (state == PACKED) {
        return false;
      }
      if (state == NOT_PACKED && states.compareAndSet(block, NOT_PACKED, PACKING)) {
        return true;
      }
      if (spins < SPINS_BEFORE_YIELD) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  /**
   * Marks {@code block} packed; its panels are visible to every thread that then claims it.
   *
   * @param block a block the caller claimed and packed
   */
  void publish(int block) {
    states.set(block, PACKED);
  }

  /**
   * Gives {@code block} back unpacked, after packing it failed, so that waiting threads do not wait
   * forever (the next one to claim it packs it, and fails the same way).
   *
   * @param block a block the caller claimed
   */
  void abandon(int block) {
    states.set(block, NOT_PACKED);
  }
}
