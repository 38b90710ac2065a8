package org.autograd4j.internal.kernels;

/**
 * Convolution kernels that read images and gradients as they are, with no unfolded columns. A
 * provider offers them for the geometries where they beat columns and GEMM; callers ask {@link
 * #hasForward}, {@link #hasInputGrad} or {@link #hasWeightGrad} first and take the columns path
 * otherwise.
 *
 * <pre>{@code
 * Convolutions conv = Kernels.get().convolutions();
 * if (conv.hasInputGrad(geometry, outChannels)) {
 *   float[] w = conv.inputGradWeight(weight, 0, geometry, outChannels);
 *   conv.inputGrad(grad, 0, w, geometry, outChannels, dx, 0); // one image
 * }
 * }</pre>
 */
public interface Convolutions {

  /** No direct kernels: every {@code has...} is false. */
  Convolutions NONE =
      new Convolutions() {
        @Override
        public boolean hasForward(Conv2dGeometry g, int outChannels) {
          return false;
        }

        @Override
        public float[] forwardWeight(float[] w, int wOff, Conv2dGeometry g, int outChannels) {
          throw none();
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
          throw none();
        }

        @Override
        public boolean hasInputGrad(Conv2dGeometry g, int outChannels) {
          return false;
        }

        @Override
        public float[] inputGradWeight(float[] w, int wOff, Conv2dGeometry g, int outChannels) {
          throw none();
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
          throw none();
        }

        @Override
        public boolean hasWeightGrad(Conv2dGeometry g, int outChannels) {
          return false;
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
          throw none();
        }

        private IllegalStateException none() {
          return new IllegalStateException(
              "no direct convolution kernels; ask hasForward, hasInputGrad or hasWeightGrad first");
        }
      };

  /**
   * Whether {@link #forward} computes a single-group convolution of this geometry with {@code
   * outChannels} output channels.
   *
   * <pre>{@code
   * conv.hasForward(new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1), 32);
   * }</pre>
   *
   * @param g the convolution's geometry (input channels, size, kernel, padding, stride, dilation)
   * @param outChannels the convolution's output channels
   * @return true if {@link #forwardWeight} and {@link #forward} accept it
   */
  boolean hasForward(Conv2dGeometry g, int outChannels);

  /**
   * The weight in the layout {@link #forward} reads, arranged once per call of the layer.
   *
   * <pre>{@code
   * float[] arranged = conv.forwardWeight(weight, 0, geometry, 32);
   * }</pre>
   *
   * @param w the weight, {@code (outChannels, g.channels(), g.kernelH(), g.kernelW())} row-major
   * @param wOff offset of its first element
   * @param g a geometry for which {@link #hasForward} holds
   * @param outChannels the convolution's output channels
   * @return a new array
   * @throws IllegalArgumentException if {@link #hasForward} does not hold
   */
  float[] forwardWeight(float[] w, int wOff, Conv2dGeometry g, int outChannels);

  /**
   * The convolution of one image: {@code out[o][y][x] = Σ w[o][c][i][j] · x[c][y - padH + i][x -
   * padW + j] (+ bias[o])} over {@code c, i, j}, zero outside the image, the sum first and the bias
   * added to it; the whole {@code outChannels x outH x outW} output overwritten.
   *
   * <pre>{@code
   * for (int s = 0; s < n; s++) {
   *   conv.forward(x, s * image, arranged, bias, geometry, 32, out, s * outImage);
   * }
   * }</pre>
   *
   * @param x the images, NCHW
   * @param xOff offset of this image's first element
   * @param weight the weight from {@link #forwardWeight} for this geometry
   * @param bias one value per output channel, or null for none
   * @param g a geometry for which {@link #hasForward} holds
   * @param outChannels the convolution's output channels
   * @param out the outputs, NCHW
   * @param outOff offset of this image's output, overwritten
   * @throws IllegalArgumentException if {@link #hasForward} does not hold
   */
  void forward(
      float[] x,
      int xOff,
      float[] weight,
      float[] bias,
      Conv2dGeometry g,
      int outChannels,
      float[] out,
      int outOff);

