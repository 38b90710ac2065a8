package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatFunctions} in float lanes, within a few ulps of the scalar reference, as PyTorch's
 * own vector loops (Sleef's, within an ulp of the exact value) are within a few ulps of its scalar
 * ones. The last elements short of a whole vector take the reference itself, and so does a vector
 * of sin or cos arguments with one of 1.6e6 or more.
 *
 * <p>Why vector lanes: {@link Math#log} and friends cost 5-30 ns an element here, so log, sin and
 * tanh of 256 x 784 floats took 5-25 times PyTorch's vector polynomials (ops workload of {@code
 * bench/side-by-side.sh}). Why float lanes: twice as many a vector as double lanes, and no widening
 * to double and back, which JDK 17's C2 does not vectorise. log and sin in double lanes (the
 * reference's floats but in rare halfway cases) took 0.19 ms each on JDK 25 and 0.25-0.66 on JDK
 * 17, in float lanes 0.10 and 0.08-0.10 on JDK 25, 0.13-0.14 and 0.10 in most JDK 17 processes and
 * 0.25-0.55 in some (throwaway {@code Sw}, 256 x 784 floats into a new tensor; PyTorch 0.20 and
 * 0.16). tanh, sigmoid and gelu in double lanes took 0.33-0.43, 0.32 and 0.50 ms on JDK 25,
 * 0.85-1.4, 0.79 and 1.14 on JDK 17 (PyTorch 0.43-0.51, 0.10-0.17 and 0.08-0.09); in float lanes
 * 0.13-0.19, 0.10-0.16 and 0.19-0.22 on both (ops workload), but for gelu on JDK 17 once other ops
 * have run in the JVM: 0.41-0.43 ms, as C2 then keeps some Vector API calls virtual (see
 * bench/RESULTS.md; 0.53-1.0 while gelu's last step was in integer lanes, see {@code tanhLanes}).
 *
 * <p>How, and why so, for C2: each function is one loop over arrays that calls nothing but the
 * Vector API. C2 inlines the API's own methods whatever the size of the method it compiles, but
 * stops inlining ours once that method has grown past a node budget ({@code
 * NodeCountInliningCutoff}) or when one is over 325 bytes ({@code FreqInlineSize}); a method of
 * ours that takes or returns a vector and is not inlined boxes every vector on the heap (10-100
 * times slower). Two more things C2 on JDK 17 punishes: a mask made before a loop and used in it
 * (sin 0.26 -> 1.3 ms), and vector conversions, which need floats of half width, a second vector
 * shape: softmax run after them took 625 instead of 165 µs (see {@code VectorElementwise}). So the
 * masks are made in the loops, and integers become floats by their bits, not by conversion.
 *
 * <pre>{@code
 * new VectorFloatFunctions().log(x, 0, out, 0, x.length); // within LOG_ULPS of (float) Math.log
 * }</pre>
 */
final class VectorFloatFunctions implements FloatFunctions {
  private static final VectorSpecies<Float> FP = FloatVector.SPECIES_PREFERRED;

  // Shared by log, sin and cos: adding 1.5 * 2^23 to a float rounds it to an integer n, which then
  // sits in the low bits; conversely, n (|n| < 2^22) added to 1.5 * 2^23's bits gives the float
  // 1.5 * 2^23 + n, so subtracting 1.5 * 2^23 turns an integer lane into a float without a
  // conversion.
  private static final float F_ROUND = 12582912f;
  private static final int F_ROUND_BITS = 0x4b400000;
  private static final int F_SIGN = 0x80000000;

  // log: FreeBSD's e_logf.c, log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)) with s = f / (2 + f).
  /** The bits of sqrt(1/2) (rounded down): mantissas are taken in [sqrt(1/2), sqrt(2)). */
  private static final int SQRT_HALF_BITS = 0x3f3504f3;

  private static final int MANTISSA = 0x007fffff;
  private static final float TWO_25 = 33554432f;
  private static final float LN2_HI = 6.9313812256e-01f;
  private static final float LN2_LO = 9.0580006145e-06f;
  private static final float LG1 = 0.66666662693f;
  private static final float LG2 = 0.40000972152f;
  private static final float LG3 = 0.28498786688f;
  private static final float LG4 = 0.24279078841f;

  // sin, cos: x = n pi/2 + r with |r| <= pi/4 (a little more, as n is rounded in float), then
  // Cephes' sinf and cosf polynomials.
  private static final float TWO_OVER_PI = 0.63661977236758134f;
  // pi/2 as three floats, from pi to 60 digits (from Math.PI the third is 4% off, and sin and cos
  // up to 500 ulps off near multiples of pi/2). r = |x| - n PIO2_1 is exact: both are multiples of
  // 2^-24 and r is below 1. Two more FMAs leave sin and cos within 2 ulps on every float below
  // TRIG_LIMIT, those nearest multiples of pi/2 included.
  private static final float PIO2_1 = 1.5707963705062866f;
  private static final float PIO2_2 = -4.371138828673793e-08f;
  private static final float PIO2_3 = -1.7151245100058819e-15f;

  /** Arguments below this have quadrant numbers under 2^20. */
  private static final float TRIG_LIMIT = 1.6e6f;

  private static final float S1 = -1.6666654611e-1f;
  private static final float S2 = 8.3321608736e-3f;
  private static final float S3 = -1.9515295891e-4f;
  private static final float C1 = 4.166664568298827e-2f;
  private static final float C2 = -1.388731625493765e-3f;
  private static final float C3 = 2.443315711809948e-5f;

  @Override
  public void log(float[] x, int xOff, float[] out, int outOff, int n) {
    int vectorized = FP.loopBound(n);
    logLanes(x, xOff, out, outOff, vectorized);
    for (int i = vectorized; i < n; i++) {
      out[outOff + i] = ScalarFloatFunctions.log(x[xOff + i]);
    }
  }

  @Override
  public void sin(float[] x, int xOff, float[] out, int outOff, int n) {
    int vectorized = FP.loopBound(n);
    sinCosLanes(x, xOff, out, outOff, vectorized, 0);
    for (int i = vectorized; i < n; i++) {
      out[outOff + i] = ScalarFloatFunctions.sin(x[xOff + i]);
    }
  }

  @Override
  public void cos(float[] x, int xOff, float[] out, int outOff, int n) {
    int vectorized = FP.loopBound(n);
    sinCosLanes(x, xOff, out, outOff, vectorized, 1);
    for (int i = vectorized; i < n; i++) {
      out[outOff + i] = ScalarFloatFunctions.cos(x[xOff + i]);
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

  // ------------------------------------------------------------------ log and sin, cos in float
  // lanes

  /**
   * log of n floats from {@code x[xOff]}, n a multiple of the float lanes, within {@link #LOG_ULPS}
   * of the reference (checked on every float): x = 2^k m with m in [sqrt(1/2), sqrt(2)), f = m - 1,
   * then e_logf.c's rational approximation. A subnormal x is first scaled by 2^25.
   */
  private static void logLanes(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i += FP.length()) {
      FloatVector v = FloatVector.fromArray(FP, x, xOff + i);
      VectorMask<Float> subnormal = v.compare(VectorOperators.LT, Float.MIN_NORMAL);
      // Subtracting sqrt(1/2)'s bits moves mantissas from sqrt(1/2) up into the next exponent.
      IntVector shifted = v.blend(v.mul(TWO_25), subnormal).reinterpretAsInts().sub(SQRT_HALF_BITS);
      FloatVector k =
          shifted
              .lanewise(VectorOperators.ASHR, 23)
              .add(F_ROUND_BITS)
              .reinterpretAsFloats()
              .sub(F_ROUND);
      k = k.blend(k.sub(25f), subnormal);
      FloatVector f = shifted.and(MANTISSA).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
      FloatVector s = f.div(f.add(2f));
      FloatVector z = s.mul(s);
      FloatVector w = z.mul(z);
      FloatVector t1 = w.fma(LG4, LG2).mul(w);
      FloatVector t2 = w.fma(LG3, LG1).mul(z);
      FloatVector hfsq = f.mul(f).mul(0.5f);
      // log = k ln2_hi - ((hfsq - (s (hfsq + R) + k ln2_lo)) - f)
      FloatVector inner = s.fma(hfsq.add(t2.add(t1)), k.mul(LN2_LO));
      FloatVector log = k.mul(LN2_HI).sub(hfsq.sub(inner).sub(f));
      // Zero, negatives, infinity and NaN.
      VectorMask<Float> ordinary =
          v.compare(VectorOperators.GT, 0f).and(v.compare(VectorOperators.LE, Float.MAX_VALUE));
      if (!ordinary.allTrue()) {
        FloatVector special =
            v.blend(Float.NaN, v.compare(VectorOperators.LT, 0f))
                .blend(Float.NEGATIVE_INFINITY, v.compare(VectorOperators.EQ, 0f));
        log = log.blend(special, ordinary.not());
      }
      log.intoArray(out, outOff + i);
    }
  }

  /**
   * sin (shift 0) or cos (shift 1) of n floats from {@code x[xOff]}, n a multiple of the float
   * lanes, within {@link #SIN_COS_ULPS} of the reference (checked on every float below 1.6e6): the
   * function of |x| (sin's sign put back last, so that sin(-0) is -0), reduced to r = |x| - n pi/2,
   * the quadrant (n + shift) mod 4 choosing sin r, cos r, -sin r or -cos r.
   */
  private static void sinCosLanes(float[] x, int xOff, float[] out, int outOff, int n, int shift) {
    int oddSign = shift == 0 ? F_SIGN : 0;
    for (int i = 0; i < n; i += FP.length()) {
      FloatVector v = FloatVector.fromArray(FP, x, xOff + i);
      FloatVector a = v.abs();
      if (a.compare(VectorOperators.GE, TRIG_LIMIT).anyTrue()) {
        for (int j = i; j < i + FP.length(); j++) {
          float e = x[xOff + j];
          out[outOff + j] = shift == 0 ? ScalarFloatFunctions.sin(e) : ScalarFloatFunctions.cos(e);
        }
        continue;
      }
      FloatVector t = a.fma(TWO_OVER_PI, F_ROUND);
      FloatVector q = t.sub(F_ROUND);
      FloatVector r = q.fma(FloatVector.broadcast(FP, -PIO2_1), a);
      r = q.fma(FloatVector.broadcast(FP, -PIO2_2), r);
      r = q.fma(FloatVector.broadcast(FP, -PIO2_3), r);
      FloatVector z = r.mul(r);
      FloatVector sin = z.fma(S3, S2).fma(z, FloatVector.broadcast(FP, S1)).mul(z).fma(r, r);
      FloatVector cos =
          z.fma(C3, C2).fma(z, FloatVector.broadcast(FP, C1)).mul(z.mul(z)).add(z.fma(-0.5f, 1f));
      // n sits in the low bits of t; sin in even quadrants, cos in odd ones, negated in the
      // third and fourth. In integer lanes, unlike tanh's sign: choosing in float lanes took 0.13
      // ms instead of 0.10 on JDK 17 (0.10 and 0.09 on JDK 25), see bench/RESULTS.md.
      IntVector quadrant = t.reinterpretAsInts().add(shift);
      IntVector useCos = quadrant.and(1).neg(); // all ones in odd quadrants
      IntVector negate = quadrant.and(2).lanewise(VectorOperators.LSHL, 30);
      IntVector sinBits = sin.reinterpretAsInts();
      IntVector picked =
          sinBits.lanewise(
              VectorOperators.XOR,
              sinBits.lanewise(VectorOperators.XOR, cos.reinterpretAsInts()).and(useCos));
      IntVector sign = negate.lanewise(VectorOperators.XOR, v.reinterpretAsInts().and(oddSign));
      picked.lanewise(VectorOperators.XOR, sign).reinterpretAsFloats().intoArray(out, outOff + i);
    }
  }

  // ------------------------------------------------------------------ tanh in float lanes

  /** Below this |x|, tanh is Cephes' odd polynomial; above it, from exp. */
  private static final float TANH_POLYNOMIAL_BELOW = 0.625f;

  /** Below this |x|, x^3 / 3 is under half an ulp of x, so tanh(x) rounds to x itself. */
  private static final float TANH_IS_X_BELOW = 0x1p-12f;

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
      FloatVector magnitude =
          ratio.blend(polynomial, abs.compare(VectorOperators.LT, TANH_POLYNOMIAL_BELOW));
      // x's sign by a blend, not by OR-ing in its bit: on JDK 17 a result that leaves integer lanes
      // just before its store is what C2's slow state strikes (see bench/RESULTS.md). Below 2^-12
      // tanh(x) rounds to x, which keeps -0; NaN compares false and takes the ratio, NaN too.
      magnitude
          .blend(magnitude.neg(), v.compare(VectorOperators.LT, 0f))
          .blend(v, abs.compare(VectorOperators.LT, TANH_IS_X_BELOW))
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
  private static final float F_EXP_BIAS = 8388608f + 127f;
  private static final float F_LOG2E = 1.44269504088896341f;
  private static final float F_LN2_HI = 0.693359375f;
  private static final float F_LN2_LO = -2.12194440e-4f;

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
      // For x <= 0 the result is -q (-0 at both zeros), + x 0: -0 for finite x, which keeps +0's
      // +0 and -0's -0, but NaN for -inf, as the reference's 0.5 x erfc(inf) = -inf * 0.
      FloatVector gelu = v.sub(q).blend(q.neg().add(v.mul(0f)), v.compare(VectorOperators.LE, 0f));
      gelu.intoArray(out, outOff + i);
    }
  }
}
