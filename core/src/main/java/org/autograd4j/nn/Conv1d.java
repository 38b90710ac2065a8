package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Conv1d}: 1-D convolution over {@code (N, C, L)} (or unbatched {@code (C, L)}) input.
 *
 * <pre>{@code
 * new Conv1d(2, 3, 3).toString(); // Conv1d(2, 3, kernel_size=(3,), stride=(1,))
 * }</pre>
 */
public class Conv1d extends ConvNd {
  /** Stride 1, no padding, with bias. */
  public Conv1d(int inChannels, int outChannels, int kernelSize) {
    this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true);
  }

  /** {@code nn.Conv1d(in, out, k, stride, padding, dilation, groups, bias)}. */
  public Conv1d(
      int inChannels,
      int outChannels,
      int kernelSize,
      int stride,
      int padding,
      int dilation,
      int groups,
      boolean bias) {
    super(
        inChannels,
        outChannels,
        new int[] {kernelSize},
        new int[] {stride},
        new int[] {padding},
        null,
        new int[] {dilation},
        false,
        null,
        groups,
        bias);
  }

  /** {@code padding="same"} or {@code "valid"}. */
  public Conv1d(
      int inChannels,
      int outChannels,
      int kernelSize,
      int stride,
      String padding,
      int dilation,
      int groups,
      boolean bias) {
    super(
        inChannels,
        outChannels,
        new int[] {kernelSize},
        new int[] {stride},
        new int[1],
        Conv2d.checkPaddingString(padding, new int[] {stride}),
        new int[] {dilation},
        false,
        null,
        groups,
        bias);
  }

  @Override
  public Tensor forward(Tensor input) {
    if (paddingMode != null) {
      return F.conv1d(input, weight, bias, stride[0], paddingMode, dilation[0], groups);
    }
    return F.conv1d(input, weight, bias, stride[0], padding[0], dilation[0], groups);
  }
}
