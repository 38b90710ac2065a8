package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMicroKernel#computeRowMajorB} of the vector kernels: their 6 x (2 vectors) tile with
 * the two B vectors of each k loaded from row {@code p} of a row-major B ({@code b[bOff + p * ldb
 * ..]}) instead of from a packed panel. The FMAs and their order are the packed kernels', so C is
 * bit-identical. In its own class so that the packed loops stay as they are: a variable-stride
 * variant of those cost sgemm 1024 about 7% on JDK 17 (see {@link
 * VectorFloatMicroKernel#computeRowMajorA}).
 */
final class VectorFloatRowMajorB {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 6;

  private VectorFloatRowMajorB() {}

  /**
   * The loop of {@link VectorFloatMicroKernel}, indices recomputed from {@code p}; for JDK 17-21
   * and for AVX-512 on JDK 22+. Whole rows ({@code nr == NR}) only: edge panels are packed.
   *
   * <pre>{@code
   * VectorFloatRowMajorB.plain(kc, ap, 0, b, bOff + pc * ldb + j, ldb, c, cOff + j, ldc, 6, 0f);
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
  static void plain(
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
    }
    // The first mr rows straight into C, written out: a helper taking vectors is not reliably
    // inlined by C2, which then boxes every vector (see VectorFloatMicroKernel#compute).
    if (beta == 0f) {
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
    } else {
      // fma(C, beta, acc) with beta == 1 is exactly C + acc, so one path serves both.
      FloatVector vb = FloatVector.broadcast(S, beta);
      FloatVector.fromArray(S, c, cOff).fma(vb, c00).intoArray(c, cOff);
      FloatVector.fromArray(S, c, cOff + L).fma(vb, c01).intoArray(c, cOff + L);
      if (mr > 1) {
        FloatVector.fromArray(S, c, cOff + ldc).fma(vb, c10).intoArray(c, cOff + ldc);
        FloatVector.fromArray(S, c, cOff + ldc + L).fma(vb, c11).intoArray(c, cOff + ldc + L);
      }
      if (mr > 2) {
        FloatVector.fromArray(S, c, cOff + 2 * ldc).fma(vb, c20).intoArray(c, cOff + 2 * ldc);
        FloatVector.fromArray(S, c, cOff + 2 * ldc + L)
            .fma(vb, c21)
            .intoArray(c, cOff + 2 * ldc + L);
      }
      if (mr > 3) {
        FloatVector.fromArray(S, c, cOff + 3 * ldc).fma(vb, c30).intoArray(c, cOff + 3 * ldc);
        FloatVector.fromArray(S, c, cOff + 3 * ldc + L)
            .fma(vb, c31)
            .intoArray(c, cOff + 3 * ldc + L);
      }
      if (mr > 4) {
        FloatVector.fromArray(S, c, cOff + 4 * ldc).fma(vb, c40).intoArray(c, cOff + 4 * ldc);
        FloatVector.fromArray(S, c, cOff + 4 * ldc + L)
            .fma(vb, c41)
            .intoArray(c, cOff + 4 * ldc + L);
      }
      if (mr > 5) {
        FloatVector.fromArray(S, c, cOff + 5 * ldc).fma(vb, c50).intoArray(c, cOff + 5 * ldc);
        FloatVector.fromArray(S, c, cOff + 5 * ldc + L)
            .fma(vb, c51)
            .intoArray(c, cOff + 5 * ldc + L);
      }
    }
  }

  /**
   * The loop of {@link UnrolledVectorFloatMicroKernel} (unrolled twice, indices carried), for JDK
   * 22+ with fewer than 32 vector registers, where the plain loop spills an accumulator.
   *
   * <pre>{@code
   * VectorFloatRowMajorB.unrolled(kc, ap, 0, b, bOff + pc * ldb + j, ldb, c, cOff + j, ldc, 6, 0f);
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
  static void unrolled(
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
    int ai = apOff;
    int bi = bOff;
    int p = 0;
    for (; p + 1 < kc; p += 2, ai += 2 * MR, bi += 2 * ldb) {
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

      b0 = FloatVector.fromArray(S, b, bi + ldb);
      b1 = FloatVector.fromArray(S, b, bi + ldb + L);
      a = FloatVector.broadcast(S, ap[ai + 6]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(S, ap[ai + 7]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(S, ap[ai + 8]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(S, ap[ai + 9]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(S, ap[ai + 10]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(S, ap[ai + 11]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
    }
    for (; p < kc; p++, ai += MR, bi += ldb) {
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
    }
    // The first mr rows straight into C, written out: a helper taking vectors is not reliably
    // inlined by C2, which then boxes every vector (see VectorFloatMicroKernel#compute).
    if (beta == 0f) {
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
    } else {
      // fma(C, beta, acc) with beta == 1 is exactly C + acc, so one path serves both.
      FloatVector vb = FloatVector.broadcast(S, beta);
      FloatVector.fromArray(S, c, cOff).fma(vb, c00).intoArray(c, cOff);
      FloatVector.fromArray(S, c, cOff + L).fma(vb, c01).intoArray(c, cOff + L);
      if (mr > 1) {
        FloatVector.fromArray(S, c, cOff + ldc).fma(vb, c10).intoArray(c, cOff + ldc);
        FloatVector.fromArray(S, c, cOff + ldc + L).fma(vb, c11).intoArray(c, cOff + ldc + L);
      }
      if (mr > 2) {
        FloatVector.fromArray(S, c, cOff + 2 * ldc).fma(vb, c20).intoArray(c, cOff + 2 * ldc);
        FloatVector.fromArray(S, c, cOff + 2 * ldc + L)
            .fma(vb, c21)
            .intoArray(c, cOff + 2 * ldc + L);
      }
      if (mr > 3) {
        FloatVector.fromArray(S, c, cOff + 3 * ldc).fma(vb, c30).intoArray(c, cOff + 3 * ldc);
        FloatVector.fromArray(S, c, cOff + 3 * ldc + L)
            .fma(vb, c31)
            .intoArray(c, cOff + 3 * ldc + L);
      }
      if (mr > 4) {
        FloatVector.fromArray(S, c, cOff + 4 * ldc).fma(vb, c40).intoArray(c, cOff + 4 * ldc);
        FloatVector.fromArray(S, c, cOff + 4 * ldc + L)
            .fma(vb, c41)
            .intoArray(c, cOff + 4 * ldc + L);
      }
      if (mr > 5) {
        FloatVector.fromArray(S, c, cOff + 5 * ldc).fma(vb, c50).intoArray(c, cOff + 5 * ldc);
        FloatVector.fromArray(S, c, cOff + 5 * ldc + L)
            .fma(vb, c51)
            .intoArray(c, cOff + 5 * ldc + L);
      }
    }
  }
}
