package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row copies behind {@code cat} and {@code copy_} into row slices, and the typed loops behind
 * {@code index_select} and its gradient, against references computed element by element from the
 * definitions: every dim, every dtype, non-contiguous inputs, negative and repeated indices.
 */
class CopyAndGatherPathsTest {
  private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};
  private final Random random = new Random(5);

  private Tensor random(DType t, int... shape) {
    double[] v = new double[Shapes.numel(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] =
          t == DType.BOOL
              ? random.nextInt(2)
              : random.nextInt(100) - 50 + (t.isFloatingPoint() ? 0.25 : 0);
    }
    return Creation.fromDoubles(v, shape, t);
  }

  /** Element (i, j, k) of a 3-D tensor of {@code shape} given row-major values. */
  private static double at(double[] v, int[] shape, int i, int j, int k) {
    return v[(i * shape[1] + j) * shape[2] + k];
  }

  @Test
  void catAlongEveryDimMatchesTheDefinition() {
    for (DType t : DTYPES) {
      for (int d = 0; d < 3; d++) {
        int[] sa = {2, 3, 4};
        int[] sb = sa.clone();
        sb[d] = 5;
        Tensor a = random(t, sa);
        // b non-contiguous: a transposed copy, transposed back to sb.
        int[] sbT = {sb[0], sb[2], sb[1]};
        Tensor b = random(t, sbT).transpose(1, 2);
        Tensor c = Torch.cat(List.of(a, b), d);
        int[] sc = sa.clone();
        sc[d] += 5;
        assertArrayEquals(sc, c.shape);
        assertEquals(t, c.dtype());
        double[] av = a.toDoubleArray();
        double[] bv = b.contiguous().toDoubleArray();
        double[] cv = c.toDoubleArray();
        for (int i = 0; i < sc[0]; i++) {
          for (int j = 0; j < sc[1]; j++) {
            for (int k = 0; k < sc[2]; k++) {
              int[] p = {i, j, k};
              boolean inA = p[d] < sa[d];
              if (!inA) {
                p[d] -= sa[d];
              }
              double want = inA ? at(av, sa, p[0], p[1], p[2]) : at(bv, sb, p[0], p[1], p[2]);
              assertEquals(
                  want, at(cv, sc, i, j, k), 0.0, t + " dim " + d + " at " + i + "," + j + "," + k);
            }
          }
        }
      }
    }
  }

  @Test
  void copyIntoARowSliceWritesOnlyThatSlice() {
    for (DType t : DTYPES) {
      Tensor x = random(t, 3, 6);
      double[] before = x.toDoubleArray();
      Tensor src = random(t, 3, 2);
      x.narrow(1, 3, 2).copy_(src);
      double[] after = x.toDoubleArray();
      double[] s = src.toDoubleArray();
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 6; j++) {
          double want = j >= 3 && j < 5 ? s[i * 2 + j - 3] : before[i * 6 + j];
          assertEquals(want, after[i * 6 + j], 0.0, t + " at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void conversionsBetweenFloatDtypesWidenExactlyAndRoundToNearest() {
    double[] v = {0.1, -1e-40, 3.4e38, 1e39, Double.NaN, -0.0, 1 + 0x1p-30, 1 + 0x1p-24 + 0x1p-50};
    Tensor d = Torch.tensor(v, DType.FLOAT64);
    for (Tensor src : new Tensor[] {d, Torch.stack(List.of(d, d), 1).select(1, 0)}) {
      double[] narrowed = src.to(DType.FLOAT32).toDoubleArray();
      for (int i = 0; i < v.length; i++) {
        assertEquals((double) (float) v[i], narrowed[i], 0.0, "to float32 of " + v[i]);
        assertEquals(
            Double.doubleToLongBits((float) v[i]),
            Double.doubleToLongBits(narrowed[i]),
            "sign of " + v[i]);
      }
      double[] widened = src.to(DType.FLOAT32).to(DType.FLOAT64).toDoubleArray();
      assertArrayEquals(narrowed, widened, 0.0);
    }
  }

  @Test
  void indexSelectAlongEveryDimMatchesTheDefinition() {
    long[] index = {2, -1, 0, 2};
    for (DType t : DTYPES) {
      Tensor x = random(t, 2, 3, 4, 5).select(0, 1); // contiguous, at an offset
      double[] xv = x.toDoubleArray();
      for (int d = 0; d < 3; d++) {
        Tensor y = x.indexSelect(d, Torch.tensor(index));
        int[] sy = x.shape.clone();
        sy[d] = index.length;
        assertArrayEquals(sy, y.shape);
        double[] yv = y.toDoubleArray();
        for (int i = 0; i < sy[0]; i++) {
          for (int j = 0; j < sy[1]; j++) {
            for (int k = 0; k < sy[2]; k++) {
              int[] p = {i, j, k};
              long r = index[p[d]];
              p[d] = (int) (r < 0 ? r + x.shape[d] : r);
              assertEquals(
                  at(xv, x.shape, p[0], p[1], p[2]),
                  at(yv, sy, i, j, k),
                  0.0,
                  t + " dim " + d + " at " + i + "," + j + "," + k);
            }
          }
        }
      }
    }
  }

  @Test
  void indexSelectGradientSumsRepeatedRows() {
    // Rows of 3 (gathered element by element) and of 20 (copied whole).
    for (int width : new int[] {3, 20}) {
      for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
        Tensor x = random(t, 4, width).requiresGrad_();
        Tensor w = Creation.fromDoubles(new double[] {1, 10, 100, 1000}, new int[] {4, 1}, t);
        // Rows 2, 0, 2, 2 selected, weighted 1, 10, 100, 1000: row 2 gets 1101, row 0 gets 10.
        x.indexSelect(0, Torch.tensor(new long[] {2, 0, 2, -2})).mul(w).sum().backward();
        double[] g = x.grad().toDoubleArray();
        double[] rowWeight = {10, 0, 1101, 0};
        for (int i = 0; i < g.length; i++) {
          assertEquals(rowWeight[i / width], g[i], 0.0, t + " width " + width + " at " + i);
        }
      }
    }
  }
}
