package org.autograd4j.internal.kernels;

import java.util.function.IntPredicate;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM panel packing on the Vector API, shared by the vector micro-kernels.
 *
 * <p>The two packings that turn rows into p-major panels ({@link #sixRowPanel}, {@link
 * #transposedBPanel}) move values between lanes with single-source rearranges and blends, on {@link
 * FloatVector#SPECIES_PREFERRED}'s shape only (a second shape slows JDK 17's C2), and are written
 * for its 16 lanes (AVX-512); other widths keep {@link ScalarPacking}. The rearranges run on int
 * lanes: JDK 17's Java fallback of a float rearrange (before C2 compiles it) canonicalises NaN
 * payloads, and packing is a copy.
 *
 * <p>Whole products, in one JVM alternating scalar and vector packing round by round (best of 30, 1
 * thread, Zen 5): the MLP's first Linear forward (NT:128:256:784) 393 -> 358 us on JDK 17, 392 ->
 * 321 us on JDK 25; NT:128:128:256 66 -> 56 and 69 -> 52 us; NN:128:256:128 70 -> 69 and 56 -> 52
 * us; sgemm 1024 within the noise (best 14.8 against 15.4 ms, median 16.6 against 16.5 ms on JDK
 * 17; 12.9 against 12.9 ms on JDK 25).
 *
 * <p>The price is warm-up. Until C2 compiles them, the rearranges and blends run in the Vector
 * API's Java fallback, 100 to 1000 times slower than the scalar loops (C1 only: 7.6 ms against 68
 * us per six-row panel of depth 784, 29 ms against 28 us per transposed-B panel), and C2 then takes
 * 0.24 s and 0.36 s to compile them on JDK 17 (0.1 s each on JDK 25). In a fresh JVM running
 * NT:128:256:784 products (median of 8, Zen 5): the first product 0.52 -> 0.66 s on JDK 17, 0.44 ->
 * 0.65 s on JDK 25; products 2-200 0.21 -> 0.62 s and 0.34 -> 0.58 s; products 2000-4000 0.79 ->
 * 0.67 s and 0.85 -> 0.76 s. At this shape the packing repays its warm-up only after about 9000
 * products. So only the JDK 22+ kernel ({@link UnrolledVectorFloatMicroKernel}), whose C2 compiles
 * them in a third of the time, packs with them; on JDK 17 the MLP's first epoch was 0.1-0.16 s
 * slower with them in four alternated runs of four (see {@link VectorFloatMicroKernel}).
 */
final class VectorPacking {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = S.withLanes(int.class);
  private static final int LANES = S.length();

  /** Whether the rearranges below (written for 16 lanes) apply. */
  private static final boolean SIXTEEN_LANES = LANES == 16;

  // Six-row panels: a block of 16 p's packs into 96 floats, six vectors. Lane t of vector j holds
  // element e = 16 j + t of the block, that is row e % 6 at p e / 6. Gj moves each row's p's to
  // those lanes (the same index serves all six rows); Tc marks the lanes t with t % 6 == c, where
  // vector j takes row (c + 16 j) % 6.
  private static final VectorShuffle<Integer> G0 = sixRowSources(0);
  private static final VectorShuffle<Integer> G1 = sixRowSources(1);
  private static final VectorShuffle<Integer> G2 = sixRowSources(2);
  private static final VectorShuffle<Integer> G3 = sixRowSources(3);
  private static final VectorShuffle<Integer> G4 = sixRowSources(4);
  private static final VectorShuffle<Integer> G5 = sixRowSources(5);
  private static final VectorMask<Integer> T0 = lanes(t -> t % 6 == 0);
  private static final VectorMask<Integer> T1 = lanes(t -> t % 6 == 1);
  private static final VectorMask<Integer> T2 = lanes(t -> t % 6 == 2);
  private static final VectorMask<Integer> T3 = lanes(t -> t % 6 == 3);
  private static final VectorMask<Integer> T4 = lanes(t -> t % 6 == 4);
  private static final VectorMask<Integer> T5 = lanes(t -> t % 6 == 5);

  // 16 x 16 transposes: round b swaps lane c of row i with lane c ^ b of row i ^ b (for the lanes
  // and rows with bit b clear and set respectively); Xb is that lane swap, Bb the lanes with bit b.
  // (Indices wrap modulo the lane count so that narrower vectors, which never use them, still get
  // valid shuffles.)
  private static final VectorShuffle<Integer> X1 = swapLanes(1);
  private static final VectorShuffle<Integer> X2 = swapLanes(2);
  private static final VectorShuffle<Integer> X4 = swapLanes(4);
  private static final VectorShuffle<Integer> X8 = swapLanes(8);
  private static final VectorMask<Integer> B1 = lanes(c -> (c & 1) != 0);
  private static final VectorMask<Integer> B2 = lanes(c -> (c & 2) != 0);
  private static final VectorMask<Integer> B4 = lanes(c -> (c & 4) != 0);
  private static final VectorMask<Integer> B8 = lanes(c -> (c & 8) != 0);

  private VectorPacking() {}

  /** Lane t of vector j of a six-row block takes p (16 j + t) / 6 (wrapped below 16 lanes). */
  private static VectorShuffle<Integer> sixRowSources(int j) {
    return VectorShuffle.fromOp(I, t -> (16 * j + t) / 6 % LANES);
  }

  private static VectorShuffle<Integer> swapLanes(int bit) {
    return VectorShuffle.fromOp(I, c -> (c ^ bit) % LANES);
  }

  private static VectorMask<Integer> lanes(IntPredicate set) {
    boolean[] bits = new boolean[LANES];
    for (int t = 0; t < LANES; t++) {
      bits[t] = set.test(t);
    }
    return VectorMask.fromArray(I, bits, 0);
  }

  /**
   * {@link FloatMicroKernel#packTransposedA}: one whole vector per {@code p}, of which the first
   * {@code mr} lanes are that p's values. The other lanes land on the slots of the following p's,
   * which are written after them. Element by element, the loop of {@code mr} copies per p cost the
   * MLP's weight gradients 9-19% of their time (TN:256:784:128 307 -> 280 us, TN:128:256:128 63 ->
   * 51 us, JDK 17, Zen 5). The last p's, whose whole vector would read past {@code a} or write past
   * the panel (where another thread may be packing the next one), go element by element.
   *
   * <pre>{@code
   * VectorPacking.transposedPanel(a, src, lda, kc, 1f, 6, packed, dst);
   * }</pre>
   */
  static void transposedPanel(
      float[] a, int src, int lda, int kc, float alpha, int mr, float[] ap, int dst) {
    int lanes = S.length();
    int vectorEnd = 0;
    if (mr <= lanes && a.length - lanes >= src && kc * mr >= lanes) {
      // The p's whose whole vector stays inside a and inside this panel (lda >= 1, mr >= 1).
      int fitA = (a.length - lanes - src) / lda + 1;
      int fitPanel = (kc * mr - lanes) / mr + 1;
      vectorEnd = Math.min(kc, Math.min(fitA, fitPanel));
    }
    if (alpha == 1f) {
      for (int p = 0; p < vectorEnd; p++) {
        FloatVector.fromArray(S, a, src + p * lda).intoArray(ap, dst + p * mr);
      }
    } else {
      FloatVector va = FloatVector.broadcast(S, alpha);
      for (int p = 0; p < vectorEnd; p++) {
        FloatVector.fromArray(S, a, src + p * lda).mul(va).intoArray(ap, dst + p * mr);
      }
    }
    for (int p = vectorEnd; p < kc; p++) {
      for (int ii = 0; ii < mr; ii++) {
        ap[dst + p * mr + ii] = alpha * a[src + p * lda + ii];
      }
    }
  }

  /**
   * {@link FloatMicroKernel#packRowMajorB}: the {@code nr} (a multiple of the vector length) values
   * of each p copied as whole vectors.
   *
   * <pre>{@code
   * VectorPacking.rowMajorPanel(b, src, ldb, kc, 32, packed, dst);
   * }</pre>
   */
  static void rowMajorPanel(float[] b, int src, int ldb, int kc, int nr, float[] bp, int dst) {
    int lanes = S.length();
    if (nr == 2 * lanes) {
      for (int p = 0; p < kc; p++) {
        int s = src + p * ldb;
        int d = dst + p * nr;
        FloatVector.fromArray(S, b, s).intoArray(bp, d);
        FloatVector.fromArray(S, b, s + lanes).intoArray(bp, d + lanes);
      }
      return;
    }
    for (int p = 0; p < kc; p++) {
      for (int j = 0; j < nr; j += lanes) {
        FloatVector.fromArray(S, b, src + p * ldb + j).intoArray(bp, dst + p * nr + j);
      }
    }
  }

  /**
   * {@link FloatMicroKernel#packRowMajorA} for six rows: per block of 16 p's, the six rows' vectors
   * (times alpha) are spread over the block's six packed vectors, each built from all six rows by
   * one rearrange per row and five blends. Element by element ({@link ScalarPacking#sixRows}) each
   * value is a scalar load, multiply and store. Packing the MLP's x (128 x 784, 21 panels), in one
   * JVM alternating both round by round (best of 40, Zen 5): 38.8 -> 19.2 us on JDK 17, 24.2 -> 9.8
   * us on JDK 25; 1024 x 1024: 450 -> 270 us and 287 -> 112 us. Building each packed vector from
   * six shifted loads, blended, and one rearrange was slower (25.5 us, JDK 17). A depth that is not
   * a multiple of 16 ends with a block overlapping the one before, which rewrites some values
   * identically; below 16 the panel is packed element by element. Reads stay inside the six rows,
   * writes inside the panel.
   *
   * <pre>{@code
   * VectorPacking.sixRowPanel(a, aOff + i * lda + pc, lda, kc, alpha, packed, panel * kc);
   * }</pre>
   */
  static void sixRowPanel(float[] a, int src, int lda, int kc, float alpha, float[] ap, int dst) {
    if (!SIXTEEN_LANES || kc < 16) {
      ScalarPacking.sixRows(a, src, lda, kc, alpha, ap, dst);
      return;
    }
    FloatVector va = FloatVector.broadcast(S, alpha);
    int s1 = src + lda;
    int s2 = s1 + lda;
    int s3 = s2 + lda;
    int s4 = s3 + lda;
    int s5 = s4 + lda;
    int last = kc - 16;
    for (int p = 0; ; p += 16) {
      int q = Math.min(p, last);
      IntVector r0 = FloatVector.fromArray(S, a, src + q).mul(va).reinterpretAsInts();
      IntVector r1 = FloatVector.fromArray(S, a, s1 + q).mul(va).reinterpretAsInts();
      IntVector r2 = FloatVector.fromArray(S, a, s2 + q).mul(va).reinterpretAsInts();
      IntVector r3 = FloatVector.fromArray(S, a, s3 + q).mul(va).reinterpretAsInts();
      IntVector r4 = FloatVector.fromArray(S, a, s4 + q).mul(va).reinterpretAsInts();
      IntVector r5 = FloatVector.fromArray(S, a, s5 + q).mul(va).reinterpretAsInts();
      int d = dst + 6 * q;
      // Packed vector v takes lanes G_v of every row: row 0's, then row r's (r = 1..5) blended in
      // where T_((r + 2v) mod 6) is set, the masks rotating by two rows per vector. Written out six
      // times: a per-vector helper taking
      // the row vectors was up to 20% slower, C2 boxing vectors it does not inline.
      r0.rearrange(G0)
          .blend(r1.rearrange(G0), T1)
          .blend(r2.rearrange(G0), T2)
          .blend(r3.rearrange(G0), T3)
          .blend(r4.rearrange(G0), T4)
          .blend(r5.rearrange(G0), T5)
          .reinterpretAsFloats()
          .intoArray(ap, d);
      r0.rearrange(G1)
          .blend(r1.rearrange(G1), T3)
          .blend(r2.rearrange(G1), T4)
          .blend(r3.rearrange(G1), T5)
          .blend(r4.rearrange(G1), T0)
          .blend(r5.rearrange(G1), T1)
          .reinterpretAsFloats()
          .intoArray(ap, d + 16);
      r0.rearrange(G2)
          .blend(r1.rearrange(G2), T5)
          .blend(r2.rearrange(G2), T0)
          .blend(r3.rearrange(G2), T1)
          .blend(r4.rearrange(G2), T2)
          .blend(r5.rearrange(G2), T3)
          .reinterpretAsFloats()
          .intoArray(ap, d + 32);
      r0.rearrange(G3)
          .blend(r1.rearrange(G3), T1)
          .blend(r2.rearrange(G3), T2)
          .blend(r3.rearrange(G3), T3)
          .blend(r4.rearrange(G3), T4)
          .blend(r5.rearrange(G3), T5)
          .reinterpretAsFloats()
          .intoArray(ap, d + 48);
      r0.rearrange(G4)
          .blend(r1.rearrange(G4), T3)
          .blend(r2.rearrange(G4), T4)
          .blend(r3.rearrange(G4), T5)
          .blend(r4.rearrange(G4), T0)
          .blend(r5.rearrange(G4), T1)
          .reinterpretAsFloats()
          .intoArray(ap, d + 64);
      r0.rearrange(G5)
          .blend(r1.rearrange(G5), T5)
          .blend(r2.rearrange(G5), T0)
          .blend(r3.rearrange(G5), T1)
          .blend(r4.rearrange(G5), T2)
          .blend(r5.rearrange(G5), T3)
          .reinterpretAsFloats()
          .intoArray(ap, d + 80);
      if (q == last) {
        break;
      }
    }
  }

  /**
   * {@link FloatMicroKernel#packTransposedB} for 32 columns: per block of 16 p's, two 16 x 16
   * transposes in registers ({@link #transpose16}), then the panel is written a whole vector at a
   * time. Element by element ({@link ScalarPacking#transposedB}) every value is a scalar load and
   * store. Packing the MLP's W (256 x 784, 8 panels), measured like {@link #sixRowPanel}: 75.2 ->
   * 45.3 us on JDK 17, 72.6 -> 28.7 us on JDK 25. Doing the first round of lane swaps with shifted
   * loads instead of rearranges measured the same (40.0 against 45.3 us, 29.5 against 28.7), the
   * first two rounds slower (57.5 us, 35.0). A depth that is not a multiple of 16 ends with a block
   * overlapping the one before; below 16 the panel is packed element by element. Reads stay inside
   * the 32 rows, writes inside the panel.
   *
   * <pre>{@code
   * VectorPacking.transposedBPanel(b, bOff + j * ldb + pc, ldb, kc, packed, panel * kc);
   * }</pre>
   */
  static void transposedBPanel(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
    if (!SIXTEEN_LANES || kc < 16) {
      ScalarPacking.transposedB(b, src, ldb, kc, 2 * LANES, 2 * LANES, bp, dst);
      return;
    }
    int last = kc - 16;
    for (int p = 0; ; p += 16) {
      int q = Math.min(p, last);
      transpose16(b, src + q, ldb, bp, dst + 32 * q);
      transpose16(b, src + 16 * ldb + q, ldb, bp, dst + 32 * q + 16);
      if (q == last) {
        break;
      }
    }
  }

  /**
   * The 16 x 16 block of {@code b} at {@code s} (rows {@code ldb} apart) transposed into 16 vectors
   * 32 floats apart at {@code d}: four rounds, each swapping lanes between eight pairs of rows with
   * two rearranges and two blends. A method of its own: with both of a block's transposes inlined
   * into the loop, JDK 17's C2 ran out of inlining budget, left reinterprets as calls that allocate
   * their vectors, and spilled (0.35 instead of 0.2 ns per value).
   */
  private static void transpose16(float[] b, int s, int ldb, float[] bp, int d) {
    IntVector v0 = FloatVector.fromArray(S, b, s).reinterpretAsInts();
    IntVector v8 = FloatVector.fromArray(S, b, s + 8 * ldb).reinterpretAsInts();
    IntVector v1 = FloatVector.fromArray(S, b, s + ldb).reinterpretAsInts();
    IntVector v9 = FloatVector.fromArray(S, b, s + 9 * ldb).reinterpretAsInts();
    IntVector v2 = FloatVector.fromArray(S, b, s + 2 * ldb).reinterpretAsInts();
    IntVector v10 = FloatVector.fromArray(S, b, s + 10 * ldb).reinterpretAsInts();
    IntVector v3 = FloatVector.fromArray(S, b, s + 3 * ldb).reinterpretAsInts();
    IntVector v11 = FloatVector.fromArray(S, b, s + 11 * ldb).reinterpretAsInts();
    IntVector v4 = FloatVector.fromArray(S, b, s + 4 * ldb).reinterpretAsInts();
    IntVector v12 = FloatVector.fromArray(S, b, s + 12 * ldb).reinterpretAsInts();
    IntVector v5 = FloatVector.fromArray(S, b, s + 5 * ldb).reinterpretAsInts();
    IntVector v13 = FloatVector.fromArray(S, b, s + 13 * ldb).reinterpretAsInts();
    IntVector v6 = FloatVector.fromArray(S, b, s + 6 * ldb).reinterpretAsInts();
    IntVector v14 = FloatVector.fromArray(S, b, s + 14 * ldb).reinterpretAsInts();
    IntVector v7 = FloatVector.fromArray(S, b, s + 7 * ldb).reinterpretAsInts();
    IntVector v15 = FloatVector.fromArray(S, b, s + 15 * ldb).reinterpretAsInts();
    IntVector t;
    // Bit 3: rows i and i + 8. Then rows 0-7 and 8-15 each go through bits 2, 1 and 0.
    t = v0.rearrange(X8);
    v0 = v0.blend(v8.rearrange(X8), B8);
    v8 = t.blend(v8, B8);
    t = v1.rearrange(X8);
    v1 = v1.blend(v9.rearrange(X8), B8);
    v9 = t.blend(v9, B8);
    t = v2.rearrange(X8);
    v2 = v2.blend(v10.rearrange(X8), B8);
    v10 = t.blend(v10, B8);
    t = v3.rearrange(X8);
    v3 = v3.blend(v11.rearrange(X8), B8);
    v11 = t.blend(v11, B8);
    t = v4.rearrange(X8);
    v4 = v4.blend(v12.rearrange(X8), B8);
    v12 = t.blend(v12, B8);
    t = v5.rearrange(X8);
    v5 = v5.blend(v13.rearrange(X8), B8);
    v13 = t.blend(v13, B8);
    t = v6.rearrange(X8);
    v6 = v6.blend(v14.rearrange(X8), B8);
    v14 = t.blend(v14, B8);
    t = v7.rearrange(X8);
    v7 = v7.blend(v15.rearrange(X8), B8);
    v15 = t.blend(v15, B8);
    t = v0.rearrange(X4);
    v0 = v0.blend(v4.rearrange(X4), B4);
    v4 = t.blend(v4, B4);
    t = v1.rearrange(X4);
    v1 = v1.blend(v5.rearrange(X4), B4);
    v5 = t.blend(v5, B4);
    t = v2.rearrange(X4);
    v2 = v2.blend(v6.rearrange(X4), B4);
    v6 = t.blend(v6, B4);
    t = v3.rearrange(X4);
    v3 = v3.blend(v7.rearrange(X4), B4);
    v7 = t.blend(v7, B4);
    t = v0.rearrange(X2);
    v0 = v0.blend(v2.rearrange(X2), B2);
    v2 = t.blend(v2, B2);
    t = v1.rearrange(X2);
    v1 = v1.blend(v3.rearrange(X2), B2);
    v3 = t.blend(v3, B2);
    t = v4.rearrange(X2);
    v4 = v4.blend(v6.rearrange(X2), B2);
    v6 = t.blend(v6, B2);
    t = v5.rearrange(X2);
    v5 = v5.blend(v7.rearrange(X2), B2);
    v7 = t.blend(v7, B2);
    t = v0.rearrange(X1);
    v0 = v0.blend(v1.rearrange(X1), B1);
    v1 = t.blend(v1, B1);
    t = v2.rearrange(X1);
    v2 = v2.blend(v3.rearrange(X1), B1);
    v3 = t.blend(v3, B1);
    t = v4.rearrange(X1);
    v4 = v4.blend(v5.rearrange(X1), B1);
    v5 = t.blend(v5, B1);
    t = v6.rearrange(X1);
    v6 = v6.blend(v7.rearrange(X1), B1);
    v7 = t.blend(v7, B1);
    v0.reinterpretAsFloats().intoArray(bp, d);
    v1.reinterpretAsFloats().intoArray(bp, d + 32);
    v2.reinterpretAsFloats().intoArray(bp, d + 64);
    v3.reinterpretAsFloats().intoArray(bp, d + 96);
    v4.reinterpretAsFloats().intoArray(bp, d + 128);
    v5.reinterpretAsFloats().intoArray(bp, d + 160);
    v6.reinterpretAsFloats().intoArray(bp, d + 192);
    v7.reinterpretAsFloats().intoArray(bp, d + 224);
    t = v8.rearrange(X4);
    v8 = v8.blend(v12.rearrange(X4), B4);
    v12 = t.blend(v12, B4);
    t = v9.rearrange(X4);
    v9 = v9.blend(v13.rearrange(X4), B4);
    v13 = t.blend(v13, B4);
    t = v10.rearrange(X4);
    v10 = v10.blend(v14.rearrange(X4), B4);
    v14 = t.blend(v14, B4);
    t = v11.rearrange(X4);
    v11 = v11.blend(v15.rearrange(X4), B4);
    v15 = t.blend(v15, B4);
    t = v8.rearrange(X2);
    v8 = v8.blend(v10.rearrange(X2), B2);
    v10 = t.blend(v10, B2);
    t = v9.rearrange(X2);
    v9 = v9.blend(v11.rearrange(X2), B2);
    v11 = t.blend(v11, B2);
    t = v12.rearrange(X2);
    v12 = v12.blend(v14.rearrange(X2), B2);
    v14 = t.blend(v14, B2);
    t = v13.rearrange(X2);
    v13 = v13.blend(v15.rearrange(X2), B2);
    v15 = t.blend(v15, B2);
    t = v8.rearrange(X1);
    v8 = v8.blend(v9.rearrange(X1), B1);
    v9 = t.blend(v9, B1);
    t = v10.rearrange(X1);
    v10 = v10.blend(v11.rearrange(X1), B1);
    v11 = t.blend(v11, B1);
    t = v12.rearrange(X1);
    v12 = v12.blend(v13.rearrange(X1), B1);
    v13 = t.blend(v13, B1);
    t = v14.rearrange(X1);
    v14 = v14.blend(v15.rearrange(X1), B1);
    v15 = t.blend(v15, B1);
    v8.reinterpretAsFloats().intoArray(bp, d + 256);
    v9.reinterpretAsFloats().intoArray(bp, d + 288);
    v10.reinterpretAsFloats().intoArray(bp, d + 320);
    v11.reinterpretAsFloats().intoArray(bp, d + 352);
    v12.reinterpretAsFloats().intoArray(bp, d + 384);
    v13.reinterpretAsFloats().intoArray(bp, d + 416);
    v14.reinterpretAsFloats().intoArray(bp, d + 448);
    v15.reinterpretAsFloats().intoArray(bp, d + 480);
  }
}
