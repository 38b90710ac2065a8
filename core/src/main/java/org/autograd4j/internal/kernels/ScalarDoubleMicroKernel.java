package org.autograd4j.internal.kernels;

/**
 * Plain-Java double-precision GEMM micro-kernel: a 4 x 4 tile in 16 scalar accumulators, so each
 * loaded A and B value is reused four times from registers.
 */
final class ScalarDoubleMicroKernel implements DoubleMicroKernel {
  private static final int MR = 4;
  private static final int NR = 4;
  private static final GemmBlocking BLOCKING = new GemmBlocking(MR, NR, 64, 256, 1024);

  @Override
  public GemmBlocking blocking() {
    return BLOCKING;
  }

  @Override
  public void compute(
      int kc,
      double[] ap,
      int apOff,
      double[] bp,
      int bpOff,
      double[] c,
      int cOff,
      int ldc,
      int mr,
      int nr,
      double beta,
      double[] tmp) {
    double c00 = 0.0, c01 = 0.0, c02 = 0.0, c03 = 0.0;
    double c10 = 0.0, c11 = 0.0, c12 = 0.0, c13 = 0.0;
    double c20 = 0.0, c21 = 0.0, c22 = 0.0, c23 = 0.0;
    double c30 = 0.0, c31 = 0.0, c32 = 0.0, c33 = 0.0;
    for (int p = 0, ai = apOff, bi = bpOff; p < kc; p++, ai += MR, bi += NR) {
      double b0 = bp[bi];
      double b1 = bp[bi + 1];
      double b2 = bp[bi + 2];
      double b3 = bp[bi + 3];
      double a = ap[ai];
      c00 += a * b0;
      c01 += a * b1;
      c02 += a * b2;
      c03 += a * b3;
      a = ap[ai + 1];
      c10 += a * b0;
      c11 += a * b1;
      c12 += a * b2;
      c13 += a * b3;
      a = ap[ai + 2];
      c20 += a * b0;
      c21 += a * b1;
      c22 += a * b2;
      c23 += a * b3;
      a = ap[ai + 3];
      c30 += a * b0;
      c31 += a * b1;
      c32 += a * b2;
      c33 += a * b3;
    }
    tmp[0] = c00;
    tmp[1] = c01;
    tmp[2] = c02;
    tmp[3] = c03;
    tmp[4] = c10;
    tmp[5] = c11;
    tmp[6] = c12;
    tmp[7] = c13;
    tmp[8] = c20;
    tmp[9] = c21;
    tmp[10] = c22;
    tmp[11] = c23;
    tmp[12] = c30;
    tmp[13] = c31;
    tmp[14] = c32;
    tmp[15] = c33;
    for (int i = 0; i < mr; i++) {
      int row = cOff + i * ldc;
      for (int j = 0; j < nr; j++) {
        double acc = tmp[i * NR + j];
        c[row + j] = beta == 0.0 ? acc : beta * c[row + j] + acc;
      }
    }
  }
}
