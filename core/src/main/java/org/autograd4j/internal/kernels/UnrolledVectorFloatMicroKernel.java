package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link VectorFloatMicroKernel} tile (6 rows x 2 vectors, 12 FMA accumulators) with its k loop
 * unrolled twice, used on JDKs whose C2 compiles the plain loop badly.
 *
 * <p>Measured on Zen 3 (GFLOPS per CPU-second, whole sgemm): on JDK 25 this kernel reaches ~55
 * where the plain one reaches ~37; on JDK 17 the plain one reaches ~75 and this one ~37. {@link
 * VectorKernelProvider} picks by the running JDK's feature version.
 */
final class UnrolledVectorFloatMicroKernel implements FloatMicroKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 6;
  private static final int NR = 2 * L;

  // kc=512 measured best for this variant on JDK 25 (kc=1024 drops to ~44).
  private static final GemmBlocking BLOCKING = new GemmBlocking(MR, NR, 72, 512, 2048);

  /**
   * Serves {@link #computeRowMajorA}: its plain loop keeps its accumulators in registers on JDK 25
   * when there are 32 of them (AVX-512), where it takes the CNN's conv2 weight gradient (400 x 32
   * over 64 positions, GemmShapeBenchmark NT:400:32:64) from 26.6 to 18.0 us on Zen 4. With AVX2's
   * 16 it would spill, so there A is packed.
   */
  private static final VectorFloatMicroKernel IN_PLACE = new VectorFloatMicroKernel();

  @Override
  public GemmBlocking blocking() {
    return BLOCKING;
  }

  @Override
  public void packRowMajorB(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
    VectorPacking.rowMajorPanel(b, src, ldb, kc, NR, bp, dst);
  }

  @Override
  public void packTransposedA(
      float[] a, int src, int lda, int kc, float alpha, float[] ap, int dst) {
    VectorPacking.transposedPanel(a, src, lda, kc, alpha, MR, ap, dst);
  }

  @Override
  public void packRowMajorA(float[] a, int src, int lda, int kc, float alpha, float[] ap, int dst) {
    VectorPacking.sixRowPanel(a, src, lda, kc, alpha, ap, dst);
  }

  @Override
  public void packTransposedB(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
    VectorPacking.transposedBPanel(b, src, ldb, kc, bp, dst);
  }

  /**
   * Whole-width tiles only. A product narrower than one tile (a classifier's last layer, 10
   * columns) packs A instead: the vector packing costs little (the MLP's NT:128:10:128, JDK 25, 7.6
   * us in place against 9.0 packed), and a network whose only narrow product is its last layer then
   * does not wait for C2 to compile {@link #IN_PLACE}'s second kernel, which it reaches late and
   * runs in the Vector API's Java fallback until then. The MLP's first epoch after 50 steps, JDK
   * 25, 8 processes each way alternated: median 0.663 to 0.593 s, its excess over the second epoch
   * 158 to 94 ms.
   */
  @Override
  public boolean readsRowMajorA(int columns) {
    return S.vectorBitSize() >= 512 && columns == NR;
  }

  @Override
  public void computeRowMajorA(
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
    IN_PLACE.computeRowMajorA(kc, a, aOff, lda, bp, bpOff, c, cOff, ldc, mr, nr, beta, tmp);
  }

  @Override
  public boolean readsEightRows() {
    return VectorFloatEightRows.fits();
  }

  @Override
  public void computeEightRows(
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
    VectorFloatEightRows.compute(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr);
  }

  @Override
  public boolean readsRowMajorB() {
    return true;
  }

  /**
   * On AVX-512 the plain loop, as for {@link #computeRowMajorA}: on JDK 25 it took the CNN's conv2
   * forward (NN:32:64:400, batch 64) to 0.68 of the packed time where the unrolled one reached
   * 0.77. With AVX2's 16 registers the plain loop spills and is slower than packing (1.15, the same
   * shape with -XX:UseAVX=2), the unrolled one faster (0.57).
   */
  @Override
  public void computeRowMajorB(
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
    if (S.vectorBitSize() >= 512) {
      VectorFloatRowMajorB.plain(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr, beta);
    } else {
      VectorFloatRowMajorB.unrolled(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr, beta);
    }
  }

  @Override
  public void compute(
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
      float[] tmp) {
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
    int bi = bpOff;
    // The loop of VectorFloatMicroKernel, unrolled twice by hand with the panel indices carried as
    // induction variables. Why: on JDK 25 C2 spills one accumulator of the plain loop to the
    // stack (a store/reload on the FMA dependency chain, halving throughput); this shape
    // compiles without that. On JDK 17 it is the other way round, hence two classes.
    int p = 0;
    for (; p + 1 < kc; p += 2, ai += 2 * MR, bi += 2 * NR) {
      FloatVector b0 = FloatVector.fromArray(S, bp, bi);
      FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
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

      b0 = FloatVector.fromArray(S, bp, bi + NR);
      b1 = FloatVector.fromArray(S, bp, bi + NR + L);
      a = FloatVector.broadcast(S, ap[ai + MR]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(S, ap[ai + MR + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(S, ap[ai + MR + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(S, ap[ai + MR + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(S, ap[ai + MR + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(S, ap[ai + MR + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
    }
    for (; p < kc; p++, ai += MR, bi += NR) {
      FloatVector b0 = FloatVector.fromArray(S, bp, bi);
      FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
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
    if (nr == NR) {
      // Whole rows, the first mr of them, merged straight into C. Written out rather than via a
      // helper taking vectors, which C2 does not reliably inline and then boxes every vector:
      // even a per-row helper (two vectors, a destination, beta) took GemmSweep vector 1 from
      // 101.6 to 22.9 GFLOPS at 1024 on JDK 25, and from 105 to 30 at 2048 on JDK 17. Tiles
      // of fewer rows come here too rather than through scratch: reading back a vector just
      // spilled stalls on Zen 4, which stores 512 bits as two halves it cannot forward to one
      // load (GemmShapeBenchmark NN:16:576:25 batch 64, JDK 25: 685 -> 503 us).
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
      return;
    }
    // Edge tile: the padded lanes hold zeros times padding, so spill the whole tile to scratch and
    // merge only the valid mr x nr part; vector stores into C could run past its row or array.
    c00.intoArray(tmp, 0);
    c01.intoArray(tmp, L);
    c10.intoArray(tmp, NR);
    c11.intoArray(tmp, NR + L);
    c20.intoArray(tmp, 2 * NR);
    c21.intoArray(tmp, 2 * NR + L);
    c30.intoArray(tmp, 3 * NR);
    c31.intoArray(tmp, 3 * NR + L);
    c40.intoArray(tmp, 4 * NR);
    c41.intoArray(tmp, 4 * NR + L);
    c50.intoArray(tmp, 5 * NR);
    c51.intoArray(tmp, 5 * NR + L);
    for (int i = 0; i < mr; i++) {
      int row = cOff + i * ldc;
      int t = i * NR;
      for (int j = 0; j < nr; j++) {
        c[row + j] = beta == 0f ? tmp[t + j] : beta * c[row + j] + tmp[t + j];
      }
    }
  }
}
