package org.autograd4j;

import org.autograd4j.autograd.Op;

/** max/min (full and along a dim), amax/amin, argmax/argmin, with their derivatives. */
final class Extrema {
  private Extrema() {}

  /** Whether {@code a} beats {@code b}; NaN beats everything, as in PyTorch. */
  private static boolean beats(double a, double b, boolean max) {
    if (Double.isNaN(a)) {
      return !Double.isNaN(b);
    }
    return !Double.isNaN(b) && (max ? a > b : a < b);
  }

  /** Index (within the row) of the first winner. */
  private static int winner(double[] data, int from, int n, boolean max) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (beats(data[from + i], data[from + best], max)) {
        best = i;
      }
    }
    return best;
  }

  private static void checkNonEmpty(String op, Tensor x) {
    if (x.numel() == 0) {
      throw new IllegalArgumentException(
          op
              + "(): Expected reduction dim to be specified for input.numel() == 0. Specify the"
              + " reduction dim with the 'dim' argument.");
    }
  }

  private static void checkDimNonEmpty(String op, Tensor x, boolean[] reduced) {
    for (int d = 0; d < reduced.length; d++) {
      if (reduced[d] && x.shape[d] == 0) {
        throw new IndexOutOfBoundsException(
            op + "(): Expected reduction dim " + d + " to have non-zero size.");
      }
    }
  }

  /** {@code x.max()} / {@code x.min()}: ties share the gradient evenly (MaxBackward1). */
  static Tensor extremum(Tensor x, boolean max) {
    String op = max ? "max" : "min";
    checkNonEmpty(op, x);
    boolean[] all = Reductions.allDims(x.dim());
    Tensor out =
        RowKernels.reduce(
            x, all, false, x.dtype(), (d, from, n) -> d[from + winner(d, from, n, max)]);
    return amaxRecord(max ? "MaxBackward1" : "MinBackward1", x, out, all, false);
  }

  /** {@code x.amax(dims, keepdim)}: ties share the gradient evenly. */
  static Tensor amax(Tensor x, int[] dims, boolean keepdim, boolean max) {
    boolean[] reduced =
        dims.length == 0 ? Reductions.allDims(x.dim()) : Reductions.reducedMask(dims, x.dim());
    checkDimNonEmpty(max ? "amax" : "amin", x, reduced);
    Tensor out =
        RowKernels.reduce(
            x, reduced, keepdim, x.dtype(), (d, from, n) -> d[from + winner(d, from, n, max)]);
    return amaxRecord(max ? "AmaxBackward0" : "AminBackward0", x, out, reduced, keepdim);
  }

  private static Tensor amaxRecord(
      String name, Tensor x, Tensor out, boolean[] reduced, boolean keepdim) {
    if (!Op.needsGrad(x)) {
      return out;
    }
    Tensor expanded = Reductions.unsqueezeReduced(out, reduced, keepdim);
    Tensor mask = x.detach().eq(expanded).to(x.dtype());
    Tensor share = mask.div(mask.sum(dimsOf(reduced), true));
    return Op.record(
        name,
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {Reductions.unsqueezeReduced(g[0], reduced, keepdim).mul(share)});
  }

  private static int[] dimsOf(boolean[] reduced) {
    int k = 0;
    int[] dims = new int[reduced.length];
    for (int d = 0; d < reduced.length; d++) {
      if (reduced[d]) {
        dims[k++] = d;
      }
    }
    return java.util.Arrays.copyOf(dims, k);
  }

  /** {@code x.max(dim, keepdim)}: values and the first index of each; MaxBackward0. */
  static ValuesIndices extremumDim(Tensor x, int dim, boolean keepdim, boolean max) {
    int d = Shapes.wrapDim(dim, x.dim());
    boolean[] reduced = Reductions.reducedMask(new int[] {d}, x.dim());
    checkDimNonEmpty(max ? "max" : "min", x, reduced);
    Tensor indices =
        RowKernels.reduce(
            x, reduced, keepdim, DType.INT64, (v, from, n) -> winner(v, from, n, max));
    Tensor values =
        RowKernels.reduce(
            x, reduced, keepdim, x.dtype(), (v, from, n) -> v[from + winner(v, from, n, max)]);
    int[] shape = x.shape.clone();
    Tensor idx = x.dim() == 0 ? indices : Reductions.unsqueezeReduced(indices, reduced, keepdim);
    Op.record(
        max ? "MaxBackward0" : "MinBackward0",
        new Tensor[] {values, indices},
        new Tensor[] {x},
        (ctx, g) -> {
          if (shape.length == 0) {
            return new Tensor[] {g[0]};
          }
          Tensor gk = Reductions.unsqueezeReduced(g[0], reduced, keepdim);
          return new Tensor[] {Torch.zeros(shape, gk.dtype()).scatter(d, idx, gk)};
        });
    return new ValuesIndices(values, indices);
  }

  /** {@code x.argmax()} over the flattened tensor. */
  static Tensor argExtremum(Tensor x, boolean max) {
    if (x.numel() == 0) {
      throw new IndexOutOfBoundsException(
          (max ? "argmax" : "argmin")
              + "(): Expected reduction dim to be specified for input.numel() == 0.");
    }
    return RowKernels.reduce(
        x,
        Reductions.allDims(x.dim()),
        false,
        DType.INT64,
        (v, from, n) -> winner(v, from, n, max));
  }

  /** {@code x.argmax(dim, keepdim)}. */
  static Tensor argExtremum(Tensor x, int dim, boolean keepdim, boolean max) {
    int d = Shapes.wrapDim(dim, x.dim());
    boolean[] reduced = Reductions.reducedMask(new int[] {d}, x.dim());
    checkDimNonEmpty(max ? "argmax" : "argmin", x, reduced);
    return RowKernels.reduce(
        x, reduced, keepdim, DType.INT64, (v, from, n) -> winner(v, from, n, max));
  }
}
