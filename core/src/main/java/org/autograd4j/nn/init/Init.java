package org.autograd4j.nn.init;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * {@code torch.nn.init}: in-place initialisers for parameters, run without recording (as PyTorch's
 * {@code torch.no_grad()} inside each function). Each returns the tensor it filled.
 *
 * <pre>{@code
 * Init.kaimingUniform_(conv.weight, Math.sqrt(5), "fan_in", "leaky_relu");
 * Init.zeros_(conv.bias);
 * }</pre>
 */
public final class Init {
  private Init() {}

  private static Tensor fill(Tensor t, Tensor values) {
    try (var g = Torch.noGrad()) {
      return t.copy_(values);
    }
  }

  /** {@code uniform_(t, a, b)}: values drawn from U(a, b). */
  public static Tensor uniform_(Tensor t, double a, double b) {
    return fill(t, Torch.rand(t.shape().toArray(), t.dtype()).mul(b - a).add(a));
  }

  /** {@code uniform_(t)}: U(0, 1). */
  public static Tensor uniform_(Tensor t) {
    return uniform_(t, 0, 1);
  }

  /** {@code normal_(t, mean, std)}: values drawn from N(mean, std²). */
  public static Tensor normal_(Tensor t, double mean, double std) {
    return fill(t, Torch.randn(t.shape().toArray(), t.dtype()).mul(std).add(mean));
  }

  /** {@code normal_(t)}: N(0, 1). */
  public static Tensor normal_(Tensor t) {
    return normal_(t, 0, 1);
  }

  /** {@code constant_(t, val)}. */
  public static Tensor constant_(Tensor t, double val) {
    try (var g = Torch.noGrad()) {
      return t.fill_(val);
    }
  }

  /** {@code zeros_(t)}. */
  public static Tensor zeros_(Tensor t) {
    return constant_(t, 0);
  }

  /** {@code ones_(t)}. */
  public static Tensor ones_(Tensor t) {
    return constant_(t, 1);
  }

  /**
   * {@code _calculate_fan_in_and_fan_out(t)}: {@code {size(1)·receptive, size(0)·receptive}} where
   * receptive is the product of the dims after the second.
   *
   * <pre>{@code
   * Init.calculateFanInAndFanOut(Torch.zeros(16, 1, 5, 5)); // {25, 400}
   * }</pre>
   */
  public static int[] calculateFanInAndFanOut(Tensor t) {
    if (t.dim() < 2) {
      throw new IllegalArgumentException(
          "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    }
    int receptive = 1;
    for (int i = 2; i < t.dim(); i++) {
      receptive *= t.size(i);
    }
    return new int[] {t.size(1) * receptive, t.size(0) * receptive};
  }

  /** {@code calculate_gain(nonlinearity)}, with leaky_relu's default slope 0.01. */
  public static double calculateGain(String nonlinearity) {
    return calculateGain(nonlinearity, Double.NaN);
  }

  /**
   * {@code calculate_gain(nonlinearity, param)}: 1 for linear, conv and sigmoid; 5/3 for tanh; √2
   * for relu; √(2/(1+slope²)) for leaky_relu (param is the slope, NaN for the default 0.01); 3/4
   * for selu.
   *
   * <pre>{@code
   * Init.calculateGain("leaky_relu", 0.2); // 1.3867504905630728
   * }</pre>
   */
  public static double calculateGain(String nonlinearity, double param) {
    switch (nonlinearity) {
      case "linear":
      case "conv1d":
      case "conv2d":
      case "conv3d":
      case "conv_transpose1d":
      case "conv_transpose2d":
      case "conv_transpose3d":
      case "sigmoid":
        return 1;
      case "tanh":
        return 5.0 / 3;
      case "relu":
        return Math.sqrt(2.0);
      case "leaky_relu":
        double slope = Double.isNaN(param) ? 0.01 : param;
        return Math.sqrt(2.0 / (1 + slope * slope));
      case "selu":
        return 3.0 / 4;
      default:
        throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
    }
  }

  /** {@code xavier_uniform_(t, gain)}: U(-a, a) with a = gain·√(6/(fan_in+fan_out)). */
  public static Tensor xavierUniform_(Tensor t, double gain) {
    int[] fans = calculateFanInAndFanOut(t);
    double a = gain * Math.sqrt(6.0 / (fans[0] + fans[1]));
    return uniform_(t, -a, a);
  }

  /** {@code xavier_uniform_(t)}, gain 1. */
  public static Tensor xavierUniform_(Tensor t) {
    return xavierUniform_(t, 1);
  }

  /** {@code xavier_normal_(t, gain)}: N(0, std²) with std = gain·√(2/(fan_in+fan_out)). */
  public static Tensor xavierNormal_(Tensor t, double gain) {
    int[] fans = calculateFanInAndFanOut(t);
    return normal_(t, 0, gain * Math.sqrt(2.0 / (fans[0] + fans[1])));
  }

  /** {@code xavier_normal_(t)}, gain 1. */
  public static Tensor xavierNormal_(Tensor t) {
    return xavierNormal_(t, 1);
  }

  private static int fan(Tensor t, String mode) {
    if (!mode.equals("fan_in") && !mode.equals("fan_out")) {
      throw new IllegalArgumentException(
          "Mode " + mode + " not supported, please use one of fan_in, fan_out");
    }
    int[] fans = calculateFanInAndFanOut(t);
    return mode.equals("fan_in") ? fans[0] : fans[1];
  }

  /**
   * {@code kaiming_uniform_(t, a, mode, nonlinearity)}: U(-b, b) with b = gain·√(3/fan), gain =
   * calculate_gain(nonlinearity, a). PyTorch's layers use {@code a = √5}, which gives U(-1/√fan_in,
   * 1/√fan_in).
   */
  public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity) {
    double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
    double bound = Math.sqrt(3.0) * std;
    return uniform_(t, -bound, bound);
  }

  /** {@code kaiming_uniform_(t)}: a = 0, fan_in, leaky_relu. */
  public static Tensor kaimingUniform_(Tensor t) {
    return kaimingUniform_(t, 0, "fan_in", "leaky_relu");
  }

  /** {@code kaiming_normal_(t, a, mode, nonlinearity)}: N(0, std²), std = gain/√fan. */
  public static Tensor kaimingNormal_(Tensor t, double a, String mode, String nonlinearity) {
    return normal_(t, 0, calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode)));
  }

  /** {@code kaiming_normal_(t)}: a = 0, fan_in, leaky_relu. */
  public static Tensor kaimingNormal_(Tensor t) {
    return kaimingNormal_(t, 0, "fan_in", "leaky_relu");
  }
}
