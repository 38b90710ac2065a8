package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.ConvTranspose2d}: the gradient of a convolution with respect to its input, used as a
 * learnable upsampling; weight {@code (in, out/groups, kh, kw)}.
 *
 * <pre>{@code
 * new ConvTranspose2d(2, 3, 3).toString(); // ConvTranspose2d(2, 3, kernel_size=(3, 3), stride=(1, 1))
 * }</pre>
 */
public class ConvTranspose2d extends ConvNd {
  /** Stride 1, no padding, with bias. */
  public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
    this(inChannels, outChannels, kernelSize, 1, 0, 0, 1, true, 1);
  }

  /**
   * Square sizes: {@code nn.ConvTranspose2d(in, out, k, stride, padding, output_padding, groups,
   * bias, dilation)}.
   */
  public ConvTranspose2d(
      int inChannels,
      int outChannels,
      int kernelSize,
      int stride,
      int padding,
      int outputPadding,
      int groups,
      boolean bias,
      int dilation) {
    this(
        inChannels,
        outChannels,
        same(2, kernelSize),
        same(2, stride),
        same(2, padding),
        same(2, outputPadding),
        groups,
        bias,
        same(2, dilation));
  }

  /** {@code {h, w}} sizes. */
  public ConvTranspose2d(
      int inChannels,
      int outChannels,
      int[] kernelSize,
      int[] stride,
      int[] padding,
      int[] outputPadding,
      int groups,
      boolean bias,
      int[] dilation) {
    super(
        inChannels,
        outChannels,
        kernelSize.clone(),
        stride.clone(),
        padding.clone(),
        null,
        dilation.clone(),
        true,
        outputPadding.clone(),
        groups,
        bias);
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.convTranspose2d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
  }
}
