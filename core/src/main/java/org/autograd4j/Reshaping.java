package org.autograd4j;

import org.autograd4j.autograd.Op;

/** flatten/unflatten, repeat, flip, tril/triu, with their derivatives. */
final class Reshaping {
  private Reshaping() {}

  static Tensor flatten(Tensor x, int start, int end) {
    if (x.dim() == 0) {
      return x.reshape(1);
    }
    int s = Shapes.wrapDim(start, x.dim());
    int e = Shapes.wrapDim(end, x.dim());
    if (s > e) {
      throw new IllegalArgumentException(
          "flatten() has invalid args: start_dim cannot come after end_dim");
    }
    if (s == e) {
      return x;
    }
    int[] shape = new int[x.dim() - (e - s)];
    int k = 0;
    for (int d = 0; d < s; d++) {
      shape[k++] = x.shape[d];
    }
    int m = 1;
    for (int d = s; d <= e; d++) {
      m *= x.shape[d];
    }
    shape[k++] = m;
    for (int d = e + 1; d < x.dim(); d++) {
      shape[k++] = x.shape[d];
    }
    return x.reshape(shape);
  }

  static Tensor unflatten(Tensor x, int dim, int[] sizes) {
    int d = Shapes.wrapDim(dim, x.dim());
    int[] inner;
    try {
      inner = Views.inferShape(sizes, x.shape[d]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unflatten: Provided sizes "
              + Shapes.str(sizes)
              + " don't multiply up to the size of dim "
              + d
              + " ("
              + x.shape[d]
              + ") in the input tensor");
    }
    int[] shape = new int[x.dim() - 1 + inner.length];
    int k = 0;
    for (int a = 0; a < d; a++) {
      shape[k++] = x.shape[a];
    }
    for (int s : inner) {
      shape[k++] = s;
    }
    for (int a = d + 1; a < x.dim(); a++) {
      shape[k++] = x.shape[a];
    }
    return x.view(shape);
  }

  /** {@code x.repeat(reps)}: tiles x; reps may add leading dims. */
  static Tensor repeat(Tensor x, int[] reps) {
    if (reps.length < x.dim()) {
      throw new IllegalArgumentException(
          "Number of dimensions of repeat dims can not be smaller than number of dimensions of"
              + " tensor");
    }
    int lead = reps.length - x.dim();
    int[] padded = new int[reps.length];
    int[] outShape = new int[reps.length];
    // View x as [1, s0, 1, s1, ...], expand to [r0, s0, r1, s1, ...], then merge pairs.
    int[] interleaved = new int[2 * reps.length];
    int[] expanded = new int[2 * reps.length];
    for (int i = 0; i < reps.length; i++) {
      padded[i] = i < lead ? 1 : x.shape[i - lead];
      outShape[i] = padded[i] * reps[i];
      interleaved[2 * i] = 1;
      interleaved[2 * i + 1] = padded[i];
      expanded[2 * i] = reps[i];
      expanded[2 * i + 1] = padded[i];
    }
    Tensor tiled = x.detach().reshape(interleaved).expand(expanded);
    Tensor out = new Tensor(Strided.copyContiguous(tiled, x.dtype()).storage, outShape);
    int[] inShape = x.shape.clone();
    return Op.record(
        "RepeatBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          int[] sumDims = new int[reps.length];
          for (int i = 0; i < reps.length; i++) {
            sumDims[i] = 2 * i;
          }
          Tensor r = g[0].reshape(expanded).sum(sumDims, false);
          return new Tensor[] {r.reshape(inShape)};
        });
  }

  static Tensor flip(Tensor x, int[] dims) {
    boolean[] flipped = Reductions.reducedMask(dims, x.dim());
    int offset = x.offset;
    int[] strides = x.strides.clone();
    for (int d = 0; d < x.dim(); d++) {
      if (flipped[d] && x.shape[d] > 0) {
        offset += (x.shape[d] - 1) * strides[d];
        strides[d] = -strides[d];
      }
    }
    Tensor out =
        Strided.copyContiguous(Views.makeView(x, offset, x.shape.clone(), strides), x.dtype());
    int[] ds = dims.clone();
    return Op.record(
        "FlipBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].flip(ds)});
  }

  /** Lower (tril) or upper (triu) triangle of the last two dims, relative to {@code diagonal}. */
  static Tensor triangle(Tensor x, int diagonal, boolean lower) {
    Shapes.wrapDim(-2, x.dim()); // PyTorch's error for fewer than 2 dims: dim -2 out of range
    int rows = x.shape[x.dim() - 2];
    int cols = x.shape[x.dim() - 1];
    Tensor keep = Creation.full(new int[] {rows, cols}, 0, DType.BOOL);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        boolean in = lower ? j - i <= diagonal : j - i >= diagonal;
        keep.storage.setLong(i * cols + j, in ? 1 : 0);
      }
    }
    Tensor out;
    try (var g = org.autograd4j.autograd.GradMode.scope(false)) {
      out = Torch.where(keep, x, Torch.zeros(new int[0], x.dtype()));
    }
    return Op.record(
        lower ? "TrilBackward0" : "TriuBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {lower ? g[0].tril(diagonal) : g[0].triu(diagonal)});
  }
}
