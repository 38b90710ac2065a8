package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Linear}: {@code y = x W^T + b}, with PyTorch's default initialisation (weight and bias
 * uniform in ±1/sqrt(in_features)).
 *
 * <pre>{@code
 * Linear fc = new Linear(2, 3);
 * fc.forward(Torch.ones(4, 2)).shape(); // torch.Size([4, 3])
 * fc.toString();                        // Linear(in_features=2, out_features=3, bias=True)
 * }</pre>
 */
public class Linear extends Module {
  private final int inFeatures;
  private final int outFeatures;

  /** Shape (out_features, in_features). */
  public final Parameter weight;

  /** Shape (out_features), or null without bias. */
  public final Parameter bias;

  /** A layer with bias. */
  public Linear(int inFeatures, int outFeatures) {
    this(inFeatures, outFeatures, true);
  }

  /** A layer with or without bias. */
  public Linear(int inFeatures, int outFeatures, boolean bias) {
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    // kaiming_uniform_(a=sqrt(5)) on the weight reduces to U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
    double bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
    this.weight =
        registerParameter(
            "weight", new Parameter(uniform(new int[] {outFeatures, inFeatures}, bound)));
    this.bias =
        bias
            ? registerParameter("bias", new Parameter(uniform(new int[] {outFeatures}, bound)))
            : null;
  }

  private static Tensor uniform(int[] shape, double bound) {
    return Torch.rand(shape).mul(2 * bound).sub(bound);
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.linear(input, weight, bias);
  }

  public int inFeatures() {
    return inFeatures;
  }

  public int outFeatures() {
    return outFeatures;
  }

  @Override
  protected String extraRepr() {
    return "in_features="
        + inFeatures
        + ", out_features="
        + outFeatures
        + ", bias="
        + (bias != null ? "True" : "False");
  }
}
