package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Reductions} on the Vector API. */
final class VectorReductions implements Reductions {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  /**
   * Whether {@link #block4x5}'s 26 live vectors fit the register file: 512-bit vectors imply
   * AVX-512's 32 registers; AVX2 (8 floats) has 16 and would spill, so it keeps {@link #block4x2}.
   */
  private static final boolean WIDE = F.length() >= 16;

  /** Elements per block whose partial sums are carried in vector lanes before adding in double. */
  private static final int BLOCK = 4096;

  /** Elements per block of {@link #narrowRows}, whose exponentials go through a buffer. */
  private static final int NARROW_BLOCK = 1024;

  /**
   * Whether {@link #narrowRows} takes its exponentials a vector at a time; on JDK 17, one {@link
   * Math#exp} each. Measured on the MLP's loss (128 rows of 10), one thread, Zen 5: warm, 28 -> 16
   * us a step on JDK 17 and 24 -> 16 on JDK 25; but JDK 17's Java fallback of the vector exp, until
   * C2 compiles it, made the first timed epoch's loss 75 -> 104 us a step (median of five runs),
   * where JDK 25's went 88 -> 58.
   */
  private static final boolean VECTOR_EXP_IN_NARROW_ROWS = Runtime.version().feature() >= 22;

  private final Elementwise elementwise;

  VectorReductions(Elementwise elementwise) {
    this.elementwise = elementwise;
  }

  @Override
  public float sum(float[] x, int xOff, int n) {
    // Float lanes within blocks of BLOCK elements, block totals in double: the speed of
    // float vectors with an error that grows with the block, not the array, length.
    int step = 4 * F.length();
    int upper = n - n % step;
    double total = 0;
    for (int block = 0; block < upper; block += BLOCK) {
      int end = Math.min(upper, block + BLOCK);
      FloatVector s0 = FloatVector.zero(F);
      FloatVector s1 = FloatVector.zero(F);
      FloatVector s2 = FloatVector.zero(F);
      FloatVector s3 = FloatVector.zero(F);
      for (int i = block; i < end; i += step) {
        int at = xOff + i;
        s0 = s0.add(FloatVector.fromArray(F, x, at));
        s1 = s1.add(FloatVector.fromArray(F, x, at + F.length()));
        s2 = s2.add(FloatVector.fromArray(F, x, at + 2 * F.length()));
        s3 = s3.add(FloatVector.fromArray(F, x, at + 3 * F.length()));
      }
      total += LaneSums.sum(s0.add(s1).add(s2.add(s3)));
    }
    for (int i = upper; i < n; i++) {
      total += x[xOff + i];
    }
    return (float) total;
  }

  /**
   * The floats in double lanes: each float vector widened by {@link FloatWidening} into its even
   * and odd elements, each of the two summed in its own lanes.
   */
  @Override
  public double sumInDouble(float[] x, int xOff, int n) {
    DoubleVector even = DoubleVector.zero(D);
    DoubleVector odd = DoubleVector.zero(D);
    int upper = F.loopBound(n);
    for (int i = 0; i < upper; i += F.length()) {
      LongVector pairs = FloatVector.fromArray(F, x, xOff + i).reinterpretAsLongs();
      // The running sums as arguments, not receivers: a vector carried round a loop as the
      // receiver of its next operation left C2 unsure of its class (a virtual call per vector).
      even = FloatWidening.lowHalves(pairs).add(even);
      odd = FloatWidening.highHalves(pairs).add(odd);
    }
    double total = LaneSums.sum(even.add(odd));
    for (int i = upper; i < n; i++) {
      total += x[xOff + i];
    }
    return total;
  }

