package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The weight gradient of a stride-1 convolution with 5 kernel columns on the Vector API, one vector
 * of 16 input channels at a time ({@link VectorConvolutions} says when it applies).
 *
 * <p>Columns and GEMM unfold every image again (the forward keeps no columns for such layers) and
 * multiply the columns by the output gradient. Here the images are first laid out with their
 * channels innermost, so that a vector holds one position of 16 channels; then for two output
 * channels and one kernel row, each output-gradient value of a strip of 8 is broadcast once and
 * multiplied by the input vectors under the 5 kernel columns: 80 multiply-adds into 10 accumulators
 * against 12 input loads and 16 broadcasts.
 */
final class VectorConvWeightGrad {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  private static final int TAPS = VectorConvolutions.TAPS;
  private static final int STRIP = VectorConvolutions.STRIP;
  private static final int RUN = VectorConvolutions.RUN;

  /**
   * Images whose inputs and gradients are swept by every (output channel pair, kernel row) before
   * the next ones: a few stay in L1 and L2, where the whole batch (590 KB of inputs for the CNN's
   * second layer) would stream from L2 eighty times. That layer, batch 64, one thread: 704-746 us
   * with blocks of 2 or 4 images, 757-789 with the whole batch.
   */
  static final int IMAGE_BLOCK = 4;

  private VectorConvWeightGrad() {}

  /** {@link Convolutions#weightGrad}. */
  static void weightGrad(
      float[] x,
      int xOff,
      float[] grad,
      int gradOff,
      int images,
      Conv2dGeometry g,
      int outChannels,
      float[] dw,
      int dwOff) {
    int channels = g.channels();
    int kh = g.kernelH();
    int oh = g.outH();
    int ow = g.outW();
    int blocks = channels / LANES;
    int height = g.height() + 2 * g.padH();
    int width = g.width() + 2 * g.padW();
    float[] xt = channelsInnermost(x, xOff, images, g, height, width);
    // [block][o][i][j][lane]: the gradient of one block of 16 input channels per (o, i, j).
    float[] sums = new float[outChannels * channels * kh * TAPS];
    int imageFloats = blocks * height * width * LANES;
    int gradImage = outChannels * oh * ow;
    int strips = ow / STRIP;
    for (int n0 = 0; n0 < images; n0 += IMAGE_BLOCK) {
      int triples = Math.min(IMAGE_BLOCK, images - n0) * oh * strips;
      for (int block = 0; block < blocks; block++) {
        for (int o = 0; o < outChannels; o += 2) {
          for (int i = 0; i < kh; i++) {
            int sumOff = ((block * outChannels + o) * kh + i) * TAPS * LANES;
            for (int t = 0; t < triples; t += RUN) {
              run(
                  xt,
                  n0 * imageFloats + (block * height + i) * width * LANES,
                  imageFloats,
                  width,
                  grad,
                  gradOff + n0 * gradImage + o * oh * ow,
                  gradImage,
                  oh,
                  ow,
                  strips,
                  t,
                  Math.min(RUN, triples - t),
                  sums,
                  sumOff,
                  kh * TAPS * LANES);
            }
          }
        }
      }
    }
    int dst = dwOff;
    for (int o = 0; o < outChannels; o++) {
      for (int c = 0; c < channels; c++) {
        for (int tap = 0; tap < kh * TAPS; tap++, dst++) {
          dw[dst] = sums[((c / LANES * outChannels + o) * kh * TAPS + tap) * LANES + c % LANES];
        }
      }
    }
  }

  /**
   * The images as {@code [image][block][y][x][lane]}, 16 channels per position, their zero padding
   * made real. Written in order, each position's 16 channels read from 16 planes that stay in L1:
   * written channel by channel instead, every store went to another cache line.
   */
  private static float[] channelsInnermost(
      float[] x, int xOff, int images, Conv2dGeometry g, int height, int width) {
    int channels = g.channels();
    int plane = g.height() * g.width();
    float[] xt = new float[images * channels * height * width];
    for (int n = 0; n < images; n++) {
      for (int block = 0; block < channels / LANES; block++) {
        int src = xOff + (n * channels + block * LANES) * plane;
        int rows = (n * (channels / LANES) + block) * height + g.padH();
        for (int y = 0; y < g.height(); y++) {
          int d = ((rows + y) * width + g.padW()) * LANES;
          for (int col = 0; col < g.width(); col++) {
            int at = src + y * g.width() + col;
            for (int lane = 0; lane < LANES; lane++, d++) {
              xt[d] = x[at + lane * plane];
            }
          }
        }
      }
    }
    return xt;
  }

