package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * Direct convolution kernels on the Vector API ({@link Convolutions}) for stride-1 convolutions
 * with 5 kernel columns, such as the CNN's: the forward ({@link VectorConvForward}), one vector of
 * output channels at a time, the input gradient ({@link VectorConvInputGrad}) and the weight
 * gradient ({@link VectorConvWeightGrad}), one vector of input channels at a time. CNN training
 * step, one JVM: see bench/RESULTS.md, fourteenth session.
 *
 * <p>Only for 16 float lanes: each kernel holds up to 18 vectors, which AVX2's 16 registers would
 * spill.
 */
final class VectorConvolutions implements Convolutions {
  private static final int LANES = FloatVector.SPECIES_PREFERRED.length();

  /** Kernel columns of the unrolled kernels. */
  static final int TAPS = 5;

  /** Output (forward) or output-gradient (input gradient) columns per strip. */
  static final int STRIP = 8;

  /**
   * Pairs of (channel, kernel row) summed in registers before they are added to a row in memory.
   * The CNN's second layer, batch 64, one JVM: runs of 16 took its input gradient 680-920 us on JDK
   * 17 against 900-1050 for runs of 8 (JDK 25: 640-700 us either way), and came as close to the
   * float64 gradient as columns and GEMM (largest error 2.3e-5 against their 2.4e-5; one run of all
   * 160 pairs: 9.9e-5).
   */
  static final int RUN = 16;

  /**
   * {@inheritDoc}
   *
   * <p>At least {@link #RUN} (channel, kernel row) pairs: with fewer, each output row's fixed work
   * (zeroing, adding the runs, storing transposed) outweighs the sum. The CNN's first layer (1
   * channel, 5 rows), batch 64, one thread: 550-590 us direct against 400-430 through columns.
   */
  @Override
  public boolean hasForward(Conv2dGeometry g, int outChannels) {
    return fits(g)
        && outChannels > 0
        && outChannels % LANES == 0
        && (long) g.channels() * g.kernelH() >= RUN;
  }

  @Override
  public float[] forwardWeight(float[] w, int wOff, Conv2dGeometry g, int outChannels) {
    require(hasForward(g, outChannels), "forward", g, outChannels);
    return VectorConvForward.arrange(w, wOff, g, outChannels);
  }

  @Override
  public void forward(
      float[] x,
      int xOff,
      float[] weight,
      float[] bias,
      Conv2dGeometry g,
      int outChannels,
      float[] out,
      int outOff) {
    require(hasForward(g, outChannels), "forward", g, outChannels);
    VectorConvForward.forward(x, xOff, weight, bias, g, outChannels, out, outOff);
  }

  /**
   * {@inheritDoc}
   *
   * <p>At least one whole strip of gradient columns: narrower gradients would run only the
   * single-column loop meant for the columns past the last strip, which was not measured against
   * columns and GEMM.
   */
  @Override
  public boolean hasInputGrad(Conv2dGeometry g, int outChannels) {
    return fits(g) && channelVectors(g) && outChannels > 0 && g.outW() >= STRIP;
  }

  @Override
  public float[] inputGradWeight(float[] w, int wOff, Conv2dGeometry g, int outChannels) {
    require(hasInputGrad(g, outChannels), "input gradient", g, outChannels);
    return VectorConvInputGrad.arrange(w, wOff, g, outChannels);
  }

  @Override
  public void inputGrad(
      float[] grad,
      int gradOff,
      float[] weight,
      Conv2dGeometry g,
      int outChannels,
      float[] dx,
      int dxOff) {
    require(hasInputGrad(g, outChannels), "input gradient", g, outChannels);
    VectorConvInputGrad.inputGrad(grad, gradOff, weight, g, outChannels, dx, dxOff);
  }

  /** Output channels in pairs, and whole strips of output columns. */
  @Override
  public boolean hasWeightGrad(Conv2dGeometry g, int outChannels) {
    return fits(g)
        && channelVectors(g)
        && outChannels > 0
        && outChannels % 2 == 0
        && g.outW() % STRIP == 0;
  }

  @Override
  public void weightGrad(
      float[] x,
      int xOff,
      float[] grad,
      int gradOff,
      int images,
      Conv2dGeometry g,
      int outChannels,
      float[] dw,
      int dwOff) {
    require(hasWeightGrad(g, outChannels), "weight gradient", g, outChannels);
    VectorConvWeightGrad.weightGrad(x, xOff, grad, gradOff, images, g, outChannels, dw, dwOff);
  }

  /** 16 lanes, 5 kernel columns, stride and dilation 1. */
  private static boolean fits(Conv2dGeometry g) {
    return LANES == 16
        && g.kernelW() == TAPS
        && g.strideH() == 1
        && g.strideW() == 1
        && g.dilationH() == 1
        && g.dilationW() == 1;
  }

  /** Input channels in whole vectors, the unit the gradients' kernels work in. */
  private static boolean channelVectors(Conv2dGeometry g) {
    return g.channels() > 0 && g.channels() % LANES == 0;
  }

  /** Throws unless the provider's {@code has...} for this {@code pass} held. */
  private static void require(boolean has, String pass, Conv2dGeometry g, int outChannels) {
    if (!has) {
      throw new IllegalArgumentException(
          "no direct " + pass + " for " + g + " with " + outChannels + " output channels");
    }
  }
}
