package org.autograd4j;

import org.autograd4j.internal.Storage;

/** Row-major matrix multiply on contiguous storage: c[n×m] = a[n×k] · b[k×m]. */
final class MatrixKernels {
  private MatrixKernels() {}

  static void gemm(Storage a, int ao, Storage b, int bo, Storage c, int co, int n, int k, int m) {
    switch (c.dtype()) {
      case FLOAT32:
        {
          float[] x = a.floats();
          float[] y = b.floats();
          float[] z = c.floats();
          for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
              float v = x[ao + i * k + p];
              int yr = bo + p * m;
              int zr = co + i * m;
              for (int j = 0; j < m; j++) {
                z[zr + j] += v * y[yr + j];
              }
            }
          }
          break;
        }
      case FLOAT64:
        {
          double[] x = a.doubles();
          double[] y = b.doubles();
          double[] z = c.doubles();
          for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
              double v = x[ao + i * k + p];
              int yr = bo + p * m;
              int zr = co + i * m;
              for (int j = 0; j < m; j++) {
                z[zr + j] += v * y[yr + j];
              }
            }
          }
          break;
        }
      default:
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < m; j++) {
            long s = 0;
            for (int p = 0; p < k; p++) {
              s += a.getLong(ao + i * k + p) * b.getLong(bo + p * m + j);
            }
            c.setLong(co + i * m + j, s);
          }
        }
    }
  }
}