  /**
   * As {@link #sumInDouble}, each deviation squared by a fused multiply-add. 256 x 784 floats'
   * squares: 56 -> 15 µs on JDK 17 and 25 against eight scalar partial sums (whose widening JDK 17
   * does not vectorise, and whose dependent adds JDK 25 does not reorder).
   */
  @Override
  public double sumOfSquaredDeviations(float[] x, int xOff, int n, double mean) {
    DoubleVector even = DoubleVector.zero(D);
    DoubleVector odd = DoubleVector.zero(D);
    int upper = F.loopBound(n);
    for (int i = 0; i < upper; i += F.length()) {
      LongVector pairs = FloatVector.fromArray(F, x, xOff + i).reinterpretAsLongs();
      DoubleVector e = FloatWidening.lowHalves(pairs).sub(mean);
      DoubleVector o = FloatWidening.highHalves(pairs).sub(mean);
      even = e.fma(e, even);
      odd = o.fma(o, odd);
    }
    double total = LaneSums.sum(even.add(odd));
    for (int i = upper; i < n; i++) {
      double e = x[xOff + i] - mean;
      total += e * e;
    }
    return total;
  }

  /**
   * Four rows at a time share each load of x, one accumulator a row: per 16 floats five loads and
   * four independent FMAs, where {@link #dot} on one row waits for the last FMA's result. Each
   * row's arithmetic is the same in a group of four and alone: lanes summed in blocks of {@code
   * BLOCK}, block totals and the scalar tail in double. A 256 x 784 matrix times a vector: 15 -> 11
   * us on JDK 17 and 25 against a {@link #dot} per row (throwaway Sw; PyTorch 10), where reading
   * the matrix from the cache is most of the time.
   */
  @Override
  public void dotRows(
      float[] a, int aOff, int lda, int rows, float[] x, int xOff, int k, float[] out, int outOff) {
    int i = 0;
    for (; i + 4 <= rows; i += 4) {
      dotFourRows(a, aOff + i * lda, lda, x, xOff, k, out, outOff + i);
    }
    for (; i < rows; i++) {
      out[outOff + i] = dotRow(a, aOff + i * lda, x, xOff, k);
    }
  }

  private static void dotFourRows(
      float[] a, int a0, int lda, float[] x, int xOff, int k, float[] out, int o) {
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    int upper = F.loopBound(k);
    double t0 = 0;
    double t1 = 0;
    double t2 = 0;
    double t3 = 0;
    for (int block = 0; block < upper; block += BLOCK) {
      int end = Math.min(upper, block + BLOCK);
      FloatVector s0 = FloatVector.zero(F);
      FloatVector s1 = FloatVector.zero(F);
      FloatVector s2 = FloatVector.zero(F);
      FloatVector s3 = FloatVector.zero(F);
      for (int p = block; p < end; p += F.length()) {
        FloatVector v = FloatVector.fromArray(F, x, xOff + p);
        s0 = FloatVector.fromArray(F, a, a0 + p).fma(v, s0);
        s1 = FloatVector.fromArray(F, a, a1 + p).fma(v, s1);
        s2 = FloatVector.fromArray(F, a, a2 + p).fma(v, s2);
        s3 = FloatVector.fromArray(F, a, a3 + p).fma(v, s3);
      }
      t0 += LaneSums.sum(s0);
      t1 += LaneSums.sum(s1);
      t2 += LaneSums.sum(s2);
      t3 += LaneSums.sum(s3);
    }
    for (int p = upper; p < k; p++) {
      double xp = x[xOff + p];
      t0 += a[a0 + p] * xp;
      t1 += a[a1 + p] * xp;
      t2 += a[a2 + p] * xp;
      t3 += a[a3 + p] * xp;
    }
    out[o] = (float) t0;
    out[o + 1] = (float) t1;
    out[o + 2] = (float) t2;
    out[o + 3] = (float) t3;
  }

  /** One row of {@link #dotRows}, with {@link #dotFourRows}' arithmetic. */
  private static float dotRow(float[] a, int a0, float[] x, int xOff, int k) {
    int upper = F.loopBound(k);
    double t0 = 0;
    for (int block = 0; block < upper; block += BLOCK) {
      int end = Math.min(upper, block + BLOCK);
      FloatVector s0 = FloatVector.zero(F);
      for (int p = block; p < end; p += F.length()) {
        s0 = FloatVector.fromArray(F, a, a0 + p).fma(FloatVector.fromArray(F, x, xOff + p), s0);
      }
      t0 += LaneSums.sum(s0);
    }
    for (int p = upper; p < k; p++) {
      t0 += a[a0 + p] * (double) x[xOff + p];
    }
    return (float) t0;
  }

