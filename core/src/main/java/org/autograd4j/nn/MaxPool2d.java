package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.MaxPool2d}: the maximum over each window; {@link #forwardWithIndices} also returns the
 * argmax indices ({@code return_indices=True}).
 *
 * <pre>{@code
 * new MaxPool2d(2).toString(); // MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
 * }</pre>
 */
public class MaxPool2d extends Module {
  private final IntSpec kernelSize;
  private final IntSpec stride;
  private final IntSpec padding;
  private final IntSpec dilation;
  private final boolean ceilMode;

  /** Square kernel, stride = kernel. */
  public MaxPool2d(int kernelSize) {
    this(kernelSize, kernelSize, 0, 1, false);
  }

  /** Square sizes. */
  public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
    this(
        IntSpec.of(kernelSize),
        IntSpec.of(stride),
        IntSpec.of(padding),
        IntSpec.of(dilation),
        ceilMode);
  }

  /** {@code {h, w}} sizes; a null stride means the kernel size. */
  public MaxPool2d(
      int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    this(
        IntSpec.of(kernelSize),
        IntSpec.of(stride == null ? kernelSize : stride),
        IntSpec.of(padding),
        IntSpec.of(dilation),
        ceilMode);
  }

  private MaxPool2d(
      IntSpec kernelSize, IntSpec stride, IntSpec padding, IntSpec dilation, boolean ceilMode) {
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
    this.dilation = dilation;
    this.ceilMode = ceilMode;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.maxPool2d(
        input, kernelSize.pair(), stride.pair(), padding.pair(), dilation.pair(), ceilMode);
  }

  /** This pool of {@code F.relu(input)}, in one pass ({@link F#maxPool2dOfRelu}). */
  Tensor forwardOfRelu(Tensor input) {
    return F.maxPool2dOfRelu(
        input, kernelSize.pair(), stride.pair(), padding.pair(), dilation.pair(), ceilMode);
  }

  /** {@code {values, indices}}, as {@code return_indices=True}. */
  public Tensor[] forwardWithIndices(Tensor input) {
    return F.maxPool2dWithIndices(
        input, kernelSize.pair(), stride.pair(), padding.pair(), dilation.pair(), ceilMode);
  }

  @Override
  protected String extraRepr() {
    return "kernel_size="
        + kernelSize
        + ", stride="
        + stride
        + ", padding="
        + padding
        + ", dilation="
        + dilation
        + ", ceil_mode="
        + Repr.py(ceilMode);
  }
}
