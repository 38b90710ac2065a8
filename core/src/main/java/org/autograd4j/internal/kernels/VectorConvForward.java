package org.autograd4j.internal.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward of a stride-1 convolution with 5 kernel columns on the Vector API, one vector of 16
 * output channels at a time ({@link VectorConvolutions} says when it applies).
 *
 * <p>im2col copies every (channel, tap) window of the image into a column matrix that GEMM then
 * reads once; here the image itself is read. For two output rows, a strip of 8 output columns needs
 * 12 input values of each (channel, kernel row) per row: each is broadcast once and multiplied by
 * the weight vectors of the kernel columns that reach it, 80 multiply-adds into 16 accumulators
 * against 5 weight loads and 24 broadcasts. Zero padding is made real in a copy of the image, so
 * padded positions multiply the weight as the columns' zeros do (an infinite weight gives NaN there
 * too).
 */
final class VectorConvForward {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  private static final int TAPS = VectorConvolutions.TAPS;
  private static final int STRIP = VectorConvolutions.STRIP;
  private static final int RUN = VectorConvolutions.RUN;

  private VectorConvForward() {}

  /**
   * {@link Convolutions#forwardWeight}, in the layout {@code [block][c][i][j][lane]}: the weights
   * of one block of 16 output channels side by side, one vector per (input channel, kernel row,
   * kernel column).
   */
  static float[] arrange(float[] w, int wOff, Conv2dGeometry g, int outChannels) {
    int channels = g.channels();
    int kh = g.kernelH();
    int perOutput = channels * kh * TAPS;
    float[] arranged = new float[outChannels * perOutput];
    int dst = 0;
    for (int block = 0; block < outChannels / LANES; block++) {
      for (int tap = 0; tap < perOutput; tap++) {
        int src = wOff + block * LANES * perOutput + tap;
        for (int lane = 0; lane < LANES; lane++, dst++) {
          arranged[dst] = w[src + lane * perOutput];
        }
      }
    }
    return arranged;
  }

  /** {@link Convolutions#forward}. */
  static void forward(
      float[] x,
      int xOff,
      float[] weight,
      float[] bias,
      Conv2dGeometry g,
      int outChannels,
      float[] out,
      int outOff) {
    int channels = g.channels();
    int kh = g.kernelH();
    int oh = g.outH();
    int ow = g.outW();
    int strips = (ow + STRIP - 1) / STRIP;
    // Read the image in place when every strip lies inside it; otherwise a copy with its padding
    // made real and room for the last strip's columns past the output.
    float[] image = x;
    int base = xOff;
    int rowLength = g.width();
    int height = g.height();
    if (g.padH() > 0 || g.padW() > 0 || ow % STRIP != 0 || oh % 2 != 0) {
      // An odd last output row is computed with a row of zeros below, and that row dropped.
      height = g.height() + 2 * g.padH() + oh % 2;
      rowLength = strips * STRIP + TAPS - 1;
      image = padded(x, xOff, g, height, rowLength);
      base = 0;
    }
    int plane = height * rowLength;
    int blockFloats = channels * kh * TAPS * LANES;
    int pairs = channels * kh;
    int rowFloats = strips * STRIP * LANES;
    float[] row = new float[2 * rowFloats];
    for (int block = 0; block < outChannels / LANES; block++) {
      for (int y = 0; y < oh; y += 2) {
        Arrays.fill(row, 0f);
        for (int s = 0; s < strips; s++) {
          for (int t = 0; t < pairs; t += RUN) {
            run(
                image,
                base + y * rowLength + s * STRIP,
                plane,
                rowLength,
                weight,
                block * blockFloats,
                kh,
                t / kh,
                t % kh,
                Math.min(RUN, pairs - t),
                row,
                s * STRIP * LANES,
                rowFloats);
          }
        }
        for (int r = 0; r < 2 && y + r < oh; r++) {
          for (int lane = 0; lane < LANES; lane++) {
            int o = block * LANES + lane;
            int d = outOff + (o * oh + y + r) * ow;
            int from = r * rowFloats + lane;
            if (bias == null) {
              for (int xo = 0; xo < ow; xo++) {
                out[d + xo] = row[from + xo * LANES];
              }
            } else {
              // The sum first, then the bias, as the columns path adds it.
              float b = bias[o];
              for (int xo = 0; xo < ow; xo++) {
                out[d + xo] = row[from + xo * LANES] + b;
              }
            }
          }
        }
      }
    }
  }

  /** The image with {@code padH} zero rows above and below, {@code padW} zero columns left. */
  private static float[] padded(float[] x, int xOff, Conv2dGeometry g, int height, int length) {
    float[] p = new float[g.channels() * height * length];
    for (int c = 0; c < g.channels(); c++) {
      for (int y = 0; y < g.height(); y++) {
        System.arraycopy(
            x,
            xOff + (c * g.height() + y) * g.width(),
            p,
            (c * height + y + g.padH()) * length + g.padW(),
            g.width());
      }
    }
    return p;
  }

