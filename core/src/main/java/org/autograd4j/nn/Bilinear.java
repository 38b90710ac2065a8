package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.autograd4j.nn.init.Init;

/**
 * {@code nn.Bilinear(in1_features, in2_features, out_features, bias)}: {@code y = x1ᵀ A x2 + b},
 * weight and bias initialised U(±1/√in1_features). Its forward takes two inputs.
 *
 * <pre>{@code
 * new Bilinear(2, 3, 4).forward(Torch.randn(5, 2), Torch.randn(5, 3)).shape(); // [5, 4]
 * }</pre>
 */
public class Bilinear extends Module {
  private final int in1Features;
  private final int in2Features;
  private final int outFeatures;

  /** Shape {@code (out, in1, in2)}. */
  public final Parameter weight;

  /** Shape {@code (out)}, or null. */
  public final Parameter bias;

  /** With bias. */
  public Bilinear(int in1Features, int in2Features, int outFeatures) {
    this(in1Features, in2Features, outFeatures, true);
  }

  /** With or without bias. */
  public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias) {
    this.in1Features = in1Features;
    this.in2Features = in2Features;
    this.outFeatures = outFeatures;
    double bound = 1 / Math.sqrt(in1Features);
    this.weight =
        registerParameter(
            "weight", new Parameter(Torch.zeros(outFeatures, in1Features, in2Features)));
    Init.uniform_(weight, -bound, bound);
    if (bias) {
      this.bias = registerParameter("bias", new Parameter(Torch.zeros(outFeatures)));
      Init.uniform_(this.bias, -bound, bound);
    } else {
      this.bias = null;
      registerParameter("bias", null);
    }
  }

  /** {@code x1ᵀ A x2 + b} for each pair of rows. */
  public Tensor forward(Tensor input1, Tensor input2) {
    return F.bilinear(input1, input2, weight, bias);
  }

  @Override
  protected String extraRepr() {
    return "in1_features="
        + in1Features
        + ", in2_features="
        + in2Features
        + ", out_features="
        + outFeatures
        + ", bias="
        + Repr.py(bias != null);
  }
}
