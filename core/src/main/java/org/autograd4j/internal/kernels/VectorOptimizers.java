package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link Optimizers} on the Vector API. */
final class VectorOptimizers implements Optimizers {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  @Override
  public void adam(
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
      boolean decoupled) {
    // Scalars rounded to the element type once, as PyTorch does for Python-float arguments.
    float wd = (float) weightDecay;
    float decay = (float) (1 - lr * weightDecay);
    float w1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float w2 = (float) (1 - beta2);
    float stepSize = (float) (-lr / (1 - Math.pow(beta1, step)));
    float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, step));
    float epsT = (float) eps;
    // torch.lerp picks the formula by the weight's size for accuracy; so do we.
    boolean lerpFromStart = Math.abs(1 - beta1) < 0.5;
    int i = 0;
    int upper = F.loopBound(n);
    if (upper > 0) {
      FloatVector vDecay = FloatVector.broadcast(F, decay);
      FloatVector vWd = FloatVector.broadcast(F, wd);
      FloatVector vW1 = FloatVector.broadcast(F, w1);
      FloatVector vW1c = FloatVector.broadcast(F, 1 - w1);
      FloatVector vB2 = FloatVector.broadcast(F, b2);
      FloatVector vW2 = FloatVector.broadcast(F, w2);
      FloatVector vStep = FloatVector.broadcast(F, stepSize);
      FloatVector vBc2 = FloatVector.broadcast(F, bc2Sqrt);
      FloatVector vEps = FloatVector.broadcast(F, epsT);
      boolean l2 = !decoupled && wd != 0;
      // Same operations in the same order as the scalar loop (no FMA contraction), so both
      // providers produce bit-identical parameters and states.
      for (; i < upper; i += F.length()) {
        FloatVector pi = FloatVector.fromArray(F, p, pOff + i);
        FloatVector gi = FloatVector.fromArray(F, g, gOff + i);
        if (decoupled) {
          pi = pi.mul(vDecay);
        } else if (l2) {
          gi = gi.add(vWd.mul(pi));
        }
        FloatVector mi = FloatVector.fromArray(F, m, mOff + i);
        mi = lerpFromStart ? mi.add(vW1.mul(gi.sub(mi))) : gi.sub(gi.sub(mi).mul(vW1c));
        FloatVector vi = FloatVector.fromArray(F, v, vOff + i).mul(vB2).add(vW2.mul(gi).mul(gi));
        FloatVector denom = vi.sqrt().div(vBc2).add(vEps);
        mi.intoArray(m, mOff + i);
        vi.intoArray(v, vOff + i);
        pi.add(vStep.mul(mi).div(denom)).intoArray(p, pOff + i);
      }
    }
    for (; i < n; i++) {
      float pi = p[pOff + i];
      float gi = g[gOff + i];
      if (decoupled) {
        pi = pi * decay;
      } else if (wd != 0) {
        gi = gi + wd * pi;
      }
      float mi = m[mOff + i];
      mi = lerpFromStart ? mi + w1 * (gi - mi) : gi - (gi - mi) * (1 - w1);
      float vi = v[vOff + i] * b2 + w2 * gi * gi;
      float denom = (float) Math.sqrt(vi) / bc2Sqrt + epsT;
      m[mOff + i] = mi;
      v[vOff + i] = vi;
      p[pOff + i] = pi + stepSize * mi / denom;
    }
  }

  @Override
  public void sgd(
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
      boolean firstStep) {
    float wd = (float) weightDecay;
    float mom = (float) momentum;
    float keep = (float) (1 - dampening);
    float negLr = (float) (-lr);
    boolean useMomentum = momentum != 0;
    int i = 0;
    int upper = F.loopBound(n);
    if (upper > 0) {
      FloatVector vWd = FloatVector.broadcast(F, wd);
      FloatVector vMom = FloatVector.broadcast(F, mom);
      FloatVector vKeep = FloatVector.broadcast(F, keep);
      FloatVector vNegLr = FloatVector.broadcast(F, negLr);
      for (; i < upper; i += F.length()) {
        FloatVector pi = FloatVector.fromArray(F, p, pOff + i);
        FloatVector d = FloatVector.fromArray(F, g, gOff + i);
        if (wd != 0) {
          d = d.add(vWd.mul(pi));
        }
        if (useMomentum) {
          FloatVector b =
              firstStep ? d : FloatVector.fromArray(F, buf, bufOff + i).mul(vMom).add(vKeep.mul(d));
          b.intoArray(buf, bufOff + i);
          d = nesterov ? d.add(vMom.mul(b)) : b;
        }
        pi.add(vNegLr.mul(d)).intoArray(p, pOff + i);
      }
    }
    for (; i < n; i++) {
      float pi = p[pOff + i];
      float d = g[gOff + i];
      if (wd != 0) {
        d = d + wd * pi;
      }
      if (useMomentum) {
        float b = firstStep ? d : buf[bufOff + i] * mom + keep * d;
        buf[bufOff + i] = b;
        d = nesterov ? d + mom * b : b;
      }
      p[pOff + i] = pi + negLr * d;
    }
  }

  @Override
  public void adam(
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
      boolean decoupled) {
    // Scalars rounded to the element type once, as PyTorch does for Python-float arguments.
    double wd = weightDecay;
    double decay = (1 - lr * weightDecay);
    double w1 = (1 - beta1);
    double b2 = beta2;
    double w2 = (1 - beta2);
    double stepSize = (-lr / (1 - Math.pow(beta1, step)));
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
    double epsT = eps;
    // torch.lerp picks the formula by the weight's size for accuracy; so do we.
    boolean lerpFromStart = Math.abs(1 - beta1) < 0.5;
    int i = 0;
    int upper = D.loopBound(n);
    if (upper > 0) {
      DoubleVector vDecay = DoubleVector.broadcast(D, decay);
      DoubleVector vWd = DoubleVector.broadcast(D, wd);
      DoubleVector vW1 = DoubleVector.broadcast(D, w1);
      DoubleVector vW1c = DoubleVector.broadcast(D, 1 - w1);
      DoubleVector vB2 = DoubleVector.broadcast(D, b2);
      DoubleVector vW2 = DoubleVector.broadcast(D, w2);
      DoubleVector vStep = DoubleVector.broadcast(D, stepSize);
      DoubleVector vBc2 = DoubleVector.broadcast(D, bc2Sqrt);
      DoubleVector vEps = DoubleVector.broadcast(D, epsT);
      boolean l2 = !decoupled && wd != 0;
      // Same operations in the same order as the scalar loop (no FMA contraction), so both
      // providers produce bit-identical parameters and states.
      for (; i < upper; i += D.length()) {
        DoubleVector pi = DoubleVector.fromArray(D, p, pOff + i);
        DoubleVector gi = DoubleVector.fromArray(D, g, gOff + i);
        if (decoupled) {
          pi = pi.mul(vDecay);
        } else if (l2) {
          gi = gi.add(vWd.mul(pi));
        }
        DoubleVector mi = DoubleVector.fromArray(D, m, mOff + i);
        mi = lerpFromStart ? mi.add(vW1.mul(gi.sub(mi))) : gi.sub(gi.sub(mi).mul(vW1c));
        DoubleVector vi = DoubleVector.fromArray(D, v, vOff + i).mul(vB2).add(vW2.mul(gi).mul(gi));
        DoubleVector denom = vi.sqrt().div(vBc2).add(vEps);
        mi.intoArray(m, mOff + i);
        vi.intoArray(v, vOff + i);
        pi.add(vStep.mul(mi).div(denom)).intoArray(p, pOff + i);
      }
    }
    for (; i < n; i++) {
      double pi = p[pOff + i];
      double gi = g[gOff + i];
      if (decoupled) {
        pi = pi * decay;
      } else if (wd != 0) {
        gi = gi + wd * pi;
      }
      double mi = m[mOff + i];
      mi = lerpFromStart ? mi + w1 * (gi - mi) : gi - (gi - mi) * (1 - w1);
      double vi = v[vOff + i] * b2 + w2 * gi * gi;
      double denom = Math.sqrt(vi) / bc2Sqrt + epsT;
      m[mOff + i] = mi;
      v[vOff + i] = vi;
      p[pOff + i] = pi + stepSize * mi / denom;
    }
  }

  @Override
  public void sgd(
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
      boolean firstStep) {
    double wd = weightDecay;
    double mom = momentum;
    double keep = (1 - dampening);
    double negLr = (-lr);
    boolean useMomentum = momentum != 0;
    int i = 0;
    int upper = D.loopBound(n);
    if (upper > 0) {
      DoubleVector vWd = DoubleVector.broadcast(D, wd);
      DoubleVector vMom = DoubleVector.broadcast(D, mom);
      DoubleVector vKeep = DoubleVector.broadcast(D, keep);
      DoubleVector vNegLr = DoubleVector.broadcast(D, negLr);
      for (; i < upper; i += D.length()) {
        DoubleVector pi = DoubleVector.fromArray(D, p, pOff + i);
        DoubleVector d = DoubleVector.fromArray(D, g, gOff + i);
        if (wd != 0) {
          d = d.add(vWd.mul(pi));
        }
        if (useMomentum) {
          DoubleVector b =
              firstStep
                  ? d
                  : DoubleVector.fromArray(D, buf, bufOff + i).mul(vMom).add(vKeep.mul(d));
          b.intoArray(buf, bufOff + i);
          d = nesterov ? d.add(vMom.mul(b)) : b;
        }
        pi.add(vNegLr.mul(d)).intoArray(p, pOff + i);
      }
    }
    for (; i < n; i++) {
      double pi = p[pOff + i];
      double d = g[gOff + i];
      if (wd != 0) {
        d = d + wd * pi;
      }
      if (useMomentum) {
        double b = firstStep ? d : buf[bufOff + i] * mom + keep * d;
        buf[bufOff + i] = b;
        d = nesterov ? d + mom * b : b;
      }
      p[pOff + i] = pi + negLr * d;
    }
  }
}
