package org.autograd4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;

/**
 * RMSprop ({@code torch.optim.RMSprop}) with weight decay, momentum, the centered variant and
 * maximize, following PyTorch 1.13's single-tensor update:
 *
 * <pre>
 * g = grad (+ wd·p);  s = α·s + (1-α)·g²
 * centered: a = α·a + (1-α)·g;  avg = sqrt(s - a²) + eps;  otherwise avg = sqrt(s) + eps
 * momentum &gt; 0: b = μ·b + g/avg;  p -= lr·b;  otherwise p -= lr·g/avg
 * </pre>
 *
 * <pre>{@code
 * RMSprop optimizer = new RMSprop(model.parameters(), 0.01);
 * RMSprop centered = new RMSprop(model.parameters(), 0.01, 0.99, 1e-8, 0, 0.9, true);
 * }</pre>
 */
public class RMSprop extends Optimizer {
  /** RMSprop with learning rate {@code lr} and PyTorch's defaults (alpha 0.99, eps 1e-8). */
  public RMSprop(List<? extends Tensor> params, double lr) {
    this(params, lr, 0.99, 1e-8, 0, 0, false);
  }

  /** All options but maximize. */
  public RMSprop(
      List<? extends Tensor> params,
      double lr,
      double alpha,
      double eps,
      double weightDecay,
      double momentum,
      boolean centered) {
    this(params, lr, alpha, eps, weightDecay, momentum, centered, false);
  }

  /** All of PyTorch's options. */
  public RMSprop(
      List<? extends Tensor> params,
      double lr,
      double alpha,
      double eps,
      double weightDecay,
      double momentum,
      boolean centered,
      boolean maximize) {
    super(params, defaults(lr, alpha, eps, weightDecay, momentum, centered, maximize));
  }

  private static Map<String, Object> defaults(
      double lr,
      double alpha,
      double eps,
      double weightDecay,
      double momentum,
      boolean centered,
      boolean maximize) {
    check(lr, alpha, eps, weightDecay, momentum);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("lr", lr);
    d.put("momentum", momentum);
    d.put("alpha", alpha);
    d.put("eps", eps);
    d.put("centered", centered);
    d.put("weight_decay", weightDecay);
    d.put("maximize", maximize);
    return d;
  }

  private static void check(
      double lr, double alpha, double eps, double weightDecay, double momentum) {
    if (!(0.0 <= lr)) {
      throw new IllegalArgumentException("Invalid learning rate: " + py(lr));
    }
    if (!(0.0 <= eps)) {
      throw new IllegalArgumentException("Invalid epsilon value: " + py(eps));
    }
    if (!(0.0 <= momentum)) {
      throw new IllegalArgumentException("Invalid momentum value: " + py(momentum));
    }
    if (!(0.0 <= weightDecay)) {
      throw new IllegalArgumentException("Invalid weight_decay value: " + py(weightDecay));
    }
    if (!(0.0 <= alpha)) {
      throw new IllegalArgumentException("Invalid alpha value: " + py(alpha));
    }
  }

  @Override
  protected void checkGroup(ParamGroup g) {
    check(g.get("lr"), g.get("alpha"), g.get("eps"), g.get("weight_decay"), g.get("momentum"));
  }

  @Override
  public void step() {
    try (var noGrad = Torch.noGrad()) {
      for (ParamGroup group : paramGroups()) {
        double lr = group.get("lr");
        double alpha = group.get("alpha");
        double eps = group.get("eps");
        double weightDecay = group.get("weight_decay");
        double momentum = group.get("momentum");
        boolean centered = group.flag("centered");
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
            st.put("square_avg", Torch.zerosLike(p));
            if (momentum > 0) {
              st.put("momentum_buffer", Torch.zerosLike(p));
            }
            if (centered) {
              st.put("grad_avg", Torch.zerosLike(p));
            }
          }
          st.put("step", ((Number) st.get("step")).doubleValue() + 1);
          // The operations of torch/optim/rmsprop.py (_single_tensor_rmsprop), in order.
          Tensor g = maximize ? grad.neg() : grad;
          if (weightDecay != 0) {
            g = g.add(p, weightDecay);
          }
          Tensor squareAvg = (Tensor) st.get("square_avg");
          squareAvg.mul_(alpha).add_(g.mul(g), 1 - alpha);
          Tensor avg;
          if (centered) {
            Tensor gradAvg = (Tensor) st.get("grad_avg");
            gradAvg.mul_(alpha).add_(g, 1 - alpha);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt();
          } else {
            avg = squareAvg.sqrt();
          }
          avg = avg.add(eps);
          if (momentum > 0) {
            Tensor buf = (Tensor) st.get("momentum_buffer");
            buf.mul_(momentum).add_(g.div(avg));
            p.add_(buf, -lr);
          } else {
            p.add_(g.div(avg), -lr);
          }
        }
      }
    }
  }
}
