package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Conv2d}: 2-D convolution over {@code (N, C, H, W)} (or unbatched {@code (C, H, W)})
 * input, computed as im2col + GEMM.
 *
 * <pre>{@code
 * Conv2d conv = new Conv2d(1, 16, 5);
 * conv.toString(); // Conv2d(1, 16, kernel_size=(5, 5), stride=(1, 1))
 * conv.forward(Torch.randn(8, 1, 28, 28)).shape(); // torch.Size([8, 16, 24, 24])
 * }</pre>
 */
public class Conv2d extends ConvNd {
  /** Square kernel, stride 1, no padding, with bias. */
  public Conv2d(int inChannels, int outChannels, int kernelSize) {
    this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true);
  }

  /** Square sizes: {@code nn.Conv2d(in, out, k, stride, padding, dilation, groups, bias)}. */
  public Conv2d(
      int inChannels,
      int outChannels,
      int kernelSize,
      int stride,
      int padding,
      int dilation,
      int groups,
      boolean bias) {
    this(
        inChannels,
        outChannels,
        same(2, kernelSize),
        same(2, stride),
        same(2, padding),
        same(2, dilation),
        groups,
        bias);
  }

  /** {@code {h, w}} sizes. */
  public Conv2d(
      int inChannels,
      int outChannels,
      int[] kernelSize,
      int[] stride,
      int[] padding,
      int[] dilation,
      int groups,
      boolean bias) {
    super(
        inChannels,
        outChannels,
        kernelSize.clone(),
        stride.clone(),
        padding.clone(),
        null,
        dilation.clone(),
        false,
        null,
        groups,
        bias);
  }

  /** {@code padding="same"} or {@code "valid"}. */
  public Conv2d(
      int inChannels,
      int outChannels,
      int[] kernelSize,
      int[] stride,
      String padding,
      int[] dilation,
      int groups,
      boolean bias) {
    super(
        inChannels,
        outChannels,
        kernelSize.clone(),
        stride.clone(),
        new int[2],
        checkPaddingString(padding, stride),
        dilation.clone(),
        false,
        null,
        groups,
        bias);
  }

  static String checkPaddingString(String padding, int[] stride) {
    if (!padding.equals("same") && !padding.equals("valid")) {
      throw new IllegalArgumentException(
          "Invalid padding string '" + padding + "', should be one of {'valid', 'same'}");
    }
    for (int s : stride) {
      if (padding.equals("same") && s != 1) {
        throw new IllegalArgumentException(
            "padding='same' is not supported for strided convolutions");
      }
    }
    return padding;
  }

  @Override
  public Tensor forward(Tensor input) {
    if (paddingMode != null) {
      return F.conv2d(input, weight, bias, stride, paddingMode, dilation, groups);
    }
    return F.conv2d(input, weight, bias, stride, padding, dilation, groups);
  }
}
