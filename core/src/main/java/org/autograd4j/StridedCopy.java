package org.autograd4j;

import java.util.Arrays;
import org.autograd4j.internal.Storage;

/**
 * Same-dtype float copies of non-contiguous layouts into row-major order, without an index map.
 *
 * <p>The layout is first coalesced as PyTorch's TensorIterator does: size-1 dims dropped, and
 * neighbouring dims merged where the outer one steps over exactly the inner one's extent, so that
 * {@code x.view(16, 16, 784).permute(2, 0, 1)} copies as the 784 x 256 transpose it is, in inner
 * runs of 256 elements rather than 16 (the ops workload's permute_contiguous then takes what
 * t_contiguous takes). Then an odometer walks the outer dims, and a loop, or one array copy when
 * dense, the innermost. Copying a transpose in square tiles instead measured no faster here (tiles
 * of 16, 32 and 64 against none, throwaway Sw).
 *
 * <pre>{@code
 * StridedCopy.copy(x.t(), out, 0, x.numel()); // out holds x transposed, row-major
 * }</pre>
 */
final class StridedCopy {
  private StridedCopy() {}

  /**
   * Copies {@code t}'s n elements in row-major order into {@code dst} at {@code dstOffset}; t and
   * dst are both float32 or both float64.
   */
  static void copy(Tensor t, Storage dst, int dstOffset, int n) {
    int[][] layout = coalesce(t.shape, t.strides);
    odometer(t.storage, t.offset, layout[0], layout[1], dst, dstOffset, n);
  }

  /**
   * {@code {shape, strides}} of the same elements in the same order with size-1 dims dropped and
   * mergeable neighbours merged; at least one dim.
   */
  static int[][] coalesce(int[] shape, int[] strides) {
    int[] s = new int[shape.length];
    int[] st = new int[shape.length];
    int rank = 0;
    for (int d = 0; d < shape.length; d++) {
      if (shape[d] == 1) {
        continue;
      }
      if (rank > 0 && st[rank - 1] == strides[d] * shape[d]) {
        s[rank - 1] *= shape[d];
        st[rank - 1] = strides[d];
      } else {
        s[rank] = shape[d];
        st[rank] = strides[d];
        rank++;
      }
    }
    if (rank == 0) {
      return new int[][] {{1}, {1}};
    }
    return new int[][] {Arrays.copyOf(s, rank), Arrays.copyOf(st, rank)};
  }

  /** An odometer over the outer dims, a loop or one array copy over the innermost. */
  private static void odometer(
      Storage src, int pos, int[] shape, int[] strides, Storage dst, int o, int n) {
    int rank = shape.length;
    int inner = shape[rank - 1];
    int step = strides[rank - 1];
    int outer = n / inner;
    int[] idx = new int[rank];
    boolean isFloat = dst.dtype() == DType.FLOAT32;
    float[] sf = isFloat ? src.floats() : null;
    float[] df = isFloat ? dst.floats() : null;
    double[] sd = isFloat ? null : src.doubles();
    double[] dd = isFloat ? null : dst.doubles();
    for (int r = 0; r < outer; r++) {
      if (isFloat) {
        if (step == 1) {
          System.arraycopy(sf, pos, df, o, inner);
        } else {
          for (int j = 0, p = pos; j < inner; j++, p += step) {
            df[o + j] = sf[p];
          }
        }
      } else if (step == 1) {
        System.arraycopy(sd, pos, dd, o, inner);
      } else {
        for (int j = 0, p = pos; j < inner; j++, p += step) {
          dd[o + j] = sd[p];
        }
      }
      o += inner;
      for (int d = rank - 2; d >= 0; d--) {
        idx[d]++;
        pos += strides[d];
        if (idx[d] < shape[d]) {
          break;
        }
        pos -= strides[d] * shape[d];
        idx[d] = 0;
      }
    }
  }
}
