package org.autograd4j.internal.kernels;

/**
 * The innermost GEMM step on packed panels: one {@code mr x nr} tile of {@code C} from a packed
 * {@code MR x kc} panel of {@code A} and a packed {@code kc x NR} panel of {@code B}.
 *
 * <p>Packed layouts (written by {@link DoubleGemmDriver}): the {@code A} panel holds, for each
 * {@code p} in {@code [0, kc)}, the {@code MR} values {@code A(i0 .. i0+MR-1, p)} (already
 * multiplied by alpha, zero-padded past {@code mr}); the {@code B} panel holds, for each {@code p},
 * the {@code NR} values {@code B(p, j0 .. j0+NR-1)} (zero-padded past {@code nr}).
 */
interface DoubleMicroKernel {

  /**
   * Returns the blocking this kernel is tuned for.
   *
   * @return the register and cache block sizes
   */
  GemmBlocking blocking();

  /**
   * Computes {@code C[tile] = beta * C[tile] + Apanel * Bpanel} for the top-left {@code mr x nr}
   * part of the tile; {@code beta == 0} means the old {@code C} is not read.
   *
   * @param kc depth of the panels
   * @param ap packed A storage
   * @param apOff start of the A panel
   * @param bp packed B storage
   * @param bpOff start of the B panel
   * @param c storage of C
   * @param cOff index of the tile's top-left element
   * @param ldc leading dimension of C
   * @param mr valid rows of the tile, at most MR
   * @param nr valid columns of the tile, at most NR
   * @param beta scale of the old C
   * @param tmp scratch of at least {@code MR * NR} elements for partial tiles
   */
  void compute(
      int kc,
      double[] ap,
      int apOff,
      double[] bp,
      int bpOff,
      double[] c,
      int cOff,
      int ldc,
      int mr,
      int nr,
      double beta,
      double[] tmp);
}
