package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatFunctions} in vector lanes. log, sin and cos: the floats are widened to double a
 * block at a time, evaluated to a few double ulps and rounded back, so the results are the scalar
 * reference's floats but in rare halfway cases (see {@link FloatFunctions}). tanh, sigmoid and
 * gelu: in float lanes, within a few ulps of the reference, as PyTorch's own vector loops. The last
 * elements short of a whole vector take the reference itself, a vector of sin or cos arguments with
 * one of 1.6e6 or more {@link Math}'s function.
 *
 * <p>Why vector lanes: {@link Math#log} and friends cost 5-30 ns an element here, so log, sin and
 * tanh of 256 x 784 floats took 5-25 times PyTorch's vector polynomials (ops workload of {@code
 * bench/side-by-side.sh}). Why double lanes for three of them: a float polynomial would be faster
 * still, but would not give the reference's values. tanh, sigmoid and gelu in double lanes took
 * 0.33-0.43, 0.32 and 0.50 ms on JDK 25, 0.85-1.4, 0.79 and 1.14 on JDK 17 (PyTorch 0.43-0.51,
 * 0.10-0.17 and 0.08-0.09); in float lanes 0.13-0.19, 0.10-0.16 and 0.19-0.22 on both (ops
 * workload), but for gelu on JDK 17 once add and mul have run in the JVM: 0.53-1.0 ms, as C2 then
 * leaves its final store to the Vector API's Java fallback (see bench/RESULTS.md).
 *
 * <p>How, and why so, for C2: each double-lane function is a few passes over the block, each pass a
 * loop over arrays that calls nothing but the Vector API. C2 inlines the API's own methods whatever
 * the size of the method it compiles, but stops inlining ours once that method has grown past a
 * node budget ({@code NodeCountInliningCutoff}) or when one is over 325 bytes ({@code
 * FreqInlineSize}); a method of ours that takes or returns a vector and is not inlined boxes every
 * vector on the heap (10-100 times slower). A pass takes arrays, so where C2 does not inline one,
 * it is merely called. Two more things C2 on JDK 17 punishes: a mask made before a loop and used in
 * it (sin 0.26 -> 1.3 ms), and vector conversions, which need floats of half width, a second vector
 * shape: softmax run after them took 625 instead of 165 µs (see {@code VectorElementwise}). So the
 * widening and rounding are plain loops, which JDK 25's C2 vectorises by itself and JDK 17's does
 * not (86 against 22 µs for 256 x 784 floats there and back). On JDK 17 log also takes longer, and
 * varies more, once other element-wise ops have run in the JVM (0.27-0.28 ms alone, 0.37-0.50 after
 * neg, relu and exp; the inlining is the same in both states); the cause is not found.
 *
 * <pre>{@code
 * new VectorFloatFunctions().log(x, 0, out, 0, x.length); // out[i] == (float) Math.log(x[i])
 * }</pre>
 */
final class VectorFloatFunctions implements FloatFunctions {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  private static final VectorSpecies<Float> FP = FloatVector.SPECIES_PREFERRED;

  /** Elements widened at a time, a multiple of the lanes: 8 KB of doubles, in the L1 cache. */
  private static final int BLOCK = 1024;

  // log: fdlibm's e_log.c, log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)) with s = f / (2 + f).
  private static final long MANTISSA = 0x000fffffffffffffL;
  private static final long ONE_BITS = 0x3ff0000000000000L;
  // The exponent field e OR-ed into the bits of 2^52 is the double 2^52 + e.
  private static final long TWO_52_BITS = 0x4330000000000000L;
  private static final double TWO_52_PLUS_BIAS = 4503599627370496.0 + 1023.0;
  private static final double SQRT2 = 1.4142135623730951;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double LG1 = 6.666666666666735130e-01;
  private static final double LG2 = 3.999999999940941908e-01;
  private static final double LG3 = 2.857142874366239149e-01;
  private static final double LG4 = 2.222219843214978396e-01;
  private static final double LG5 = 1.818357216161805012e-01;
  private static final double LG6 = 1.531383769920937332e-01;
  private static final double LG7 = 1.479819860511658591e-01;

