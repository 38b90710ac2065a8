package org.autograd4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;

/**
 * Adagrad ({@code torch.optim.Adagrad}) with learning-rate decay, weight decay, an initial
 * accumulator value and maximize, following PyTorch 1.13's dense update:
 *
 * <pre>
 * t += 1;  g = grad (+ wd·p);  clr = lr / (1 + (t-1)·lr_decay)
 * sum += g²;  p -= clr · g / (sqrt(sum) + eps)
 * </pre>
 *
 * <pre>{@code
 * Adagrad optimizer = new Adagrad(model.parameters(), 0.01);
 * Adagrad custom = new Adagrad(model.parameters(), 0.1, 1e-3, 1e-4, 0.1, 1e-10);
 * }</pre>
 *
 * <p>As in PyTorch, the state ({@code step} 0 and {@code sum} filled with the initial accumulator
 * value) exists from construction on.
 */
public class Adagrad extends Optimizer {
  /** Adagrad with learning rate {@code lr} and PyTorch's defaults (eps 1e-10). */
  public Adagrad(List<? extends Tensor> params, double lr) {
    this(params, lr, 0, 0, 0, 1e-10);
  }

  /** All options but maximize. */
  public Adagrad(
      List<? extends Tensor> params,
      double lr,
      double lrDecay,
      double weightDecay,
      double initialAccumulatorValue,
      double eps) {
    this(params, lr, lrDecay, weightDecay, initialAccumulatorValue, eps, false);
  }

  /** All of PyTorch's options. */
  public Adagrad(
      List<? extends Tensor> params,
      double lr,
      double lrDecay,
      double weightDecay,
      double initialAccumulatorValue,
      double eps,
      boolean maximize) {
    super(params, defaults(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize));
  }

  private static Map<String, Object> defaults(
      double lr,
      double lrDecay,
      double weightDecay,
      double initialAccumulatorValue,
      double eps,
      boolean maximize) {
    check(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("lr", lr);
    d.put("lr_decay", lrDecay);
    d.put("eps", eps);
    d.put("weight_decay", weightDecay);
    d.put("initial_accumulator_value", initialAccumulatorValue);
    d.put("maximize", maximize);
    return d;
  }

  private static void check(double lr, double lrDecay, double wd, double init, double eps) {
    if (!(0.0 <= lr)) {
      throw new IllegalArgumentException("Invalid learning rate: " + py(lr));
    }
    if (!(0.0 <= lrDecay)) {
      throw new IllegalArgumentException("Invalid lr_decay value: " + py(lrDecay));
    }
    if (!(0.0 <= wd)) {
      throw new IllegalArgumentException("Invalid weight_decay value: " + py(wd));
    }
    if (!(0.0 <= init)) {
      throw new IllegalArgumentException("Invalid initial_accumulator_value value: " + py(init));
    }
    if (!(0.0 <= eps)) {
      throw new IllegalArgumentException("Invalid epsilon value: " + py(eps));
    }
  }

  @Override
  protected void checkGroup(ParamGroup g) {
    check(
        g.get("lr"),
        g.get("lr_decay"),
        g.get("weight_decay"),
        g.get("initial_accumulator_value"),
        g.get("eps"));
  }

  @Override
  protected void initGroupState(ParamGroup group) {
    double init = group.get("initial_accumulator_value");
    for (Tensor p : group.params()) {
      Map<String, Object> st = stateOf(p);
      st.put("step", 0.0);
      st.put("sum", Torch.fullLike(p, init));
    }
  }

  @Override
  public void step() {
    try (var noGrad = Torch.noGrad()) {
      for (ParamGroup group : paramGroups()) {
        double lr = group.get("lr");
        double lrDecay = group.get("lr_decay");
        double weightDecay = group.get("weight_decay");
        double eps = group.get("eps");
        boolean maximize = group.flag("maximize");
        for (Tensor p : group.params()) {
          // Read, not handed out: the step keeps no reference to it (see TensorData).
          Tensor grad = TensorData.get().gradForUpdate(p);
          if (grad == null) {
            continue;
          }
          Map<String, Object> st = stateOf(p);
          double step = ((Number) st.get("step")).doubleValue() + 1;
          st.put("step", step);
          // The operations of torch/optim/adagrad.py (_single_tensor_adagrad), in order.
          Tensor g = maximize ? grad.neg() : grad;
          if (weightDecay != 0) {
            g = g.add(p, weightDecay);
          }
          double clr = lr / (1 + (step - 1) * lrDecay);
          Tensor sum = (Tensor) st.get("sum");
          sum.add_(g.mul(g));
          Tensor std = sum.sqrt().add(eps);
          p.add_(g.div(std), -clr);
        }
      }
    }
  }
}
