package org.autograd4j;

import org.autograd4j.autograd.Op;

/**
 * embedding: rows of a weight matrix picked by int64 indices ({@code EmbeddingBackward0}); the
 * backward adds gradient rows back into a zero matrix, skipping {@code padding_idx}, and that
 * accumulation's backward picks rows again, so double backward works. Reached through {@link
 * NnOps}.
 */
final class NnEmbeddingOps {
  private NnEmbeddingOps() {}

  private static Tensor checkedIndices(Tensor indices, int rows) {
    if (indices.dtype() != DType.INT64) {
      throw new IllegalArgumentException(
          "Expected tensor for argument #1 'indices' to have one of the following scalar types:"
              + " Long, Int; but got "
              + indices.dtype().name().toLowerCase()
              + " instead (while checking arguments for embedding)");
    }
    Tensor ic = indices.contiguousData();
    for (int i = 0; i < ic.numel(); i++) {
      long v = ic.storage.getLong(ic.offset + i);
      if (v < 0 || v >= rows) {
        throw new IndexOutOfBoundsException("index out of range in self");
      }
    }
    return ic;
  }

  /** {@code weight[indices]}: shape {@code indices.shape + (D)}. */
  static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx) {
    int rows = weight.shape[0];
    int d = weight.shape[1];
    Tensor ic = checkedIndices(indices, rows);
    int[] shape = java.util.Arrays.copyOf(indices.shape, indices.dim() + 1);
    shape[indices.dim()] = d;
    Tensor out = take(weight, ic, shape, -1);
    int[] wShape = weight.shape.clone();
    return Op.record(
        "EmbeddingBackward0",
        out,
        new Tensor[] {weight},
        (ctx, g) -> new Tensor[] {embeddingBackward(g[0], ctx.saved(0), wShape, paddingIdx)},
        ic);
  }

  /** Rows {@code indices} of {@code src} (zero rows where the index is {@code skip}). */
  private static Tensor take(Tensor src, Tensor ic, int[] shape, long skip) {
    Tensor wc = src.contiguousData();
    int d = src.shape[1];
    int n = ic.numel();
    Tensor out = Creation.full(shape, 0, src.dtype());
    for (int i = 0; i < n; i++) {
      long row = ic.storage.getLong(ic.offset + i);
      if (row == skip) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        out.storage.setDouble(i * d + j, wc.storage.getDouble(wc.offset + (int) row * d + j));
      }
    }
    return out;
  }

  /** Adds gradient rows into a zero {@code wShape} matrix at {@code indices}, except padding. */
  static Tensor embeddingBackward(Tensor g, Tensor ic, int[] wShape, long paddingIdx) {
    Tensor gc = g.contiguousData();
    int d = wShape[1];
    int n = ic.numel();
    Tensor out = Creation.full(wShape, 0, g.dtype());
    for (int i = 0; i < n; i++) {
      long row = ic.storage.getLong(ic.offset + i);
      if (row == paddingIdx) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        int t = (int) row * d + j;
        out.storage.setDouble(
            t, out.storage.getDouble(t) + gc.storage.getDouble(gc.offset + i * d + j));
      }
    }
    int[] gShape = g.shape.clone();
    return Op.record(
        "EmbeddingDenseBackwardBackward0",
        out,
        new Tensor[] {g},
        (ctx, gg) -> new Tensor[] {take(gg[0], ctx.saved(0), gShape, paddingIdx)},
        ic);
  }
}
