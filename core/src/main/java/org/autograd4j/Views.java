package org.autograd4j;

import org.autograd4j.autograd.Op;

/**
 * Ops that return a view sharing storage (view, transpose, expand, select, narrow, ...) and the
 * copies that make layouts contiguous. Views share the base's version counter, so an in-place
 * change through any of them is seen by every saved tensor.
 */
final class Views {
  private Views() {}

  static Tensor makeView(Tensor x, int offset, int[] shape, int[] strides) {
    return new Tensor(x.storage, offset, shape, strides, x.version, x.base != null ? x.base : x);
  }

  /** Resolves one -1 entry and checks the element count. */
  static int[] inferShape(int[] requested, int numel) {
    int[] shape = requested.clone();
    int infer = -1;
    int known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException("only one dimension can be inferred");
        }
        infer = i;
      } else if (shape[i] < 0) {
        throw new IllegalArgumentException("invalid shape dimension " + shape[i]);
      } else {
        known *= shape[i];
      }
    }
    if (infer >= 0 && known != 0 && numel % known == 0) {
      shape[infer] = numel / known;
    } else if (infer >= 0 || known != numel) {
      throw new IllegalArgumentException(
          "shape '" + Shapes.str(requested) + "' is invalid for input of size " + numel);
    }
    return shape;
  }

  static Tensor view(Tensor x, int[] requested) {
    return view(x, requested, "ViewBackward0");
  }

  private static Tensor view(Tensor x, int[] requested, String name) {
    int[] shape = inferShape(requested, x.numel());
    if (Shapes.same(shape, x.shape) && !x.isContiguous()) {
      // Viewing as the same shape needs no particular layout: the strides stay as they are.
      Tensor same = makeView(x, x.offset, shape, x.strides.clone());
      return Op.record(name, same, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0]});
    }
    int[] strides =
        x.isContiguous() ? Shapes.contiguousStrides(shape) : viewStrides(x.shape, x.strides, shape);
    if (strides == null) {
      throw new IllegalArgumentException(
          "view size is not compatible with input tensor's size and stride (at least one dimension"
              + " spans across two contiguous subspaces). Use .reshape(...) instead.");
    }
    Tensor out = makeView(x, x.offset, shape, strides);
    int[] in = x.shape.clone();
    return Op.record(name, out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].reshape(in)});
  }

  /** {@code x[...]}: a view of the whole tensor, recorded as AliasBackward0. */
  static Tensor alias(Tensor x) {
    Tensor out = makeView(x, x.offset, x.shape.clone(), x.strides.clone());
    return Op.record("AliasBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0]});
  }

  /** A view of a contiguous result under the name PyTorch's {@code _unsafe_view} records. */
  static Tensor unsafeView(Tensor x, int[] shape) {
    return view(x.contiguous(), shape, "UnsafeViewBackward0");
  }

  /**
   * A view when the layout allows, else a copy; grad_fn names as PyTorch 1.13: {@code
   * ReshapeAliasBackward0} for the view, {@code UnsafeViewBackward0} over a {@code CloneBackward0}
   * for the copy.
   */
  static Tensor reshape(Tensor x, int[] requested) {
    return x.isContiguous()
            || viewStrides(x.shape, x.strides, inferShape(requested, x.numel())) != null
        ? view(x, requested, "ReshapeAliasBackward0")
        : view(clone(x), requested, "UnsafeViewBackward0");
  }

  /**
   * The strides that let a tensor of {@code oldShape}/{@code oldStrides} be viewed as {@code
   * newShape} without copying, or null when some new dim would span two non-mergeable old dims.
   * PyTorch's {@code at::detail::computeStride}: old dims are grouped into chunks that are
   * contiguous with respect to each other, and each new dim must fall inside one chunk. This is
   * what lets a transposed or expanded batch be flattened for a batched GEMM with no copy.
   */
  static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
    int[] newStrides = new int[newShape.length];
    if (oldShape.length == 0) {
      java.util.Arrays.fill(newStrides, 1);
      return newStrides;
    }
    if (Shapes.numel(oldShape) == 0) {
      return Shapes.contiguousStrides(newShape);
    }
    int viewD = newShape.length - 1;
    long chunkBaseStride = oldStrides[oldShape.length - 1];
    long tensorNumel = 1;
    long viewNumel = 1;
    for (int d = oldShape.length - 1; d >= 0; d--) {
      tensorNumel *= oldShape[d];
      // A chunk ends at the first dim, or where the next-outer dim is not contiguous with this one.
      if (d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBaseStride)) {
        while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
          newStrides[viewD] = (int) (viewNumel * chunkBaseStride);
          viewNumel *= newShape[viewD];
          viewD--;
        }
        if (viewNumel != tensorNumel) {
          return null;
        }
        if (d > 0) {
          chunkBaseStride = oldStrides[d - 1];
          tensorNumel = 1;
          viewNumel = 1;
        }
      }
    }
    return viewD == -1 ? newStrides : null;
  }

  static Tensor contiguous(Tensor x) {
    return x.isContiguous() ? x : clone(x);
  }

  static Tensor clone(Tensor x) {
    Tensor out = Strided.copyContiguous(x, x.dtype());
    return Op.record("CloneBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0]});
  }

  static Tensor transpose(Tensor x, int d0, int d1) {
    int rank = x.dim();
    if (rank == 0) {
      return view(x, new int[0]);
    }
    int a = Shapes.wrapDim(d0, rank);
    int b = Shapes.wrapDim(d1, rank);
    int[] shape = x.shape.clone();
    int[] strides = x.strides.clone();
    swap(shape, a, b);
    swap(strides, a, b);
    Tensor out = makeView(x, x.offset, shape, strides);
    return Op.record(
        "TransposeBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].transpose(a, b)});
  }

  static Tensor t(Tensor x) {
    if (x.dim() > 2) {
      throw new IllegalArgumentException(
          "t() expects a tensor with <= 2 dimensions, but self is " + x.dim() + "D");
    }
    if (x.dim() < 2) {
      Tensor out = makeView(x, x.offset, x.shape.clone(), x.strides.clone());
      return Op.record("TBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].t()});
    }
    Tensor out =
        makeView(
            x,
            x.offset,
            new int[] {x.shape[1], x.shape[0]},
            new int[] {x.strides[1], x.strides[0]});
    return Op.record("TBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].t()});
  }

  static Tensor permute(Tensor x, int[] dims) {
    int rank = x.dim();
    if (dims.length != rank) {
      throw new IllegalArgumentException(
          "permute(sparse_coo): number of dimensions in the tensor input does not match the length"
              + " of the desired ordering of dimensions i.e. input.dim() = "
              + rank
              + " is not equal to len(dims) = "
              + dims.length);
    }
    int[] shape = new int[rank];
    int[] strides = new int[rank];
    int[] inverse = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      int d = Shapes.wrapDim(dims[i], rank);
      if (seen[d]) {
        throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
      }
      seen[d] = true;
      shape[i] = x.shape[d];
      strides[i] = x.strides[d];
      inverse[d] = i;
    }
    Tensor out = makeView(x, x.offset, shape, strides);
    return Op.record(
        "PermuteBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].permute(inverse)});
  }

  static Tensor expand(Tensor x, int[] sizes) {
    if (sizes.length < x.dim()) {
      throw new IllegalArgumentException(
          "expand("
              + x.dtype().legacyTypeName()
              + "{"
              + Shapes.str(x.shape)
              + "}, size="
              + Shapes.str(sizes)
              + "): the number of sizes provided ("
              + sizes.length
              + ") must be greater or equal to the number of dimensions in the tensor ("
              + x.dim()
              + ")");
    }
    int lead = sizes.length - x.dim();
    int[] shape = new int[sizes.length];
    int[] strides = new int[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      int j = i - lead;
      int cur = j < 0 ? 1 : x.shape[j];
      int want = sizes[i] == -1 && j >= 0 ? cur : sizes[i];
      if (j >= 0 && cur != want && cur != 1) {
        throw new IllegalArgumentException(
            "The expanded size of the tensor ("
                + want
                + ") must match the existing size ("
                + cur
                + ") at non-singleton dimension "
                + i
                + ".  Target sizes: "
                + Shapes.str(sizes)
                + ".  Tensor sizes: "
                + Shapes.str(x.shape));
      }
      shape[i] = want;
      strides[i] = j < 0 || cur != want ? 0 : x.strides[j];
    }
    if (Shapes.same(shape, x.shape)) {
      return x;
    }
    Tensor out = makeView(x, x.offset, shape, strides);
    int[] in = x.shape.clone();
    return Op.record(
        "ExpandBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].sumToSize(in)});
  }

  static Tensor unsqueeze(Tensor x, int dim) {
    int d = Shapes.wrapDim(dim, x.dim() + 1);
    int[] shape = new int[x.dim() + 1];
    int[] strides = new int[x.dim() + 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i == d) {
        shape[i] = 1;
        strides[i] = d < x.dim() ? x.strides[d] * x.shape[d] : 1;
      } else {
        shape[i] = x.shape[j];
        strides[i] = x.strides[j++];
      }
    }
    Tensor out = makeView(x, x.offset, shape, strides);
    return Op.record(
        "UnsqueezeBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].squeeze(d)});
  }

  static Tensor squeeze(Tensor x, int dim) {
    if (x.dim() == 0) {
      return view(x, new int[0]);
    }
    int d = Shapes.wrapDim(dim, x.dim());
    if (x.shape[d] != 1) {
      return makeViewRecorded(x, x.shape.clone(), x.strides.clone(), "SqueezeBackward1");
    }
    int[] shape = new int[x.dim() - 1];
    int[] strides = new int[x.dim() - 1];
    for (int i = 0, j = 0; i < x.dim(); i++) {
      if (i != d) {
        shape[j] = x.shape[i];
        strides[j++] = x.strides[i];
      }
    }
    Tensor out = makeView(x, x.offset, shape, strides);
    return Op.record(
        "SqueezeBackward1", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].unsqueeze(d)});
  }

  static Tensor squeeze(Tensor x) {
    int k = 0;
    int[] shape = new int[x.dim()];
    int[] strides = new int[x.dim()];
    for (int i = 0; i < x.dim(); i++) {
      if (x.shape[i] != 1) {
        shape[k] = x.shape[i];
        strides[k++] = x.strides[i];
      }
    }
    return makeViewRecorded(
        x,
        java.util.Arrays.copyOf(shape, k),
        java.util.Arrays.copyOf(strides, k),
        "SqueezeBackward0");
  }

  private static Tensor makeViewRecorded(Tensor x, int[] shape, int[] strides, String name) {
    Tensor out = makeView(x, x.offset, shape, strides);
    int[] in = x.shape.clone();
    return Op.record(name, out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0].reshape(in)});
  }

  /** {@code x.select(dim, index)}: drops {@code dim}, keeping one slice. */
  static Tensor select(Tensor x, int dim, int index) {
    if (x.dim() == 0) {
      throw new IllegalArgumentException("select() cannot be applied to a 0-dim tensor.");
    }
    int d = Shapes.wrapDim(dim, x.dim());
    int size = x.shape[d];
    if (index < -size || index >= size) {
      throw new IndexOutOfBoundsException(
          "select(): index "
              + index
              + " out of range for tensor of size "
              + Shapes.str(x.shape)
              + " at dimension "
              + d);
    }
    int i = index < 0 ? index + size : index;
    int[] shape = new int[x.dim() - 1];
    int[] strides = new int[x.dim() - 1];
    for (int a = 0, b = 0; a < x.dim(); a++) {
      if (a != d) {
        shape[b] = x.shape[a];
        strides[b++] = x.strides[a];
      }
    }
    Tensor out = makeView(x, x.offset + i * x.strides[d], shape, strides);
    int[] in = x.shape.clone();
    return Op.record(
        "SelectBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {embed(g[0], in, d, i)});
  }

  /** {@code x.narrow(dim, start, length)} / {@code x[..., start:start+length]}. */
  static Tensor slice(Tensor x, int dim, int start, int end, int step) {
    int d = Shapes.wrapDim(dim, x.dim());
    int size = x.shape[d];
    if (step <= 0) {
      throw new IllegalArgumentException("slice step must be positive");
    }
    int s = clampIndex(start, size);
    int e = Math.max(s, clampIndex(end, size));
    int len = (e - s + step - 1) / step;
    int[] shape = x.shape.clone();
    int[] strides = x.strides.clone();
    shape[d] = len;
    strides[d] = x.strides[d] * step;
    Tensor out = makeView(x, x.offset + s * x.strides[d], shape, strides);
    int[] in = x.shape.clone();
    return Op.record(
        "SliceBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {embedSlice(g[0], in, d, s, e, step)});
  }

  private static int clampIndex(int i, int size) {
    int w = i < 0 ? i + size : i;
    return Math.max(0, Math.min(size, w));
  }

  /**
   * Zeros of {@code shape} with {@code g} written at {@code index} of {@code dim} (select's
   * backward).
   */
  private static Tensor embed(Tensor g, int[] shape, int dim, int index) {
    Tensor out = Creation.full(shape, 0, g.dtype());
    Kernels.copyInto(Views.selectRaw(out, dim, index), g);
    return Op.record(
        "SelectBackwardBackward0",
        out,
        new Tensor[] {g},
        (ctx, gg) -> new Tensor[] {gg[0].select(dim, index)});
  }

  private static Tensor embedSlice(Tensor g, int[] shape, int dim, int start, int end, int step) {
    Tensor out = Creation.full(shape, 0, g.dtype());
    Kernels.copyInto(sliceRaw(out, dim, start, end, step), g);
    return Op.record(
        "SliceBackwardBackward0",
        out,
        new Tensor[] {g},
        (ctx, gg) -> new Tensor[] {gg[0].slice(dim, start, end, step)});
  }

  /** A select view without recording (for kernels writing into fresh tensors). */
  static Tensor selectRaw(Tensor x, int dim, int i) {
    int[] shape = new int[x.dim() - 1];
    int[] strides = new int[x.dim() - 1];
    for (int a = 0, b = 0; a < x.dim(); a++) {
      if (a != dim) {
        shape[b] = x.shape[a];
        strides[b++] = x.strides[a];
      }
    }
    return makeView(x, x.offset + i * x.strides[dim], shape, strides);
  }

  static Tensor sliceRaw(Tensor x, int dim, int start, int end, int step) {
    int len = Math.max(0, (end - start + step - 1) / step);
    int[] shape = x.shape.clone();
    int[] strides = x.strides.clone();
    shape[dim] = len;
    strides[dim] = x.strides[dim] * step;
    return makeView(x, x.offset + start * x.strides[dim], shape, strides);
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