  /**
   * Whether {@link #inputGrad} computes the input gradient of a single-group convolution of this
   * geometry with {@code outChannels} output channels.
   *
   * <pre>{@code
   * conv.hasInputGrad(new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1), 32);
   * }</pre>
   *
   * @param g the convolution's geometry (input channels, size, kernel, padding, stride, dilation)
   * @param outChannels the convolution's output channels
   * @return true if {@link #inputGradWeight} and {@link #inputGrad} accept it
   */
  boolean hasInputGrad(Conv2dGeometry g, int outChannels);

  /**
   * The weight in the layout {@link #inputGrad} reads, arranged once per backward pass.
   *
   * <pre>{@code
   * float[] arranged = conv.inputGradWeight(weight, 0, geometry, 32);
   * }</pre>
   *
   * @param w the weight, {@code (outChannels, g.channels(), g.kernelH(), g.kernelW())} row-major
   * @param wOff offset of its first element
   * @param g a geometry for which {@link #hasInputGrad} holds
   * @param outChannels the convolution's output channels
   * @return a new array
   * @throws IllegalArgumentException if {@link #hasInputGrad} does not hold
   */
  float[] inputGradWeight(float[] w, int wOff, Conv2dGeometry g, int outChannels);

  /**
   * The input gradient of one image: {@code dx[c][y][x] = Σ w[o][c][i][j] · grad[o][y + padH - i][x
   * + padW - j]} over {@code o, i, j} whose gradient position lies inside {@code grad}, the whole
   * {@code channels x height x width} image overwritten.
   *
   * <pre>{@code
   * for (int s = 0; s < n; s++) {
   *   conv.inputGrad(grad, s * gradImage, arranged, geometry, 32, dx, s * image);
   * }
   * }</pre>
   *
   * @param grad the output gradients, NCHW
   * @param gradOff offset of this image's {@code outChannels x outH x outW} gradient
   * @param weight the weight from {@link #inputGradWeight} for this geometry
   * @param g a geometry for which {@link #hasInputGrad} holds
   * @param outChannels the convolution's output channels
   * @param dx the input gradients, NCHW
   * @param dxOff offset of this image's gradient, overwritten
   * @throws IllegalArgumentException if {@link #hasInputGrad} does not hold
   */
  void inputGrad(
      float[] grad,
      int gradOff,
      float[] weight,
      Conv2dGeometry g,
      int outChannels,
      float[] dx,
      int dxOff);

  /**
   * Whether {@link #weightGrad} computes the weight gradient of a single-group convolution of this
   * geometry with {@code outChannels} output channels.
   *
   * <pre>{@code
   * conv.hasWeightGrad(new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1), 32);
   * }</pre>
   *
   * @param g the convolution's geometry (input channels, size, kernel, padding, stride, dilation)
   * @param outChannels the convolution's output channels
   * @return true if {@link #weightGrad} accepts it
   */
  boolean hasWeightGrad(Conv2dGeometry g, int outChannels);

  /**
   * The weight gradient summed over consecutive images: {@code dw[o][c][i][j] = Σ_n Σ
   * grad[n][o][y][x] · x[n][c][y - padH + i][x - padW + j]} over the output positions, zero outside
   * the images; the whole {@code (outChannels, channels, kernelH, kernelW)} gradient overwritten.
   *
   * <pre>{@code
   * float[] dw = new float[32 * 16 * 5 * 5];
   * conv.weightGrad(x, 0, grad, 0, 64, geometry, 32, dw, 0); // a batch of 64
   * }</pre>
   *
   * @param x the images, NCHW
   * @param xOff offset of the first image
   * @param grad the output gradients, NCHW
   * @param gradOff offset of the first image's gradient
   * @param images how many consecutive images to sum over
   * @param g a geometry for which {@link #hasWeightGrad} holds
   * @param outChannels the convolution's output channels
   * @param dw the weight gradient, row-major
   * @param dwOff offset of its first element, overwritten
   * @throws IllegalArgumentException if {@link #hasWeightGrad} does not hold
   */
  void weightGrad(
      float[] x,
      int xOff,
      float[] grad,
      int gradOff,
      int images,
      Conv2dGeometry g,
      int outChannels,
      float[] dw,
      int dwOff);
}
