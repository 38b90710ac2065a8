package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fused optimizer steps: the scalar reference against the PyTorch formulas evaluated in double, and
 * the vector provider bit-identical to the scalar one.
 */
class OptimizersTest {

  @Test
  void scalarAdamFollowsPyTorchFormula() {
    for (boolean decoupled : new boolean[] {false, true}) {
      for (double beta1 : new double[] {0.9, 0.3}) {
        Random random = new Random(4);
        int n = 37;
        float[] p = TestData.floats(random, n, 1f, false);
        float[] m = new float[n];
        float[] v = new float[n];
        double[] pd = toDouble(p);
        double[] md = new double[n];
        double[] vd = new double[n];
        double lr = 1e-2;
        double beta2 = 0.999;
        double eps = 1e-8;
        double wd = 0.05;
        for (int t = 1; t <= 5; t++) {
          float[] g = TestData.floats(random, n, 1f, false);
          Kernels.scalar()
              .optimizers()
              .adam(p, 0, g, 0, m, 0, v, 0, n, lr, beta1, beta2, eps, wd, t, decoupled);
          for (int i = 0; i < n; i++) {
            double gi = g[i];
            if (decoupled) {
              pd[i] *= 1 - lr * wd;
            } else {
              gi += wd * pd[i];
            }
            md[i] = beta1 * md[i] + (1 - beta1) * gi;
            vd[i] = beta2 * vd[i] + (1 - beta2) * gi * gi;
            double denom = Math.sqrt(vd[i]) / Math.sqrt(1 - Math.pow(beta2, t)) + eps;
            pd[i] -= lr / (1 - Math.pow(beta1, t)) * md[i] / denom;
          }
        }
        for (int i = 0; i < n; i++) {
          if (Math.abs(p[i] - pd[i]) > 1e-5 || Math.abs(m[i] - md[i]) > 1e-5) {
            throw new AssertionError("adam param " + i + ": " + p[i] + " vs " + pd[i]);
          }
        }
      }
    }
  }

  @Test
  void scalarSgdFollowsPyTorchFormula() {
    for (boolean nesterov : new boolean[] {false, true}) {
      Random random = new Random(5);
      int n = 19;
      double[] p = TestData.doubles(random, n, 1, false);
      double[] buf = new double[n];
      double[] pd = p.clone();
      double[] bd = new double[n];
      double lr = 0.1;
      double mom = 0.9;
      double damp = 0.1;
      double wd = 0.01;
      for (int t = 0; t < 4; t++) {
        double[] g = TestData.doubles(random, n, 1, false);
        Kernels.scalar()
            .optimizers()
            .sgd(p, 0, g, 0, buf, 0, n, lr, mom, damp, wd, nesterov, t == 0);
        for (int i = 0; i < n; i++) {
          double d = g[i] + wd * pd[i];
          bd[i] = t == 0 ? d : mom * bd[i] + (1 - damp) * d;
          d = nesterov ? d + mom * bd[i] : bd[i];
          pd[i] -= lr * d;
        }
      }
      assertArrayEquals(pd, p, 1e-12);
      assertArrayEquals(bd, buf, 1e-12);
    }
  }

  @Test
  void vectorStepsAreBitIdenticalToScalar() {
    assumeTrue(Kernels.vector().isPresent(), "no Vector API in this JVM");
    Optimizers scalar = Kernels.scalar().optimizers();
    Optimizers vector = Kernels.vector().get().optimizers();
    Random random = new Random(6);
    for (int n : TestData.SIZES) {
      for (int variant = 0; variant < 4; variant++) {
        boolean flag = (variant & 1) == 1;
        double wd = variant >= 2 ? 0.01 : 0.0;
        double beta1 = variant == 3 ? 0.2 : 0.9;
        float[] p1 = TestData.floats(random, n + 2, 1f, false);
        float[] m1 = TestData.floats(random, n + 2, 0.1f, false);
        float[] v1 = TestData.floats(random, n + 2, 0.01f, false);
        for (int i = 0; i < v1.length; i++) {
          v1[i] = Math.abs(v1[i]);
        }
        float[] g = TestData.floats(random, n + 2, 1f, false);
        float[] p2 = p1.clone();
        float[] m2 = m1.clone();
        float[] v2 = v1.clone();
        scalar.adam(p1, 1, g, 2, m1, 0, v1, 1, n, 1e-3, beta1, 0.999, 1e-8, wd, 3, flag);
        vector.adam(p2, 1, g, 2, m2, 0, v2, 1, n, 1e-3, beta1, 0.999, 1e-8, wd, 3, flag);
        assertArrayEquals(p1, p2, "adam p n=" + n);
        assertArrayEquals(m1, m2, "adam m n=" + n);
        assertArrayEquals(v1, v2, "adam v n=" + n);

        double[] q1 = TestData.doubles(random, n, 1, false);
        double[] b1 = TestData.doubles(random, n, 1, false);
        double[] gd = TestData.doubles(random, n, 1, false);
        double[] q2 = q1.clone();
        double[] b2 = b1.clone();
        boolean first = variant == 2;
        scalar.sgd(q1, 0, gd, 0, b1, 0, n, 0.1, 0.9, 0.0, wd, flag, first);
        vector.sgd(q2, 0, gd, 0, b2, 0, n, 0.1, 0.9, 0.0, wd, flag, first);
        assertArrayEquals(q1, q2, "sgd p n=" + n);
        assertArrayEquals(b1, b2, "sgd buf n=" + n);

        double[] pd1 = TestData.doubles(random, n, 1, false);
        double[] md1 = new double[n];
        double[] vd1 = new double[n];
        double[] pd2 = pd1.clone();
        double[] md2 = new double[n];
        double[] vd2 = new double[n];
        scalar.adam(pd1, 0, gd, 0, md1, 0, vd1, 0, n, 1e-3, beta1, 0.99, 1e-8, wd, 1, flag);
        vector.adam(pd2, 0, gd, 0, md2, 0, vd2, 0, n, 1e-3, beta1, 0.99, 1e-8, wd, 1, flag);
        assertArrayEquals(pd1, pd2, "adam double n=" + n);

        float[] f1 = TestData.floats(random, n, 1f, false);
        float[] f2 = f1.clone();
        float[] gf = TestData.floats(random, n, 1f, false);
        scalar.sgd(f1, 0, gf, 0, null, 0, n, 0.1, 0.0, 0.0, wd, false, false);
        vector.sgd(f2, 0, gf, 0, null, 0, n, 0.1, 0.0, 0.0, wd, false, false);
        assertArrayEquals(f1, f2, "plain sgd n=" + n);
      }
    }
  }

  private static double[] toDouble(float[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i];
    }
    return y;
  }
}
