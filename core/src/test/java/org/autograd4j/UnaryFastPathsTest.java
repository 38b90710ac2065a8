package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.autograd4j.internal.kernels.FloatFunctions;
import org.autograd4j.internal.kernels.FloatUlps;
import org.autograd4j.internal.kernels.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The unary fast paths give, bit for bit, what the general per-element path gives: abs, x ** 2,
 * sqrt, clamp and float64 sigmoid on their plain loops ({@link ExactLoops}); float32 log, sin, cos,
 * tanh, sigmoid and gelu on the provider's {@code FloatFunctions} come within the few ulps it
 * allows; on special values, at sizes around the vector width and above the parallel grain, on one
 * and two threads, and for an input at an offset.
 */
class UnaryFastPathsTest {
  private static final int[] SIZES = {1, 7, 8, 9, 15, 16, 17, 33, 100, 40_000, 70_001};
  private static final double[] SPECIAL = {
    Double.NaN,
    0.0,
    -0.0,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    1e-45,
    -1e-45,
    1e-310,
    0.1,
    -0.1,
    0.5,
    -0.5,
    3.4e38,
    -2.5
  };

  private final Random random = new Random(3);
  private final int threads = Parallel.getNumThreads();

  @AfterEach
  void restoreThreads() {
    Parallel.setNumThreads(threads);
  }