  /**
   * Register blocks keep vector accumulators over one sample's dot products: 4 rows of A by 5 rows
   * of B (20 accumulators, 9 loads per 20 FMAs) where the register file has 32 vectors, else 4 by 2
   * (8 accumulators, 6 loads per 8 FMAs). The accumulators stay lane-wise in {@code acc} from
   * sample to sample and are reduced across lanes once at the end, so a short plane costs no
   * horizontal sums per sample. Tails of k shorter than a vector are summed in scalars.
   *
   * <p>The 4 x 5 block made the CNN's first weight gradient (64 samples of 16 x 25 over 576
   * positions, AVX-512) 1.4-1.5x faster on JDK 17 and 25 (JDK 17: 425 -> 305 us, 358 -> 240 us in
   * two runs). Each lane still adds its products in the same order, so results are unchanged.
   */
  @Override
  public void sumOfProductsNT(
      int batch,
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int lda,
      int strideA,
      float[] b,
      int bOff,
      int ldb,
      int strideB,
      float[] c,
      int cOff,
      int ldc) {
    int lanes = F.length();
    int kv = k - k % lanes;
    float[] acc = new float[m * n * lanes];
    for (int s = 0; s < batch; s++) {
      int as = aOff + s * strideA;
      int bs = bOff + s * strideB;
      int i = 0;
      for (; i + 4 <= m; i += 4) {
        int j = 0;
        for (; WIDE && j + 5 <= n; j += 5) {
          block4x5(a, as + i * lda, lda, b, bs + j * ldb, ldb, kv, acc, (i * n + j) * lanes, n);
        }
        for (; j + 2 <= n; j += 2) {
          block4x2(a, as + i * lda, lda, b, bs + j * ldb, ldb, kv, acc, (i * n + j) * lanes, n);
        }
        for (; j < n; j++) {
          for (int ii = i; ii < i + 4; ii++) {
            dotInto(a, as + ii * lda, b, bs + j * ldb, kv, acc, (ii * n + j) * lanes);
          }
        }
      }
      for (; i < m; i++) {
        for (int j = 0; j < n; j++) {
          dotInto(a, as + i * lda, b, bs + j * ldb, kv, acc, (i * n + j) * lanes);
        }
      }
      for (int ii = 0; kv < k && ii < m; ii++) {
        for (int j = 0; j < n; j++) {
          float tail = 0;
          for (int p = kv; p < k; p++) {
            tail += a[as + ii * lda + p] * b[bs + j * ldb + p];
          }
          c[cOff + ii * ldc + j] += tail;
        }
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        c[cOff + i * ldc + j] += LaneSums.sum(FloatVector.fromArray(F, acc, (i * n + j) * lanes));
      }
    }
  }

  /** {@code acc} rows {@code (i..i+3, j..j+1)} += the lane-wise products of 4 A rows, 2 B rows. */
  private static void block4x2(
      float[] a, int a0, int lda, float[] b, int b0, int ldb, int kv, float[] acc, int r0, int n) {
    int lanes = F.length();
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    int b1 = b0 + ldb;
    int r1 = r0 + n * lanes;
    int r2 = r1 + n * lanes;
    int r3 = r2 + n * lanes;
    FloatVector c00 = FloatVector.fromArray(F, acc, r0);
    FloatVector c01 = FloatVector.fromArray(F, acc, r0 + lanes);
    FloatVector c10 = FloatVector.fromArray(F, acc, r1);
    FloatVector c11 = FloatVector.fromArray(F, acc, r1 + lanes);
    FloatVector c20 = FloatVector.fromArray(F, acc, r2);
    FloatVector c21 = FloatVector.fromArray(F, acc, r2 + lanes);
    FloatVector c30 = FloatVector.fromArray(F, acc, r3);
    FloatVector c31 = FloatVector.fromArray(F, acc, r3 + lanes);
    for (int p = 0; p < kv; p += lanes) {
      FloatVector x0 = FloatVector.fromArray(F, b, b0 + p);
      FloatVector x1 = FloatVector.fromArray(F, b, b1 + p);
      FloatVector y = FloatVector.fromArray(F, a, a0 + p);
      c00 = y.fma(x0, c00);
      c01 = y.fma(x1, c01);
      y = FloatVector.fromArray(F, a, a1 + p);
      c10 = y.fma(x0, c10);
      c11 = y.fma(x1, c11);
      y = FloatVector.fromArray(F, a, a2 + p);
      c20 = y.fma(x0, c20);
      c21 = y.fma(x1, c21);
      y = FloatVector.fromArray(F, a, a3 + p);
      c30 = y.fma(x0, c30);
      c31 = y.fma(x1, c31);
    }
    c00.intoArray(acc, r0);
    c01.intoArray(acc, r0 + lanes);
    c10.intoArray(acc, r1);
    c11.intoArray(acc, r1 + lanes);
    c20.intoArray(acc, r2);
    c21.intoArray(acc, r2 + lanes);
    c30.intoArray(acc, r3);
    c31.intoArray(acc, r3 + lanes);
  }

