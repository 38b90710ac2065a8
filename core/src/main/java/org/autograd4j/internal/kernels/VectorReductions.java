package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Reductions} on the Vector API. */
final class VectorReductions implements Reductions {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  /** Elements per block whose partial sums are carried in vector lanes before adding in double. */
  private static final int BLOCK = 4096;

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
      total += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    }
    for (int i = upper; i < n; i++) {
      total += x[xOff + i];
    }
    return (float) total;
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
      total += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
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
  public void softmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            softmaxRow(x, xOff + r * cols, out, outOff + r * cols, cols);
          }
        });
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
    double s = acc.reduceLanes(VectorOperators.ADD);
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
          for (int r = r0; r < r1; r++) {
            logSoftmaxRow(x, xOff + r * cols, out, outOff + r * cols, cols);
          }
        });
  }

  private void logSoftmaxRow(float[] x, int xi, float[] out, int oi, int cols) {
    float m = max(x, xi, cols);
    FloatVector vm = FloatVector.broadcast(F, m);
    FloatVector acc = FloatVector.zero(F);
    int upper = F.loopBound(cols);
    for (int j = 0; j < upper; j += F.length()) {
      acc = acc.add(VectorMath.exp(FloatVector.fromArray(F, x, xi + j).sub(vm)));
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    for (int j = upper; j < cols; j++) {
      s += Math.exp(x[xi + j] - m);
    }
    float logSum = (float) Math.log(s);
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
      total += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
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
      total += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
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
    double s = acc.reduceLanes(VectorOperators.ADD);
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
    double s = acc.reduceLanes(VectorOperators.ADD);
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