  /**
   * Adds to {@code row} (8 positions from {@code rowOff}, and the same 8 of the output row below
   * {@code rowFloats} further on) the sum over {@code count} consecutive (input channel, kernel
   * row) pairs, from channel {@code c} and kernel row {@code i}, of the strip of input that starts
   * at {@code xi} in channel 0, kernel row 0. Two output rows share the weight vectors and give 16
   * independent accumulators: with one row, each of 8 accumulators took 5 dependent multiply-adds
   * per pair, and the kernel waited on their latency (the CNN's second layer, batch 64, one thread:
   * 695-905 us with one row, 587-646 with two, 725-968 through columns). One loop over the pairs,
   * as in {@link VectorConvInputGrad}, so that JDK 17's C2 keeps the accumulators in registers.
   */
  private static void run(
      float[] x,
      int xi,
      int plane,
      int rowLength,
      float[] weight,
      int wOff,
      int kh,
      int c,
      int i,
      int count,
      float[] row,
      int rowOff,
      int rowFloats) {
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = FloatVector.zero(S);
    FloatVector a2 = FloatVector.zero(S);
    FloatVector a3 = FloatVector.zero(S);
    FloatVector a4 = FloatVector.zero(S);
    FloatVector a5 = FloatVector.zero(S);
    FloatVector a6 = FloatVector.zero(S);
    FloatVector a7 = FloatVector.zero(S);
    FloatVector b0 = FloatVector.zero(S);
    FloatVector b1 = FloatVector.zero(S);
    FloatVector b2 = FloatVector.zero(S);
    FloatVector b3 = FloatVector.zero(S);
    FloatVector b4 = FloatVector.zero(S);
    FloatVector b5 = FloatVector.zero(S);
    FloatVector b6 = FloatVector.zero(S);
    FloatVector b7 = FloatVector.zero(S);
    for (int t = 0; t < count; t++) {
      int wi = wOff + (c * kh + i) * TAPS * LANES;
      int at = xi + c * plane + i * rowLength;
      if (++i == kh) {
        i = 0;
        c++;
      }
      FloatVector w0 = FloatVector.fromArray(S, weight, wi);
      FloatVector w1 = FloatVector.fromArray(S, weight, wi + LANES);
      FloatVector w2 = FloatVector.fromArray(S, weight, wi + 2 * LANES);
      FloatVector w3 = FloatVector.fromArray(S, weight, wi + 3 * LANES);
      FloatVector w4 = FloatVector.fromArray(S, weight, wi + 4 * LANES);
      // Input column k of the strip feeds output columns k - 4 .. k, through kernel columns 4 .. 0,
      // in both rows (u: the row below).
      FloatVector v = FloatVector.broadcast(S, x[at]);
      FloatVector u = FloatVector.broadcast(S, x[at + rowLength]);
      a0 = w0.fma(v, a0);
      b0 = w0.fma(u, b0);
      v = FloatVector.broadcast(S, x[at + 1]);
      u = FloatVector.broadcast(S, x[at + rowLength + 1]);
      a0 = w1.fma(v, a0);
      b0 = w1.fma(u, b0);
      a1 = w0.fma(v, a1);
      b1 = w0.fma(u, b1);
      v = FloatVector.broadcast(S, x[at + 2]);
      u = FloatVector.broadcast(S, x[at + rowLength + 2]);
      a0 = w2.fma(v, a0);
      b0 = w2.fma(u, b0);
      a1 = w1.fma(v, a1);
      b1 = w1.fma(u, b1);
      a2 = w0.fma(v, a2);
      b2 = w0.fma(u, b2);
      v = FloatVector.broadcast(S, x[at + 3]);
      u = FloatVector.broadcast(S, x[at + rowLength + 3]);
      a0 = w3.fma(v, a0);
      b0 = w3.fma(u, b0);
      a1 = w2.fma(v, a1);
      b1 = w2.fma(u, b1);
      a2 = w1.fma(v, a2);
      b2 = w1.fma(u, b2);
      a3 = w0.fma(v, a3);
      b3 = w0.fma(u, b3);
      v = FloatVector.broadcast(S, x[at + 4]);
      u = FloatVector.broadcast(S, x[at + rowLength + 4]);
      a0 = w4.fma(v, a0);
      b0 = w4.fma(u, b0);
      a1 = w3.fma(v, a1);
      b1 = w3.fma(u, b1);
      a2 = w2.fma(v, a2);
      b2 = w2.fma(u, b2);
      a3 = w1.fma(v, a3);
      b3 = w1.fma(u, b3);
      a4 = w0.fma(v, a4);
      b4 = w0.fma(u, b4);
      v = FloatVector.broadcast(S, x[at + 5]);
      u = FloatVector.broadcast(S, x[at + rowLength + 5]);
      a1 = w4.fma(v, a1);
      b1 = w4.fma(u, b1);
      a2 = w3.fma(v, a2);
      b2 = w3.fma(u, b2);
      a3 = w2.fma(v, a3);
      b3 = w2.fma(u, b3);
      a4 = w1.fma(v, a4);
      b4 = w1.fma(u, b4);
      a5 = w0.fma(v, a5);
      b5 = w0.fma(u, b5);
      v = FloatVector.broadcast(S, x[at + 6]);
      u = FloatVector.broadcast(S, x[at + rowLength + 6]);
      a2 = w4.fma(v, a2);
      b2 = w4.fma(u, b2);
      a3 = w3.fma(v, a3);
      b3 = w3.fma(u, b3);
      a4 = w2.fma(v, a4);
      b4 = w2.fma(u, b4);
      a5 = w1.fma(v, a5);
      b5 = w1.fma(u, b5);
      a6 = w0.fma(v, a6);
      b6 = w0.fma(u, b6);
      v = FloatVector.broadcast(S, x[at + 7]);
      u = FloatVector.broadcast(S, x[at + rowLength + 7]);
      a3 = w4.fma(v, a3);
      b3 = w4.fma(u, b3);
      a4 = w3.fma(v, a4);
      b4 = w3.fma(u, b4);
      a5 = w2.fma(v, a5);
      b5 = w2.fma(u, b5);
      a6 = w1.fma(v, a6);
      b6 = w1.fma(u, b6);
      a7 = w0.fma(v, a7);
      b7 = w0.fma(u, b7);
      v = FloatVector.broadcast(S, x[at + 8]);
      u = FloatVector.broadcast(S, x[at + rowLength + 8]);
      a4 = w4.fma(v, a4);
      b4 = w4.fma(u, b4);
      a5 = w3.fma(v, a5);
      b5 = w3.fma(u, b5);
      a6 = w2.fma(v, a6);
      b6 = w2.fma(u, b6);
      a7 = w1.fma(v, a7);
      b7 = w1.fma(u, b7);
      v = FloatVector.broadcast(S, x[at + 9]);
      u = FloatVector.broadcast(S, x[at + rowLength + 9]);
      a5 = w4.fma(v, a5);
      b5 = w4.fma(u, b5);
      a6 = w3.fma(v, a6);
      b6 = w3.fma(u, b6);
      a7 = w2.fma(v, a7);
      b7 = w2.fma(u, b7);
      v = FloatVector.broadcast(S, x[at + 10]);
      u = FloatVector.broadcast(S, x[at + rowLength + 10]);
      a6 = w4.fma(v, a6);
      b6 = w4.fma(u, b6);
      a7 = w3.fma(v, a7);
      b7 = w3.fma(u, b7);
      v = FloatVector.broadcast(S, x[at + 11]);
      u = FloatVector.broadcast(S, x[at + rowLength + 11]);
      a7 = w4.fma(v, a7);
      b7 = w4.fma(u, b7);
    }
    FloatVector.fromArray(S, row, rowOff).add(a0).intoArray(row, rowOff);
    FloatVector.fromArray(S, row, rowOff + LANES).add(a1).intoArray(row, rowOff + LANES);
    FloatVector.fromArray(S, row, rowOff + 2 * LANES).add(a2).intoArray(row, rowOff + 2 * LANES);
    FloatVector.fromArray(S, row, rowOff + 3 * LANES).add(a3).intoArray(row, rowOff + 3 * LANES);
    FloatVector.fromArray(S, row, rowOff + 4 * LANES).add(a4).intoArray(row, rowOff + 4 * LANES);
    FloatVector.fromArray(S, row, rowOff + 5 * LANES).add(a5).intoArray(row, rowOff + 5 * LANES);
    FloatVector.fromArray(S, row, rowOff + 6 * LANES).add(a6).intoArray(row, rowOff + 6 * LANES);
    FloatVector.fromArray(S, row, rowOff + 7 * LANES).add(a7).intoArray(row, rowOff + 7 * LANES);
    int below = rowOff + rowFloats;
    FloatVector.fromArray(S, row, below).add(b0).intoArray(row, below);
    FloatVector.fromArray(S, row, below + LANES).add(b1).intoArray(row, below + LANES);
    FloatVector.fromArray(S, row, below + 2 * LANES).add(b2).intoArray(row, below + 2 * LANES);
    FloatVector.fromArray(S, row, below + 3 * LANES).add(b3).intoArray(row, below + 3 * LANES);
    FloatVector.fromArray(S, row, below + 4 * LANES).add(b4).intoArray(row, below + 4 * LANES);
    FloatVector.fromArray(S, row, below + 5 * LANES).add(b5).intoArray(row, below + 5 * LANES);
    FloatVector.fromArray(S, row, below + 6 * LANES).add(b6).intoArray(row, below + 6 * LANES);
    FloatVector.fromArray(S, row, below + 7 * LANES).add(b7).intoArray(row, below + 7 * LANES);
  }
}
