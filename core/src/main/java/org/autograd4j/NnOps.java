package org.autograd4j;

/**
 * The native kernels behind {@code org.autograd4j.nn.functional.F} (PyTorch's {@code torch._C._nn}
 * and the {@code torch.conv2d}/{@code torch.max_pool2d}/{@code torch.batch_norm} family). They need
 * the tensors' storage, so they live in this package; user code should call {@code F} instead,
 * which validates arguments and documents each function.
 *
 * <pre>{@code
 * Tensor y = F.gelu(x); // calls NnOps.gelu(x)
 * }</pre>
 */
public final class NnOps {
  private NnOps() {}

  // ------------------------------------------------------------------ activations

  /** {@code F.leaky_relu(x, slope)}, grad_fn {@code LeakyReluBackward0}. */
  public static Tensor leakyRelu(Tensor x, double slope) {
    return NnActivations.leakyRelu(x, slope);
  }

  /** {@code F.gelu(x)} (exact, erf form), grad_fn {@code GeluBackward0}. */
  public static Tensor gelu(Tensor x) {
    return NnActivations.gelu(x);
  }

  /** {@code F.gelu(x, approximate='tanh')}. */
  public static Tensor geluTanh(Tensor x) {
    return NnActivations.geluTanh(x);
  }

  /** {@code F.silu(x)}, grad_fn {@code SiluBackward0}. */
  public static Tensor silu(Tensor x) {
    return NnActivations.silu(x);
  }

  /** {@code torch.abs(x)}, grad_fn {@code AbsBackward0}. */
  public static Tensor abs(Tensor x) {
    return NnActivations.abs(x);
  }

  /** {@code torch.sign(x)}: -1, 0 or 1, not differentiable. */
  public static Tensor sign(Tensor x) {
    return NnActivations.sign(x);
  }

  /** {@code F.softmax(x, dim)}, grad_fn {@code SoftmaxBackward0}. */
  public static Tensor softmax(Tensor x, int dim) {
    return NnActivations.softmax(x, dim);
  }

  /** {@code F.log_softmax(x, dim)}, grad_fn {@code LogSoftmaxBackward0}. */
  public static Tensor logSoftmax(Tensor x, int dim) {
    return NnActivations.logSoftmax(x, dim);
  }

  // ------------------------------------------------------------------ losses

  /**
   * The coefficient matrix of class-index targets (see {@code NnLossOps}); {@code denominator[0]}
   * receives the sum of the target classes' weights over non-ignored entries.
   */
  public static Tensor classTargetMatrix(
      Tensor target,
      int classes,
      Tensor weight,
      long ignoreIndex,
      double smoothing,
      DType dtype,
      double[] denominator) {
    return NnLossOps.classTargetMatrix(
        target, classes, weight, ignoreIndex, smoothing, dtype, denominator);
  }

  /**
   * Fused {@code -Σ_c A_ic log_softmax(x)_ic} over rows of {@code x (M, C)}; {@code reduction} 0
   * none, 1 mean (divided by {@code divisor}), 2 sum.
   */
  public static Tensor softmaxCrossEntropy(
      String gradFnName, Tensor x, Tensor a, int reduction, double divisor) {
    return NnLossOps.softmaxCrossEntropy(gradFnName, x, a, reduction, divisor);
  }

  /** {@code -Σ_c A_ic x_ic} over rows of log-probabilities {@code x (M, C)}, reduced likewise. */
  public static Tensor nll(String gradFnName, Tensor x, Tensor a, int reduction, double divisor) {
    return NnLossOps.nll(gradFnName, x, a, reduction, divisor);
  }
}
