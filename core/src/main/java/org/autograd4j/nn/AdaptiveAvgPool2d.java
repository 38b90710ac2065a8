package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.AdaptiveAvgPool2d(output_size)}: average pooling to a fixed output size, whatever the
 * input size.
 *
 * <pre>{@code
 * new AdaptiveAvgPool2d(1).forward(Torch.randn(2, 8, 7, 7)).shape(); // torch.Size([2, 8, 1, 1])
 * }</pre>
 */
public class AdaptiveAvgPool2d extends Module {
  private final IntSpec outputSize;

  /** An n×n output. */
  public AdaptiveAvgPool2d(int outputSize) {
    this.outputSize = IntSpec.of(outputSize);
  }

  /** An {@code {h, w}} output. */
  public AdaptiveAvgPool2d(int[] outputSize) {
    this.outputSize = IntSpec.of(outputSize);
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.adaptiveAvgPool2d(input, outputSize.pair());
  }

  @Override
  protected String extraRepr() {
    return "output_size=" + outputSize;
  }
}
