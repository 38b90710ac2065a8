package org.autograd4j.optim;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.internal.Storage;
import org.autograd4j.internal.TensorData;
import org.autograd4j.internal.kernels.Kernels;
import org.autograd4j.internal.kernels.Optimizers;

/**
 * Runs an optimizer's per-parameter update as one fused kernel pass when every tensor involved is
 * contiguous and of the same float dtype; otherwise reports {@code false} and the optimizer falls
 * back to the tensor expressions (same formulas, more passes).
 */
final class FusedUpdates {
  private FusedUpdates() {}

  private static boolean fusable(Tensor... ts) {
    DType dtype = ts[0].dtype();
    if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
      return false;
    }
    int n = ts[0].numel();
    for (Tensor t : ts) {
      if (t.dtype() != dtype || !t.isContiguous() || t.numel() != n) {
        return false;
      }
    }
    return true;
  }

  /** Adam/AdamW without amsgrad; {@code grad} already negated for maximize. */
  static boolean adam(
      Tensor p,
      Tensor grad,
      Tensor m,
      Tensor v,
      double lr,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      double step,
      boolean decoupled) {
    if (!fusable(p, grad, m, v) || step != Math.rint(step)) {
      return false;
    }
    TensorData d = TensorData.get();
    Optimizers k = Kernels.get().optimizers();
    Storage ps = d.storage(p);
    Storage gs = d.storage(grad);
    Storage ms = d.storage(m);
    Storage vs = d.storage(v);
    int n = p.numel();
    if (p.dtype() == DType.FLOAT32) {
      k.adam(
          ps.floats(),
          d.offset(p),
          gs.floats(),
          d.offset(grad),
          ms.floats(),
          d.offset(m),
          vs.floats(),
          d.offset(v),
          n,
          lr,
          beta1,
          beta2,
          eps,
          weightDecay,
          (long) step,
          decoupled);
    } else {
      k.adam(
          ps.doubles(),
          d.offset(p),
          gs.doubles(),
          d.offset(grad),
          ms.doubles(),
          d.offset(m),
          vs.doubles(),
          d.offset(v),
          n,
          lr,
          beta1,
          beta2,
          eps,
          weightDecay,
          (long) step,
          decoupled);
    }
    d.bumpVersion(p);
    d.bumpVersion(m);
    d.bumpVersion(v);
    return true;
  }

  /** SGD with momentum {@code > 0}; {@code grad} already negated for maximize. */
  static boolean sgdMomentum(
      Tensor p,
      Tensor grad,
      Tensor buf,
      double lr,
      double momentum,
      double dampening,
      double weightDecay,
      boolean nesterov,
      boolean firstStep) {
    if (!fusable(p, grad, buf)) {
      return false;
    }
    TensorData d = TensorData.get();
    Optimizers k = Kernels.get().optimizers();
    int n = p.numel();
    if (p.dtype() == DType.FLOAT32) {
      k.sgd(
          d.storage(p).floats(),
          d.offset(p),
          d.storage(grad).floats(),
          d.offset(grad),
          d.storage(buf).floats(),
          d.offset(buf),
          n,
          lr,
          momentum,
          dampening,
          weightDecay,
          nesterov,
          firstStep);
    } else {
      k.sgd(
          d.storage(p).doubles(),
          d.offset(p),
          d.storage(grad).doubles(),
          d.offset(grad),
          d.storage(buf).doubles(),
          d.offset(buf),
          n,
          lr,
          momentum,
          dampening,
          weightDecay,
          nesterov,
          firstStep);
    }
    d.bumpVersion(p);
    d.bumpVersion(buf);
    return true;
  }
}