  /**
   * Adds to {@code sums} (5 vectors from {@code sumOff} for output channel {@code o}, 5 more {@code
   * nextOutput} further on for {@code o + 1}) the products over {@code count} consecutive (image,
   * gradient row, strip) triples from number {@code first}, summed in registers first. One loop
   * over the triples, as in {@link VectorConvInputGrad}, so that JDK 17's C2 keeps the accumulators
   * in registers.
   */
  private static void run(
      float[] xt,
      int xOff,
      int imageFloats,
      int width,
      float[] grad,
      int gOff,
      int gradImage,
      int oh,
      int ow,
      int strips,
      int first,
      int count,
      float[] sums,
      int sumOff,
      int nextOutput) {
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = FloatVector.zero(S);
    FloatVector a2 = FloatVector.zero(S);
    FloatVector a3 = FloatVector.zero(S);
    FloatVector a4 = FloatVector.zero(S);
    FloatVector b0 = FloatVector.zero(S);
    FloatVector b1 = FloatVector.zero(S);
    FloatVector b2 = FloatVector.zero(S);
    FloatVector b3 = FloatVector.zero(S);
    FloatVector b4 = FloatVector.zero(S);
    int s = first % strips;
    int gy = first / strips % oh;
    int n = first / strips / oh;
    int plane = oh * ow;
    for (int t = 0; t < count; t++) {
      int xi = xOff + n * imageFloats + (gy * width + s * STRIP) * LANES;
      int gi = gOff + n * gradImage + gy * ow + s * STRIP;
      if (++s == strips) {
        s = 0;
        if (++gy == oh) {
          gy = 0;
          n++;
        }
      }
      FloatVector p0 = FloatVector.broadcast(S, grad[gi]);
      FloatVector p1 = FloatVector.broadcast(S, grad[gi + 1]);
      FloatVector p2 = FloatVector.broadcast(S, grad[gi + 2]);
      FloatVector p3 = FloatVector.broadcast(S, grad[gi + 3]);
      FloatVector p4 = FloatVector.broadcast(S, grad[gi + 4]);
      FloatVector p5 = FloatVector.broadcast(S, grad[gi + 5]);
      FloatVector p6 = FloatVector.broadcast(S, grad[gi + 6]);
      FloatVector p7 = FloatVector.broadcast(S, grad[gi + 7]);
      FloatVector q0 = FloatVector.broadcast(S, grad[gi + plane]);
      FloatVector q1 = FloatVector.broadcast(S, grad[gi + plane + 1]);
      FloatVector q2 = FloatVector.broadcast(S, grad[gi + plane + 2]);
      FloatVector q3 = FloatVector.broadcast(S, grad[gi + plane + 3]);
      FloatVector q4 = FloatVector.broadcast(S, grad[gi + plane + 4]);
      FloatVector q5 = FloatVector.broadcast(S, grad[gi + plane + 5]);
      FloatVector q6 = FloatVector.broadcast(S, grad[gi + plane + 6]);
      FloatVector q7 = FloatVector.broadcast(S, grad[gi + plane + 7]);
      // Input column k of the strip meets gradient column k - j through kernel column j.
      FloatVector v = FloatVector.fromArray(S, xt, xi);
      a0 = p0.fma(v, a0);
      b0 = q0.fma(v, b0);
      v = FloatVector.fromArray(S, xt, xi + 1 * LANES);
      a0 = p1.fma(v, a0);
      b0 = q1.fma(v, b0);
      a1 = p0.fma(v, a1);
      b1 = q0.fma(v, b1);
      v = FloatVector.fromArray(S, xt, xi + 2 * LANES);
      a0 = p2.fma(v, a0);
      b0 = q2.fma(v, b0);
      a1 = p1.fma(v, a1);
      b1 = q1.fma(v, b1);
      a2 = p0.fma(v, a2);
      b2 = q0.fma(v, b2);
      v = FloatVector.fromArray(S, xt, xi + 3 * LANES);
      a0 = p3.fma(v, a0);
      b0 = q3.fma(v, b0);
      a1 = p2.fma(v, a1);
      b1 = q2.fma(v, b1);
      a2 = p1.fma(v, a2);
      b2 = q1.fma(v, b2);
      a3 = p0.fma(v, a3);
      b3 = q0.fma(v, b3);
      v = FloatVector.fromArray(S, xt, xi + 4 * LANES);
      a0 = p4.fma(v, a0);
      b0 = q4.fma(v, b0);
      a1 = p3.fma(v, a1);
      b1 = q3.fma(v, b1);
      a2 = p2.fma(v, a2);
      b2 = q2.fma(v, b2);
      a3 = p1.fma(v, a3);
      b3 = q1.fma(v, b3);
      a4 = p0.fma(v, a4);
      b4 = q0.fma(v, b4);
      v = FloatVector.fromArray(S, xt, xi + 5 * LANES);
      a0 = p5.fma(v, a0);
      b0 = q5.fma(v, b0);
      a1 = p4.fma(v, a1);
      b1 = q4.fma(v, b1);
      a2 = p3.fma(v, a2);
      b2 = q3.fma(v, b2);
      a3 = p2.fma(v, a3);
      b3 = q2.fma(v, b3);
      a4 = p1.fma(v, a4);
      b4 = q1.fma(v, b4);
      v = FloatVector.fromArray(S, xt, xi + 6 * LANES);
      a0 = p6.fma(v, a0);
      b0 = q6.fma(v, b0);
      a1 = p5.fma(v, a1);
      b1 = q5.fma(v, b1);
      a2 = p4.fma(v, a2);
      b2 = q4.fma(v, b2);
      a3 = p3.fma(v, a3);
      b3 = q3.fma(v, b3);
      a4 = p2.fma(v, a4);
      b4 = q2.fma(v, b4);
      v = FloatVector.fromArray(S, xt, xi + 7 * LANES);
      a0 = p7.fma(v, a0);
      b0 = q7.fma(v, b0);
      a1 = p6.fma(v, a1);
      b1 = q6.fma(v, b1);
      a2 = p5.fma(v, a2);
      b2 = q5.fma(v, b2);
      a3 = p4.fma(v, a3);
      b3 = q4.fma(v, b3);
      a4 = p3.fma(v, a4);
      b4 = q3.fma(v, b4);
      v = FloatVector.fromArray(S, xt, xi + 8 * LANES);
      a1 = p7.fma(v, a1);
      b1 = q7.fma(v, b1);
      a2 = p6.fma(v, a2);
      b2 = q6.fma(v, b2);
      a3 = p5.fma(v, a3);
      b3 = q5.fma(v, b3);
      a4 = p4.fma(v, a4);
      b4 = q4.fma(v, b4);
      v = FloatVector.fromArray(S, xt, xi + 9 * LANES);
      a2 = p7.fma(v, a2);
      b2 = q7.fma(v, b2);
      a3 = p6.fma(v, a3);
      b3 = q6.fma(v, b3);
      a4 = p5.fma(v, a4);
      b4 = q5.fma(v, b4);
      v = FloatVector.fromArray(S, xt, xi + 10 * LANES);
      a3 = p7.fma(v, a3);
      b3 = q7.fma(v, b3);
      a4 = p6.fma(v, a4);
      b4 = q6.fma(v, b4);
      v = FloatVector.fromArray(S, xt, xi + 11 * LANES);
      a4 = p7.fma(v, a4);
      b4 = q7.fma(v, b4);
    }
    FloatVector.fromArray(S, sums, sumOff).add(a0).intoArray(sums, sumOff);
    FloatVector.fromArray(S, sums, sumOff + 1 * LANES).add(a1).intoArray(sums, sumOff + 1 * LANES);
    FloatVector.fromArray(S, sums, sumOff + 2 * LANES).add(a2).intoArray(sums, sumOff + 2 * LANES);
    FloatVector.fromArray(S, sums, sumOff + 3 * LANES).add(a3).intoArray(sums, sumOff + 3 * LANES);
    FloatVector.fromArray(S, sums, sumOff + 4 * LANES).add(a4).intoArray(sums, sumOff + 4 * LANES);
    FloatVector.fromArray(S, sums, sumOff + nextOutput)
        .add(b0)
        .intoArray(sums, sumOff + nextOutput);
    FloatVector.fromArray(S, sums, sumOff + nextOutput + 1 * LANES)
        .add(b1)
        .intoArray(sums, sumOff + nextOutput + 1 * LANES);
    FloatVector.fromArray(S, sums, sumOff + nextOutput + 2 * LANES)
        .add(b2)
        .intoArray(sums, sumOff + nextOutput + 2 * LANES);
    FloatVector.fromArray(S, sums, sumOff + nextOutput + 3 * LANES)
        .add(b3)
        .intoArray(sums, sumOff + nextOutput + 3 * LANES);
    FloatVector.fromArray(S, sums, sumOff + nextOutput + 4 * LANES)
        .add(b4)
        .intoArray(sums, sumOff + nextOutput + 4 * LANES);
  }
}
