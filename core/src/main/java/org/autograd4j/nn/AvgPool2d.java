package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.AvgPool2d}: the mean over each window.
 *
 * <pre>{@code
 * new AvgPool2d(2).toString(); // AvgPool2d(kernel_size=2, stride=2, padding=0)
 * }</pre>
 */
public class AvgPool2d extends Module {
  private final IntSpec kernelSize;
  private final IntSpec stride;
  private final IntSpec padding;
  private final boolean ceilMode;
  private final boolean countIncludePad;
  private final int divisorOverride;

  /** Square kernel, stride = kernel. */
  public AvgPool2d(int kernelSize) {
    this(kernelSize, kernelSize, 0, false, true, 0);
  }

  /**
   * Square sizes: {@code nn.AvgPool2d(k, stride, padding, ceil_mode, count_include_pad,
   * divisor_override)}; a divisor of 0 means none.
   */
  public AvgPool2d(
      int kernelSize,
      int stride,
      int padding,
      boolean ceilMode,
      boolean countIncludePad,
      int divisorOverride) {
    this(
        IntSpec.of(kernelSize),
        IntSpec.of(stride),
        IntSpec.of(padding),
        ceilMode,
        countIncludePad,
        divisorOverride);
  }

  /** {@code {h, w}} sizes; a null stride means the kernel size. */
  public AvgPool2d(
      int[] kernelSize,
      int[] stride,
      int[] padding,
      boolean ceilMode,
      boolean countIncludePad,
      int divisorOverride) {
    this(
        IntSpec.of(kernelSize),
        IntSpec.of(stride == null ? kernelSize : stride),
        IntSpec.of(padding),
        ceilMode,
        countIncludePad,
        divisorOverride);
  }

  private AvgPool2d(
      IntSpec kernelSize,
      IntSpec stride,
      IntSpec padding,
      boolean ceilMode,
      boolean countIncludePad,
      int divisorOverride) {
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
    this.ceilMode = ceilMode;
    this.countIncludePad = countIncludePad;
    this.divisorOverride = divisorOverride;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.avgPool2d(
        input,
        kernelSize.pair(),
        stride.pair(),
        padding.pair(),
        ceilMode,
        countIncludePad,
        divisorOverride);
  }

  @Override
  protected String extraRepr() {
    return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding;
  }
}