  /**
   * {@code acc} rows {@code (i..i+3, j..j+4)} += the lane-wise products of 4 A rows, 5 B rows.
   * Written out by hand: a helper taking vectors may not be inlined on JDK 17 and then boxes them.
   */
  private static void block4x5(
      float[] a, int a0, int lda, float[] b, int b0, int ldb, int kv, float[] acc, int r0, int n) {
    int lanes = F.length();
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    int b1 = b0 + ldb;
    int b2 = b1 + ldb;
    int b3 = b2 + ldb;
    int b4 = b3 + ldb;
    int r1 = r0 + n * lanes;
    int r2 = r1 + n * lanes;
    int r3 = r2 + n * lanes;
    FloatVector c00 = FloatVector.fromArray(F, acc, r0);
    FloatVector c01 = FloatVector.fromArray(F, acc, r0 + lanes);
    FloatVector c02 = FloatVector.fromArray(F, acc, r0 + 2 * lanes);
    FloatVector c03 = FloatVector.fromArray(F, acc, r0 + 3 * lanes);
    FloatVector c04 = FloatVector.fromArray(F, acc, r0 + 4 * lanes);
    FloatVector c10 = FloatVector.fromArray(F, acc, r1);
    FloatVector c11 = FloatVector.fromArray(F, acc, r1 + lanes);
    FloatVector c12 = FloatVector.fromArray(F, acc, r1 + 2 * lanes);
    FloatVector c13 = FloatVector.fromArray(F, acc, r1 + 3 * lanes);
    FloatVector c14 = FloatVector.fromArray(F, acc, r1 + 4 * lanes);
    FloatVector c20 = FloatVector.fromArray(F, acc, r2);
    FloatVector c21 = FloatVector.fromArray(F, acc, r2 + lanes);
    FloatVector c22 = FloatVector.fromArray(F, acc, r2 + 2 * lanes);
    FloatVector c23 = FloatVector.fromArray(F, acc, r2 + 3 * lanes);
    FloatVector c24 = FloatVector.fromArray(F, acc, r2 + 4 * lanes);
    FloatVector c30 = FloatVector.fromArray(F, acc, r3);
    FloatVector c31 = FloatVector.fromArray(F, acc, r3 + lanes);
    FloatVector c32 = FloatVector.fromArray(F, acc, r3 + 2 * lanes);
    FloatVector c33 = FloatVector.fromArray(F, acc, r3 + 3 * lanes);
    FloatVector c34 = FloatVector.fromArray(F, acc, r3 + 4 * lanes);
    for (int p = 0; p < kv; p += lanes) {
      FloatVector x0 = FloatVector.fromArray(F, b, b0 + p);
      FloatVector x1 = FloatVector.fromArray(F, b, b1 + p);
      FloatVector x2 = FloatVector.fromArray(F, b, b2 + p);
      FloatVector x3 = FloatVector.fromArray(F, b, b3 + p);
      FloatVector x4 = FloatVector.fromArray(F, b, b4 + p);
      FloatVector y = FloatVector.fromArray(F, a, a0 + p);
      c00 = y.fma(x0, c00);
      c01 = y.fma(x1, c01);
      c02 = y.fma(x2, c02);
      c03 = y.fma(x3, c03);
      c04 = y.fma(x4, c04);
      y = FloatVector.fromArray(F, a, a1 + p);
      c10 = y.fma(x0, c10);
      c11 = y.fma(x1, c11);
      c12 = y.fma(x2, c12);
      c13 = y.fma(x3, c13);
      c14 = y.fma(x4, c14);
      y = FloatVector.fromArray(F, a, a2 + p);
      c20 = y.fma(x0, c20);
      c21 = y.fma(x1, c21);
      c22 = y.fma(x2, c22);
      c23 = y.fma(x3, c23);
      c24 = y.fma(x4, c24);
      y = FloatVector.fromArray(F, a, a3 + p);
      c30 = y.fma(x0, c30);
      c31 = y.fma(x1, c31);
      c32 = y.fma(x2, c32);
      c33 = y.fma(x3, c33);
      c34 = y.fma(x4, c34);
    }
    c00.intoArray(acc, r0);
    c01.intoArray(acc, r0 + lanes);
    c02.intoArray(acc, r0 + 2 * lanes);
    c03.intoArray(acc, r0 + 3 * lanes);
    c04.intoArray(acc, r0 + 4 * lanes);
    c10.intoArray(acc, r1);
    c11.intoArray(acc, r1 + lanes);
    c12.intoArray(acc, r1 + 2 * lanes);
    c13.intoArray(acc, r1 + 3 * lanes);
    c14.intoArray(acc, r1 + 4 * lanes);
    c20.intoArray(acc, r2);
    c21.intoArray(acc, r2 + lanes);
    c22.intoArray(acc, r2 + 2 * lanes);
    c23.intoArray(acc, r2 + 3 * lanes);
    c24.intoArray(acc, r2 + 4 * lanes);
    c30.intoArray(acc, r3);
    c31.intoArray(acc, r3 + lanes);
    c32.intoArray(acc, r3 + 2 * lanes);
    c33.intoArray(acc, r3 + 3 * lanes);
    c34.intoArray(acc, r3 + 4 * lanes);
  }

