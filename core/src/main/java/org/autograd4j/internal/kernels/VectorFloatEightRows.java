package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMicroKernel#computeEightRows} of the vector kernels on 512-bit vectors: an 8 x (2
 * vectors) tile, A from a packed 8-row panel and B read in place from a row-major matrix. Sixteen
 * accumulators, two B vectors and a broadcast fit AVX-512's 32 registers (AVX2's 16 would spill).
 * For products with a multiple of 8 rows (a convolution's 16 or 32 output channels), which the
 * 6-row tile covers with a padded last panel: the CNN's forward products over a batch of 64,
 * NN:32:64:400 561 -> 487 us on JDK 17 and 664 -> 512 us on JDK 25, NN:16:576:25 185 -> 172 and 190
 * -> 156 us (one JVM alternating both). Each element is the same chain of FMAs over p as in the
 * 6-row kernels, so C is bit-identical.
 */
final class VectorFloatEightRows {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 8;

  private VectorFloatEightRows() {}

  /**
   * Whether this species has the registers for the tile.
   *
   * @return true on 512-bit vectors
   */
  static boolean fits() {
    return S.vectorBitSize() >= 512;
  }

  /**
   * Overwrites the first {@code mr} rows of a full-width tile of C with {@code Apanel · B}.
   *
   * <pre>{@code
   * VectorFloatEightRows.compute(400, ap, 0, b, j, 64, c, j, 64, 8);
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
  static void compute(
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
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c41 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector c51 = FloatVector.zero(S);
    FloatVector c60 = FloatVector.zero(S);
    FloatVector c61 = FloatVector.zero(S);
    FloatVector c70 = FloatVector.zero(S);
    FloatVector c71 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int ai = apOff + p * MR;
      int bi = bOff + p * ldb;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
      FloatVector a = FloatVector.broadcast(S, ap[ai]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(S, ap[ai + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(S, ap[ai + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(S, ap[ai + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(S, ap[ai + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(S, ap[ai + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      a = FloatVector.broadcast(S, ap[ai + 6]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      a = FloatVector.broadcast(S, ap[ai + 7]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
    }
    // Written out rather than through a helper taking vectors, which C2 does not reliably inline
    // and then boxes every vector (see VectorFloatMicroKernel#compute).
    c00.intoArray(c, cOff);
    c01.intoArray(c, cOff + L);
    if (mr > 1) {
      c10.intoArray(c, cOff + ldc);
      c11.intoArray(c, cOff + ldc + L);
    }
    if (mr > 2) {
      c20.intoArray(c, cOff + 2 * ldc);
      c21.intoArray(c, cOff + 2 * ldc + L);
    }
    if (mr > 3) {
      c30.intoArray(c, cOff + 3 * ldc);
      c31.intoArray(c, cOff + 3 * ldc + L);
    }
    if (mr > 4) {
      c40.intoArray(c, cOff + 4 * ldc);
      c41.intoArray(c, cOff + 4 * ldc + L);
    }
    if (mr > 5) {
      c50.intoArray(c, cOff + 5 * ldc);
      c51.intoArray(c, cOff + 5 * ldc + L);
    }
    if (mr > 6) {
      c60.intoArray(c, cOff + 6 * ldc);
      c61.intoArray(c, cOff + 6 * ldc + L);
    }
    if (mr > 7) {
      c70.intoArray(c, cOff + 7 * ldc);
      c71.intoArray(c, cOff + 7 * ldc + L);
    }
  }
}
