package org.autograd4j.nn.functional;

import java.util.Arrays;
import org.autograd4j.NnOps;
import org.autograd4j.Tensor;

/**
 * conv1d, conv2d, conv_transpose2d, unfold and fold behind {@link F}: argument checks with
 * PyTorch's messages, unbatched input, and {@code padding="same"}; the arithmetic is the fused
 * im2col + GEMM op of {@link NnOps#convolution}.
 */
final class Convolution {
  private Convolution() {}

  static String sizes(Tensor t) {
    return Arrays.toString(t.shape().toArray());
  }

  private static void checkWeightAndBias(
      Tensor input, Tensor weight, Tensor bias, int groups, boolean transposed) {
    int inChannels = input.size(1);
    if (groups < 1) {
      throw new IllegalArgumentException("non-positive groups is not supported");
    }
    if (!transposed && weight.size(0) % groups != 0) {
      throw new IllegalArgumentException(
          "Given groups="
              + groups
              + ", expected weight to be divisible by "
              + groups
              + " at dimension 0, but got weight of size ["
              + sizes(weight)
              + "] instead");
    }
    int expected = transposed ? weight.size(0) : weight.size(1) * groups;
    if (inChannels != expected) {
      throw new IllegalArgumentException(
          transposed
              ? "Given transposed=1, weight of size "
                  + sizes(weight)
                  + ", expected input"
                  + sizes(input)
                  + " to have "
                  + weight.size(0)
                  + " channels, but got "
                  + inChannels
                  + " channels instead"
              : "Given groups="
                  + groups
                  + ", weight of size "
                  + sizes(weight)
                  + ", expected input"
                  + sizes(input)
                  + " to have "
                  + expected
                  + " channels, but got "
                  + inChannels
                  + " channels instead");
    }
    int outChannels = transposed ? weight.size(1) * groups : weight.size(0);
    if (bias != null && (bias.dim() != 1 || bias.size(0) != outChannels)) {
      throw new IllegalArgumentException(
          "Given weight of size "
              + sizes(weight)
              + ", expected bias to be 1-dimensional with "
              + outChannels
              + " elements, but got bias of size "
              + sizes(bias)
              + " instead");
    }
  }

  private static int[] spatial(Tensor t) {
    return Arrays.copyOfRange(t.shape().toArray(), 2, t.dim());
  }

  private static void checkKernelFits(Tensor input, Tensor weight, int[] padding, int[] dilation) {
    int[] in = spatial(input);
    int[] k = spatial(weight);
    boolean tooBig = false;
    StringBuilder padded = new StringBuilder();
    StringBuilder kernel = new StringBuilder();
    for (int i = 0; i < in.length; i++) {
      int p = in[i] + 2 * padding[i];
      int span = dilation[i] * (k[i] - 1) + 1;
      tooBig |= p < span;
      padded.append(i == 0 ? "" : " x ").append(p);
      kernel.append(i == 0 ? "" : " x ").append(span);
    }
    if (tooBig) {
      throw new IllegalArgumentException(
          "Calculated padded input size per channel: ("
              + padded
              + "). Kernel size: ("
              + kernel
              + "). Kernel size can't be greater than actual input size");
    }
  }

  private static void checkPositive(String what, int[] v) {
    for (int x : v) {
      if (what.equals("padding") ? x < 0 : x <= 0) {
        throw new IllegalArgumentException(
            (what.equals("padding") ? "negative padding" : "non-positive " + what)
                + " is not supported");
      }
    }
  }

  /** conv1d/conv2d with explicit padding; {@code n} is the number of spatial dims. */
  static Tensor conv(
      int n,
      Tensor input,
      Tensor weight,
      Tensor bias,
      int[] stride,
      int[] padding,
      int[] dilation,
      int groups) {
    String name = "conv" + n + "d";
    if (input.dim() != n + 1 && input.dim() != n + 2) {
      throw new IllegalArgumentException(
          "Expected "
              + (n + 1)
              + "D (unbatched) or "
              + (n + 2)
              + "D (batched) input to "
              + name
              + ", but got input of size: "
              + sizes(input));
    }
    if (weight.dim() != n + 2) {
      throw new IllegalArgumentException(
          "weight should have at least three dimensions, got a "
              + weight.dim()
              + "-D weight of size "
              + sizes(weight));
    }
    checkPositive("stride", stride);
    checkPositive("padding", padding);
    checkPositive("dilation", dilation);
    boolean unbatched = input.dim() == n + 1;
    Tensor x = unbatched ? input.unsqueeze(0) : input;
    checkWeightAndBias(x, weight, bias, groups, false);
    checkKernelFits(x, weight, padding, dilation);
    Tensor out = NnOps.convolution(x, weight, bias, stride, padding, dilation, groups, false, null);
    return unbatched ? out.squeeze(0) : out;
  }