  /** One lane-wise dot product of whole vectors added into {@code acc[r..r+lanes)}. */
  private static void dotInto(float[] a, int ai, float[] b, int bj, int kv, float[] acc, int r) {
    FloatVector sum = FloatVector.fromArray(F, acc, r);
    for (int p = 0; p < kv; p += F.length()) {
      sum = FloatVector.fromArray(F, a, ai + p).fma(FloatVector.fromArray(F, b, bj + p), sum);
    }
    sum.intoArray(acc, r);
  }

  @Override
  public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
    int step = 4 * F.length();
    int upper = n - n % step;
    double total = 0;
    for (int block = 0; block < upper; block += BLOCK) {
      int end = Math.min(upper, block + BLOCK);
      FloatVector s0 = FloatVector.zero(F);
      FloatVector s1 = FloatVector.zero(F);
      FloatVector s2 = FloatVector.zero(F);
      FloatVector s3 = FloatVector.zero(F);
      for (int i = block; i < end; i += step) {
        int xa = xOff + i;
        int ya = yOff + i;
        int l = F.length();
        s0 = FloatVector.fromArray(F, x, xa).fma(FloatVector.fromArray(F, y, ya), s0);
        s1 = FloatVector.fromArray(F, x, xa + l).fma(FloatVector.fromArray(F, y, ya + l), s1);
        s2 =
            FloatVector.fromArray(F, x, xa + 2 * l)
                .fma(FloatVector.fromArray(F, y, ya + 2 * l), s2);
        s3 =
            FloatVector.fromArray(F, x, xa + 3 * l)
                .fma(FloatVector.fromArray(F, y, ya + 3 * l), s3);
      }
      total += LaneSums.sum(s0.add(s1).add(s2.add(s3)));
    }
    for (int i = upper; i < n; i++) {
      total += (double) x[xOff + i] * y[yOff + i];
    }
    return (float) total;
  }

  @Override
  public float max(float[] x, int xOff, int n) {
    // Lanewise max has Math.max semantics, so NaN propagates exactly as in the scalar loop.
    FloatVector m0 = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
    FloatVector m1 = m0;
    int step = 2 * F.length();
    int upper = n - n % step;
    for (int i = 0; i < upper; i += step) {
      m0 = m0.max(FloatVector.fromArray(F, x, xOff + i));
      m1 = m1.max(FloatVector.fromArray(F, x, xOff + i + F.length()));
    }
    float best = m0.max(m1).reduceLanes(VectorOperators.MAX);
    for (int i = upper; i < n; i++) {
      best = Math.max(best, x[xOff + i]);
    }
    return best;
  }

  @Override
  public void maxPool2x2(
      float[] in,
      int inOff,
      int planes,
      int h,
      int w,
      int oh,
      int ow,
      float[] out,
      long[] indices,
      int outOff,
      boolean relu) {
    VectorMaxPool.pool(in, inOff, planes, h, w, oh, ow, out, indices, outOff, relu);
  }

  @Override
  public void softmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          if (cols < F.length()) {
            narrowRows(x, xOff + r0 * cols, out, outOff + r0 * cols, r1 - r0, cols, false);
            return;
          }
          for (int r = r0; r < r1; r++) {
            softmaxRow(x, xOff + r * cols, out, outOff + r * cols, cols);
          }
        });
  }

  /**
   * Softmax or log-softmax of rows narrower than a vector, such as a classifier's 10 classes. The
   * row loops take every exponential of such a row in their scalar tail ({@link Math#exp}), so here
   * each block of rows is shifted by its row maxima into {@code out}, laid out flat, and
   * exponentiated a whole vector at a time. The arithmetic is the row loops', so special values
   * come out as in PyTorch: a row holding NaN or +inf, or only -inf, is all NaN.
   */
  private void narrowRows(float[] x, int xi, float[] out, int oi, int rows, int cols, boolean log) {
    int blockRows = Math.max(1, NARROW_BLOCK / cols);
    float[] exps = log ? new float[Math.min(rows, blockRows) * cols] : null;
    for (int r0 = 0; r0 < rows; r0 += blockRows) {
      int n = Math.min(blockRows, rows - r0) * cols;
      int xb = xi + r0 * cols;
      int ob = oi + r0 * cols;
      for (int row = 0; row < n; row += cols) {
        // Scalar: a row narrower than a vector would only reach the tail of max()'s loop.
        float m = Float.NEGATIVE_INFINITY;
        for (int j = row; j < row + cols; j++) {
          m = Math.max(m, x[xb + j]);
        }
        for (int j = row; j < row + cols; j++) {
          out[ob + j] = x[xb + j] - m;
        }
      }
      float[] e = log ? exps : out;
      int eb = log ? 0 : ob;
      if (VECTOR_EXP_IN_NARROW_ROWS) {
        elementwise.exp(out, ob, e, eb, n);
      } else {
        for (int j = 0; j < n; j++) {
          e[eb + j] = (float) Math.exp(out[ob + j]);
        }
      }
      for (int row = 0; row < n; row += cols) {
        double s = 0;
        for (int j = row; j < row + cols; j++) {
          s += e[eb + j];
        }
        if (log) {
          float logSum = (float) Math.log(s);
          for (int j = row; j < row + cols; j++) {
            out[ob + j] -= logSum;
          }
        } else {
          float inv = (float) (1.0 / s);
          for (int j = row; j < row + cols; j++) {
            out[ob + j] *= inv;
          }
        }
      }
    }
  }

  private void softmaxRow(float[] x, int xi, float[] out, int oi, int cols) {
    float m = max(x, xi, cols);
    FloatVector vm = FloatVector.broadcast(F, m);
    FloatVector acc = FloatVector.zero(F);
    int upper = F.loopBound(cols);
    for (int j = 0; j < upper; j += F.length()) {
      FloatVector e = VectorMath.exp(FloatVector.fromArray(F, x, xi + j).sub(vm));
      e.intoArray(out, oi + j);
      acc = acc.add(e);
    }
    double s = LaneSums.sum(acc);
    for (int j = upper; j < cols; j++) {
      float e = (float) Math.exp(x[xi + j] - m);
      out[oi + j] = e;
      s += e;
    }
    float inv = (float) (1.0 / s);
    elementwise.mulScalar(out, oi, inv, out, oi, cols);
  }

  @Override
  public void logSoftmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          if (cols < F.length()) {
            narrowRows(x, xOff + r0 * cols, out, outOff + r0 * cols, r1 - r0, cols, true);
            return;
          }
          for (int r = r0; r < r1; r++) {
            logSoftmaxRow(x, xOff + r * cols, out, outOff + r * cols, cols);
          }
        });
  }

  @Override
  public void logSumExpRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            int xi = xOff + r * cols;
            float m = max(x, xi, cols);
            out[outOff + r] =
                Float.isInfinite(m) ? m : (float) (m + Math.log(sumExpShifted(x, xi, cols, m)));
          }
        });
  }

  /** {@code sum(exp(x[xi + j] - m))} over a row, exp in float lanes, the lane sum in double. */
  private static double sumExpShifted(float[] x, int xi, int cols, float m) {
    FloatVector vm = FloatVector.broadcast(F, m);
    FloatVector acc = FloatVector.zero(F);
    int upper = F.loopBound(cols);
    for (int j = 0; j < upper; j += F.length()) {
      acc = acc.add(VectorMath.exp(FloatVector.fromArray(F, x, xi + j).sub(vm)));
    }
    double s = LaneSums.sum(acc);
    for (int j = upper; j < cols; j++) {
      s += Math.exp(x[xi + j] - m);
    }
    return s;
  }

  private void logSoftmaxRow(float[] x, int xi, float[] out, int oi, int cols) {
    float m = max(x, xi, cols);
    FloatVector vm = FloatVector.broadcast(F, m);
    int upper = F.loopBound(cols);
    float logSum = (float) Math.log(sumExpShifted(x, xi, cols, m));
    FloatVector vl = FloatVector.broadcast(F, logSum);
    for (int j = 0; j < upper; j += F.length()) {
      FloatVector.fromArray(F, x, xi + j).sub(vm).sub(vl).intoArray(out, oi + j);
    }
    for (int j = upper; j < cols; j++) {
      out[oi + j] = (x[xi + j] - m) - logSum;
    }
  }

  @Override
  public double sum(double[] x, int xOff, int n) {
    // Four independent accumulators hide the add latency; blocks as in the float version.
    int step = 4 * D.length();
    int upper = n - n % step;
    double total = 0;
    for (int block = 0; block < upper; block += BLOCK) {
      int end = Math.min(upper, block + BLOCK);
      DoubleVector s0 = DoubleVector.zero(D);
      DoubleVector s1 = DoubleVector.zero(D);
      DoubleVector s2 = DoubleVector.zero(D);
      DoubleVector s3 = DoubleVector.zero(D);
      for (int i = block; i < end; i += step) {
        int at = xOff + i;
        s0 = s0.add(DoubleVector.fromArray(D, x, at));
        s1 = s1.add(DoubleVector.fromArray(D, x, at + D.length()));
        s2 = s2.add(DoubleVector.fromArray(D, x, at + 2 * D.length()));
        s3 = s3.add(DoubleVector.fromArray(D, x, at + 3 * D.length()));
      }
      total += LaneSums.sum(s0.add(s1).add(s2.add(s3)));
    }
    for (int i = upper; i < n; i++) {
      total += x[xOff + i];
    }
    return total;
  }

  @Override
  public double dot(double[] x, int xOff, double[] y, int yOff, int n) {
    int step = 4 * D.length();
    int upper = n - n % step;
    double total = 0;
    for (int block = 0; block < upper; block += BLOCK) {
      int end = Math.min(upper, block + BLOCK);
      DoubleVector s0 = DoubleVector.zero(D);
      DoubleVector s1 = DoubleVector.zero(D);
      DoubleVector s2 = DoubleVector.zero(D);
      DoubleVector s3 = DoubleVector.zero(D);
      for (int i = block; i < end; i += step) {
        int xa = xOff + i;
        int ya = yOff + i;
        int l = D.length();
        s0 = DoubleVector.fromArray(D, x, xa).fma(DoubleVector.fromArray(D, y, ya), s0);
        s1 = DoubleVector.fromArray(D, x, xa + l).fma(DoubleVector.fromArray(D, y, ya + l), s1);
        s2 =
            DoubleVector.fromArray(D, x, xa + 2 * l)
                .fma(DoubleVector.fromArray(D, y, ya + 2 * l), s2);
        s3 =
            DoubleVector.fromArray(D, x, xa + 3 * l)
                .fma(DoubleVector.fromArray(D, y, ya + 3 * l), s3);
      }
      total += LaneSums.sum(s0.add(s1).add(s2.add(s3)));
    }
    for (int i = upper; i < n; i++) {
      total += (double) x[xOff + i] * y[yOff + i];
    }
    return total;
  }

  @Override
  public double max(double[] x, int xOff, int n) {
    // Lanewise max has Math.max semantics, so NaN propagates exactly as in the scalar loop.
    DoubleVector m0 = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
    DoubleVector m1 = m0;
    int step = 2 * D.length();
    int upper = n - n % step;
    for (int i = 0; i < upper; i += step) {
      m0 = m0.max(DoubleVector.fromArray(D, x, xOff + i));
      m1 = m1.max(DoubleVector.fromArray(D, x, xOff + i + D.length()));
    }
    double best = m0.max(m1).reduceLanes(VectorOperators.MAX);
    for (int i = upper; i < n; i++) {
      best = Math.max(best, x[xOff + i]);
    }
    return best;
  }

  @Override
  public void softmaxRows(double[] x, int xOff, double[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            softmaxRow(x, xOff + r * cols, out, outOff + r * cols, cols);
          }
        });
  }

  private void softmaxRow(double[] x, int xi, double[] out, int oi, int cols) {
    double m = max(x, xi, cols);
    DoubleVector vm = DoubleVector.broadcast(D, m);
    DoubleVector acc = DoubleVector.zero(D);
    int upper = D.loopBound(cols);
    for (int j = 0; j < upper; j += D.length()) {
      DoubleVector e = VectorMath.exp(DoubleVector.fromArray(D, x, xi + j).sub(vm));
      e.intoArray(out, oi + j);
      acc = acc.add(e);
    }
    double s = LaneSums.sum(acc);
    for (int j = upper; j < cols; j++) {
      double e = Math.exp(x[xi + j] - m);
      out[oi + j] = e;
      s += e;
    }
    double inv = (1.0 / s);
    elementwise.mulScalar(out, oi, inv, out, oi, cols);
  }

  @Override
  public void logSoftmaxRows(double[] x, int xOff, double[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            logSoftmaxRow(x, xOff + r * cols, out, outOff + r * cols, cols);
          }
        });
  }

  private void logSoftmaxRow(double[] x, int xi, double[] out, int oi, int cols) {
    double m = max(x, xi, cols);
    DoubleVector vm = DoubleVector.broadcast(D, m);
    DoubleVector acc = DoubleVector.zero(D);
    int upper = D.loopBound(cols);
    for (int j = 0; j < upper; j += D.length()) {
      acc = acc.add(VectorMath.exp(DoubleVector.fromArray(D, x, xi + j).sub(vm)));
    }
    double s = LaneSums.sum(acc);
    for (int j = upper; j < cols; j++) {
      s += Math.exp(x[xi + j] - m);
    }
    double logSum = Math.log(s);
    DoubleVector vl = DoubleVector.broadcast(D, logSum);
    for (int j = 0; j < upper; j += D.length()) {
      DoubleVector.fromArray(D, x, xi + j).sub(vm).sub(vl).intoArray(out, oi + j);
    }
    for (int j = upper; j < cols; j++) {
      out[oi + j] = (x[xi + j] - m) - logSum;
    }
  }
}
