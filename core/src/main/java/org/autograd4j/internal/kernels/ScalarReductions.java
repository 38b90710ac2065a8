package org.autograd4j.internal.kernels;

/** Plain-Java reference {@link Reductions}. */
final class ScalarReductions implements Reductions {

  @Override
  public float sum(float[] x, int xOff, int n) {
    // Double accumulation: the reference is more accurate than any float ordering.
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += x[xOff + i];
    }
    return (float) total;
  }

  @Override
  public double sumInDouble(float[] x, int xOff, int n) {
    return partialSums(x, xOff, n, 0, false);
  }

  @Override
  public double sumOfSquaredDeviations(float[] x, int xOff, int n, double mean) {
    return partialSums(x, xOff, n, mean, true);
  }

  /**
   * The sum of {@code x[i] - mean}, or of its squares, in eight interleaved partial sums: one chain
   * of dependent adds took three times as long.
   */
  private static double partialSums(float[] x, int xOff, int n, double mean, boolean square) {
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    double a4 = 0;
    double a5 = 0;
    double a6 = 0;
    double a7 = 0;
    int i = xOff;
    for (int end = xOff + n - 7; i < end; i += 8) {
      a0 += term(x[i], mean, square);
      a1 += term(x[i + 1], mean, square);
      a2 += term(x[i + 2], mean, square);
      a3 += term(x[i + 3], mean, square);
      a4 += term(x[i + 4], mean, square);
      a5 += term(x[i + 5], mean, square);
      a6 += term(x[i + 6], mean, square);
      a7 += term(x[i + 7], mean, square);
    }
    for (; i < xOff + n; i++) {
      a0 += term(x[i], mean, square);
    }
    return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
  }

  private static double term(float v, double mean, boolean square) {
    double e = v - mean;
    return square ? e * e : e;
  }

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
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double total = 0;
        for (int s = 0; s < batch; s++) {
          int ai = aOff + s * strideA + i * lda;
          int bj = bOff + s * strideB + j * ldb;
          for (int p = 0; p < k; p++) {
            total += (double) a[ai + p] * b[bj + p];
          }
        }
        c[cOff + i * ldc + j] += (float) total;
      }
    }
  }

  @Override
  public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += (double) x[xOff + i] * y[yOff + i];
    }
    return (float) total;
  }

  @Override
  public void dotRows(
      float[] a, int aOff, int lda, int rows, float[] x, int xOff, int k, float[] out, int outOff) {
    for (int i = 0; i < rows; i++) {
      out[outOff + i] = dot(a, aOff + i * lda, x, xOff, k);
    }
  }

  @Override
  public float max(float[] x, int xOff, int n) {
    float best = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
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
    ScalarMaxPool.pool(in, inOff, planes, h, w, oh, ow, out, indices, outOff, relu);
  }

  @Override
  public void softmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            int xi = xOff + r * cols;
            int oi = outOff + r * cols;
            float m = max(x, xi, cols);
            double s = 0;
            for (int j = 0; j < cols; j++) {
              float e = (float) Math.exp(x[xi + j] - m);
              out[oi + j] = e;
              s += e;
            }
            float inv = (float) (1.0 / s);
            for (int j = 0; j < cols; j++) {
              out[oi + j] *= inv;
            }
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
            double m = max(x, xi, cols);
            if (Double.isInfinite(m)) {
              out[outOff + r] = (float) m; // all -inf gives -inf; any +inf gives +inf
              continue;
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
              s += Math.exp(x[xi + j] - m);
            }
            out[outOff + r] = (float) (m + Math.log(s));
          }
        });
  }

  @Override
  public void logSoftmaxRows(float[] x, int xOff, float[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            int xi = xOff + r * cols;
            int oi = outOff + r * cols;
            float m = max(x, xi, cols);
            double s = 0;
            for (int j = 0; j < cols; j++) {
              s += Math.exp(x[xi + j] - m);
            }
            float logSum = (float) Math.log(s);
            for (int j = 0; j < cols; j++) {
              out[oi + j] = (x[xi + j] - m) - logSum;
            }
          }
        });
  }

  @Override
  public double sum(double[] x, int xOff, int n) {
    // Double accumulation: the reference is more accurate than any float ordering.
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += x[xOff + i];
    }
    return total;
  }

  @Override
  public double dot(double[] x, int xOff, double[] y, int yOff, int n) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += (double) x[xOff + i] * y[yOff + i];
    }
    return total;
  }

  @Override
  public double max(double[] x, int xOff, int n) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
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
            int xi = xOff + r * cols;
            int oi = outOff + r * cols;
            double m = max(x, xi, cols);
            double s = 0;
            for (int j = 0; j < cols; j++) {
              double e = Math.exp(x[xi + j] - m);
              out[oi + j] = e;
              s += e;
            }
            double inv = (1.0 / s);
            for (int j = 0; j < cols; j++) {
              out[oi + j] *= inv;
            }
          }
        });
  }

  @Override
  public void logSoftmaxRows(double[] x, int xOff, double[] out, int outOff, int rows, int cols) {
    RowParallel.forRows(
        rows,
        cols,
        (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            int xi = xOff + r * cols;
            int oi = outOff + r * cols;
            double m = max(x, xi, cols);
            double s = 0;
            for (int j = 0; j < cols; j++) {
              s += Math.exp(x[xi + j] - m);
            }
            double logSum = Math.log(s);
            for (int j = 0; j < cols; j++) {
              out[oi + j] = (x[xi + j] - m) - logSum;
            }
          }
        });
  }
}
