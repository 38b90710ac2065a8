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
    if (mr == MR && nr == NR) {
      // Full tile: merge straight into C. Written out rather than via a helper taking vectors:
      // a helper that C2 declines to inline (it is big once compiled) would box every vector.
      int r0 = cOff;
      int r1 = r0 + ldc;
      int r2 = r1 + ldc;
      int r3 = r2 + ldc;
      int r4 = r3 + ldc;
      int r5 = r4 + ldc;
      if (beta == 0f) {
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
      } else {
        // fma(C, beta, acc) with beta == 1 is exactly C + acc, so one path serves both.
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector.fromArray(S, c, r0).fma(vb, c00).intoArray(c, r0);
        FloatVector.fromArray(S, c, r0 + L).fma(vb, c01).intoArray(c, r0 + L);
        FloatVector.fromArray(S, c, r1).fma(vb, c10).intoArray(c, r1);
        FloatVector.fromArray(S, c, r1 + L).fma(vb, c11).intoArray(c, r1 + L);
        FloatVector.fromArray(S, c, r2).fma(vb, c20).intoArray(c, r2);
        FloatVector.fromArray(S, c, r2 + L).fma(vb, c21).intoArray(c, r2 + L);
        FloatVector.fromArray(S, c, r3).fma(vb, c30).intoArray(c, r3);
        FloatVector.fromArray(S, c, r3 + L).fma(vb, c31).intoArray(c, r3 + L);
        FloatVector.fromArray(S, c, r4).fma(vb, c40).intoArray(c, r4);
        FloatVector.fromArray(S, c, r4 + L).fma(vb, c41).intoArray(c, r4 + L);
        FloatVector.fromArray(S, c, r5).fma(vb, c50).intoArray(c, r5);
        FloatVector.fromArray(S, c, r5 + L).fma(vb, c51).intoArray(c, r5 + L);
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
  public boolean readsRowMajorA() {
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
    // on JDK 17. The tile always goes through scratch, which costs little next to the packing
    // this path saves.
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

  /**
   * Merges the valid {@code mr x nr} part of a tile spilled to {@code tmp} (rows of NR) into C:
   * rows with vectors when the tile has all its columns, element by element otherwise, since a
   * vector store past {@code nr} could leave C's row or array.
   */
  private static void mergeSpilled(
      float[] tmp, float[] c, int cOff, int ldc, int mr, int nr, float beta) {
    FloatVector vb = FloatVector.broadcast(S, beta);
    for (int i = 0; i < mr; i++) {
      int row = cOff + i * ldc;
      int t = i * NR;
      if (nr == NR) {
        FloatVector t0 = FloatVector.fromArray(S, tmp, t);
        FloatVector t1 = FloatVector.fromArray(S, tmp, t + L);
        if (beta == 0f) {
          t0.intoArray(c, row);
          t1.intoArray(c, row + L);
        } else {
          FloatVector.fromArray(S, c, row).fma(vb, t0).intoArray(c, row);
          FloatVector.fromArray(S, c, row + L).fma(vb, t1).intoArray(c, row + L);
        }
      } else {
        for (int j = 0; j < nr; j++) {
          c[row + j] = beta == 0f ? tmp[t + j] : beta * c[row + j] + tmp[t + j];
        }
      }
    }
  }
}
