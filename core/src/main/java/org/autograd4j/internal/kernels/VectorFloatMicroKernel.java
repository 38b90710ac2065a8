package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The single-precision GEMM micro-kernel on the Vector API: a 6 x (2 vectors) tile of C held in 12
 * accumulator registers, updated by one rank-1 FMA step per k.
 *
 * <p>Why 6 x 2: with 16 vector registers (AVX2) the 12 accumulators, the 2 B vectors and 1 A
 * broadcast fill the register file without spilling, and each step issues 12 independent FMAs
 * against 2 vector loads plus 6 scalar broadcasts, enough to hide the FMA latency (4-5 cycles x 2
 * ports) and stay FMA-bound. On AVX-512 the same shape works on 16-float vectors; a 12 x 2 tile
 * using AVX-512's 32 registers was measured no faster for whole products on Zen 4 (Zen 4 runs
 * 512-bit FMAs on two 256-bit pipes, so both shapes are FMA-bound), see bench/RESULTS.md.
 */
final class VectorFloatMicroKernel implements FloatMicroKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 6;
  private static final int NR = 2 * L;

  // Tuned on Zen 3 (AVX2, 32 KiB L1d, 512 KiB L2): a deep kc beats the textbook "B micro-panel
  // in L1" choice (kc=256) by 10-15%, because every extra k slice is another read-modify-write
  // pass over all of C whose cache misses stall the kernel; L2 streams the 64 KiB B micro-panel
  // fast enough. The 72 x 1024 A block (288 KiB) stays in L2, the 1024 x 2048 B block in L3.
  private static final GemmBlocking BLOCKING = new GemmBlocking(MR, NR, 72, 1024, 2048);

  @Override
  public GemmBlocking blocking() {
    return BLOCKING;
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
    // The hot loop: per k, load one row of the B panel (2 vectors), broadcast each of the 6 A
    // values of this k and accumulate their outer product. Both panels are read sequentially, so
    // the hardware prefetcher keeps them streaming from L1/L2.
    // Indices are recomputed from p rather than carried as extra induction variables: C2's
    // range-check elimination only sees through expressions linear in the loop counter.
    for (int p = 0; p < kc; p++) {
      int ai = apOff + p * MR;
      int bi = bpOff + p * NR;
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
    mergeSpilled(tmp, c, cOff, ldc, mr, nr, beta);
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

  // Row-major A and transposed B keep the scalar packing here (JDK 17-21). VectorPacking's
  // sixRowPanel and transposedBPanel are faster once compiled (NT:128:256:784 393 -> 358 us), but
  // their rearranges run 100-1000x slower in the Vector API's Java fallback until C2 compiles them,
  // which takes JDK 17's C2 0.24 and 0.36 s: the MLP's first epoch went 0.78-1.00 -> 0.95-1.16 s
  // in four alternated runs, the second not faster. JDK 22+ (UnrolledVectorFloatMicroKernel) uses
  // them.

  /**
   * Any width. Narrow products too: with the scalar packing above, packing A would make the MLP's
   * last layer (NT:128:10:128, JDK 17) take 14.1 us instead of 7.8, and JDK 17's first epoch gained
   * nothing from it (median excess over the second epoch 156 ms both ways, 8 processes each),
   * unlike JDK 25's (see {@link UnrolledVectorFloatMicroKernel#readsRowMajorA}).
   */
  @Override
  public boolean readsRowMajorA(int columns) {
    return true;
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
    // Rows past mr read row mr - 1 so that no index leaves A; their results are not merged.
    int o1 = Math.min(1, mr - 1) * lda;
    int o2 = Math.min(2, mr - 1) * lda;
    int o3 = Math.min(3, mr - 1) * lda;
    int o4 = Math.min(4, mr - 1) * lda;
    int o5 = Math.min(5, mr - 1) * lda;
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
    // The loop of compute() on six row streams of A. A separate method, not a variable-stride
    // variant of that loop: constant offsets into the packed panel keep sgemm 1024 about 7% faster
    // on JDK 17. Edge tiles go through scratch.
    for (int p = 0; p < kc; p++) {
      int ai = aOff + p;
      int bi = bpOff + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, bp, bi);
      FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + o1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[ai + o2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[ai + o3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, a[ai + o4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, a[ai + o5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
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
    mergeSpilled(tmp, c, cOff, ldc, mr, nr, beta);
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
    VectorFloatRowMajorB.plain(kc, ap, apOff, b, bOff, ldb, c, cOff, ldc, mr, beta);
  }

  /**
   * Merges the valid {@code mr x nr} part ({@code nr < NR}) of a tile spilled to {@code tmp} (rows
   * of NR) into C element by element, since a vector store past {@code nr} could leave C's row or
   * array.
   */
  private static void mergeSpilled(
      float[] tmp, float[] c, int cOff, int ldc, int mr, int nr, float beta) {
    for (int i = 0; i < mr; i++) {
      int row = cOff + i * ldc;
      int t = i * NR;
      for (int j = 0; j < nr; j++) {
        c[row + j] = beta == 0f ? tmp[t + j] : beta * c[row + j] + tmp[t + j];
      }
    }
  }
}
