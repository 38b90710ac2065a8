package org.autograd4j.internal.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The input gradient of a stride-1 convolution with 5 kernel columns on the Vector API, one vector
 * of 16 input channels at a time ({@link VectorConvolutions} says when it applies).
 *
 * <p>Columns and GEMM compute this gradient as a product over every (channel, tap) row and then
 * fold it back onto the image; for the CNN's second layer the product is half again as wide as the
 * gradient (row-span fold) and the fold another pass. Here each output-gradient value is broadcast
 * once and multiplied into the five input positions it reaches, for sixteen input channels at once:
 * a strip of 8 gradient values of one row reaches 12 positions of an input row, held in 12
 * accumulators, with the 5 weight vectors of that kernel row (18 of AVX-512's 32 registers). Every
 * multiply-add is a real (weight, gradient) pair, and no columns are written.
 */
final class VectorConvInputGrad {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  private static final int TAPS = VectorConvolutions.TAPS;
  private static final int STRIP = VectorConvolutions.STRIP;
  private static final int RUN = VectorConvolutions.RUN;

  private VectorConvInputGrad() {}

  /**
   * {@link Convolutions#inputGradWeight}, in the layout {@code [block][o][i][j][lane]}: the weights
   * of one block of 16 input channels side by side, one vector per (output channel, kernel row,
   * kernel column).
   */
  static float[] arrange(float[] w, int wOff, Conv2dGeometry g, int outChannels) {
    int channels = g.channels();
    int kh = g.kernelH();
    float[] arranged = new float[outChannels * channels * kh * TAPS];
    int dst = 0;
    for (int block = 0; block < channels / LANES; block++) {
      for (int o = 0; o < outChannels; o++) {
        for (int i = 0; i < kh; i++) {
          for (int j = 0; j < TAPS; j++) {
            int src = wOff + ((o * channels + block * LANES) * kh + i) * TAPS + j;
            for (int lane = 0; lane < LANES; lane++, dst++) {
              arranged[dst] = w[src + lane * kh * TAPS];
            }
          }
        }
      }
    }
    return arranged;
  }

  /** {@link Convolutions#inputGrad}. */
  static void inputGrad(
      float[] grad,
      int gradOff,
      float[] weight,
      Conv2dGeometry g,
      int outChannels,
      float[] dx,
      int dxOff) {
    int h = g.height();
    int w = g.width();
    int oh = g.outH();
    int ow = g.outW();
    int kh = g.kernelH();
    int strips = ow / STRIP;
    int blockFloats = outChannels * kh * TAPS * LANES;
    // One input row of one block of channels, LANES floats per position gx + j (gradient column
    // plus kernel column), the padding columns included: position p is input column p - padW.
    float[] row = new float[(ow + TAPS - 1) * LANES];
    for (int block = 0; block < g.channels() / LANES; block++) {
      int wOff = block * blockFloats;
      for (int y = 0; y < h; y++) {
        // Kernel row i reads gradient row y + padH - i, when that row exists.
        int yp = y + g.padH();
        int iLo = Math.max(0, yp - oh + 1);
        int iHi = Math.min(kh - 1, yp);
        Arrays.fill(row, 0f);
        if (iLo <= iHi) {
          for (int s = 0; s < strips; s++) {
            strip(
                grad,
                gradOff + s * STRIP,
                oh,
                ow,
                outChannels,
                weight,
                wOff,
                kh,
                yp,
                iLo,
                iHi,
                row,
                s * STRIP * LANES);
          }
          for (int gx = strips * STRIP; gx < ow; gx++) {
            column(
                grad,
                gradOff + gx,
                oh,
                ow,
                outChannels,
                weight,
                wOff,
                kh,
                yp,
                iLo,
                iHi,
                row,
                gx * LANES);
          }
        }
        for (int lane = 0; lane < LANES; lane++) {
          int d = dxOff + ((block * LANES + lane) * h + y) * w;
          int r = g.padW() * LANES + lane;
          for (int x = 0; x < w; x++) {
            dx[d + x] = row[r + x * LANES];
          }
        }
      }
    }
  }

  /**
   * Adds to {@code row} what gradient columns {@code [gOff, gOff + STRIP)} of every output channel
   * give through kernel rows {@code [iLo, iHi]}: twelve positions from {@code rowOff}. The (output
   * channel, kernel row) pairs go in runs of {@link #RUN}, each summed in registers and then added
   * to the row: one serial sum over all of them (800 products per position for the CNN's second
   * layer) was 3-4 times further from the float64 gradient than columns and GEMM.
   */
  private static void strip(
      float[] grad,
      int gOff,
      int oh,
      int ow,
      int outChannels,
      float[] weight,
      int wOff,
      int kh,
      int yp,
      int iLo,
      int iHi,
      float[] row,
      int rowOff) {
    int rows = iHi - iLo + 1;
    int pairs = outChannels * rows;
    for (int t = 0; t < pairs; t += RUN) {
      run(
          grad,
          gOff,
          oh,
          ow,
          weight,
          wOff,
          kh,
          yp,
          iLo,
          iHi,
          t / rows,
          iLo + t % rows,
          Math.min(RUN, pairs - t),
          row,
          rowOff);
    }
  }

  /**
   * {@link #strip}'s sum over {@code count} consecutive pairs from output channel {@code o} and
   * kernel row {@code i}, added to {@code row}.
   */
  private static void run(
      float[] grad,
      int gOff,
      int oh,
      int ow,
      float[] weight,
      int wOff,
      int kh,
      int yp,
      int iLo,
      int iHi,
      int o,
      int i,
      int count,
      float[] row,
      int rowOff) {
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = FloatVector.zero(S);
    FloatVector a2 = FloatVector.zero(S);
    FloatVector a3 = FloatVector.zero(S);
    FloatVector a4 = FloatVector.zero(S);
    FloatVector a5 = FloatVector.zero(S);
    FloatVector a6 = FloatVector.zero(S);
    FloatVector a7 = FloatVector.zero(S);
    FloatVector a8 = FloatVector.zero(S);
    FloatVector a9 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    // One loop over the (output channel, kernel row) pairs, not two nested loops: JDK 17's C2 kept
    // the accumulators in registers only through a single loop (nested, the kernel ran ten times
    // slower).
    for (int t = 0; t < count; t++) {
      int wi = wOff + (o * kh + i) * TAPS * LANES;
      int gi = gOff + (o * oh + yp - i) * ow;
      if (++i > iHi) {
        i = iLo;
        o++;
      }
      FloatVector w0 = FloatVector.fromArray(S, weight, wi);
      FloatVector w1 = FloatVector.fromArray(S, weight, wi + LANES);
      FloatVector w2 = FloatVector.fromArray(S, weight, wi + 2 * LANES);
      FloatVector w3 = FloatVector.fromArray(S, weight, wi + 3 * LANES);
      FloatVector w4 = FloatVector.fromArray(S, weight, wi + 4 * LANES);
      // Gradient column k reaches positions k .. k + 4, through kernel columns 0 .. 4.
      FloatVector v = FloatVector.broadcast(S, grad[gi]);
      a0 = w0.fma(v, a0);
      a1 = w1.fma(v, a1);
      a2 = w2.fma(v, a2);
      a3 = w3.fma(v, a3);
      a4 = w4.fma(v, a4);
      v = FloatVector.broadcast(S, grad[gi + 1]);
      a1 = w0.fma(v, a1);
      a2 = w1.fma(v, a2);
      a3 = w2.fma(v, a3);
      a4 = w3.fma(v, a4);
      a5 = w4.fma(v, a5);
      v = FloatVector.broadcast(S, grad[gi + 2]);
      a2 = w0.fma(v, a2);
      a3 = w1.fma(v, a3);
      a4 = w2.fma(v, a4);
      a5 = w3.fma(v, a5);
      a6 = w4.fma(v, a6);
      v = FloatVector.broadcast(S, grad[gi + 3]);
      a3 = w0.fma(v, a3);
      a4 = w1.fma(v, a4);
      a5 = w2.fma(v, a5);
      a6 = w3.fma(v, a6);
      a7 = w4.fma(v, a7);
      v = FloatVector.broadcast(S, grad[gi + 4]);
      a4 = w0.fma(v, a4);
      a5 = w1.fma(v, a5);
      a6 = w2.fma(v, a6);
      a7 = w3.fma(v, a7);
      a8 = w4.fma(v, a8);
      v = FloatVector.broadcast(S, grad[gi + 5]);
      a5 = w0.fma(v, a5);
      a6 = w1.fma(v, a6);
      a7 = w2.fma(v, a7);
      a8 = w3.fma(v, a8);
      a9 = w4.fma(v, a9);
      v = FloatVector.broadcast(S, grad[gi + 6]);
      a6 = w0.fma(v, a6);
      a7 = w1.fma(v, a7);
      a8 = w2.fma(v, a8);
      a9 = w3.fma(v, a9);
      a10 = w4.fma(v, a10);
      v = FloatVector.broadcast(S, grad[gi + 7]);
      a7 = w0.fma(v, a7);
      a8 = w1.fma(v, a8);
      a9 = w2.fma(v, a9);
      a10 = w3.fma(v, a10);
      a11 = w4.fma(v, a11);
    }
    // Written out rather than through a helper taking a vector, which C2 may not inline and would
    // then box (see VectorFloatMicroKernel).
    FloatVector.fromArray(S, row, rowOff).add(a0).intoArray(row, rowOff);
    FloatVector.fromArray(S, row, rowOff + LANES).add(a1).intoArray(row, rowOff + LANES);
    FloatVector.fromArray(S, row, rowOff + 2 * LANES).add(a2).intoArray(row, rowOff + 2 * LANES);
    FloatVector.fromArray(S, row, rowOff + 3 * LANES).add(a3).intoArray(row, rowOff + 3 * LANES);
    FloatVector.fromArray(S, row, rowOff + 4 * LANES).add(a4).intoArray(row, rowOff + 4 * LANES);
    FloatVector.fromArray(S, row, rowOff + 5 * LANES).add(a5).intoArray(row, rowOff + 5 * LANES);
    FloatVector.fromArray(S, row, rowOff + 6 * LANES).add(a6).intoArray(row, rowOff + 6 * LANES);
    FloatVector.fromArray(S, row, rowOff + 7 * LANES).add(a7).intoArray(row, rowOff + 7 * LANES);
    FloatVector.fromArray(S, row, rowOff + 8 * LANES).add(a8).intoArray(row, rowOff + 8 * LANES);
    FloatVector.fromArray(S, row, rowOff + 9 * LANES).add(a9).intoArray(row, rowOff + 9 * LANES);
    FloatVector.fromArray(S, row, rowOff + 10 * LANES).add(a10).intoArray(row, rowOff + 10 * LANES);
    FloatVector.fromArray(S, row, rowOff + 11 * LANES).add(a11).intoArray(row, rowOff + 11 * LANES);
  }

  /**
   * {@link #strip} for the single gradient column at {@code gOff} (one past the last whole strip):
   * five positions from {@code rowOff}, in runs of {@link #RUN} pairs likewise.
   */
  private static void column(
      float[] grad,
      int gOff,
      int oh,
      int ow,
      int outChannels,
      float[] weight,
      int wOff,
      int kh,
      int yp,
      int iLo,
      int iHi,
      float[] row,
      int rowOff) {
    int rows = iHi - iLo + 1;
    int pairs = outChannels * rows;
    for (int t = 0; t < pairs; t += RUN) {
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = FloatVector.zero(S);
      FloatVector a2 = FloatVector.zero(S);
      FloatVector a3 = FloatVector.zero(S);
      FloatVector a4 = FloatVector.zero(S);
      int o = t / rows;
      int i = iLo + t % rows;
      for (int end = Math.min(pairs, t + RUN), u = t; u < end; u++) {
        int wi = wOff + (o * kh + i) * TAPS * LANES;
        FloatVector v = FloatVector.broadcast(S, grad[gOff + (o * oh + yp - i) * ow]);
        if (++i > iHi) {
          i = iLo;
          o++;
        }
        a0 = FloatVector.fromArray(S, weight, wi).fma(v, a0);
        a1 = FloatVector.fromArray(S, weight, wi + LANES).fma(v, a1);
        a2 = FloatVector.fromArray(S, weight, wi + 2 * LANES).fma(v, a2);
        a3 = FloatVector.fromArray(S, weight, wi + 3 * LANES).fma(v, a3);
        a4 = FloatVector.fromArray(S, weight, wi + 4 * LANES).fma(v, a4);
      }
      FloatVector.fromArray(S, row, rowOff).add(a0).intoArray(row, rowOff);
      FloatVector.fromArray(S, row, rowOff + LANES).add(a1).intoArray(row, rowOff + LANES);
      FloatVector.fromArray(S, row, rowOff + 2 * LANES).add(a2).intoArray(row, rowOff + 2 * LANES);
      FloatVector.fromArray(S, row, rowOff + 3 * LANES).add(a3).intoArray(row, rowOff + 3 * LANES);
      FloatVector.fromArray(S, row, rowOff + 4 * LANES).add(a4).intoArray(row, rowOff + 4 * LANES);
    }
  }
}