  /**
   * conv with {@code padding="same"} or {@code "valid"}. "same" pads d·(k-1) in total, the odd unit
   * at the end as PyTorch; that asymmetric case is computed with the larger padding on both sides
   * and the surplus first output row/column sliced off.
   */
  static Tensor conv(
      int n,
      Tensor input,
      Tensor weight,
      Tensor bias,
      int[] stride,
      String padding,
      int[] dilation,
      int groups) {
    if (padding.equals("valid")) {
      return conv(n, input, weight, bias, stride, new int[n], dilation, groups);
    }
    if (!padding.equals("same")) {
      throw new IllegalArgumentException(
          "Invalid padding string '" + padding + "', should be one of {'valid', 'same'}");
    }
    for (int s : stride) {
      if (s != 1) {
        throw new IllegalArgumentException(
            "padding='same' is not supported for strided convolutions");
      }
    }
    int[] pad = new int[n];
    boolean[] odd = new boolean[n];
    for (int i = 0; i < n; i++) {
      int total = dilation[i] * (weight.size(i + 2) - 1);
      pad[i] = (total + 1) / 2;
      odd[i] = total % 2 == 1;
    }
    Tensor out = conv(n, input, weight, bias, stride, pad, dilation, groups);
    for (int i = 0; i < n; i++) {
      if (odd[i]) {
        int d = out.dim() - n + i;
        out = out.slice(d, 1, out.size(d), 1);
      }
    }
    return out;
  }

  static Tensor convTranspose2d(
      Tensor input,
      Tensor weight,
      Tensor bias,
      int[] stride,
      int[] padding,
      int[] outputPadding,
      int groups,
      int[] dilation) {
    if (input.dim() != 3 && input.dim() != 4) {
      throw new IllegalArgumentException(
          "Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of"
              + " size: "
              + sizes(input));
    }
    checkPositive("stride", stride);
    checkPositive("padding", padding);
    checkPositive("dilation", dilation);
    if ((outputPadding[0] >= stride[0] && outputPadding[0] >= dilation[0])
        || (outputPadding[1] >= stride[1] && outputPadding[1] >= dilation[1])) {
      throw new IllegalArgumentException(
          "output padding must be smaller than either stride or dilation, but got"
              + " output_padding_height: "
              + outputPadding[0]
              + " output_padding_width: "
              + outputPadding[1]
              + " stride_height: "
              + stride[0]
              + " stride_width: "
              + stride[1]
              + " dilation_height: "
              + dilation[0]
              + " dilation_width: "
              + dilation[1]);
    }
    if (outputPadding[0] >= stride[0] || outputPadding[1] >= stride[1]) {
      throw new UnsupportedOperationException(
          "conv_transpose2d: output_padding >= stride (allowed by PyTorch when smaller than the"
              + " dilation) is not supported");
    }
    boolean unbatched = input.dim() == 3;
    Tensor x = unbatched ? input.unsqueeze(0) : input;
    checkWeightAndBias(x, weight, bias, groups, true);
    int[] out = new int[2];
    for (int i = 0; i < 2; i++) {
      out[i] =
          (x.size(i + 2) - 1) * stride[i]
              - 2 * padding[i]
              + dilation[i] * (weight.size(i + 2) - 1)
              + outputPadding[i]
              + 1;
      if (out[i] < 1) {
        throw new IllegalArgumentException(
            "Given input size per channel: ("
                + x.size(2)
                + " x "
                + x.size(3)
                + "). Calculated output size per channel: ("
                + out[0]
                + " x "
                + out[1]
                + "). Output size is too small");
      }
    }
    Tensor y = NnOps.convolution(x, weight, bias, stride, padding, dilation, groups, true, out);
    return unbatched ? y.squeeze(0) : y;
  }

  static Tensor unfold(Tensor input, int[] kernel, int[] dilation, int[] padding, int[] stride) {
    if (input.dim() != 4 && input.dim() != 3) {
      throw new IllegalArgumentException(
          "Input Error: Only 3D or 4D input Tensors are supported (got " + input.dim() + "D)");
    }
    boolean unbatched = input.dim() == 3;
    Tensor x = unbatched ? input.unsqueeze(0) : input;
    checkPositive("stride", stride);
    checkPositive("padding", padding);
    checkPositive("dilation", dilation);
    for (int i = 0; i < 2; i++) {
      if (x.size(i + 2) + 2 * padding[i] < dilation[i] * (kernel[i] - 1) + 1) {
        throw new IllegalArgumentException(
            "Given input with spatial size ("
                + x.size(2)
                + ", "
                + x.size(3)
                + "), kernel_size=("
                + kernel[0]
                + ", "
                + kernel[1]
                + "), dilation=("
                + dilation[0]
                + ", "
                + dilation[1]
                + "), padding=("
                + padding[0]
                + ", "
                + padding[1]
                + "), calculated shape of the array of sliding blocks is non-positive.");
      }
    }
    Tensor out = NnOps.unfold(x, kernel, dilation, padding, stride);
    return unbatched ? out.squeeze(0) : out;
  }

  static Tensor fold(
      Tensor input, int[] outputSize, int[] kernel, int[] dilation, int[] padding, int[] stride) {
    if (input.dim() != 3 && input.dim() != 2) {
      throw new IllegalArgumentException(
          "Input Error: Only unbatched (2D) or batched (3D) input Tensors are supported (got "
              + input.dim()
              + "D)");
    }
    boolean unbatched = input.dim() == 2;
    Tensor x = unbatched ? input.unsqueeze(0) : input;
    Tensor out = NnOps.fold(x, outputSize, kernel, dilation, padding, stride);
    return unbatched ? out.squeeze(0) : out;
  }
}
