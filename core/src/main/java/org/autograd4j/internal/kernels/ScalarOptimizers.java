package org.autograd4j.internal.kernels;

/** Plain-Java reference {@link Optimizers}. */
final class ScalarOptimizers implements Optimizers {

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
    for (int i = 0; i < n; i++) {
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
    for (int i = 0; i < n; i++) {
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
    for (int i = 0; i < n; i++) {
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
    for (int i = 0; i < n; i++) {
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
