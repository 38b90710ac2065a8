package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatFunctions} in double lanes: the floats are widened to double a block at a time,
 * evaluated to a few double ulps and rounded back, so the results are the scalar reference's floats
 * but in rare halfway cases (see {@link FloatFunctions}). Tails, and a vector of sin or cos
 * arguments with one of 1.6e6 or more, take {@link Math}'s function per element.
 *
 * <p>Why double lanes: {@link Math#log} and friends cost 5-30 ns an element here, so log, sin and
 * tanh of 256 x 784 floats took 5-25 times PyTorch's vector polynomials (ops workload of {@code
 * bench/side-by-side.sh}); a float polynomial would be faster still, but would not give the
 * reference's values.
 *
 * <p>Each vector loop holds its whole computation and calls nothing but the Vector API and {@link
 * VectorMath#exp(DoubleVector)} (which does the same), for the reason given in {@link VectorMath}.
 *
 * <pre>{@code
 * new VectorFloatFunctions().log(x, 0, out, 0, x.length); // out[i] == (float) Math.log(x[i])
 * }</pre>
 */
final class VectorFloatFunctions implements FloatFunctions {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  private static final VectorSpecies<Float> FP = FloatVector.SPECIES_PREFERRED;

  /** Elements widened at a time: 8 KB of doubles, which stay in the L1 cache. */
  private static final int BLOCK = 1024;

  private static final double SQRT_HALF = Math.sqrt(0.5);

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

  // tanh: below |x| = 0.04 its odd Taylor series to x^13 (the next term is below 1e-19 relative),
  // above it (1 - e) / (1 + e) with e = exp(-2|x|), which loses at most 2e-15 to cancellation.
  private static final double TANH_SERIES_BELOW = 0.04;
  private static final long SIGN = 0x8000000000000000L;

  /** A block op: replaces {@code a[0..n)} by a function of it, in double. */
  @FunctionalInterface
  private interface BlockOp {
    void apply(double[] a, int n);
  }

  /**
   * Runs {@code op} on x in blocks: each widened into a double scratch block, transformed there and
   * rounded into out. The widening and rounding are plain loops, which JDK 25's C2 vectorises by
   * itself; vector conversions would need floats of half width, a second vector shape, which on JDK
   * 17 made the softmax and log-softmax kernels run after them 2-3.5 times slower (165 against 625
   * µs), as C2's intrinsics are spoilt by two shapes in one process there (see {@code
   * VectorElementwise}). {@code op} is called once a block and takes arrays, so C2 compiles it by
   * itself when it does not inline it, and no vector is ever boxed.
   */
  private static void blocks(float[] x, int xOff, float[] out, int outOff, int n, BlockOp op) {
    double[] block = new double[Math.min(n, BLOCK)];
    for (int start = 0; start < n; start += BLOCK) {
      int len = Math.min(BLOCK, n - start);
      for (int j = 0; j < len; j++) {
        block[j] = x[xOff + start + j];
      }
      op.apply(block, len);
      for (int j = 0; j < len; j++) {
        out[outOff + start + j] = (float) block[j];
      }
    }
  }

  @Override
  public void log(float[] x, int xOff, float[] out, int outOff, int n) {
    blocks(x, xOff, out, outOff, n, VectorFloatFunctions::log);
  }

  @Override
  public void sin(float[] x, int xOff, float[] out, int outOff, int n) {
    blocks(x, xOff, out, outOff, n, VectorFloatFunctions::sin);
  }

  @Override
  public void cos(float[] x, int xOff, float[] out, int outOff, int n) {
    blocks(x, xOff, out, outOff, n, VectorFloatFunctions::cos);
  }

  @Override
  public void tanh(float[] x, int xOff, float[] out, int outOff, int n) {
    blocks(x, xOff, out, outOff, n, VectorFloatFunctions::tanh);
  }

  @Override
  public void sigmoid(float[] x, int xOff, float[] out, int outOff, int n) {
    // The reference's steps: exp(-x) in double rounded to float, then 1f / (1f + e) in float.
    blocks(x, xOff, out, outOff, n, VectorFloatFunctions::expOfNegated);
    int i = 0;
    FloatVector one = FloatVector.broadcast(FP, 1f);
    for (int upper = FP.loopBound(n); i < upper; i += FP.length()) {
      one.div(FloatVector.fromArray(FP, out, outOff + i).add(1f)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = 1f / (1f + out[outOff + i]);
    }
  }

  @Override
  public void gelu(float[] x, int xOff, float[] out, int outOff, int n) {
    blocks(x, xOff, out, outOff, n, VectorFloatFunctions::gelu);
  }

  /** {@code a[i] = log(a[i])} for doubles widened from floats. */
  private static void log(double[] a, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
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
    for (; i < n; i++) {
      a[i] = Math.log(a[i]);
    }
  }

  private static void sin(double[] a, int n) {
    sinCos(a, n, 0);
  }

  private static void cos(double[] a, int n) {
    sinCos(a, n, 1);
  }

  /** {@code a[i] = sin(a[i] + shift pi/2)}: sin for shift 0, cos for 1. */
  private static void sinCos(double[] a, int n, long shift) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
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
      DoubleVector sin =
          ps.fma(z, DoubleVector.broadcast(D, S2))
              .fma(z, DoubleVector.broadcast(D, S1))
              .mul(z)
              .fma(r, r);
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
      if (shift == 0) {
        // sin(-0) is -0, where r + r z P(z) gives (-0) + (+0) = +0.
        result = result.blend(v, v.compare(VectorOperators.EQ, 0.0));
      }
      result.intoArray(a, i);
    }
    for (; i < n; i++) {
      a[i] = shift == 0 ? Math.sin(a[i]) : Math.cos(a[i]);
    }
  }

  /** {@code a[i] = tanh(a[i])}. */
  private static void tanh(double[] a, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector v = DoubleVector.fromArray(D, a, i);
      DoubleVector abs = v.abs();
      DoubleVector e = VectorMath.exp(abs.mul(-2.0));
      DoubleVector ratio = e.neg().add(1.0).div(e.add(1.0));
      DoubleVector z = abs.mul(abs);
      DoubleVector p = z.fma(21844.0 / 6081075.0, -1382.0 / 155925.0);
      p =
          p.fma(z, DoubleVector.broadcast(D, 62.0 / 2835.0))
              .fma(z, DoubleVector.broadcast(D, -17.0 / 315.0));
      p =
          p.fma(z, DoubleVector.broadcast(D, 2.0 / 15.0))
              .fma(z, DoubleVector.broadcast(D, -1.0 / 3.0));
      DoubleVector series = p.mul(z).fma(abs, abs);
      DoubleVector magnitude =
          ratio.blend(series, abs.compare(VectorOperators.LT, TANH_SERIES_BELOW));
      // The sign copied from x: -0 stays -0, NaN stays NaN.
      DoubleVector result =
          magnitude
              .reinterpretAsLongs()
              .or(v.reinterpretAsLongs().and(SIGN))
              .reinterpretAsDoubles();
      result.intoArray(a, i);
    }
    for (; i < n; i++) {
      a[i] = Math.tanh(a[i]);
    }
  }

  /** {@code a[i] = exp(-a[i])}. */
  private static void expOfNegated(double[] a, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      VectorMath.exp(DoubleVector.fromArray(D, a, i).neg()).intoArray(a, i);
    }
    for (; i < n; i++) {
      a[i] = Math.exp(-a[i]);
    }
  }

  /** {@code a[i] = gelu(a[i])} as {@link ScalarFloatFunctions#gelu} computes it before rounding. */
  private static void gelu(double[] a, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector v = DoubleVector.fromArray(D, a, i);
      // Erfc.float32(-v sqrt(1/2)), the same operations in the same order.
      DoubleVector zeta = v.neg().mul(SQRT_HALF);
      DoubleVector abs = zeta.abs();
      DoubleVector t = DoubleVector.broadcast(D, 1.0).div(abs.mul(0.5).add(1.0));
      DoubleVector poly = t.mul(Erfc.C9).add(Erfc.C8).mul(t).add(Erfc.C7).mul(t).add(Erfc.C6);
      poly = poly.mul(t).add(Erfc.C5).mul(t).add(Erfc.C4).mul(t).add(Erfc.C3);
      poly = poly.mul(t).add(Erfc.C2).mul(t).add(Erfc.C1).mul(t).add(Erfc.C0);
      DoubleVector r = t.mul(VectorMath.exp(abs.neg().mul(abs).add(poly)));
      DoubleVector erfc =
          DoubleVector.broadcast(D, 2.0).sub(r).blend(r, zeta.compare(VectorOperators.GE, 0.0));
      DoubleVector gelu = v.mul(0.5).mul(erfc);
      gelu.intoArray(a, i);
    }
    for (; i < n; i++) {
      a[i] = 0.5 * a[i] * Erfc.float32(-a[i] * SQRT_HALF);
    }
  }
}
