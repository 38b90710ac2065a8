package org.autograd4j.internal.kernels;

/**
 * Block sizes of a packed GEMM: the micro-tile is {@code mr x nr} (held in registers), a packed
 * {@code kc x nr} panel of B should stay in L1, an {@code mc x kc} block of A in L2 and a {@code kc
 * x nc} block of B in L3.
 *
 * @param mr rows of the register tile
 * @param nr columns of the register tile
 * @param mc rows of an A block, a multiple of {@code mr}
 * @param kc depth of a block
 * @param nc columns of a B block, a multiple of {@code nr}
 */
record GemmBlocking(int mr, int nr, int mc, int kc, int nc) {
  GemmBlocking {
    if (mr <= 0 || nr <= 0 || mc % mr != 0 || nc % nr != 0 || kc <= 0) {
      throw new IllegalArgumentException("inconsistent GEMM blocking " + mr + "," + nr);
    }
  }
}