  /** n values, specials first, then Gaussians; in a tensor starting {@code offset} into storage. */
  private Tensor values(DType t, int n, int offset) {
    double[] v = new double[n + offset];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < SPECIAL.length ? SPECIAL[i] : random.nextGaussian() * 2;
    }
    // Rotate so that the specials land inside the view, not in the skipped offset.
    double[] rotated = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      rotated[(i + offset) % v.length] = v[i];
    }
    return Creation.fromDoubles(rotated, new int[] {n + offset}, t).narrow(0, offset, n);
  }

  /** Bits with NaNs made canonical: distinguishes -0 from +0, not one NaN from another. */
  private static long[] bits(Tensor t) {
    double[] v = t.toDoubleArray();
    long[] b = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Double.doubleToLongBits(v[i]);
    }
    return b;
  }

  private void assertMatchesGeneralPath(
      String name, UnaryOperator<Tensor> op, DoubleUnaryOperator reference) {
    assertMatchesGeneralPath(name, op, reference, DType.FLOAT32, DType.FLOAT64);
  }

  private void assertMatchesGeneralPath(
      String name, UnaryOperator<Tensor> op, DoubleUnaryOperator reference, DType... dtypes) {
    for (int threadCount : new int[] {1, 2}) {
      Parallel.setNumThreads(threadCount);
      for (DType t : dtypes) {
        for (int n : SIZES) {
          for (int offset : new int[] {0, 3}) {
            Tensor x = values(t, n, offset);
            Tensor expected = Kernels.map(x, t, reference);
            Tensor actual = op.apply(x);
            String what = name + " " + t + " n=" + n + " offset=" + offset + " t=" + threadCount;
            assertEquals(t, actual.dtype(), what);
            assertArrayEquals(x.shape, actual.shape, what);
            assertArrayEquals(bits(expected), bits(actual), what);
          }
        }
      }
    }
  }

  /** As {@link #assertMatchesGeneralPath} for float32, allowing {@code maxUlps} float steps. */
  private void assertWithinUlpsOfGeneralPath(
      String name, UnaryOperator<Tensor> op, DoubleUnaryOperator reference, int maxUlps) {
    for (int threadCount : new int[] {1, 2}) {
      Parallel.setNumThreads(threadCount);
      for (int n : SIZES) {
        Tensor x = values(DType.FLOAT32, n, 3);
        double[] input = x.toDoubleArray();
        double[] expected = Kernels.map(x, DType.FLOAT32, reference).toDoubleArray();
        double[] actual = op.apply(x).toDoubleArray();
        for (int i = 0; i < n; i++) {
          long apart = FloatUlps.between((float) expected[i], (float) actual[i]);
          if (apart > maxUlps) {
            throw new AssertionError(
                String.format(
                    "%s(%s), n=%d, t=%d: %s, general path %s",
                    name, input[i], n, threadCount, actual[i], expected[i]));
          }
        }
      }
    }
  }

  @Test
  void absMatchesTheGeneralPath() {
    assertMatchesGeneralPath("abs", Tensor::abs, Math::abs);
  }

  @Test
  void squareAndPowTwoMatchTheGeneralPath() {
    assertMatchesGeneralPath("square", Tensor::square, v -> Math.pow(v, 2));
    assertMatchesGeneralPath("pow 2", x -> x.pow(2.0), v -> Math.pow(v, 2));
  }

  @Test
  void sqrtMatchesTheGeneralPath() {
    assertMatchesGeneralPath("sqrt", Tensor::sqrt, Math::sqrt);
  }

  @Test
  void sigmoidMatchesTheGeneralPath() {
    // Float32 in PyTorch's steps, each rounded to float: 1f / (1f + (float) exp(-x)); the vector
    // provider's float lanes come within a few ulps.
    assertWithinUlpsOfGeneralPath(
        "sigmoid float32 steps",
        Tensor::sigmoid,
        v -> 1f / (1f + (float) Math.exp(-v)),
        FloatFunctions.SIGMOID_ULPS);
    assertMatchesGeneralPath(
        "sigmoid", Tensor::sigmoid, v -> 1 / (1 + Math.exp(-v)), DType.FLOAT64);
  }

  @Test
  void float32FunctionsMatchTheGeneralPath() {
    // Float32 tensors take FloatFunctions; float64 ones keep the general path, so only float32
    // tells the two apart. The general path rounds Math's double result to float.
    assertWithinUlpsOfGeneralPath("log", Tensor::log, Math::log, FloatFunctions.LOG_ULPS);
    assertWithinUlpsOfGeneralPath("sin", Tensor::sin, Math::sin, FloatFunctions.SIN_COS_ULPS);
    assertWithinUlpsOfGeneralPath("cos", Tensor::cos, Math::cos, FloatFunctions.SIN_COS_ULPS);
    assertWithinUlpsOfGeneralPath("tanh", Tensor::tanh, Math::tanh, FloatFunctions.TANH_ULPS);
    assertWithinUlpsOfGeneralPath(
        "gelu",
        Tensor::gelu,
        v -> 0.5 * v * org.autograd4j.internal.kernels.Erfc.float32(-v * Math.sqrt(0.5)),
        FloatFunctions.GELU_ULPS);
  }

  @Test
  void clampMatchesTheGeneralPathForEveryKindOfBound() {
    // Bounds not exact in float32, one-sided (NaN), and crossed (min > max gives max everywhere).
    double[][] bounds = {{-0.1, 0.1}, {0.5, Double.NaN}, {Double.NaN, -0.5}, {1, -1}, {-0.0, 0.0}};
    for (double[] b : bounds) {
      double lo = Double.isNaN(b[0]) ? Double.NEGATIVE_INFINITY : b[0];
      double hi = Double.isNaN(b[1]) ? Double.POSITIVE_INFINITY : b[1];
      assertMatchesGeneralPath(
          "clamp " + b[0] + " " + b[1],
          x -> x.clamp(b[0], b[1]),
          v -> Double.isNaN(v) ? v : Math.min(hi, Math.max(lo, v)));
    }
  }

  @Test
  void theFastPathsStillRecordTheirGradients() {
    Tensor x = Torch.tensor(new double[] {-2, 4, 0.25}, DType.FLOAT64).requiresGrad_();
    Tensor y = x.abs().add(x.pow(2.0)).add(x.abs().sqrt()).add(x.clamp(-1, 1));
    y.sum().backward();
    // d/dx: sign(x) + 2x + sign(x) / (2 sqrt|x|) + [|x| < 1]
    double[] expected = {
      -1 - 4 - 1 / (2 * Math.sqrt(2)), 1 + 8 + 1 / (2 * Math.sqrt(4)), 1 + 0.5 + 1 / (2 * 0.5) + 1
    };
    assertArrayEquals(expected, x.grad().toDoubleArray(), 1e-12);
  }
}
