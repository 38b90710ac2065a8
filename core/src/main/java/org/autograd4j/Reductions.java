package org.autograd4j;

import org.autograd4j.autograd.Op;
import org.autograd4j.internal.Storage;

/** Reductions over all elements or over a list of dims, with their derivatives. */
final class Reductions {
  private Reductions() {}

  /** Integral inputs sum to int64, floats keep their dtype. */
  private static DType sumType(Tensor x) {
    return x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
  }

  static Tensor sum(Tensor x) {
    Tensor out = reduceSum(x, allDims(x.dim()), false, sumType(x));
    int[] shape = x.shape.clone();
    return Op.record(
        "SumBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].expand(shape)});
  }

  static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
    boolean[] reduced = reducedMask(dims, x.dim());
    Tensor out = reduceSum(x, reduced, keepdim, sumType(x));
    int[] shape = x.shape.clone();
    return Op.record(
        "SumBackward1",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {unsqueezeReduced(g[0], reduced, keepdim).expand(shape)});
  }

  static Tensor mean(Tensor x) {
    checkFloating("mean", x);
    int n = x.numel();
    Tensor out = reduceSum(x, allDims(x.dim()), false, x.dtype());
    scaleInPlace(out, 1.0 / n);
    int[] shape = x.shape.clone();
    return Op.record(
        "MeanBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].expand(shape).div((double) n)});
  }

  static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
    checkFloating("mean", x);
    boolean[] reduced = reducedMask(dims, x.dim());
    int count = 1;
    for (int d = 0; d < reduced.length; d++) {
      count *= reduced[d] ? x.shape[d] : 1;
    }
    Tensor out = reduceSum(x, reduced, keepdim, x.dtype());
    scaleInPlace(out, 1.0 / count);
    int[] shape = x.shape.clone();
    double n = count;
    return Op.record(
        "MeanBackward1",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {unsqueezeReduced(g[0], reduced, keepdim).expand(shape).div(n)});
  }

  /** Sums a broadcast-shaped tensor down to {@code shape} (PyTorch's sum_to_size). */
  static Tensor sumToSize(Tensor x, int[] shape) {
    if (Shapes.same(x.shape, shape)) {
      return x;
    }
    int lead = x.dim() - shape.length;
    if (lead < 0) {
      throw new IllegalArgumentException(
          "size {"
              + Shapes.str(shape)
              + "} is not expandable to size {"
              + Shapes.str(x.shape)
              + "}.");
    }
    int[] dims = new int[x.dim()];
    int k = 0;
    for (int d = 0; d < x.dim(); d++) {
      if (d < lead || (shape[d - lead] == 1 && x.shape[d] != 1)) {
        dims[k++] = d;
      } else if (shape[d - lead] != x.shape[d]) {
        throw new IllegalArgumentException(
            "size {"
                + Shapes.str(shape)
                + "} is not expandable to size {"
                + Shapes.str(x.shape)
                + "}.");
      }
    }
    int[] summed = java.util.Arrays.copyOf(dims, k);
    if (!Op.needsGrad(x)) {
      // Unrecorded (the engine reducing a broadcast gradient to a leaf's shape): the same sum,
      // written in the target shape at once, without the keepdim result and its reshaped view.
      Tensor direct =
          ReductionFastPaths.sumDims(x, reducedMask(summed, x.dim()), shape.clone(), sumType(x));
      if (direct != null) {
        return direct;
      }
    }
    Tensor r = x.sum(summed, true);
    return lead == 0 ? r : r.reshape(shape);
  }

  static Tensor any(Tensor x) {
    Tensor s = reduceSum(x.ne(0.0), allDims(x.dim()), false, DType.INT64);
    return Creation.scalarLong(s.itemLong() > 0 ? 1 : 0, DType.BOOL);
  }

  static Tensor all(Tensor x) {
    Tensor s = reduceSum(x.eq(0.0), allDims(x.dim()), false, DType.INT64);
    return Creation.scalarLong(s.itemLong() == 0 ? 1 : 0, DType.BOOL);
  }

