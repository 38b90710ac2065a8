package org.autograd4j.optim;

import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;

/**
 * Stochastic gradient descent ({@code torch.optim.SGD}) with momentum, dampening, Nesterov, weight
 * decay and maximize, using PyTorch's update: {@code g += wd·p}; {@code b = g} on the first step,
 * then {@code b = μb + (1-dampening)g}; {@code g = g + μb} (Nesterov) or {@code b}; {@code p -=
 * lr·g}.
 *
 * <pre>{@code
 * SGD optimizer = new SGD(net.parameters(), 0.1);
 * SGD withMomentum = new SGD(net.parameters(), 0.05, 0.9);
 * }</pre>
 */
public class SGD extends Optimizer {
  /** Plain SGD with learning rate {@code lr}. */
  public SGD(List<? extends Tensor> params, double lr) {
    this(params, lr, 0, 0, 0, false, false);
  }

  /** SGD with momentum. */
  public SGD(List<? extends Tensor> params, double lr, double momentum) {
    this(params, lr, momentum, 0, 0, false, false);
  }

  /** All of PyTorch's options. */
  public SGD(
      List<? extends Tensor> params,
      double lr,
      double momentum,
      double dampening,
      double weightDecay,
      boolean nesterov,
      boolean maximize) {
    super(
        params,
        Map.of(
            "lr", lr,
            "momentum", momentum,
            "dampening", dampening,
            "weight_decay", weightDecay,
            "nesterov", nesterov,
            "maximize", maximize));
    if (lr < 0) {
      throw new IllegalArgumentException("Invalid learning rate: " + py(lr));
    }
    if (momentum < 0) {
      throw new IllegalArgumentException("Invalid momentum value: " + py(momentum));
    }
    if (weightDecay < 0) {
      throw new IllegalArgumentException("Invalid weight_decay value: " + py(weightDecay));
    }
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException(
          "Nesterov momentum requires a momentum and zero dampening");
    }
  }

  @Override
  public void step() {
    try (var noGrad = Torch.noGrad()) {
      for (ParamGroup group : paramGroups()) {
        double lr = group.get("lr");
        double momentum = group.get("momentum");
        double dampening = group.get("dampening");
        double weightDecay = group.get("weight_decay");
        boolean nesterov = group.flag("nesterov");
        boolean maximize = group.flag("maximize");
        for (Tensor p : group.params()) {
          // Read, not handed out: the step keeps no reference to it (see TensorData).
          Tensor grad = TensorData.get().gradForUpdate(p);
          if (grad == null) {
            continue;
          }
          Tensor d = maximize ? grad.neg() : grad;
          if (momentum != 0) {
            Map<String, Object> st = stateOf(p);
            Tensor buf = (Tensor) st.get("momentum_buffer");
            boolean first = buf == null;
            Tensor target = first ? Torch.zerosLike(p) : buf;
            if (FusedUpdates.sgdMomentum(
                p, d, target, lr, momentum, dampening, weightDecay, nesterov, first)) {
              st.put("momentum_buffer", target);
              continue;
            }
          }
          if (weightDecay != 0) {
            d = d.add(p, weightDecay);
          }
          if (momentum != 0) {
            Map<String, Object> st = stateOf(p);
            Tensor buf = (Tensor) st.get("momentum_buffer");
            if (buf == null) {
              buf = d.detach().clone();
              st.put("momentum_buffer", buf);
            } else {
              buf.mul_(momentum).add_(d, 1 - dampening);
            }
            d = nesterov ? d.add(buf, momentum) : buf;
          }
          p.add_(d, -lr);
        }
      }
    }
  }
}
