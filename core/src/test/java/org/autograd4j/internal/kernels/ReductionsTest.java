package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reductions and row softmax of every provider against double-precision references. */
class ReductionsTest {
  private static final int OFF = 5;

  static Iterable<KernelProvider> providers() {
    return Providers.all();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void sumAndDotMatchDoubleReference(KernelProvider provider) {
    Reductions r = provider.reductions();
    Random random = new Random(1);
    for (int n : sizesWithLarge()) {
      float[] x = TestData.floats(random, n + OFF, 2f, false);
      float[] y = TestData.floats(random, n + OFF, 2f, false);
      double sum = 0;
      double abs = 0;
      double dot = 0;
      double dotAbs = 0;
      for (int i = 0; i < n; i++) {
        sum += x[OFF + i];
        abs += Math.abs(x[OFF + i]);
        dot += (double) x[OFF + i] * y[OFF + i];
        dotAbs += Math.abs((double) x[OFF + i] * y[OFF + i]);
      }
      assertClose(sum, r.sum(x, OFF, n), 1e-6 * abs + 1e-6 * Math.abs(sum), "sum n=" + n);
      assertClose(dot, r.dot(x, OFF, y, OFF, n), 1e-6 * dotAbs + 1e-6, "dot n=" + n);

      double[] xd = TestData.doubles(random, n + OFF, 2, false);
      double[] yd = TestData.doubles(random, n + OFF, 2, false);
      double sumD = 0;
      double dotD = 0;
      double absD = 0;
      for (int i = 0; i < n; i++) {
        sumD += xd[OFF + i];
        dotD += xd[OFF + i] * yd[OFF + i];
        absD += Math.abs(xd[OFF + i]) * (1 + Math.abs(yd[OFF + i]));
      }
      assertClose(sumD, r.sum(xd, OFF, n), 1e-14 * absD + 1e-300, "sum double n=" + n);
      assertClose(dotD, r.dot(xd, OFF, yd, OFF, n), 1e-14 * absD + 1e-300, "dot double n=" + n);
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void dotRowsMatchDoubleReferenceAndDoNotDependOnTheirGrouping(KernelProvider provider) {
    Reductions r = provider.reductions();
    Random random = new Random(6);
    // Rows in whole groups of four and left over; depths around the vector widths and past a block.
    for (int rows : new int[] {0, 1, 3, 4, 5, 8, 11}) {
      for (int k : new int[] {0, 1, 7, 8, 15, 16, 17, 33, 100, 784, 4096 + 19}) {
        int lda = k + 3;
        float[] a = TestData.floats(random, OFF + rows * lda, 2f, false);
        float[] x = TestData.floats(random, OFF + k, 2f, false);
        for (int p = OFF; p < x.length; p += 5) {
          x[p] *= 1e4f; // mixed magnitudes, so that a different order of the sums shows
        }
        float[] out = new float[rows + 2];
        java.util.Arrays.fill(out, Float.NaN);
        r.dotRows(a, OFF, lda, rows, x, OFF, k, out, 1);
        assertTrue(Float.isNaN(out[0]) && Float.isNaN(out[rows + 1]), "wrote outside its rows");
        float[] alone = new float[1];
        for (int i = 0; i < rows; i++) {
          double dot = 0;
          double abs = 0;
          for (int p = 0; p < k; p++) {
            double term = (double) a[OFF + i * lda + p] * x[OFF + p];
            dot += term;
            abs += Math.abs(term);
          }
          String what = "rows " + rows + " k " + k + " row " + i;
          assertClose(dot, out[1 + i], 1e-6 * abs + 1e-6, what);
          // The same row on its own: the same bits as inside a group of four.
          r.dotRows(a, OFF + i * lda, lda, 1, x, OFF, k, alone, 0);
          assertEquals(Float.floatToIntBits(alone[0]), Float.floatToIntBits(out[1 + i]), what);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void doubleSumsOfFloatsMatchASequentialDoubleSum(KernelProvider provider) {
    Reductions r = provider.reductions();
    Random random = new Random(4);
    for (int n : sizesWithLarge()) {
      float[] x = TestData.floats(random, n + OFF, 2f, false);
      for (int i = OFF; i < x.length; i += 3) {
        x[i] *= 1e4f; // mixed magnitudes, so that a float sum would differ from a double one
      }
      double mean = n == 0 ? 0 : 0.25;
      double sum = 0;
      double abs = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        sum += x[OFF + i];
        abs += Math.abs(x[OFF + i]);
        double e = x[OFF + i] - mean;
        squares += e * e;
      }
      // Any order of double additions is within a few double ulps of the sum of magnitudes; a
      // float sum of these values would be off by about 1e-7 of it.
      assertClose(sum, r.sumInDouble(x, OFF, n), 1e-13 * abs, "sum n=" + n);
      assertClose(
          squares,
          r.sumOfSquaredDeviations(x, OFF, n, mean),
          1e-13 * squares,
          "squared deviations n=" + n);
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void doubleSumsOfFloatsAreExactWhereTheyCanBe(KernelProvider provider) {
    Reductions r = provider.reductions();
    for (int n : sizesWithLarge()) {
      // Subnormal floats sum exactly in double: n times the smallest is n * 2^-149.
      float[] x = new float[n + OFF];
      java.util.Arrays.fill(x, OFF, n + OFF, -Float.MIN_VALUE);
      assertEquals(-n * 0x1p-149, r.sumInDouble(x, OFF, n), "subnormals n=" + n);
      assertEquals(n * 0x1p-298, r.sumOfSquaredDeviations(x, OFF, n, 0), "tiny squares n=" + n);
      // Float.MAX_VALUE twice overflows float but not double.
      java.util.Arrays.fill(x, OFF, n + OFF, Float.MAX_VALUE);
      assertEquals(n * (double) Float.MAX_VALUE, r.sumInDouble(x, OFF, n), "large n=" + n);
      if (n == 0) {
        continue;
      }
      // Infinities and NaN wherever they fall, the last element included.
      for (int at : new int[] {0, n / 2, n - 1}) {
        float[] y = TestData.floats(new Random(n), n + OFF, 1f, false);
        y[OFF + at] = Float.NEGATIVE_INFINITY;
        assertEquals(Double.NEGATIVE_INFINITY, r.sumInDouble(y, OFF, n), "-inf n=" + n);
        assertEquals(
            Double.POSITIVE_INFINITY, r.sumOfSquaredDeviations(y, OFF, n, 1), "-inf^2 n=" + n);
        y[OFF + at] = Float.NaN;
        assertEquals(Double.NaN, r.sumInDouble(y, OFF, n), "NaN n=" + n);
        assertEquals(Double.NaN, r.sumOfSquaredDeviations(y, OFF, n, 0), "NaN^2 n=" + n);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void sumOfProductsNtMatchesDoubleReference(KernelProvider provider) {
    Reductions r = provider.reductions();
    Random random = new Random(3);
    // {batch, m, n, k}: register blocks with row and column remainders, k below, at and between
    // vector lengths, and the CNN's first weight gradient (16 x 25 over 576 positions). The 4 x 5
    // block (512-bit vectors): exact {4, 5}, with a 4 x 2 and a single column left over (n = 8),
    // rows left over (m = 7, 6), k below 16, k % 16 != 0, and the CNN's shape with its 64 samples.
    int[][] shapes = {
      {1, 1, 1, 1},
      {2, 5, 3, 7},
      {3, 4, 2, 8},
      {2, 9, 5, 33},
      {4, 16, 25, 576},
      {1, 3, 4, 0},
      {2, 4, 5, 16},
      {3, 7, 8, 47},
      {2, 6, 11, 9},
      {2, 8, 13, 100},
      {1, 5, 10, 3},
      {64, 16, 25, 576}
    };
    for (int[] shape : shapes) {
      int batch = shape[0];
      int m = shape[1];
      int n = shape[2];
      int k = shape[3];
      // Padded rows and a gap between samples, so strides differ from the dense layout.
      int lda = k + 3;
      int ldb = k + 1;
      int strideA = m * lda + 2;
      int strideB = n * ldb + 5;
      int ldc = n + 2;
      float[] a = TestData.floats(random, OFF + batch * strideA, 1f, false);
      float[] b = TestData.floats(random, OFF + batch * strideB, 1f, false);
      float[] c = TestData.floats(random, OFF + m * ldc, 1f, false);
      float[] before = c.clone();
      r.sumOfProductsNT(batch, m, n, k, a, OFF, lda, strideA, b, OFF, ldb, strideB, c, OFF, ldc);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = before[OFF + i * ldc + j];
          double abs = Math.abs(sum);
          for (int s = 0; s < batch; s++) {
            for (int p = 0; p < k; p++) {
              double term =
                  (double) a[OFF + s * strideA + i * lda + p] * b[OFF + s * strideB + j * ldb + p];
              sum += term;
              abs += Math.abs(term);
            }
          }
          String where =
              provider.name() + " " + java.util.Arrays.toString(shape) + " at " + i + "," + j;
          assertClose(sum, c[OFF + i * ldc + j], 1e-6 * abs + 1e-6, where);
        }
        // The padding between rows of C is left alone.
        for (int j = n; j < ldc && OFF + i * ldc + j < c.length; j++) {
          assertEquals(before[OFF + i * ldc + j], c[OFF + i * ldc + j], "padding of C");
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void maxIsExactAndPropagatesNan(KernelProvider provider) {
    Reductions r = provider.reductions();
    Random random = new Random(2);
    for (int n : sizesWithLarge()) {
      float[] x = TestData.floats(random, n + OFF, 100f, false);
      double[] xd = TestData.doubles(random, n + OFF, 100, false);
      float best = Float.NEGATIVE_INFINITY;
      double bestD = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        best = Math.max(best, x[OFF + i]);
        bestD = Math.max(bestD, xd[OFF + i]);
      }
      assertEquals(best, r.max(x, OFF, n), "max n=" + n);
      assertEquals(bestD, r.max(xd, OFF, n), "max double n=" + n);
      if (n > 0) {
        x[OFF + random.nextInt(n)] = Float.NaN;
        xd[OFF + random.nextInt(n)] = Double.NaN;
        assertEquals(Float.NaN, r.max(x, OFF, n), "NaN max n=" + n);
        assertEquals(Double.NaN, r.max(xd, OFF, n), "NaN max double n=" + n);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void softmaxRowsAreStableAndNormalised(KernelProvider provider) {
    Reductions r = provider.reductions();
    Random random = new Random(3);
    int[][] shapes = {
      {1, 1}, {3, 7}, {2, 8}, {150, 10}, {4, 17}, {5, 33}, {2, 100}, {300, 129}, {1, 40000}
    };
    for (int[] shape : shapes) {
      int rows = shape[0];
      int cols = shape[1];
      // Large magnitudes: a naive exp would overflow.
      float[] x = TestData.floats(random, OFF + rows * cols, 80f, false);
      x[OFF] = 1000f;
      float[] soft = new float[OFF + rows * cols];
      float[] logSoft = new float[OFF + rows * cols];
      r.softmaxRows(x, OFF, soft, OFF, rows, cols);
      r.logSoftmaxRows(x, OFF, logSoft, OFF, rows, cols);
      for (int i = 0; i < rows; i++) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
          m = Math.max(m, x[OFF + i * cols + j]);
        }
        double s = 0;
        for (int j = 0; j < cols; j++) {
          s += Math.exp(x[OFF + i * cols + j] - m);
        }
        for (int j = 0; j < cols; j++) {
          int at = OFF + i * cols + j;
          double expected = Math.exp(x[at] - m) / s;
          double expectedLog = x[at] - m - Math.log(s);
          // x - max is rounded to float, a relative error of up to |x - max| * 2^-24 in exp.
          double tol = expected * (1e-6 + 1e-7 * Math.abs(x[at] - m)) + 1e-30;
          assertClose(expected, soft[at], tol, "softmax " + rows + "x" + cols);
          assertClose(
              expectedLog,
              logSoft[at],
              2e-6 * Math.abs(expectedLog) + 1e-5,
              "log_softmax " + rows + "x" + cols);
        }
      }
      double[] xd = TestData.doubles(random, rows * cols, 700, false);
      double[] softD = new double[rows * cols];
      double[] logD = new double[rows * cols];
      r.softmaxRows(xd, 0, softD, 0, rows, cols);
      r.logSoftmaxRows(xd, 0, logD, 0, rows, cols);
      for (int i = 0; i < rows; i++) {
        double total = 0;
        for (int j = 0; j < cols; j++) {
          total += softD[i * cols + j];
          if (softD[i * cols + j] < 1e-290) {
            continue; // log of an underflowed probability says nothing
          }
          assertClose(
              Math.log(softD[i * cols + j]),
              logD[i * cols + j],
              1e-12 * Math.abs(logD[i * cols + j]) + 1e-12,
              "log_softmax double");
        }
        assertClose(1.0, total, 1e-12, "softmax double row sum");
      }
    }
    // softmax in place, and a row holding -inf.
    float[] y = {0f, Float.NEGATIVE_INFINITY, 0f};
    r.softmaxRows(y, 0, y, 0, 1, 3);
    assertEquals(0.5f, y[0]);
    assertEquals(0f, y[1]);
    assertTrue(y[2] == 0.5f);
  }

  @ParameterizedTest
  @MethodSource("providers")
  void softmaxRowsOfSpecialValuesAreThoseOfPyTorch(KernelProvider provider) {
    Reductions r = provider.reductions();
    float inf = Float.POSITIVE_INFINITY;
    float nan = Float.NaN;
    // x = torch.tensor([[inf, 1.], [-inf, -inf], [-inf, 1.], [nan, 1.]]): torch.softmax(x, 1)
    // and torch.log_softmax(x, 1).
    float[] x = {inf, 1, -inf, -inf, -inf, 1, nan, 1};
    float[] soft = {nan, nan, nan, nan, 0, 1, nan, nan};
    float[] logSoft = {nan, nan, nan, nan, -inf, 0, nan, nan};
    float[] out = new float[x.length];
    r.softmaxRows(x, 0, out, 0, 4, 2);
    assertArrayEquals(soft, out);
    r.logSoftmaxRows(x, 0, out, 0, 4, 2);
    assertArrayEquals(logSoft, out);
  }

  @ParameterizedTest
  @MethodSource("providers")
  void logSumExpRowsMatchDoubleReference(KernelProvider provider) {
    Reductions r = provider.reductions();
    Random random = new Random(4);
    int[][] shapes = {{1, 1}, {3, 7}, {2, 8}, {150, 10}, {4, 17}, {5, 33}, {300, 129}, {1, 40000}};
    for (int[] shape : shapes) {
      int rows = shape[0];
      int cols = shape[1];
      float[] x = TestData.floats(random, OFF + rows * cols, 80f, false);
      x[OFF] = 1000f; // a naive sum of exps would overflow
      float[] out = new float[OFF + rows + 1];
      out[OFF + rows] = 7f;
      r.logSumExpRows(x, OFF, out, OFF, rows, cols);
      for (int i = 0; i < rows; i++) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
          m = Math.max(m, x[OFF + i * cols + j]);
        }
        double s = 0;
        for (int j = 0; j < cols; j++) {
          s += Math.exp(x[OFF + i * cols + j] - m);
        }
        double expected = m + Math.log(s);
        assertClose(
            expected,
            out[OFF + i],
            1e-6 * Math.abs(expected) + 1e-6,
            "logsumexp " + rows + "x" + cols);
      }
      assertEquals(7f, out[OFF + rows], "written past the rows");
    }
    // torch.logsumexp(torch.tensor([[inf, 1.], [-inf, -inf], [-inf, 1.], [nan, 1.], [-inf, inf],
    // [0.5, -1.25]]), 1), the last 2.0 from math: 0.5 + log(1 + e^-1.75).
    float inf = Float.POSITIVE_INFINITY;
    float[] x = {inf, 1, -inf, -inf, -inf, 1, Float.NaN, 1, -inf, inf, 0.5f, -1.25f};
    float[] out = new float[6];
    r.logSumExpRows(x, 0, out, 0, 6, 2);
    assertArrayEquals(
        new float[] {inf, -inf, 1, Float.NaN, inf, (float) (0.5 + Math.log1p(Math.exp(-1.75)))},
        out);
  }

  private static int[] sizesWithLarge() {
    int[] sizes = java.util.Arrays.copyOf(TestData.SIZES, TestData.SIZES.length + 2);
    sizes[sizes.length - 2] = 4096 * 3 + 37; // several sum blocks plus a tail
    sizes[sizes.length - 1] = 100_003;
    return sizes;
  }

  private static void assertClose(double expected, double actual, double tol, String what) {
    if (!(Math.abs(expected - actual) <= tol)) {
      throw new AssertionError(what + ": expected " + expected + " but got " + actual);
    }
  }
}
