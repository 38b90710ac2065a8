package org.autograd4j.optim;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.internal.Storage;
import org.autograd4j.internal.TensorData;
import org.autograd4j.internal.kernels.Kernels;
import org.autograd4j.internal.kernels.Optimizers;
import org.autograd4j.internal.kernels.Parallel;

/**
 * Runs an optimizer's per-parameter update as one fused kernel pass when every tensor involved is
 * contiguous and of the same float dtype; otherwise reports {@code false} and the optimizer falls
 * back to the tensor expressions (same formulas, more passes).
 */
final class FusedUpdates {
  /**
   * Elements per thread below which an update runs on the caller alone. Every element is updated
   * independently and identically in the vector and scalar loops, so any split is bit-identical.
   */
  private static final int GRAIN = 1 << 15;

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
    int po = d.offset(p);
    int go = d.offset(grad);
    int mo = d.offset(m);
    int vo = d.offset(v);
    if (p.dtype() == DType.FLOAT32) {
      float[] pf = ps.floats();
      float[] gf = gs.floats();
      float[] mf = ms.floats();
      float[] vf = vs.floats();
      Parallel.parallelFor(
          0,
          n,
          GRAIN,
          (lo, hi) ->
              k.adam(
                  pf,
                  po + lo,
                  gf,
                  go + lo,
                  mf,
                  mo + lo,
                  vf,
                  vo + lo,
                  hi - lo,
                  lr,
                  beta1,
                  beta2,
                  eps,
                  weightDecay,
                  (long) step,
                  decoupled));
    } else {
      double[] pd = ps.doubles();
      double[] gd = gs.doubles();
      double[] md = ms.doubles();
      double[] vd = vs.doubles();
      Parallel.parallelFor(
          0,
          n,
          GRAIN,
          (lo, hi) ->
              k.adam(
                  pd,
                  po + lo,
                  gd,
                  go + lo,
                  md,
                  mo + lo,
                  vd,
                  vo + lo,
                  hi - lo,
                  lr,
                  beta1,
                  beta2,
                  eps,
                  weightDecay,
                  (long) step,
                  decoupled));
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
    int po = d.offset(p);
    int go = d.offset(grad);
    int bo = d.offset(buf);
    if (p.dtype() == DType.FLOAT32) {
      float[] pf = d.storage(p).floats();
      float[] gf = d.storage(grad).floats();
      float[] bf = d.storage(buf).floats();
      Parallel.parallelFor(
          0,
          n,
          GRAIN,
          (lo, hi) ->
              k.sgd(
                  pf,
                  po + lo,
                  gf,
                  go + lo,
                  bf,
                  bo + lo,
                  hi - lo,
                  lr,
                  momentum,
                  dampening,
                  weightDecay,
                  nesterov,
                  firstStep));
    } else {
      double[] pd = d.storage(p).doubles();
      double[] gd = d.storage(grad).doubles();
      double[] bd = d.storage(buf).doubles();
      Parallel.parallelFor(
          0,
          n,
          GRAIN,
          (lo, hi) ->
              k.sgd(
                  pd,
                  po + lo,
                  gd,
                  go + lo,
                  bd,
                  bo + lo,
                  hi - lo,
                  lr,
                  momentum,
                  dampening,
                  weightDecay,
                  nesterov,
                  firstStep));
    }
    d.bumpVersion(p);
    d.bumpVersion(buf);
    return true;
  }
}
