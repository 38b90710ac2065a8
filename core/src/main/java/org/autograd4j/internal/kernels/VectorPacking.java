package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** GEMM panel packing on the Vector API, shared by the vector micro-kernels. */
final class VectorPacking {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private VectorPacking() {}

  /**
   * {@link FloatMicroKernel#packTransposedA}: one whole vector per {@code p}, of which the first
   * {@code mr} lanes are that p's values. The other lanes land on the slots of the following p's,
   * which are written after them. Element by element, the loop of {@code mr} copies per p cost the
   * MLP's weight gradients 9-19% of their time (TN:256:784:128 307 -> 280 us, TN:128:256:128 63 ->
   * 51 us, JDK 17, Zen 5). The last p's, whose whole vector would read past {@code a} or write past
   * the panel (where another thread may be packing the next one), go element by element.
   *
   * <pre>{@code
   * VectorPacking.transposedPanel(a, src, lda, kc, 1f, 6, packed, dst);
   * }</pre>
   */
  static void transposedPanel(
      float[] a, int src, int lda, int kc, float alpha, int mr, float[] ap, int dst) {
    int lanes = S.length();
    int vectorEnd = 0;
    if (mr <= lanes && a.length - lanes >= src && kc * mr >= lanes) {
      // The p's whose whole vector stays inside a and inside this panel (lda >= 1, mr >= 1).
      int fitA = (a.length - lanes - src) / lda + 1;
      int fitPanel = (kc * mr - lanes) / mr + 1;
      vectorEnd = Math.min(kc, Math.min(fitA, fitPanel));
    }
    if (alpha == 1f) {
      for (int p = 0; p < vectorEnd; p++) {
        FloatVector.fromArray(S, a, src + p * lda).intoArray(ap, dst + p * mr);
      }
    } else {
      FloatVector va = FloatVector.broadcast(S, alpha);
      for (int p = 0; p < vectorEnd; p++) {
        FloatVector.fromArray(S, a, src + p * lda).mul(va).intoArray(ap, dst + p * mr);
      }
    }
    for (int p = vectorEnd; p < kc; p++) {
      for (int ii = 0; ii < mr; ii++) {
        ap[dst + p * mr + ii] = alpha * a[src + p * lda + ii];
      }
    }
  }

  /**
   * {@link FloatMicroKernel#packRowMajorB}: the {@code nr} (a multiple of the vector length) values
   * of each p copied as whole vectors.
   *
   * <pre>{@code
   * VectorPacking.rowMajorPanel(b, src, ldb, kc, 32, packed, dst);
   * }</pre>
   */
  static void rowMajorPanel(float[] b, int src, int ldb, int kc, int nr, float[] bp, int dst) {
    int lanes = S.length();
    if (nr == 2 * lanes) {
      for (int p = 0; p < kc; p++) {
        int s = src + p * ldb;
        int d = dst + p * nr;
        FloatVector.fromArray(S, b, s).intoArray(bp, d);
        FloatVector.fromArray(S, b, s + lanes).intoArray(bp, d + lanes);
      }
      return;
    }
    for (int p = 0; p < kc; p++) {
      for (int j = 0; j < nr; j += lanes) {
        FloatVector.fromArray(S, b, src + p * ldb + j).intoArray(bp, dst + p * nr + j);
      }
    }
  }
}
