package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Comparisons and {@code where} on their plain-loop fast path ({@link MaskLoops}) give what the
 * general per-element path gives: NaN, signed zeros and equal values, every dtype and layout the
 * fast path takes, and the general path for the rest.
 */
class MaskLoopsTest {
  private static final double[] SPECIAL = {
    Double.NaN, 0.0, -0.0, 1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1, -3
  };
  private final Random random = new Random(11);

  private static Tensor apply(MaskLoops.Comparison op, Tensor a, Tensor b) {
    switch (op) {
      case EQ:
        return a.eq(b);
      case NE:
        return a.ne(b);
      case LT:
        return a.lt(b);
      case LE:
        return a.le(b);
      case GT:
        return a.gt(b);
      default:
        return a.ge(b);
    }
  }

  /** Pairs of every special value with every other, then small integers (many equal pairs). */
  private Tensor[] operands(DType t, int n) {
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      int k = SPECIAL.length;
      a[i] = i < k * k ? SPECIAL[i / k] : random.nextInt(5) - 2;
      b[i] = i < k * k ? SPECIAL[i % k] : random.nextInt(5) - 2;
      if (!t.isFloatingPoint() && (Double.isNaN(a[i]) || Double.isInfinite(a[i]))) {
        a[i] = i % 7;
      }
      if (!t.isFloatingPoint() && (Double.isNaN(b[i]) || Double.isInfinite(b[i]))) {
        b[i] = i % 5;
      }
    }
    return new Tensor[] {
      Creation.fromDoubles(a, new int[] {n}, t), Creation.fromDoubles(b, new int[] {n}, t)
    };
  }

  private static void assertSameMask(Tensor expected, Tensor actual, String what) {
    assertEquals(DType.BOOL, actual.dtype(), what);
    assertArrayEquals(expected.shape, actual.shape, what);
    assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 0.0, what);
  }

  @Test
  void eachComparisonMeansWhatItSays() {
    // 1 vs 2, 2 vs 2, NaN vs 1, -0 vs +0: the IEEE answers, on both paths.
    double[] a = {1, 2, Double.NaN, -0.0};
    double[] b = {2, 2, 1, 0.0};
    double[][] want = {
      {0, 1, 0, 1}, // EQ
      {1, 0, 1, 0}, // NE
      {1, 0, 0, 0}, // LT
      {1, 1, 0, 1}, // LE
      {0, 0, 0, 0}, // GT
      {0, 1, 0, 1} // GE
    };
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      Tensor x = Torch.tensor(a, t);
      Tensor y = Torch.tensor(b, t);
      for (MaskLoops.Comparison op : MaskLoops.Comparison.values()) {
        double[] w = want[op.ordinal()];
        assertArrayEquals(w, apply(op, x, y).toDoubleArray(), 0.0, op + " " + t);
        Tensor strided = Torch.stack(List.of(x, x), 1).select(1, 0); // the general path
        assertArrayEquals(w, apply(op, strided, y).toDoubleArray(), 0.0, op + " " + t + " strided");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(MaskLoops.Comparison.class)
  void comparisonsOfTwoDenseTensorsMatchTheGeneralPath(MaskLoops.Comparison op) {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
      for (int n : new int[] {1, 17, 64, 1000}) {
        Tensor[] ab = operands(t, n);
        assertNotNull(MaskLoops.compare(op, ab[0], ab[1]), "the fast path should apply");
        Tensor expected = Kernels.zip(ab[0], ab[1], DType.BOOL, Elementwise.comparator(op), null);
        assertSameMask(expected, apply(op, ab[0], ab[1]), op + " " + t + " n=" + n);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(MaskLoops.Comparison.class)
  void comparisonsWithAScalarMatchTheGeneralPath(MaskLoops.Comparison op) {
    // 0.1 is not a float32: a float32 x holding (float) 0.1 compares as the general path does.
    double[] scalars = {0.1, (float) 0.1, 0.0, -0.0, 1.0, Double.NaN, Double.POSITIVE_INFINITY};
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      Tensor x = operands(t, 100)[0].add(Torch.tensor(new double[] {(float) 0.1}, t).expand(100));
      for (double s : scalars) {
        Tensor b = Promotion.wrapScalar(x, s, false);
        Tensor expected = Kernels.zip(x, b, DType.BOOL, Elementwise.comparator(op), null);
        assertSameMask(expected, apply(op, x, b), op + " " + t + " scalar " + s);
      }
    }
  }

  @Test
  void otherLayoutsTakeTheGeneralPathAndStillBroadcast() {
    Tensor a = Torch.tensor(new double[][] {{1, 5}, {3, 2}});
    Tensor row = Torch.tensor(new double[] {2, 2});
    assertNull(MaskLoops.compare(MaskLoops.Comparison.GT, a.t(), row));
    assertNull(MaskLoops.compare(MaskLoops.Comparison.GT, row, a));
    assertNull(MaskLoops.compare(MaskLoops.Comparison.GT, a, a.to(DType.FLOAT64)));
    // a.t() is [[1, 3], [5, 2]]; a row broadcast against a matrix is [2, 2] in each row.
    assertArrayEquals(new double[] {0, 1, 1, 0}, a.t().gt(row).toDoubleArray(), 0.0);
    assertArrayEquals(new double[] {1, 0, 0, 0}, row.gt(a).toDoubleArray(), 0.0);
  }

  @Test
  void whereKeepsTheExactBitsOfThePickedValues() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      int n = 1000;
      double[] xv = new double[n];
      double[] yv = new double[n];
      boolean[] cv = new boolean[n];
      for (int i = 0; i < n; i++) {
        xv[i] = i < SPECIAL.length ? SPECIAL[i] : random.nextGaussian();
        yv[i] = i < SPECIAL.length ? -SPECIAL[i] : random.nextGaussian();
        cv[i] = random.nextBoolean();
      }
      Tensor x = Creation.fromDoubles(xv, new int[] {n}, t);
      Tensor y = Creation.fromDoubles(yv, new int[] {n}, t);
      Tensor cond = Torch.tensor(cv);
      assertNotNull(MaskLoops.where(cond, x, y, t), "the fast path should apply");
      double[] got = Torch.where(cond, x, y).toDoubleArray();
      for (int i = 0; i < n; i++) {
        double want = cv[i] ? x.toDoubleArray()[i] : y.toDoubleArray()[i];
        assertEquals(
            Double.doubleToLongBits(want), Double.doubleToLongBits(got[i]), t + " at " + i);
      }
    }
  }

  @Test
  void whereWithBroadcastOperandsTakesTheGeneralPath() {
    Tensor cond = Torch.tensor(new boolean[] {true, false, true});
    Tensor x = Torch.tensor(new double[] {1, 2, 3});
    Tensor zero = Torch.tensor(0.0);
    assertNull(MaskLoops.where(cond, x, zero, DType.FLOAT32));
    assertArrayEquals(new double[] {1, 0, 3}, Torch.where(cond, x, zero).toDoubleArray(), 0.0);
  }
}