  // sin, cos: x = n pi/2 + r with |r| <= pi/4, then fdlibm's k_sin.c and k_cos.c.
  private static final double ROUND = 6755399441055744.0; // 1.5 * 2^52: adding it rounds to int
  private static final double TWO_OVER_PI = 6.36619772367581382433e-01;
  // pi/2 in three parts of 33 bits each: n * PIO2_i is exact while |n| < 2^20.
  private static final double PIO2_1 = 1.57079632673412561417e+00;
  private static final double PIO2_2 = 6.07710050630396597660e-11;
  private static final double PIO2_3 = 2.02226624871116645580e-21;

  /** Arguments below this have quadrant numbers under 2^20. */
  private static final double TRIG_LIMIT = 1.6e6;

  private static final double S1 = -1.66666666666666324348e-01;
  private static final double S2 = 8.33333333332248946124e-03;
  private static final double S3 = -1.98412698298579493134e-04;
  private static final double S4 = 2.75573137070700676789e-06;
  private static final double S5 = -2.50507602534068634195e-08;
  private static final double S6 = 1.58969099521155010221e-10;
  private static final double C1 = 4.16666666666666019037e-02;
  private static final double C2 = -1.38888888888741095749e-03;
  private static final double C3 = 2.48015872894767294178e-05;
  private static final double C4 = -2.75573143513906633035e-07;
  private static final double C5 = 2.08757232129817482790e-09;
  private static final double C6 = -1.13596475577881948265e-11;

  @Override
  public void log(float[] x, int xOff, float[] out, int outOff, int n) {
    int vectorized = D.loopBound(n);
    double[] a = scratch(vectorized);
    for (int start = 0; start < vectorized; start += BLOCK) {
      int len = Math.min(BLOCK, vectorized - start);
      widen(x, xOff + start, a, len);
      log(a, len);
      narrow(a, out, outOff + start, len);
    }
    for (int i = vectorized; i < n; i++) {
      out[outOff + i] = ScalarFloatFunctions.log(x[xOff + i]);
    }
  }

  @Override
  public void sin(float[] x, int xOff, float[] out, int outOff, int n) {
    sinCos(x, xOff, out, outOff, n, 0);
  }

  @Override
  public void cos(float[] x, int xOff, float[] out, int outOff, int n) {
    sinCos(x, xOff, out, outOff, n, 1);
  }

  /** sin for shift 0, cos for 1. */
  private static void sinCos(float[] x, int xOff, float[] out, int outOff, int n, long shift) {
    int vectorized = D.loopBound(n);
    double[] a = scratch(vectorized);
    for (int start = 0; start < vectorized; start += BLOCK) {
      int len = Math.min(BLOCK, vectorized - start);
      widen(x, xOff + start, a, len);
      sinCos(a, len, shift);
      narrow(a, out, outOff + start, len);
    }
    for (int i = vectorized; i < n; i++) {
      float v = x[xOff + i];
      out[outOff + i] = shift == 0 ? ScalarFloatFunctions.sin(v) : ScalarFloatFunctions.cos(v);
    }
  }

