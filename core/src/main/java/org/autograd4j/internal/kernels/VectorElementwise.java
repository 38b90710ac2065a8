package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} on the Vector API: a vector loop over the largest multiple of the lane count,
 * then the scalar reference for the tail, so results match the scalar provider bit for bit (except
 * {@code exp}, whose polynomial differs from {@link Math#exp} by a few ulps).
 */
final class VectorElementwise implements Elementwise {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  /**
   * Half the preferred float width, for runs shorter than a full vector: on AVX-512 the CNN's
   * 8-wide image rows would otherwise never reach the 16-lane loop and fold element by element.
   */
  private static final VectorSpecies<Float> F_HALF =
      F.vectorBitSize() >= 512 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_128;

  /**
   * Whether short runs use {@link #F_HALF}. Only from JDK 22 on: on JDK 17 two vector shapes in one
   * process defeat C2's intrinsics (the half-width store in col2im fell back to a per-lane loop:
   * CNN 300 steps 3.6 -> 6.4 s on Zen 4), while on JDK 25 col2im of the CNN's second layer drops
   * from 19.4 to 8.2 us per sample (Im2ColBenchmark.col2im, layer cnn2).
   */
  private static final boolean HALF_VECTOR_RUNS = Runtime.version().feature() >= 22;

  /** The upper half of {@link #F}'s lanes. */
  private static final VectorMask<Float> UPPER_HALF =
      VectorMask.fromLong(F, -1L << (F.length() / 2));

  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      va.add(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  @Override
  public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      va.sub(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] - b[bOff + i];
    }
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      va.mul(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  @Override
  public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      va.div(FloatVector.fromArray(F, b, bOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] / b[bOff + i];
    }
  }

  @Override
  public void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    FloatVector vs = FloatVector.broadcast(F, s);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      va.add(vs).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] + s;
    }
  }

  @Override
  public void subScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    FloatVector vs = FloatVector.broadcast(F, s);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      va.sub(vs).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] - s;
    }
  }

  @Override
  public void rsubScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    FloatVector vs = FloatVector.broadcast(F, s);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      vs.sub(va).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = s - a[aOff + i];
    }
  }

  @Override
  public void mulScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    FloatVector vs = FloatVector.broadcast(F, s);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      va.mul(vs).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] * s;
    }
  }

  @Override
  public void divScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    FloatVector vs = FloatVector.broadcast(F, s);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      va.div(vs).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] / s;
    }
  }

  @Override
  public void rdivScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    FloatVector vs = FloatVector.broadcast(F, s);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      FloatVector va = FloatVector.fromArray(F, a, aOff + i);
      vs.div(va).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = s / a[aOff + i];
    }
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    FloatVector va = FloatVector.broadcast(F, alpha);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      // mul then add, not fma: identical rounding to the scalar provider.
      FloatVector vy = FloatVector.fromArray(F, y, yOff + i);
      vy.add(va.mul(FloatVector.fromArray(F, x, xOff + i))).intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void addRows(
      float[] x, int xOff, int xStride, float[] out, int outOff, int outStride, int rows, int len) {
    int upper = F.loopBound(len);
    for (int r = 0; r < rows; r++) {
      int src = xOff + r * xStride;
      int dst = outOff + r * outStride;
      int i = 0;
      for (; i < upper; i += F.length()) {
        FloatVector.fromArray(F, out, dst + i)
            .add(FloatVector.fromArray(F, x, src + i))
            .intoArray(out, dst + i);
      }
      if (!HALF_VECTOR_RUNS && len - i >= 8) {
        // JDK 17's stand-in for the half vector: eight adds in line, twice as fast as the loop
        // (Im2ColBenchmark.col2im, layer cnn2: 28.6 -> 14.4 us per sample).
        out[dst + i] += x[src + i];
        out[dst + i + 1] += x[src + i + 1];
        out[dst + i + 2] += x[src + i + 2];
        out[dst + i + 3] += x[src + i + 3];
        out[dst + i + 4] += x[src + i + 4];
        out[dst + i + 5] += x[src + i + 5];
        out[dst + i + 6] += x[src + i + 6];
        out[dst + i + 7] += x[src + i + 7];
        i += 8;
      }
      if (HALF_VECTOR_RUNS && len - i >= F_HALF.length()) {
        FloatVector.fromArray(F_HALF, out, dst + i)
            .add(FloatVector.fromArray(F_HALF, x, src + i))
            .intoArray(out, dst + i);
        i += F_HALF.length();
      }
      for (; i < len; i++) {
        out[dst + i] += x[src + i];
      }
    }
  }

  @Override
  public void addRowSum(
      float[] x, int xOff, int xStride, int rows, float[] out, int outOff, int len) {
    int i = 0;
    for (int upper = F.loopBound(len); i < upper; i += F.length()) {
      FloatVector sum = FloatVector.fromArray(F, out, outOff + i);
      for (int r = 0; r < rows; r++) {
        sum = sum.add(FloatVector.fromArray(F, x, xOff + r * xStride + i));
      }
      sum.intoArray(out, outOff + i);
    }
    for (; i < len; i++) {
      float sum = out[outOff + i];
      for (int r = 0; r < rows; r++) {
        sum += x[xOff + r * xStride + i];
      }
      out[outOff + i] = sum;
    }
  }

  @Override
  public void copyRows(
      float[] x, int xOff, int xStride, float[] out, int outOff, int rows, int len) {
    int r = 0;
    int lanes = F.length();
    if (HALF_VECTOR_RUNS && len == F_HALF.length()) {
      // Exactly one half vector per run (the CNN's 8-wide rows on AVX-512): twice as fast as the
      // overlapping whole vectors below (Im2ColBenchmark.im2col, cnn2, JDK 25: 9.7 -> 4.9 us).
      for (; r < rows; r++) {
        FloatVector.fromArray(F_HALF, x, xOff + r * xStride).intoArray(out, outOff + r * len);
      }
      return;
    }
    if (!HALF_VECTOR_RUNS && 2 * len == lanes && xOff + xStride >= len) {
      // JDK 17's stand-in for the half vector: two runs per vector, blended from two loads, so
      // one store per pair and none overlapping (Im2ColBenchmark.im2col, layer cnn2: 9.7 -> 7.8
      // us per sample over the whole-vector copies below).
      for (; r + 1 < rows && xOff + r * xStride + lanes <= x.length; r += 2) {
        FloatVector lo = FloatVector.fromArray(F, x, xOff + r * xStride);
        FloatVector hi = FloatVector.fromArray(F, x, xOff + (r + 1) * xStride - len);
        lo.blend(hi, UPPER_HALF).intoArray(out, outOff + r * len);
      }
    }
    if (len < lanes) {
      // A whole vector per run: its lanes past len land on the following runs, which are written
      // after it and overwrite them. Only while the vector ends inside the last run and inside x;
      // the remaining runs are copied exactly. Each store overlaps the last, which costs (see
      // above), but it is still half the time of one arraycopy per run (cnn2: 17.3 -> 9.7 us).
      int end = outOff + rows * len;
      for (;
          r < rows && outOff + r * len + lanes <= end && xOff + r * xStride + lanes <= x.length;
          r++) {
        FloatVector.fromArray(F, x, xOff + r * xStride).intoArray(out, outOff + r * len);
      }
    }
    for (; r < rows; r++) {
      System.arraycopy(x, xOff + r * xStride, out, outOff + r * len, len);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Windows half a vector wide (the CNN's second layer on AVX-512: 8 of 16 lanes) go two rows
   * per vector, blended from two loads; windows at least a vector wide go a whole vector at a time,
   * the last one overlapping the one before it; any other width goes through {@link #copyRows} per
   * tap. Against Im2Col's per-tap path (a record, two fills and a {@link #copyRows} call per tap),
   * one JVM alternating both, batch of 64, Zen 5: the CNN's second layer 411 -> 241 us and its
   * first 138 -> 124 us on JDK 17, 349 -> 222 and 131 -> 101 us on JDK 25; in its training step,
   * conv2's forward 1148-1198 -> 1023-1035 us on JDK 17 and 1034-1286 -> 935-1112 us on JDK 25. One
   * method per path: with both loops in one method, JDK 25 compiled the wide one so that conv1's
   * forward took 300 us longer in two runs of seven.
   */
  @Override
  public void unfoldInside(float[] x, int xOff, Conv2dGeometry g, float[] out, int outOff) {
    if (2 * g.outW() == F.length()) {
      unfoldPairs(x, xOff, g, out, outOff);
    } else if (g.outW() >= F.length()) {
      unfoldWide(x, xOff, g, out, outOff);
    } else {
      Elementwise.super.unfoldInside(x, xOff, g, out, outOff);
    }
  }

  /**
   * {@link #unfoldInside} for windows half a vector wide, two rows per vector. Row r's load ends
   * inside row r + 1's window and row r + 1's starts inside row r's (the window is at most the
   * image's width), so neither leaves the image.
   */
  private static void unfoldPairs(float[] x, int xOff, Conv2dGeometry g, float[] out, int outOff) {
    int width = g.width();
    int outH = g.outH();
    int outW = g.outW();
    int dst = outOff;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, dst += outH * outW) {
          int src = xOff + (c * g.height() + ki) * width + kj;
          int r = 0;
          for (; r + 1 < outH; r += 2) {
            FloatVector lo = FloatVector.fromArray(F, x, src + r * width);
            FloatVector hi = FloatVector.fromArray(F, x, src + (r + 1) * width - outW);
            lo.blend(hi, UPPER_HALF).intoArray(out, dst + r * outW);
          }
          if (r < outH) {
            System.arraycopy(x, src + r * width, out, dst + r * outW, outW);
          }
        }
      }
    }
  }

  /**
   * {@link #unfoldInside} for windows at least a vector wide: whole vectors, the last of each row
   * overlapping the one before it.
   */
  private static void unfoldWide(float[] x, int xOff, Conv2dGeometry g, float[] out, int outOff) {
    int width = g.width();
    int outH = g.outH();
    int outW = g.outW();
    int last = outW - F.length();
    int dst = outOff;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, dst += outH * outW) {
          int src = xOff + (c * g.height() + ki) * width + kj;
          for (int r = 0; r < outH; r++) {
            int s = src + r * width;
            int d = dst + r * outW;
            for (int i = 0; i < last; i += F.length()) {
              FloatVector.fromArray(F, x, s + i).intoArray(out, d + i);
            }
            FloatVector.fromArray(F, x, s + last).intoArray(out, d + last);
          }
        }
      }
    }
  }

  @Override
  public void scale(float alpha, float[] x, int xOff, int n) {
    mulScalar(x, xOff, alpha, x, xOff, n);
  }

  @Override
  public void relu(float[] x, int xOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      // Only negatives become zero: -0 and NaN pass through, as in PyTorch (a lanewise max would
      // turn -0 into +0).
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      v.blend(0f, v.compare(VectorOperators.LT, 0f)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = x[xOff + i] < 0f ? 0f : x[xOff + i];
    }
  }

  @Override
  public void reluBackward(
      float[] grad, int gOff, float[] x, int xOff, float[] out, int outOff, int n) {
    FloatVector zero = FloatVector.zero(F);
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      VectorMask<Float> positive =
          FloatVector.fromArray(F, x, xOff + i).compare(VectorOperators.GT, 0f);
      zero.blend(FloatVector.fromArray(F, grad, gOff + i), positive).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = x[xOff + i] > 0f ? grad[gOff + i] : 0f;
    }
  }

  @Override
  public void exp(float[] x, int xOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int upper = F.loopBound(n); i < upper; i += F.length()) {
      VectorMath.exp(FloatVector.fromArray(F, x, xOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = (float) Math.exp(x[xOff + i]);
    }
  }

  @Override
  public void add(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      va.add(DoubleVector.fromArray(D, b, bOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  @Override
  public void sub(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      va.sub(DoubleVector.fromArray(D, b, bOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] - b[bOff + i];
    }
  }

  @Override
  public void mul(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      va.mul(DoubleVector.fromArray(D, b, bOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  @Override
  public void div(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      va.div(DoubleVector.fromArray(D, b, bOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] / b[bOff + i];
    }
  }

  @Override
  public void addScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    DoubleVector vs = DoubleVector.broadcast(D, s);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      va.add(vs).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] + s;
    }
  }

  @Override
  public void subScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    DoubleVector vs = DoubleVector.broadcast(D, s);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      va.sub(vs).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] - s;
    }
  }

  @Override
  public void rsubScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    DoubleVector vs = DoubleVector.broadcast(D, s);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      vs.sub(va).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = s - a[aOff + i];
    }
  }

  @Override
  public void mulScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    DoubleVector vs = DoubleVector.broadcast(D, s);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      va.mul(vs).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] * s;
    }
  }

  @Override
  public void divScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    DoubleVector vs = DoubleVector.broadcast(D, s);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      va.div(vs).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] / s;
    }
  }

  @Override
  public void rdivScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    DoubleVector vs = DoubleVector.broadcast(D, s);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      DoubleVector va = DoubleVector.fromArray(D, a, aOff + i);
      vs.div(va).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = s / a[aOff + i];
    }
  }

  @Override
  public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
    DoubleVector va = DoubleVector.broadcast(D, alpha);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      // mul then add, not fma: identical rounding to the scalar provider.
      DoubleVector vy = DoubleVector.fromArray(D, y, yOff + i);
      vy.add(va.mul(DoubleVector.fromArray(D, x, xOff + i))).intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void addRows(
      double[] x,
      int xOff,
      int xStride,
      double[] out,
      int outOff,
      int outStride,
      int rows,
      int len) {
    int upper = D.loopBound(len);
    for (int r = 0; r < rows; r++) {
      int src = xOff + r * xStride;
      int dst = outOff + r * outStride;
      int i = 0;
      for (; i < upper; i += D.length()) {
        DoubleVector.fromArray(D, out, dst + i)
            .add(DoubleVector.fromArray(D, x, src + i))
            .intoArray(out, dst + i);
      }
      for (; i < len; i++) {
        out[dst + i] += x[src + i];
      }
    }
  }

  @Override
  public void scale(double alpha, double[] x, int xOff, int n) {
    mulScalar(x, xOff, alpha, x, xOff, n);
  }

  @Override
  public void relu(double[] x, int xOff, double[] out, int outOff, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      // Only negatives become zero: -0 and NaN pass through, as in PyTorch.
      DoubleVector v = DoubleVector.fromArray(D, x, xOff + i);
      v.blend(0.0, v.compare(VectorOperators.LT, 0.0)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = x[xOff + i] < 0.0 ? 0.0 : x[xOff + i];
    }
  }

  @Override
  public void reluBackward(
      double[] grad, int gOff, double[] x, int xOff, double[] out, int outOff, int n) {
    DoubleVector zero = DoubleVector.zero(D);
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      VectorMask<Double> positive =
          DoubleVector.fromArray(D, x, xOff + i).compare(VectorOperators.GT, 0.0);
      zero.blend(DoubleVector.fromArray(D, grad, gOff + i), positive).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = x[xOff + i] > 0.0 ? grad[gOff + i] : 0.0;
    }
  }

  @Override
  public void exp(double[] x, int xOff, double[] out, int outOff, int n) {
    int i = 0;
    for (int upper = D.loopBound(n); i < upper; i += D.length()) {
      VectorMath.exp(DoubleVector.fromArray(D, x, xOff + i)).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = Math.exp(x[xOff + i]);
    }
  }
}
