package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.init.Init;

/**
 * What Conv1d, Conv2d and ConvTranspose2d share (PyTorch's {@code _ConvNd}): the parameters, their
 * default initialisation (weight kaiming_uniform_ with a = √5, i.e. U(±1/√fan_in), bias
 * U(±1/√fan_in)) and the repr.
 */
public abstract class ConvNd extends Module {
  protected final int inChannels;
  protected final int outChannels;
  protected final int[] kernelSize;
  protected final int[] stride;
  protected final int[] padding;
  protected final String paddingMode;
  protected final int[] dilation;
  protected final int[] outputPadding;
  protected final int groups;
  protected final boolean transposed;

  /** Shape {@code (out, in/groups, k...)}, or {@code (in, out/groups, k...)} when transposed. */
  public final Parameter weight;

  /** Shape {@code (out)}, or null without bias. */
  public final Parameter bias;

  ConvNd(
      int inChannels,
      int outChannels,
      int[] kernelSize,
      int[] stride,
      int[] padding,
      String paddingString,
      int[] dilation,
      boolean transposed,
      int[] outputPadding,
      int groups,
      boolean bias) {
    if (groups <= 0) {
      throw new IllegalArgumentException("groups must be a positive integer");
    }
    if (inChannels % groups != 0) {
      throw new IllegalArgumentException("in_channels must be divisible by groups");
    }
    if (outChannels % groups != 0) {
      throw new IllegalArgumentException("out_channels must be divisible by groups");
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
    this.paddingMode = paddingString;
    this.dilation = dilation;
    this.transposed = transposed;
    this.outputPadding = outputPadding;
    this.groups = groups;
    int[] shape = new int[2 + kernelSize.length];
    shape[0] = transposed ? inChannels : outChannels;
    shape[1] = transposed ? outChannels / groups : inChannels / groups;
    System.arraycopy(kernelSize, 0, shape, 2, kernelSize.length);
    this.weight = registerParameter("weight", new Parameter(Torch.zeros(shape)));
    Init.kaimingUniform_(weight, Math.sqrt(5), "fan_in", "leaky_relu");
    if (bias) {
      int fanIn = Init.calculateFanInAndFanOut(weight)[0];
      double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      this.bias = registerParameter("bias", new Parameter(Torch.zeros(outChannels)));
      Init.uniform_(this.bias, -bound, bound);
    } else {
      this.bias = null;
      registerParameter("bias", null);
    }
  }

  static int[] same(int n, int v) {
    int[] out = new int[n];
    java.util.Arrays.fill(out, v);
    return out;
  }

  private static boolean all(int[] v, int x) {
    for (int e : v) {
      if (e != x) {
        return false;
      }
    }
    return true;
  }

  public int inChannels() {
    return inChannels;
  }

  public int outChannels() {
    return outChannels;
  }

  @Override
  protected String extraRepr() {
    StringBuilder s =
        new StringBuilder()
            .append(inChannels)
            .append(", ")
            .append(outChannels)
            .append(", kernel_size=")
            .append(Repr.tuple(kernelSize))
            .append(", stride=")
            .append(Repr.tuple(stride));
    if (paddingMode != null) {
      s.append(", padding=").append(paddingMode);
    } else if (!all(padding, 0)) {
      s.append(", padding=").append(Repr.tuple(padding));
    }
    if (!all(dilation, 1)) {
      s.append(", dilation=").append(Repr.tuple(dilation));
    }
    if (outputPadding != null && !all(outputPadding, 0)) {
      s.append(", output_padding=").append(Repr.tuple(outputPadding));
    }
    if (groups != 1) {
      s.append(", groups=").append(groups);
    }
    if (bias == null) {
      s.append(", bias=False");
    }
    return s.toString();
  }

  /** The bias as a plain tensor argument (null without bias). */
  protected Tensor biasOrNull() {
    return bias;
  }
}
