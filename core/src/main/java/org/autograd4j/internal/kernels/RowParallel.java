package org.autograd4j.internal.kernels;

/** Splits row-wise kernels (softmax and the like) over threads once there is enough work. */
final class RowParallel {
  /** Elements below which a row-wise kernel stays on the calling thread (PyTorch uses 32768). */
  static final int GRAIN = 32768;

  private RowParallel() {}

  /** Runs {@code body} over row ranges of a {@code rows x cols} matrix. */
  static void forRows(int rows, int cols, Parallel.RangeBody body) {
    if ((long) rows * cols < GRAIN || rows < 2) {
      body.run(0, rows);
      return;
    }
    Parallel.parallelFor(0, rows, Math.max(1, GRAIN / Math.max(1, cols)), body);
  }
}
