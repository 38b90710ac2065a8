package org.autograd4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;

/**
 * Adam ({@code torch.optim.Adam}) with L2 weight decay, AMSGrad and maximize, following PyTorch
 * 1.13's single-tensor update step for step:
 *
 * <pre>
 * t += 1;  g = grad (+ wd·p)
 * m = β1·m + (1-β1)·g;  v = β2·v + (1-β2)·g²;  (amsgrad: vmax = max(vmax, v), used for v)
 * p -= lr / (1-β1^t) · m / (sqrt(v) / sqrt(1-β2^t) + eps)
 * </pre>
 *
 * <pre>{@code
 * Adam optimizer = new Adam(model.parameters(), 1e-3);
 * Adam custom = new Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 1e-4, true);
 * }</pre>
 *
 * <p>State per parameter: {@code step} (a double), {@code exp_avg}, {@code exp_avg_sq} and, with
 * amsgrad, {@code max_exp_avg_sq}, as in PyTorch.
 */
public class Adam extends Optimizer {
  /** Adam with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay. */
  public Adam(List<? extends Tensor> params) {
    this(params, 1e-3);
  }

  /** Adam with learning rate {@code lr} and the other defaults. */
  public Adam(List<? extends Tensor> params, double lr) {
    this(params, lr, 0.9, 0.999, 1e-8, 0, false);
  }

  /** All options but maximize. */
  public Adam(
      List<? extends Tensor> params,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad) {
    this(params, lr, beta1, beta2, eps, weightDecay, amsgrad, false);
  }

  /** All of PyTorch's options. */
  public Adam(
      List<? extends Tensor> params,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize) {
    super(params, defaults(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize));
  }

  static Map<String, Object> defaults(
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("lr", lr);
    d.put("betas", new double[] {beta1, beta2});
    d.put("eps", eps);
    d.put("weight_decay", weightDecay);
    d.put("amsgrad", amsgrad);
    d.put("maximize", maximize);
    // Checked before the optimizer exists, so a bad option never half-builds one.
    check(d);
    return d;
  }

  private static void check(Map<String, Object> d) {
    double lr = (Double) d.get("lr");
    double eps = (Double) d.get("eps");
    double[] betas = (double[]) d.get("betas");
    double wd = (Double) d.get("weight_decay");
    if (!(0.0 <= lr)) {
      throw new IllegalArgumentException("Invalid learning rate: " + py(lr));
    }
    if (!(0.0 <= eps)) {
      throw new IllegalArgumentException("Invalid epsilon value: " + py(eps));
    }
    if (!(0.0 <= betas[0] && betas[0] < 1.0)) {
      throw new IllegalArgumentException("Invalid beta parameter at index 0: " + py(betas[0]));
    }
    if (!(0.0 <= betas[1] && betas[1] < 1.0)) {
      throw new IllegalArgumentException("Invalid beta parameter at index 1: " + py(betas[1]));
    }
    if (!(0.0 <= wd)) {
      throw new IllegalArgumentException("Invalid weight_decay value: " + py(wd));
    }
  }

  @Override
  protected void checkGroup(ParamGroup group) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("lr", group.get("lr"));
    d.put("eps", group.get("eps"));
    d.put("betas", group.tuple("betas"));
    d.put("weight_decay", group.get("weight_decay"));
    check(d);
  }

  /** Whether weight decay is decoupled (AdamW) rather than an L2 term in the gradient. */
  boolean decoupled() {
    return false;
  }

  @Override
  public void step() {
    try (var noGrad = Torch.noGrad()) {
      for (ParamGroup group : paramGroups()) {
        double lr = group.get("lr");
        double[] betas = group.tuple("betas");
        double eps = group.get("eps");
        double weightDecay = group.get("weight_decay");
        boolean amsgrad = group.flag("amsgrad");
        boolean maximize = group.flag("maximize");
        for (Tensor p : group.params()) {
          // Read, not handed out: the step keeps no reference to it (see TensorData).
          Tensor grad = TensorData.get().gradForUpdate(p);
          if (grad == null) {
            continue;
          }
          Map<String, Object> st = stateOf(p);
          if (st.isEmpty()) {
            st.put("step", 0.0);
            st.put("exp_avg", Torch.zerosLike(p));
            st.put("exp_avg_sq", Torch.zerosLike(p));
            if (amsgrad) {
              st.put("max_exp_avg_sq", Torch.zerosLike(p));
            }
          }
          double step = ((Number) st.get("step")).doubleValue() + 1;
          st.put("step", step);
          update(
              p,
              maximize ? grad.neg() : grad,
              (Tensor) st.get("exp_avg"),
              (Tensor) st.get("exp_avg_sq"),
              amsgrad ? (Tensor) st.get("max_exp_avg_sq") : null,
              step,
              lr,
              betas[0],
              betas[1],
              eps,
              weightDecay);
        }
      }
    }
  }

  private void update(
      Tensor p,
      Tensor grad,
      Tensor expAvg,
      Tensor expAvgSq,
      Tensor maxExpAvgSq,
      double step,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay) {
    if (maxExpAvgSq == null
        && FusedUpdates.adam(
            p, grad, expAvg, expAvgSq, lr, beta1, beta2, eps, weightDecay, step, decoupled())) {
      return;
    }
    // The same operations in the same order as torch/optim/adam.py (_single_tensor_adam).
    if (decoupled()) {
      p.mul_(1 - lr * weightDecay);
    } else if (weightDecay != 0) {
      grad = grad.add(p, weightDecay);
    }
    expAvg.mul_(beta1).add_(grad, 1 - beta1);
    expAvgSq.mul_(beta2).add_(grad.mul(grad), 1 - beta2);
    double biasCorrection1 = 1 - Math.pow(beta1, step);
    double biasCorrection2 = 1 - Math.pow(beta2, step);
    double stepSize = lr / biasCorrection1;
    double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    Tensor second = expAvgSq;
    if (maxExpAvgSq != null) {
      // torch.maximum propagates NaN; where(a >= b | isnan(a), a, b) does too.
      maxExpAvgSq.copy_(
          Torch.where(
              maxExpAvgSq.ge(expAvgSq).logicalOr(maxExpAvgSq.isnan()), maxExpAvgSq, expAvgSq));
      second = maxExpAvgSq;
    }
    Tensor denom = second.sqrt().div(biasCorrection2Sqrt).add_(eps);
    p.add_(expAvg.div(denom), -stepSize);
  }
}
