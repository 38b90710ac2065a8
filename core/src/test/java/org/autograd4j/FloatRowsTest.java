package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatRows}' in-place norm and cumsum against the general path, which the same values laid
 * out non-contiguously take: cumsum exactly (the same running double sums), the norm to within the
 * rounding of a differently ordered double sum.
 */
class FloatRowsTest {
  private final Random random = new Random(13);

  private Tensor values(DType t, int rows, int cols) {
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      // Mixed magnitudes, so that a float running sum and a double one would differ.
      v[i] = random.nextGaussian() * (i % 3 == 0 ? 1e4 : 1e-3);
    }
    return Creation.fromDoubles(v, new int[] {rows, cols}, t);
  }

  private static Tensor strided(Tensor x) {
    return x.t().contiguous().t(); // the same values, not contiguous: the general path
  }

  @Test
  void cumsumAlongTheLastDimMatchesTheGeneralPathExactly() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (int cols : new int[] {1, 7, 300}) {
        Tensor x = values(t, 5, cols);
        Tensor fast = x.cumsum(1);
        Tensor general = strided(x).cumsum(1);
        assertEquals(t, fast.dtype());
        assertArrayEquals(general.shape, fast.shape);
        assertArrayEquals(general.toDoubleArray(), fast.toDoubleArray(), 0.0, t + " cols " + cols);
        Tensor lastRow = x.narrow(0, 4, 1); // contiguous at an offset
        assertArrayEquals(
            strided(x).narrow(0, 4, 1).cumsum(1).toDoubleArray(),
            lastRow.cumsum(1).toDoubleArray(),
            0.0,
            t + " at an offset");
      }
    }
  }

  @Test
  void normOfTheWholeTensorMatchesTheGeneralPath() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (int cols : new int[] {1, 3, 4, 5, 1001}) {
        Tensor x = values(t, 3, cols);
        double fast = x.norm().item();
        double general = strided(x).norm().item();
        // Float32: the same float once rounded, at most one ulp apart. Float64: two orders of
        // summing 3000 squares of mixed magnitudes agree to about 1e-15 relative.
        double tolerance = t == DType.FLOAT32 ? Math.ulp((float) general) : 1e-14 * general;
        assertEquals(general, fast, tolerance, t + " cols " + cols);
      }
      Tensor x = values(t, 2, 3);
      assertArrayEquals(new int[] {1, 1}, x.norm(2, new int[] {0, 1}, true).shape);
    }
  }

  @Test
  void varAndStdOfFloat32MatchTheGeneralPath() {
    for (int cols : new int[] {1, 2, 7, 8, 9, 17, 300, 1001}) {
      Tensor x = values(DType.FLOAT32, 3, cols);
      for (double correction : new double[] {0, 1, 2.5}) {
        for (boolean keepdim : new boolean[] {false, true}) {
          for (boolean std : new boolean[] {false, true}) {
            for (int[] dims : new int[][] {{}, {1}, {0, 1}}) {
              Tensor fast =
                  std ? x.std(dims, correction, keepdim) : x.var(dims, correction, keepdim);
              Tensor general =
                  std
                      ? strided(x).std(dims, correction, keepdim)
                      : strided(x).var(dims, correction, keepdim);
              String what = (std ? "std" : "var") + " cols " + cols + " correction " + correction;
              assertEquals(DType.FLOAT32, fast.dtype(), what);
              assertArrayEquals(general.shape, fast.shape, what);
              double[] g = general.toDoubleArray();
              double[] f = fast.toDoubleArray();
              for (int i = 0; i < g.length; i++) {
                // The same float once rounded, but for a double sum within an ulp of halfway;
                // below one degree of freedom both are inf or NaN.
                double tolerance = Double.isFinite(g[i]) ? Math.ulp((float) g[i]) : 0;
                assertEquals(g[i], f[i], tolerance, what);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void varOfAKnownTensor() {
    Tensor x = Torch.tensor(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, DType.FLOAT32);
    assertEquals(55.0 / 6, x.var().item(), 1e-6); // sum of (i - 5.5)^2 = 82.5, over 9
    assertEquals(8.25, x.var(new int[] {0}, 0, false).item(), 1e-6);
    Tensor rows = x.reshape(2, 5); // rows 1..5 and 6..10, each of variance 2.5
    assertArrayEquals(
        new double[] {2.5, 2.5}, rows.var(new int[] {1}, 1, false).toDoubleArray(), 1e-6);
    assertEquals(Math.sqrt(2.5), rows.narrow(0, 1, 1).std().item(), 1e-6); // at an offset
  }

  @Test
  void normKeepsItsGradient() {
    Tensor x = Torch.tensor(new double[] {3, -4}, DType.FLOAT64).requiresGrad_();
    x.norm().backward();
    assertArrayEquals(new double[] {0.6, -0.8}, x.grad().toDoubleArray(), 1e-15);
  }
}
