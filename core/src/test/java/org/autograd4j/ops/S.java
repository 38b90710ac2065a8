package org.autograd4j.ops;

import java.util.List;
import java.util.SplittableRandom;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/** Sample-input helpers for the op registry: seeded float64 tensors that require grad. */
final class S {
  private S() {}

  private static final SplittableRandom RANDOM = new SplittableRandom(20240611L);

  private static Tensor fill(int[] shape, double lo, double hi, boolean awayFromZero) {
    int n = 1;
    for (int s : shape) {
      n *= s;
    }
    double[] v = new double[n];
    synchronized (RANDOM) {
      for (int i = 0; i < n; i++) {
        double x = RANDOM.nextDouble(lo, hi);
        // Kinks (abs, relu, sign changes) sit at 0: keep samples at least 0.1 away from them.
        if (awayFromZero && Math.abs(x) < 0.1) {
          x = x < 0 ? x - 0.1 : x + 0.1;
        }
        v[i] = x;
      }
    }
    return Torch.tensor(v, DType.FLOAT64).reshape(shape);
  }

  /** Uniform in [-2, 2), requiring grad. */
  static Tensor t(int... shape) {
    return fill(shape, -2, 2, false).requiresGrad_();
  }

  /** Uniform in [-2, 2) with |x| >= 0.1 (away from kinks at 0), requiring grad. */
  static Tensor away(int... shape) {
    return fill(shape, -2, 2, true).requiresGrad_();
  }

  /** Uniform in [0.5, 2), requiring grad (for log, sqrt, ...). */
  static Tensor pos(int... shape) {
    return fill(shape, 0.5, 2, false).requiresGrad_();
  }

  /** Uniform in [lo, hi), requiring grad. */
  static Tensor range(double lo, double hi, int... shape) {
    return fill(shape, lo, hi, false).requiresGrad_();
  }

  /** Uniform in [-2, 2), not requiring grad (a constant operand). */
  static Tensor c(int... shape) {
    return fill(shape, -2, 2, false);
  }

  /** Exactly these float64 values with a shape, requiring grad. */
  static Tensor of(double[] values, int... shape) {
    return Torch.tensor(values, DType.FLOAT64).reshape(shape).requiresGrad_();
  }

  /** An int64 tensor with a shape. */
  static Tensor ints(long[] values, int... shape) {
    return Torch.tensor(values).reshape(shape);
  }

  /** A bool tensor with a shape. */
  static Tensor bools(boolean[] values, int... shape) {
    return Torch.tensor(values).reshape(shape);
  }

  /** One sample: an argument list. */
  static List<Tensor> args(Tensor... ts) {
    return List.of(ts);
  }
}