  private static void checkFloating(String op, Tensor x) {
    if (!x.dtype().isFloatingPoint()) {
      String name = x.dtype().scalarTypeName();
      throw new IllegalArgumentException(
          op
              + "(): could not infer output dtype. Input dtype must be either a floating point or"
              + " complex dtype. Got: "
              + name);
    }
  }

  private static void scaleInPlace(Tensor t, double factor) {
    for (int i = 0; i < t.storage.size(); i++) {
      t.storage.setDouble(i, t.storage.getDouble(i) * factor);
    }
  }

  static boolean[] allDims(int rank) {
    boolean[] m = new boolean[rank];
    java.util.Arrays.fill(m, true);
    return m;
  }

  static boolean[] reducedMask(int[] dims, int rank) {
    boolean[] m = new boolean[rank];
    for (int d : dims) {
      int w = Shapes.wrapDim(d, rank);
      if (rank > 0 && m[w]) {
        throw new IllegalArgumentException(
            "dim " + w + " appears multiple times in the list of dims");
      }
      if (rank > 0) {
        m[w] = true;
      }
    }
    return m;
  }

  /** Puts back size-1 dims where a reduction without keepdim removed them. */
  static Tensor unsqueezeReduced(Tensor g, boolean[] reduced, boolean keepdim) {
    if (keepdim) {
      return g;
    }
    Tensor r = g;
    for (int d = 0; d < reduced.length; d++) {
      if (reduced[d]) {
        r = r.unsqueeze(d);
      }
    }
    return r;
  }

  /** The reduced shape: reduced dims become 1 (keepdim) or disappear. */
  static int[] reducedShape(int[] shape, boolean[] reduced, boolean keepdim) {
    int k = 0;
    int[] out = new int[shape.length];
    for (int d = 0; d < shape.length; d++) {
      if (!reduced[d]) {
        out[k++] = shape[d];
      } else if (keepdim) {
        out[k++] = 1;
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }

  /** Sums over the masked dims, accumulating in double (in long for int64 results). */
  static Tensor reduceSum(Tensor x, boolean[] reduced, boolean keepdim, DType outType) {
    int[] outShape = reducedShape(x.shape, reduced, keepdim);
    Tensor fast =
        outShape.length == 0
            ? ReductionFastPaths.sumAll(x, outType)
            : ReductionFastPaths.sumDims(x, reduced, outShape, outType);
    if (fast != null) {
      return fast;
    }
    int n = x.numel();
    int outN = Shapes.numel(outShape);
    // Where each input element lands: the output index built from the kept dims only.
    int[] keptShape = new int[x.dim()];
    for (int d = 0; d < x.dim(); d++) {
      keptShape[d] = reduced[d] ? 1 : x.shape[d];
    }
    int[] keptStrides = Shapes.contiguousStrides(keptShape);
    for (int d = 0; d < x.dim(); d++) {
      if (reduced[d]) {
        keptStrides[d] = 0;
      }
    }
    int[] target = Strided.indexMap(x.shape, keptStrides, 0);
    int[] src = Strided.indexMap(x);
    Storage out = Storage.allocate(outType, outN);
    if (outType == DType.INT64) {
      long[] acc = out.longs();
      for (int i = 0; i < n; i++) {
        acc[target[i]] += x.storage.getLong(src == null ? x.offset + i : src[i]);
      }
    } else {
      double[] acc = new double[outN];
      if (x.dtype() == DType.FLOAT32) {
        float[] f = x.storage.floats();
        for (int i = 0; i < n; i++) {
          acc[target[i]] += f[src == null ? x.offset + i : src[i]];
        }
      } else {
        for (int i = 0; i < n; i++) {
          acc[target[i]] += x.storage.getDouble(src == null ? x.offset + i : src[i]);
        }
      }
      for (int i = 0; i < outN; i++) {
        out.setDouble(i, acc[i]);
      }
    }
    return new Tensor(out, outShape);
  }
}
