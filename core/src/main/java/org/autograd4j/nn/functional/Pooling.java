package org.autograd4j.nn.functional;

import org.autograd4j.NnOps;
import org.autograd4j.Tensor;

/** max_pool2d, avg_pool2d and adaptive_avg_pool2d behind {@link F}, with PyTorch's checks. */
final class Pooling {
  private Pooling() {}

  private static void checkInput(Tensor x) {
    if ((x.dim() != 3 && x.dim() != 4) || x.numel() == 0) {
      throw new IllegalArgumentException(
          "non-empty 3D or 4D (batch mode) tensor expected for input");
    }
  }

  static void checkFloating(String op, Tensor x) {
    if (!x.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(
          "\"" + op + "\" not implemented for '" + x.dtype().scalarTypeName() + "'");
    }
  }

  private static void checkPad(int[] kernel, int[] padding) {
    for (int i = 0; i < 2; i++) {
      if (padding[i] > kernel[i] / 2) {
        throw new IllegalArgumentException(
            "pad should be at most half of kernel size, but got pad="
                + padding[i]
                + " and kernel_size="
                + kernel[i]);
      }
      if (kernel[i] <= 0) {
        throw new IllegalArgumentException(
            "kernel size should be greater than zero, but got kH: "
                + kernel[0]
                + " kW: "
                + kernel[1]);
      }
    }
  }

  private static void checkOutput(Tensor x, int oh, int ow) {
    if (oh < 1 || ow < 1) {
      int c = x.size(x.dim() - 3);
      throw new IllegalArgumentException(
          "Given input size: ("
              + c
              + "x"
              + x.size(-2)
              + "x"
              + x.size(-1)
              + "). Calculated output size: ("
              + c
              + "x"
              + oh
              + "x"
              + ow
              + "). Output size is too small");
    }
  }

  static Tensor[] maxPool2dWithIndices(
      Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    int[] s = checkMaxPool2d(x, kernel, stride, padding, dilation, ceilMode);
    return NnOps.maxPool2dWithIndices(x, kernel, s, padding, dilation, ceilMode);
  }

  static Tensor maxPool2dOfRelu(
      Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    int[] s = checkMaxPool2d(x, kernel, stride, padding, dilation, ceilMode);
    return NnOps.maxPool2dOfRelu(x, kernel, s, padding, dilation, ceilMode);
  }

  /** PyTorch's checks of max_pool2d's arguments; returns the stride (the kernel's if null). */
  private static int[] checkMaxPool2d(
      Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    checkInput(x);
    checkFloating("max_pool2d", x);
    checkPad(kernel, padding);
    int[] s = stride == null ? kernel : stride;
    for (int i = 0; i < 2; i++) {
      if (s[i] <= 0 || dilation[i] <= 0) {
        throw new IllegalArgumentException(
            "stride and dilation should be greater than zero, but got stride "
                + java.util.Arrays.toString(s)
                + " and dilation "
                + java.util.Arrays.toString(dilation));
      }
    }
    int oh = NnOps.poolOutputSize(x.size(-2), kernel[0], padding[0], s[0], dilation[0], ceilMode);
    int ow = NnOps.poolOutputSize(x.size(-1), kernel[1], padding[1], s[1], dilation[1], ceilMode);
    checkOutput(x, oh, ow);
    return s;
  }

  static Tensor avgPool2d(
      Tensor x,
      int[] kernel,
      int[] stride,
      int[] padding,
      boolean ceilMode,
      boolean countIncludePad,
      int divisorOverride) {
    checkInput(x);
    if (!x.dtype().isFloatingPoint()) {
      // PyTorch averages integers with integer division; not supported here.
      throw new IllegalArgumentException(
          "avg_pool2d: expected a floating point input, got " + x.dtype().name().toLowerCase());
    }
    checkPad(kernel, padding);
    int[] s = stride == null ? kernel : stride;
    if (s[0] <= 0 || s[1] <= 0) {
      throw new IllegalArgumentException(
          "stride should be greater than zero, but got dH: " + s[0] + " dW: " + s[1]);
    }
    if (divisorOverride < 0) {
      throw new IllegalArgumentException("divisor must be not zero");
    }
    int oh = NnOps.poolOutputSize(x.size(-2), kernel[0], padding[0], s[0], 1, ceilMode);
    int ow = NnOps.poolOutputSize(x.size(-1), kernel[1], padding[1], s[1], 1, ceilMode);
    checkOutput(x, oh, ow);
    return NnOps.avgPool2d(x, kernel, s, padding, ceilMode, countIncludePad, divisorOverride);
  }

  static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
    if ((x.dim() != 3 && x.dim() != 4) || x.size(-1) == 0 || x.size(-2) == 0) {
      throw new IllegalArgumentException(
          "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " + Convolution.sizes(x));
    }
    checkFloating("adaptive_avg_pool2d", x);
    if (outH < 1 || outW < 1) {
      throw new IllegalArgumentException(
          "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but"
              + " received {"
              + outH
              + ", "
              + outW
              + "}");
    }
    if (outH == 1 && outW == 1) {
      // PyTorch takes the mean here too (grad_fn MeanBackward1).
      return x.mean(new int[] {-2, -1}, true);
    }
    return NnOps.adaptiveAvgPool2d(x, outH, outW);
  }
}
