package org.autograd4j.internal.kernels;

/**
 * The shape arithmetic of one 2-D convolution over a single {@code channels x height x width}
 * image, as in {@code torch.nn.functional.conv2d}: {@code out = (in + 2 * pad - dilation * (kernel
 * - 1) - 1) / stride + 1} in each direction.
 *
 * @param channels input channels
 * @param height input height
 * @param width input width
 * @param kernelH kernel height
 * @param kernelW kernel width
 * @param padH zero padding added above and below
 * @param padW zero padding added left and right
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param dilationH vertical spacing of kernel taps
 * @param dilationW horizontal spacing of kernel taps
 */
public record Conv2dGeometry(
    int channels,
    int height,
    int width,
    int kernelH,
    int kernelW,
    int padH,
    int padW,
    int strideH,
    int strideW,
    int dilationH,
    int dilationW) {

  /**
   * Validates the geometry.
   *
   * @throws IllegalArgumentException if a size is negative, a kernel, stride or dilation is not
   *     positive, or the output would be empty
   */
  public Conv2dGeometry {
    if (channels < 0 || height < 0 || width < 0 || padH < 0 || padW < 0) {
      throw new IllegalArgumentException("negative size or padding in " + this);
    }
    if (kernelH < 1
        || kernelW < 1
        || strideH < 1
        || strideW < 1
        || dilationH < 1
        || dilationW < 1) {
      throw new IllegalArgumentException("kernel, stride and dilation must be positive: " + this);
    }
    if (outSize(height, kernelH, padH, strideH, dilationH) < 1
        || outSize(width, kernelW, padW, strideW, dilationW) < 1) {
      throw new IllegalArgumentException("output size is too small: " + this);
    }
  }

  private static int outSize(int in, int kernel, int pad, int stride, int dilation) {
    long span = (long) dilation * (kernel - 1) + 1;
    long padded = in + 2L * pad;
    return padded < span ? 0 : (int) ((padded - span) / stride + 1);
  }

  /**
   * Whether every kernel tap lies inside the image at every output position: stride 1, no padding
   * and no dilation. Each tap's windows are then the image's rows shifted by the tap.
   *
   * <pre>{@code
   * new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1).everyTapInside();  // true
   * }</pre>
   *
   * @return true for a convolution of stride 1 without padding or dilation
   */
  public boolean everyTapInside() {
    return padH == 0
        && padW == 0
        && strideH == 1
        && strideW == 1
        && dilationH == 1
        && dilationW == 1;
  }

  /**
   * Returns the output height.
   *
   * @return rows of the output feature map
   */
  public int outH() {
    return outSize(height, kernelH, padH, strideH, dilationH);
  }

  /**
   * Returns the output width.
   *
   * @return columns of the output feature map
   */
  public int outW() {
    return outSize(width, kernelW, padW, strideW, dilationW);
  }

  /**
   * Returns the rows of the column matrix, {@code channels * kernelH * kernelW}.
   *
   * @return the GEMM depth of the convolution
   */
  public int colRows() {
    return channels * kernelH * kernelW;
  }

  /**
   * Returns the columns of the column matrix, {@code outH * outW}.
   *
   * @return output positions per sample
   */
  public int colCols() {
    return outH() * outW();
  }
}
