package org.autograd4j.internal.kernels;

/**
 * The innermost GEMM step on packed panels: one {@code mr x nr} tile of {@code C} from a packed
 * {@code MR x kc} panel of {@code A} and a packed {@code kc x NR} panel of {@code B}.
 *
 * <p>Packed layouts (written by {@link FloatGemmDriver}): the {@code A} panel holds, for each
 * {@code p} in {@code [0, kc)}, the {@code MR} values {@code A(i0 .. i0+MR-1, p)} (already
 * multiplied by alpha, zero-padded past {@code mr}); the {@code B} panel holds, for each {@code p},
 * the {@code NR} values {@code B(p, j0 .. j0+NR-1)} (zero-padded past {@code nr}).
 */
interface FloatMicroKernel {

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
      float[] ap,
      int apOff,
      float[] bp,
      int bpOff,
      float[] c,
      int cOff,
      int ldc,
      int mr,
      int nr,
      float beta,
      float[] tmp);

  /**
   * Packs one whole panel of transposed A: for each {@code p < kc}, the {@code MR} consecutive
   * values {@code a[src + p * lda ..]}, times {@code alpha}, go to {@code ap[dst + p * MR ..]}.
   * Writes nothing outside the panel: threads may pack neighbouring panels at the same time.
   *
   * <pre>{@code
   * kernel.packTransposedA(a, aOff + pc * lda + i, lda, kc, alpha, packed, panel * kc);
   * }</pre>
   *
   * @param a the untransposed matrix, row {@code p} holding column {@code p} of op(A)
   * @param src offset of the panel's first value
   * @param lda leading dimension of {@code a}
   * @param kc depth of the panel
   * @param alpha scale applied while packing
   * @param ap destination of the packed panels
   * @param dst offset of this panel in {@code ap}
   */
  default void packTransposedA(
      float[] a, int src, int lda, int kc, float alpha, float[] ap, int dst) {
    int mr = blocking().mr();
    for (int p = 0; p < kc; p++) {
      for (int ii = 0; ii < mr; ii++) {
        ap[dst + p * mr + ii] = alpha * a[src + p * lda + ii];
      }
    }
  }

  /**
   * Packs one whole panel of row-major A: for each {@code p < kc}, the {@code MR} values {@code
   * a[src + i * lda + p]} ({@code i < MR}), times {@code alpha}, go to {@code ap[dst + p * MR ..]}.
   * Reads only those {@code MR} rows of {@code kc} values; writes nothing outside the panel:
   * threads may pack neighbouring panels at the same time.
   *
   * <pre>{@code
   * kernel.packRowMajorA(a, aOff + i * lda + pc, lda, kc, alpha, packed, panel * kc);
   * }</pre>
   *
   * @param a the matrix, row {@code i} holding row {@code i} of op(A)
   * @param src offset of the panel's first value
   * @param lda leading dimension of {@code a}
   * @param kc depth of the panel
   * @param alpha scale applied while packing
   * @param ap destination of the packed panels
   * @param dst offset of this panel in {@code ap}
   */
  default void packRowMajorA(
      float[] a, int src, int lda, int kc, float alpha, float[] ap, int dst) {
    ScalarPacking.rowMajorA(a, src, lda, kc, alpha, blocking().mr(), ap, dst);
  }

  /**
   * Packs one whole panel of transposed B, {@code op(B) = B^T}: for each {@code p < kc}, the {@code
   * NR} values {@code b[src + j * ldb + p]} ({@code j < NR}) go to {@code bp[dst + p * NR ..]}.
   * Reads only those {@code NR} rows of {@code kc} values; writes nothing outside the panel.
   *
   * <pre>{@code
   * kernel.packTransposedB(b, bOff + j * ldb + pc, ldb, kc, packed, panel * kc);
   * }</pre>
   *
   * @param b the untransposed matrix, row {@code j} holding column {@code j} of op(B)
   * @param src offset of the panel's first value
   * @param ldb leading dimension of {@code b}
   * @param kc depth of the panel
   * @param bp destination of the packed panels
   * @param dst offset of this panel in {@code bp}
   */
  default void packTransposedB(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
    int nr = blocking().nr();
    ScalarPacking.transposedB(b, src, ldb, kc, nr, nr, bp, dst);
  }

  /**
   * Whether this kernel reads row-major A in place ({@link #computeRowMajorA}) for a tile of {@code
   * columns} columns, at most NR.
   *
   * <pre>{@code
   * boolean inPlace = kernel.readsRowMajorA(j1 - j0);
   * }</pre>
   *
   * @param columns width of the C tile
   * @return true if A can be read in place
   */
  default boolean readsRowMajorA(int columns) {
    return false;
  }

  /**
   * {@link #compute} with A read in place from a row-major matrix instead of a packed panel: row
   * {@code i} of the tile's A is {@code a[aOff + i * lda .. + kc)}, alpha is 1. For products whose
   * A panels would each meet a single B panel, where packing A costs as much as the product.
   *
   * @param kc depth of the panels
   * @param a storage of A
   * @param aOff index of the tile's first A element
   * @param lda leading dimension of A
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
  default void computeRowMajorA(
      int kc,
      float[] a,
      int aOff,
      int lda,
      float[] bp,
      int bpOff,
      float[] c,
      int cOff,
      int ldc,
      int mr,
      int nr,
      float beta,
      float[] tmp) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " packs A");
  }

  /**
   * Packs one whole-width panel of row-major B: for each {@code p < kc}, the {@code NR} consecutive
   * values {@code b[src + p * ldb ..]} go to {@code bp[dst + p * NR ..]}. Writes nothing outside
   * the panel.
   *
   * <pre>{@code
   * kernel.packRowMajorB(b, bOff + pc * ldb + j, ldb, kc, packed, panel * kc);
   * }</pre>
   *
   * @param b storage of B
   * @param src offset of the panel's first value
   * @param ldb leading dimension of {@code b}
   * @param kc depth of the panel
   * @param bp destination of the packed panels
   * @param dst offset of this panel in {@code bp}
   */
  default void packRowMajorB(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
    int nr = blocking().nr();
    for (int p = 0; p < kc; p++) {
      System.arraycopy(b, src + p * ldb, bp, dst + p * nr, nr);
    }
  }

  /**
   * Whether this kernel implements {@link #computeRowMajorB}.
   *
   * @return true if full-width panels of row-major B can be read in place
   */
  default boolean readsRowMajorB() {
    return false;
  }

  /**
   * {@link #compute} for a full-width tile ({@code nr == NR}) with B read in place from a row-major
   * matrix instead of a packed panel: row {@code p} of the tile's B is {@code b[bOff + p * ldb .. +
   * NR)}. The products and their order are those of {@link #compute}, so the results are
   * bit-identical; for B panels that meet few A panels, where packing B is not amortised.
   *
   * <pre>{@code
   * kernel.computeRowMajorB(kc, ap, 0, b, bOff + pc * ldb + j, ldb, c, cOff + j, ldc, 6, 0f);
   * }</pre>
   *
   * @param kc depth of the panels
   * @param ap packed A storage
   * @param apOff start of the A panel
   * @param b storage of B
   * @param bOff index of the tile's first B element
   * @param ldb leading dimension of B
   * @param c storage of C
   * @param cOff index of the tile's top-left element
   * @param ldc leading dimension of C
   * @param mr valid rows of the tile, at most MR
   * @param beta scale of the old C
   */
  default void computeRowMajorB(
      int kc,
      float[] ap,
      int apOff,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      int mr,
      float beta) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " packs B");
  }

  /**
   * Whether this kernel implements {@link #computeEightRows}.
   *
   * @return true if 8-row tiles over row-major B are available
   */
  default boolean readsEightRows() {
    return false;
  }

  /**
   * {@link #computeRowMajorB} with beta 0 on an 8-row tile: A from a panel packed 8 values per p, B
   * read in place ({@code b[bOff + p * ldb .. + NR)}). The products and their order are those of
   * {@link #compute}, so the results are bit-identical to the 6-row tiles'.
   *
   * <pre>{@code
   * kernel.computeEightRows(400, ap, 0, b, j, 64, c, j, 64, 8);
   * }</pre>
   *
   * @param kc depth of the panel
   * @param ap packed A storage, 8 values per p
   * @param apOff start of the A panel
   * @param b storage of B
   * @param bOff index of the tile's first B element
   * @param ldb leading dimension of B
   * @param c storage of C
   * @param cOff index of the tile's top-left element
   * @param ldc leading dimension of C
   * @param mr valid rows of the tile, at most 8
   */
  default void computeEightRows(
      int kc,
      float[] ap,
      int apOff,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      int mr) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no 8-row tile");
  }
}
