package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.autograd4j.internal.kernels.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity of the op groups' kernel fast paths with the general strided loops (the scalar reference):
 * sizes around the vector width, above the parallel grain, and every broadcast layout they accept.
 */
class FastPathsTest {
  private static final int[] SIZES = {1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100, 40_000};
  private final Random random = new Random(42);
  private final int threads = Parallel.getNumThreads();

  @AfterEach
  void restoreThreads() {
    Parallel.setNumThreads(threads);
  }

  private Tensor random(DType dtype, int... shape) {
    int n = Shapes.numel(shape);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextGaussian() * 3;
    }
    return Creation.fromDoubles(v, shape, dtype);
  }

  /** The double operation of {@code op}, for the scalar reference loops. */
  static DoubleBinaryOperator reference(FastPaths.Binary op) {
    switch (op) {
      case ADD:
        return Double::sum;
      case SUB:
        return (x, y) -> x - y;
      case MUL:
        return (x, y) -> x * y;
      default:
        return (x, y) -> x / y;
    }
  }

  private static void assertBinaryParity(FastPaths.Binary op, Tensor a, Tensor b, DType t) {
    Tensor fast = FastPaths.binary(op, a, b, t);
    assertNotNull(fast, "a fast path should apply");
    Tensor slow = Kernels.zip(a, b, t, reference(op), null);
    assertArrayEquals(slow.shape, fast.shape);
    // Exact: a double operation rounded to float is the correctly rounded float operation.
    assertArrayEquals(slow.toDoubleArray(), fast.toDoubleArray(), 0.0, op + " " + t);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void binaryOnDenseOperandsMatchesTheReference(int numThreads) {
    Parallel.setNumThreads(numThreads);
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (int n : SIZES) {
        for (FastPaths.Binary op : FastPaths.Binary.values()) {
          assertBinaryParity(op, random(t, n), random(t, n), t);
        }
      }
    }
  }

  @Test
  void binaryWithAScalarOrAnExpandedScalarMatchesTheReference() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (int n : SIZES) {
        for (FastPaths.Binary op : FastPaths.Binary.values()) {
          Tensor x = random(t, n);
          Tensor s = random(t);
          assertBinaryParity(op, x, s, t);
          assertBinaryParity(op, s, x, t);
          assertBinaryParity(op, x, random(t, 1).expand(n), t);
          assertBinaryParity(op, random(t, 1).expand(n), random(t, 1).expand(n), t);
        }
      }
    }
  }

  @Test
  void binaryWithABroadcastRowMatchesTheReference() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (int cols : new int[] {1, 7, 8, 17, 300}) {
        for (int rows : new int[] {1, 5, 200}) {
          for (FastPaths.Binary op : FastPaths.Binary.values()) {
            Tensor m = random(t, rows, cols);
            Tensor row = random(t, cols);
            assertBinaryParity(op, m, row, t);
            assertBinaryParity(op, row, m, t);
            assertBinaryParity(op, m, random(t, 1, cols), t);
          }
        }
      }
    }
  }

  @Test
  void binaryWithAPerChannelBlockMatchesTheReference() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (FastPaths.Binary op : FastPaths.Binary.values()) {
        Tensor x = random(t, 3, 5, 4, 9);
        assertBinaryParity(op, x, random(t, 1, 5, 1, 1), t);
        assertBinaryParity(op, random(t, 5, 1, 1), x, t);
        assertBinaryParity(op, x, random(t, 5, 4, 1), t);
        assertBinaryParity(op, x, random(t, 3, 1, 1, 1), t);
        assertBinaryParity(op, random(t, 4, 6), random(t, 4, 1), t);
      }
    }
  }

  @Test
  void addInPlaceAddsABiasIntoAFreshResult() {
    Tensor prod = random(DType.FLOAT32, 4, 6);
    double[] before = prod.toDoubleArray();
    Tensor bias = random(DType.FLOAT32, 6);
    double[] expected = prod.add(bias).toDoubleArray();
    org.junit.jupiter.api.Assertions.assertTrue(FastPaths.addInPlace(prod, bias));
    assertArrayEquals(expected, prod.toDoubleArray(), 0.0);
    Tensor other = Creation.fromDoubles(before, new int[] {4, 6}, DType.FLOAT32);
    // Not applicable (the broadcast would grow dst): nothing is written.
    org.junit.jupiter.api.Assertions.assertFalse(
        FastPaths.addInPlace(other.narrow(0, 0, 1), random(DType.FLOAT32, 4, 6)));
    assertArrayEquals(before, other.toDoubleArray(), 0.0);
  }

  @Test
  void layoutsWithoutAFastPathFallBack() {
    Tensor m = random(DType.FLOAT32, 4, 6);
    assertNull(FastPaths.binary(FastPaths.Binary.ADD, m.t(), m.t(), DType.FLOAT32));
    assertNull(
        FastPaths.binary(FastPaths.Binary.ADD, m.t(), random(DType.FLOAT32, 4), DType.FLOAT32));
    Tensor longs = Creation.fromLongs(new long[] {1, 2}, new int[] {2}, DType.INT64);
    assertNull(FastPaths.binary(FastPaths.Binary.ADD, longs, longs, DType.INT64));
    assertNull(FastPaths.unary(FastPaths.Unary.RELU, m.t()));
    // The public ops still give the same values through the general path.
    assertArrayEquals(
        m.t().contiguous().add(m.t().contiguous()).toDoubleArray(),
        m.t().add(m.t()).toDoubleArray(),
        0.0);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void logSumExpOverTheLastDimMatchesTheGeneralPath(int numThreads) {
    Parallel.setNumThreads(numThreads);
    for (int cols : new int[] {1, 7, 16, 33, 784}) {
      // A view at an offset (rows 1..) of a contiguous float32 tensor takes the fast path; the
      // same values in float64 take the general path, whose result rounded to float32 is the
      // reference (the kernel sums exps in float lanes: a few ulps).
      Tensor base = random(DType.FLOAT32, 65, cols).mul(10.0);
      Tensor x = base.narrow(0, 1, 64);
      Tensor expected = x.to(DType.FLOAT64).logsumexp(new int[] {-1}, true).to(DType.FLOAT32);
      Tensor actual = x.logsumexp(new int[] {-1}, true);
      assertArrayEquals(new int[] {64, 1}, actual.shape, "keepdim shape");
      assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 1e-5, "cols=" + cols);
      assertArrayEquals(new int[] {64}, x.logsumexp(1).shape, "shape without keepdim");
    }
    Tensor m = random(DType.FLOAT32, 4, 6);
    assertNull(ReductionFastPaths.logSumExpLastDim(m, new boolean[] {true, false}, false), "dim 0");
    assertNull(
        ReductionFastPaths.logSumExpLastDim(m.t(), new boolean[] {false, true}, false), "strided");
    assertNull(
        ReductionFastPaths.logSumExpLastDim(
            m.to(DType.FLOAT64), new boolean[] {false, true}, false),
        "float64");
    assertNotNull(ReductionFastPaths.logSumExpLastDim(m, new boolean[] {false, true}, false));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void unaryMatchesTheReference(int numThreads) {
    Parallel.setNumThreads(numThreads);
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (int n : SIZES) {
        Tensor x = random(t, n);
        double[] in = x.toDoubleArray();
        double[] neg = FastPaths.unary(FastPaths.Unary.NEG, x).toDoubleArray();
        double[] relu = FastPaths.unary(FastPaths.Unary.RELU, x).toDoubleArray();
        double[] exp = FastPaths.unary(FastPaths.Unary.EXP, x).toDoubleArray();
        for (int i = 0; i < n; i++) {
          assertEquals(-in[i], neg[i], 0.0);
          assertEquals(Math.max(in[i], 0), relu[i], 0.0);
          double e = t == DType.FLOAT32 ? (float) Math.exp(in[i]) : Math.exp(in[i]);
          double ulp = t == DType.FLOAT32 ? Math.ulp((float) e) : Math.ulp(e);
          assertEquals(e, exp[i], 4 * ulp, "exp(" + in[i] + ")");
        }
      }
    }
  }

  @Test
  void reluBackwardZeroesTheGradientWhereTheInputIsNotPositive() {
    Tensor x = Torch.tensor(new double[] {-1, 0, 2, Double.NaN, 3});
    Tensor g = Torch.tensor(new double[] {Double.NaN, 5, 6, 7, 8});
    assertArrayEquals(
        new double[] {0, 0, 6, 0, 8}, FastPaths.reluBackward(g, x, false).toDoubleArray(), 0.0);
  }

  @Test
  void reluGradientSurvivesDoubleBackward() {
    // d/dx sum(relu(x) * relu(x)) = 2 relu(x) [x > 0]; its gradient wrt x is 2 [x > 0].
    Tensor x = Torch.tensor(new double[] {-1.5, 0.5, 2}, DType.FLOAT64).requiresGrad_();
    Tensor r = x.relu();
    Tensor y = r.mul(r).sum();
    Tensor gx = org.autograd4j.autograd.Autograd.grad(y, x, true);
    assertArrayEquals(new double[] {0, 1, 4}, gx.toDoubleArray(), 0.0);
    gx.sum().backward();
    assertArrayEquals(new double[] {0, 2, 2}, x.grad().toDoubleArray(), 0.0);
  }

  @Test
  void sumsMatchTheReference() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (int n : SIZES) {
        Tensor x = random(t, n);
        double expected = 0;
        for (double v : x.toDoubleArray()) {
          expected += v;
        }
        double tol = t == DType.FLOAT32 ? 1e-5 * (1 + Math.sqrt(n)) : 1e-12 * n;
        assertEquals(expected, ReductionFastPaths.sumAll(x, t).item(), tol * 3 * Math.sqrt(n));
      }
      Tensor m = random(t, 6, 5, 7);
      for (int[] dims : new int[][] {{0}, {0, 1}, {2}, {1, 2}, {0, 2}, {0, 1, 2}}) {
        boolean[] mask = Reductions.reducedMask(dims, 3);
        int[] outShape = Reductions.reducedShape(m.shape, mask, true);
        Tensor fast = ReductionFastPaths.sumDims(m, mask, outShape, t);
        assertNotNull(fast);
        Tensor slow = referenceSum(m, mask, outShape);
        assertArrayEquals(
            slow.toDoubleArray(), fast.toDoubleArray(), t == DType.FLOAT32 ? 1e-4 : 1e-12);
      }
      assertNull(
          ReductionFastPaths.sumDims(
              m, Reductions.reducedMask(new int[] {1}, 3), new int[] {6, 7}, t));
    }
  }

  /** Sums by visiting every element through its multi-index: slow and obviously right. */
  private static Tensor referenceSum(Tensor m, boolean[] mask, int[] outShape) {
    double[] v = m.toDoubleArray();
    double[] acc = new double[Shapes.numel(outShape)];
    int[] s = m.shape;
    for (int i = 0; i < s[0]; i++) {
      for (int j = 0; j < s[1]; j++) {
        for (int k = 0; k < s[2]; k++) {
          int o = 0;
          o = o * (mask[0] ? 1 : s[0]) + (mask[0] ? 0 : i);
          o = o * (mask[1] ? 1 : s[1]) + (mask[1] ? 0 : j);
          o = o * (mask[2] ? 1 : s[2]) + (mask[2] ? 0 : k);
          acc[o] += v[(i * s[1] + j) * s[2] + k];
        }
      }
    }
    return Creation.fromDoubles(acc, outShape, DType.FLOAT64);
  }
}
