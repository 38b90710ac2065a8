package org.autograd4j.internal.kernels;

/**
 * Plain-Java reference {@link Elementwise}: one loop per operation, which C2 auto-vectorises where
 * it can.
 */
final class ScalarElementwise implements Elementwise {

  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  @Override
  public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] - b[bOff + i];
    }
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  @Override
  public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] / b[bOff + i];
    }
  }

  @Override
  public void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] + s;
    }
  }

  @Override
  public void subScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] - s;
    }
  }

  @Override
  public void rsubScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = s - a[aOff + i];
    }
  }

  @Override
  public void mulScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] * s;
    }
  }

  @Override
  public void divScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] / s;
    }
  }

  @Override
  public void rdivScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = s / a[aOff + i];
    }
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void addRows(
      float[] x, int xOff, int xStride, float[] out, int outOff, int outStride, int rows, int len) {
    for (int r = 0; r < rows; r++) {
      int src = xOff + r * xStride;
      int dst = outOff + r * outStride;
      for (int i = 0; i < len; i++) {
        out[dst + i] += x[src + i];
      }
    }
  }

  @Override
  public void addRowSum(
      float[] x, int xOff, int xStride, int rows, float[] out, int outOff, int len) {
    for (int i = 0; i < len; i++) {
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
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x, xOff + r * xStride, out, outOff + r * len, len);
    }
  }

  @Override
  public void scale(float alpha, float[] x, int xOff, int n) {
    for (int i = 0; i < n; i++) {
      x[xOff + i] *= alpha;
    }
  }

  @Override
  public void relu(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = x[xOff + i] < 0f ? 0f : x[xOff + i];
    }
  }

  @Override
  public void reluBackward(
      float[] grad, int gOff, float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = x[xOff + i] > 0f ? grad[gOff + i] : 0f;
    }
  }

  @Override
  public void exp(float[] x, int xOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = (float) Math.exp(x[xOff + i]);
    }
  }

  @Override
  public void add(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  @Override
  public void sub(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] - b[bOff + i];
    }
  }

  @Override
  public void mul(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  @Override
  public void div(double[] a, int aOff, double[] b, int bOff, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] / b[bOff + i];
    }
  }

  @Override
  public void addScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] + s;
    }
  }

  @Override
  public void subScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] - s;
    }
  }

  @Override
  public void rsubScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = s - a[aOff + i];
    }
  }

  @Override
  public void mulScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] * s;
    }
  }

  @Override
  public void divScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = a[aOff + i] / s;
    }
  }

  @Override
  public void rdivScalar(double[] a, int aOff, double s, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = s / a[aOff + i];
    }
  }

  @Override
  public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
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
    for (int r = 0; r < rows; r++) {
      int src = xOff + r * xStride;
      int dst = outOff + r * outStride;
      for (int i = 0; i < len; i++) {
        out[dst + i] += x[src + i];
      }
    }
  }

  @Override
  public void scale(double alpha, double[] x, int xOff, int n) {
    for (int i = 0; i < n; i++) {
      x[xOff + i] *= alpha;
    }
  }

  @Override
  public void relu(double[] x, int xOff, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = x[xOff + i] < 0.0 ? 0.0 : x[xOff + i];
    }
  }

  @Override
  public void reluBackward(
      double[] grad, int gOff, double[] x, int xOff, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = x[xOff + i] > 0.0 ? grad[gOff + i] : 0.0;
    }
  }

  @Override
  public void exp(double[] x, int xOff, double[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = Math.exp(x[xOff + i]);
    }
  }
}