  @Override
  public void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
    int vectorized = FP.loopBound(n);
    tanhLanes(x, xOff, out, outOff, vectorized);
    for (int i = vectorized; i < n; i++) {
      out[outOff + i] = ScalarFloatFunctions.tanh(x[xOff + i]);
    }
  }

  @Override
  public void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
    // Float lanes: 1 / (1 + exp(-x)) with the float exp (within 2 ulp), as PyTorch's own vector
    // loop does with Sleef's; within SIGMOID_ULPS of the reference.
    FloatVector one = FloatVector.broadcast(FP, 1f);
    int i = 0;
    for (int upper = FP.loopBound(n); i < upper; i += FP.length()) {
      FloatVector e = VectorMath.exp(FloatVector.fromArray(FP, x, xOff + i).neg());
      one.div(e.add(1f)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = ScalarFloatFunctions.sigmoid(x[xOff + i]);
    }
  }

  @Override
  public void gelu(float[] x, int xOff, float[] out, int outOff, int n) {
    int vectorized = FP.loopBound(n);
    geluLanes(x, xOff, out, outOff, vectorized);
    for (int i = vectorized; i < n; i++) {
      out[outOff + i] = ScalarFloatFunctions.gelu(x[xOff + i]);
    }
  }

  private static double[] scratch(int n) {
    return new double[Math.min(n, BLOCK)];
  }

  private static void widen(float[] x, int xOff, double[] a, int n) {
    for (int i = 0; i < n; i++) {
      a[i] = x[xOff + i];
    }
  }

  private static void narrow(double[] a, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = (float) a[i];
    }
  }

  // ------------------------------------------------------------------ passes: n a multiple of
  // the double lanes, nothing but the Vector API inside

  /** {@code a[i] = log(a[i])} for doubles widened from floats. */
  private static void log(double[] a, int n) {
    for (int i = 0; i < n; i += D.length()) {
      DoubleVector v = DoubleVector.fromArray(D, a, i);
      LongVector bits = v.reinterpretAsLongs();
      // v = 2^k m with m in [1, 2), m halved (k raised) above sqrt(2): f = m - 1 in [-0.29, 0.42].
      DoubleVector m = bits.and(MANTISSA).or(ONE_BITS).reinterpretAsDoubles();
      DoubleVector k =
          bits.lanewise(VectorOperators.LSHR, 52)
              .or(TWO_52_BITS)
              .reinterpretAsDoubles()
              .sub(TWO_52_PLUS_BIAS);
      VectorMask<Double> high = m.compare(VectorOperators.GT, SQRT2);
      m = m.blend(m.mul(0.5), high);
      k = k.blend(k.add(1.0), high);
      DoubleVector f = m.sub(1.0);
      DoubleVector s = f.div(f.add(2.0));
      DoubleVector z = s.mul(s);
      DoubleVector w = z.mul(z);
      DoubleVector t1 = w.fma(LG6, LG4).fma(w, DoubleVector.broadcast(D, LG2)).mul(w);
      DoubleVector t2 =
          w.fma(LG7, LG5)
              .fma(w, DoubleVector.broadcast(D, LG3))
              .fma(w, DoubleVector.broadcast(D, LG1))
              .mul(z);
      DoubleVector hfsq = f.mul(f).mul(0.5);
      // log = k ln2_hi - ((hfsq - (s (hfsq + R) + k ln2_lo)) - f)
      DoubleVector inner = s.fma(hfsq.add(t2.add(t1)), k.mul(LN2_LO));
      DoubleVector log = k.mul(LN2_HI).sub(hfsq.sub(inner).sub(f));
      // Zero, negatives, infinity and NaN (every positive float widens to a normal double).
      VectorMask<Double> ordinary =
          v.compare(VectorOperators.GT, 0.0).and(v.compare(VectorOperators.LE, Float.MAX_VALUE));
      if (!ordinary.allTrue()) {
        DoubleVector special =
            v.blend(Double.NaN, v.compare(VectorOperators.LT, 0.0))
                .blend(Double.NEGATIVE_INFINITY, v.compare(VectorOperators.EQ, 0.0));
        log = log.blend(special, ordinary.not());
      }
      log.intoArray(a, i);
    }
  }

  /** {@code a[i] = sin(a[i] + shift pi/2)}: sin for shift 0, cos for 1. */
  private static void sinCos(double[] a, int n, long shift) {
    for (int i = 0; i < n; i += D.length()) {
      DoubleVector v = DoubleVector.fromArray(D, a, i);
      if (v.abs().compare(VectorOperators.GE, TRIG_LIMIT).anyTrue()) {
        for (int j = i; j < i + D.length(); j++) {
          a[j] = shift == 0 ? Math.sin(a[j]) : Math.cos(a[j]);
        }
        continue;
      }
      DoubleVector t = v.fma(TWO_OVER_PI, ROUND);
      DoubleVector q = t.sub(ROUND);
      DoubleVector r = q.fma(DoubleVector.broadcast(D, -PIO2_1), v);
      r = q.fma(DoubleVector.broadcast(D, -PIO2_2), r);
      r = q.fma(DoubleVector.broadcast(D, -PIO2_3), r);
      DoubleVector z = r.mul(r);
      DoubleVector ps =
          z.fma(S6, S5).fma(z, DoubleVector.broadcast(D, S4)).fma(z, DoubleVector.broadcast(D, S3));
      // r (1 + z P(z)), not r + r z P(z): sin(-0) must be -0, and (-0) + (+0) is +0.
      DoubleVector sin =
          ps.fma(z, DoubleVector.broadcast(D, S2))
              .fma(z, DoubleVector.broadcast(D, S1))
              .mul(z)
              .add(1.0)
              .mul(r);
      DoubleVector pc =
          z.fma(C6, C5).fma(z, DoubleVector.broadcast(D, C4)).fma(z, DoubleVector.broadcast(D, C3));
      pc = pc.fma(z, DoubleVector.broadcast(D, C2)).fma(z, DoubleVector.broadcast(D, C1));
      DoubleVector cos = pc.mul(z.mul(z)).add(z.fma(-0.5, 1.0));
      // n sits in the low bits of t (1.5 * 2^52 + n); the quadrant is (n + shift) mod 4: sin r,
      // cos r, -sin r, -cos r.
      LongVector quadrant = t.reinterpretAsLongs().add(shift);
      LongVector useCos = quadrant.and(1L).neg(); // all ones in odd quadrants
      LongVector negate = quadrant.and(2L).lanewise(VectorOperators.LSHL, 62);
      LongVector sinBits = sin.reinterpretAsLongs();
      LongVector picked =
          sinBits.lanewise(
              VectorOperators.XOR,
              sinBits.lanewise(VectorOperators.XOR, cos.reinterpretAsLongs()).and(useCos));
      DoubleVector result = picked.lanewise(VectorOperators.XOR, negate).reinterpretAsDoubles();
      result.intoArray(a, i);
    }
  }

  // ------------------------------------------------------------------ tanh in float lanes

  /** Below this |x|, tanh is Cephes' odd polynomial; above it, from exp. */
  private static final float TANH_POLYNOMIAL_BELOW = 0.625f;

  /**
   * tanh of n floats from {@code x[xOff]}, n a multiple of the float lanes, as Cephes' {@code
   * tanhf}: {@code x + x^3 P(x^2)} for |x| < 0.625, else {@code (1 - e) / (1 + e)} with {@code e =
   * exp(-2|x|)} and x's sign (no overflow: e falls to 0 for large |x|, and the ratio to 1).
   */
  private static void tanhLanes(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i += FP.length()) {
      FloatVector v = FloatVector.fromArray(FP, x, xOff + i);
      FloatVector abs = v.abs();
      FloatVector e = VectorMath.exp(abs.mul(-2f));
      FloatVector ratio = e.neg().add(1f).div(e.add(1f));
      FloatVector z = abs.mul(abs);
      FloatVector p = z.fma(-5.70498872745E-3f, 2.06390887954E-2f);
      p = p.fma(z, FloatVector.broadcast(FP, -5.37397155531E-2f));
      p = p.fma(z, FloatVector.broadcast(FP, 1.33314422036E-1f));
      p = p.fma(z, FloatVector.broadcast(FP, -3.33332819422E-1f));
      FloatVector polynomial = p.mul(z).fma(abs, abs);
      // tanh(|x|) with x's sign: -0 stays -0, NaN stays NaN.
      ratio
          .blend(polynomial, abs.compare(VectorOperators.LT, TANH_POLYNOMIAL_BELOW))
          .reinterpretAsInts()
          .or(v.reinterpretAsInts().and(F_SIGN))
          .reinterpretAsFloats()
          .intoArray(out, outOff + i);
    }
  }

  // ------------------------------------------------------------------ gelu in float lanes

  /**
   * |x| is clamped here: beyond it gelu(x) is x, or 0 with x's sign, in float, and below it {@code
   * y >= -114}, so {@code 2^k} takes two normal halves and no clamp of exp's argument is needed.
   */
  private static final float GELU_ABS_LIMIT = 15f;

  private static final float F_HALF_SQRT_HALF = (float) Math.sqrt(0.5) * 0.5f;
  private static final float F_ROUND = 12582912f; // 1.5 * 2^23: adding it rounds to int
  private static final float F_EXP_BIAS = 8388608f + 127f;
  private static final float F_LOG2E = 1.44269504088896341f;
  private static final float F_LN2_HI = 0.693359375f;
  private static final float F_LN2_LO = -2.12194440e-4f;
  private static final int F_SIGN = 0x80000000;

  /**
   * gelu of n floats from {@code x[xOff]}, n a multiple of the float lanes: {@code 0.5 x erfc(-x
   * sqrt(1/2))} with {@link Erfc#float32}'s fit, {@code erfc(z) = t exp(y)}, {@code y = -z^2 +
   * poly(t)}, {@code t = 1 / (1 + |z| / 2)}, and {@code 2 - erfc(-z)} for z < 0, in float lanes.
   * With {@code q = 0.5 |x| t exp(y)} the result is {@code x - q} for x > 0, else q with x's sign.
   *
   * <p>Float lanes would lose {@code z^2}'s rounding (its ulp times z^2 relative: 12 ulps at x =
   * -5), so y is kept as two floats: {@code x^2 / 2} exactly by an FMA, the sum by Knuth's two-sum,
   * the low part added to exp's reduced argument. {@code 2^k} is applied last, so that a subnormal
   * result is rounded once. |x| is clamped by compare and blend, not min: with Java's rules for NaN
   * and -0, C2 makes several instructions of a float min or max, and clamping x and exp's argument
   * with three of them took 278 µs on JDK 25 against 214 by compare and blend (256 x 784 floats).
   */
  private static void geluLanes(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i += FP.length()) {
      FloatVector v = FloatVector.fromArray(FP, x, xOff + i);
      FloatVector ax = v.abs();
      ax = ax.blend(GELU_ABS_LIMIT, ax.compare(VectorOperators.GT, GELU_ABS_LIMIT));
      FloatVector halfAx = ax.mul(0.5f);
      FloatVector denominator = ax.fma(F_HALF_SQRT_HALF, 1f);
      FloatVector t = FloatVector.broadcast(FP, 1f).div(denominator);
      FloatVector poly = t.fma((float) Erfc.C9, (float) Erfc.C8);
      poly = poly.fma(t, FloatVector.broadcast(FP, (float) Erfc.C7));
      poly = poly.fma(t, FloatVector.broadcast(FP, (float) Erfc.C6));
      poly = poly.fma(t, FloatVector.broadcast(FP, (float) Erfc.C5));
      poly = poly.fma(t, FloatVector.broadcast(FP, (float) Erfc.C4));
      poly = poly.fma(t, FloatVector.broadcast(FP, (float) Erfc.C3));
      poly = poly.fma(t, FloatVector.broadcast(FP, (float) Erfc.C2));
      poly = poly.fma(t, FloatVector.broadcast(FP, (float) Erfc.C1));
      poly = poly.fma(t, FloatVector.broadcast(FP, (float) Erfc.C0));
      // x^2 / 2 = sq + sqLo exactly; y = poly - sq = s + sErr exactly (two-sum).
      FloatVector sq = halfAx.mul(ax);
      FloatVector sqLo = halfAx.fma(ax, sq.neg());
      FloatVector s = poly.sub(sq);
      FloatVector sqPart = s.sub(poly);
      FloatVector polyPart = s.sub(sqPart);
      FloatVector sErr = poly.sub(polyPart).add(sq.neg().sub(sqPart));
      // exp(s + sErr - sqLo) = 2^k exp(r), as VectorMath.exp with the low parts added to r.
      FloatVector k = s.fma(F_LOG2E, F_ROUND).sub(F_ROUND);
      FloatVector r = k.fma(FloatVector.broadcast(FP, -F_LN2_HI), s);
      r = k.fma(FloatVector.broadcast(FP, -F_LN2_LO), r).add(sErr.sub(sqLo));
      FloatVector p = r.fma(1.9875691500E-4f, 1.3981999507E-3f);
      p = p.fma(r, FloatVector.broadcast(FP, 8.3334519073E-3f));
      p = p.fma(r, FloatVector.broadcast(FP, 4.1665795894E-2f));
      p = p.fma(r, FloatVector.broadcast(FP, 1.6666665459E-1f));
      p = p.fma(r, FloatVector.broadcast(FP, 5.0000001201E-1f));
      p = p.fma(r.mul(r), r).add(1f);
      // k in [-165, 0] is split into halves in [-83, 0]: each 2^half is a normal float.
      FloatVector kHalf = k.fma(0.5f, F_ROUND).sub(F_ROUND);
      FloatVector pow2Half =
          kHalf
              .add(F_EXP_BIAS)
              .reinterpretAsInts()
              .lanewise(VectorOperators.LSHL, 23)
              .reinterpretAsFloats();
      FloatVector pow2Rest =
          k.sub(kHalf)
              .add(F_EXP_BIAS)
              .reinterpretAsInts()
              .lanewise(VectorOperators.LSHL, 23)
              .reinterpretAsFloats();
      FloatVector q = p.mul(halfAx.div(denominator)).mul(pow2Half).mul(pow2Rest);
      FloatVector signedQ =
          q.reinterpretAsInts().or(v.reinterpretAsInts().and(F_SIGN)).reinterpretAsFloats();
      // + x 0: -0 for finite x <= 0, which changes nothing, but NaN for -inf, as the reference's
      // 0.5 x erfc(inf) = -inf * 0.
      FloatVector gelu = v.sub(q).blend(signedQ.add(v.mul(0f)), v.compare(VectorOperators.LE, 0f));
      gelu.intoArray(out, outOff + i);
    }
  }
}
