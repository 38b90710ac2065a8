package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * max/min/argmax/argmin along the last dim of a contiguous float tensor scan the rows where they
 * lie; the same values laid out non-contiguously take the general path. Both must agree, with ties
 * (the first winner), NaNs (the first NaN wins) and infinities, for every dtype and keepdim.
 */
class ExtremaPathsTest {
  private final Random random = new Random(9);

  /** Rows of small integers (many ties), some with NaN or infinities, in dtype {@code t}. */
  private Tensor rows(DType t, int rows, int cols) {
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextInt(7) - 3;
    }
    v[5] = Double.NaN; // row 0, not first
    v[cols] = Double.NaN; // row 1, first
    v[cols + 3] = Double.NaN; // and again later
    v[2 * cols + 2] = Double.POSITIVE_INFINITY;
    v[3 * cols + 4] = Double.NEGATIVE_INFINITY;
    return Creation.fromDoubles(v, new int[] {rows, cols}, t);
  }

  @Test
  void lastDimExtremaMatchTheGeneralPath() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      Tensor x = rows(t, 40, 33);
      Tensor strided = x.t().contiguous().t(); // same values, not contiguous
      for (boolean keepdim : new boolean[] {false, true}) {
        for (boolean max : new boolean[] {true, false}) {
          String what = t + (max ? " max" : " min") + " keepdim " + keepdim;
          ValuesIndices fast = max ? x.max(1, keepdim) : x.min(1, keepdim);
          ValuesIndices general = max ? strided.max(1, keepdim) : strided.min(1, keepdim);
          assertArrayEquals(general.indices().shape, fast.indices().shape, what);
          assertArrayEquals(general.indices().toLongArray(), fast.indices().toLongArray(), what);
          assertArrayEquals(
              general.values().toDoubleArray(), fast.values().toDoubleArray(), 0.0, what);
          assertEquals(t, fast.values().dtype(), what);
          Tensor arg = max ? x.argmax(1, keepdim) : x.argmin(1, keepdim);
          Tensor argGeneral = max ? strided.argmax(1, keepdim) : strided.argmin(1, keepdim);
          assertArrayEquals(argGeneral.shape, arg.shape, what);
          assertArrayEquals(argGeneral.toLongArray(), arg.toLongArray(), what);
        }
      }
      // The NaN rules, checked directly: row 0's NaN at 5, row 1's first NaN at 0.
      long[] argmax = x.argmax(1, false).toLongArray();
      assertEquals(5, argmax[0]);
      assertEquals(0, argmax[1]);
      assertEquals(2, argmax[2]);
      assertEquals(4, x.argmin(1, false).toLongArray()[3]);
    }
  }

  @Test
  void maxAlongTheLastDimStillRoutesItsGradientToTheWinner() {
    Tensor x = Torch.tensor(new double[][] {{1, 5, 5}, {7, 2, 3}}, DType.FLOAT64).requiresGrad_();
    x.max(1, false).values().sum().backward();
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, x.grad().toDoubleArray(), 0.0);
  }
}
