package org.autograd4j.internal.kernels;

/**
 * Plain-Java single-precision GEMM micro-kernel: a 4 x 4 tile in 16 scalar accumulators, so each
 * loaded A and B value is reused four times from registers.
 */
final class ScalarFloatMicroKernel implements FloatMicroKernel {
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
      float[] ap,
      int apOff,
      float[] bp,
      int bpOff,
      float[] c,
      int cOff,
      int ldc,
      int mr,
      int nr,
      float beta,
      float[] tmp) {
    float c00 = 0f, c01 = 0f, c02 = 0f, c03 = 0f;
    float c10 = 0f, c11 = 0f, c12 = 0f, c13 = 0f;
    float c20 = 0f, c21 = 0f, c22 = 0f, c23 = 0f;
    float c30 = 0f, c31 = 0f, c32 = 0f, c33 = 0f;
    for (int p = 0, ai = apOff, bi = bpOff; p < kc; p++, ai += MR, bi += NR) {
      float b0 = bp[bi];
      float b1 = bp[bi + 1];
      float b2 = bp[bi + 2];
      float b3 = bp[bi + 3];
      float a = ap[ai];
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
        float acc = tmp[i * NR + j];
        c[row + j] = beta == 0f ? acc : beta * c[row + j] + acc;
      }
    }
  }
}
