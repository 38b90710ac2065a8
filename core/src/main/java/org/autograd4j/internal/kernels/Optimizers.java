package org.autograd4j.internal.kernels;

/**
 * Fused optimizer updates: each reads and writes every array once, instead of the half dozen passes
 * of the equivalent tensor expressions. Vectorised and scalar providers give bit-identical results.
 */
public interface Optimizers {

  /**
   * One Adam (or AdamW) step over {@code n} parameters, in a single pass, following PyTorch's
   * {@code torch.optim.Adam} single-tensor code in the same operation order: {@code g' = g + wd *
   * p} (Adam) or {@code p *= 1 - lr * wd} (AdamW); {@code m = lerp(m, g', 1 - beta1)}; {@code v =
   * beta2 * v + (1 - beta2) * g'^2}; {@code p -= (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 -
   * beta2^t) + eps)}. The hyper-parameters are doubles, as Python floats are; the bias corrections
   * are computed in double before rounding to the element type.
   *
   * @param p parameters, updated in place
   * @param pOff offset of {@code p[0]}
   * @param g gradients (not modified)
   * @param gOff offset of {@code g[0]}
   * @param m first-moment state, updated in place
   * @param mOff offset of {@code m[0]}
   * @param v second-moment state, updated in place
   * @param vOff offset of {@code v[0]}
   * @param n number of parameters
   * @param lr learning rate
   * @param beta1 first-moment decay
   * @param beta2 second-moment decay
   * @param eps denominator term
   * @param weightDecay L2 penalty (Adam) or decoupled decay (AdamW)
   * @param step the 1-based step count {@code t} used for the bias corrections
   * @param decoupled {@code true} for AdamW's decoupled weight decay
   */
  void adam(
      float[] p,
      int pOff,
      float[] g,
      int gOff,
      float[] m,
      int mOff,
      float[] v,
      int vOff,
      int n,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      long step,
      boolean decoupled);

  /**
   * One SGD step with momentum over {@code n} parameters, in a single pass, following PyTorch's
   * {@code torch.optim.SGD}: {@code d = g + wd * p}; with momentum, {@code buf = d} on the first
   * step and {@code buf = momentum * buf + (1 - dampening) * d} afterwards, then {@code d =
   * nesterov ? d + momentum * buf : buf}; finally {@code p -= lr * d}.
   *
   * @param p parameters, updated in place
   * @param pOff offset of {@code p[0]}
   * @param g gradients (not modified)
   * @param gOff offset of {@code g[0]}
   * @param buf momentum buffer, updated in place; ignored (may be null) when momentum is 0
   * @param bufOff offset of {@code buf[0]}
   * @param n number of parameters
   * @param lr learning rate
   * @param momentum momentum factor, 0 for plain SGD
   * @param dampening dampening of the momentum
   * @param weightDecay L2 penalty
   * @param nesterov whether to use Nesterov momentum
   * @param firstStep whether the buffer is being initialised (PyTorch's {@code buf is None})
   */
  void sgd(
      float[] p,
      int pOff,
      float[] g,
      int gOff,
      float[] buf,
      int bufOff,
      int n,
      double lr,
      double momentum,
      double dampening,
      double weightDecay,
      boolean nesterov,
      boolean firstStep);

  /**
   * One Adam (or AdamW) step over {@code n} parameters, in a single pass, following PyTorch's
   * {@code torch.optim.Adam} single-tensor code in the same operation order: {@code g' = g + wd *
   * p} (Adam) or {@code p *= 1 - lr * wd} (AdamW); {@code m = lerp(m, g', 1 - beta1)}; {@code v =
   * beta2 * v + (1 - beta2) * g'^2}; {@code p -= (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 -
   * beta2^t) + eps)}. The hyper-parameters are doubles, as Python floats are; the bias corrections
   * are computed in double before rounding to the element type.
   *
   * @param p parameters, updated in place
   * @param pOff offset of {@code p[0]}
   * @param g gradients (not modified)
   * @param gOff offset of {@code g[0]}
   * @param m first-moment state, updated in place
   * @param mOff offset of {@code m[0]}
   * @param v second-moment state, updated in place
   * @param vOff offset of {@code v[0]}
   * @param n number of parameters
   * @param lr learning rate
   * @param beta1 first-moment decay
   * @param beta2 second-moment decay
   * @param eps denominator term
   * @param weightDecay L2 penalty (Adam) or decoupled decay (AdamW)
   * @param step the 1-based step count {@code t} used for the bias corrections
   * @param decoupled {@code true} for AdamW's decoupled weight decay
   */
  void adam(
      double[] p,
      int pOff,
      double[] g,
      int gOff,
      double[] m,
      int mOff,
      double[] v,
      int vOff,
      int n,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      long step,
      boolean decoupled);

  /**
   * One SGD step with momentum over {@code n} parameters, in a single pass, following PyTorch's
   * {@code torch.optim.SGD}: {@code d = g + wd * p}; with momentum, {@code buf = d} on the first
   * step and {@code buf = momentum * buf + (1 - dampening) * d} afterwards, then {@code d =
   * nesterov ? d + momentum * buf : buf}; finally {@code p -= lr * d}.
   *
   * @param p parameters, updated in place
   * @param pOff offset of {@code p[0]}
   * @param g gradients (not modified)
   * @param gOff offset of {@code g[0]}
   * @param buf momentum buffer, updated in place; ignored (may be null) when momentum is 0
   * @param bufOff offset of {@code buf[0]}
   * @param n number of parameters
   * @param lr learning rate
   * @param momentum momentum factor, 0 for plain SGD
   * @param dampening dampening of the momentum
   * @param weightDecay L2 penalty
   * @param nesterov whether to use Nesterov momentum
   * @param firstStep whether the buffer is being initialised (PyTorch's {@code buf is None})
   */
  void sgd(
      double[] p,
      int pOff,
      double[] g,
      int gOff,
      double[] buf,
      int bufOff,
      int n,
      double lr,
      double momentum,
      double dampening,
      double weightDecay,
      boolean nesterov,
      boolean firstStep);
}
