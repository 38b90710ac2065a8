package org.autograd4j.optim;

import java.util.List;
import org.autograd4j.Tensor;

/**
 * AdamW ({@code torch.optim.AdamW}): Adam with decoupled weight decay. Each step first shrinks the
 * parameter, {@code p *= 1 - lr·wd}, and adds no L2 term to the gradient; the rest is {@link Adam}.
 * The default weight decay is 1e-2.
 *
 * <pre>{@code
 * AdamW optimizer = new AdamW(model.parameters(), 1e-3);          // weight_decay 0.01
 * AdamW custom = new AdamW(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 0.05, false);
 * }</pre>
 */
public class AdamW extends Adam {
  /** AdamW with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2. */
  public AdamW(List<? extends Tensor> params) {
    this(params, 1e-3);
  }

  /** AdamW with learning rate {@code lr} and the other defaults. */
  public AdamW(List<? extends Tensor> params, double lr) {
    this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false);
  }

  /** All options but maximize. */
  public AdamW(
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
  public AdamW(
      List<? extends Tensor> params,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean amsgrad,
      boolean maximize) {
    super(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
  }

  @Override
  boolean decoupled() {
    return true;
  }
}
