package org.autograd4j;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.autograd.Op;
import org.autograd4j.internal.Storage;

/**
 * Index-based ops: index_select, gather, scatter/scatter_add, masked_fill/masked_select, index_put,
 * and subscripting with ints, slices, None, ellipsis, masks and index tensors. Each one turns its
 * indices into logical positions and calls {@link Gather}'s take/put primitives.
 */
final class Indexing {
  private Indexing() {}

  private static long index(Tensor idx, int k) {
    return idx.storage.getLong(idx.offset + k);
  }

  private static void checkLong(String op, Tensor index) {
    if (index.dtype() != DType.INT64) {
      throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
    }
  }

  private static int bound(long i, int size, int dim) {
    if (i < -size || i >= size) {
      throw new IndexOutOfBoundsException(
          "index " + i + " is out of bounds for dimension " + dim + " with size " + size);
    }
    return (int) (i < 0 ? i + size : i);
  }

  // ------------------------------------------------------------------ index_select, gather

  private static int selectBound(long i, int size) {
    if (i < -size || i >= size) {
      // PyTorch 1.13's own wording for index_select.
      throw new IndexOutOfBoundsException(
          "INDICES element is out of DATA bounds, id=" + i + " axis_dim=" + size);
    }
    return (int) (i < 0 ? i + size : i);
  }

  static Tensor indexSelect(Tensor x, int dim, Tensor index) {
    checkLong("index_select", index);
    if (index.dim() > 1) {
      throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
    }
    int d = Shapes.wrapDim(dim, x.dim());
    Tensor idx = index.contiguousData();
    int m = index.numel();
    int[] shape = x.dim() == 0 ? new int[0] : x.shape.clone();
    if (x.dim() > 0) {
      shape[d] = m;
    }
    if (x.dim() == 0) {
      bound(index(idx, 0), 1, 0);
      return Gather.take("IndexSelectBackward0", x, new int[1], shape);
    }
    int size = x.shape[d];
    int[] rows = new int[m]; // each index checked once, negatives wrapped
    for (int j = 0; j < m; j++) {
      rows[j] = selectBound(index(idx, j), size);
    }
    int inner = 1;
    for (int a = d + 1; a < x.dim(); a++) {
      inner *= x.shape[a];
    }
    int outer = Shapes.numel(x.shape) / Math.max(1, size * inner); // 0 when any dim is 0
    if (inner >= ROW_COPY_MIN && Strided.isContiguous(x.shape, x.strides)) {
      // Whole rows: one array copy each, and the positions only if a gradient asks for them
      // (128 rows of 784 floats: 105 -> 28 us, JDK 17 and 25).
      Tensor out = new Tensor(Storage.allocate(x.dtype(), Shapes.numel(shape)), shape);
      Object from = Kernels.array(x.storage);
      Object to = Kernels.array(out.storage);
      int k = 0;
      for (int o = 0; o < outer; o++) {
        for (int j = 0; j < m; j++, k += inner) {
          System.arraycopy(from, x.offset + (o * size + rows[j]) * inner, to, k, inner);
        }
      }
      int[] inShape = x.shape.clone();
      int blockOuter = outer;
      int blockInner = inner;
      return Op.record(
          "IndexSelectBackward0",
          out,
          new Tensor[] {x},
          (ctx, g) ->
              new Tensor[] {
                Gather.accumulate(inShape, positions(rows, blockOuter, size, blockInner), g[0])
              });
    }
    return Gather.take("IndexSelectBackward0", x, positions(rows, outer, size, inner), shape);
  }

  /** Rows of at least this many elements are copied whole by index_select. */
  private static final int ROW_COPY_MIN = 16;

  /**
   * Row-major positions of index_select's result in x, as (outer, j, inner) blocks: element (o, j,
   * i) is {@code x.flat[(o * size + rows[j]) * inner + i]}.
   */
  private static int[] positions(int[] rows, int outer, int size, int inner) {
    int[] pos = new int[outer * rows.length * inner];
    int k = 0;
    for (int o = 0; o < outer; o++) {
      for (int row : rows) {
        int base = (o * size + row) * inner;
        for (int i = 0; i < inner; i++) {
          pos[k++] = base + i;
        }
      }
    }
    return pos;
  }

  /** Row-major odometer step. */
  private static void advance(int[] coord, int[] shape) {
    for (int a = shape.length - 1; a >= 0; a--) {
      if (++coord[a] < shape[a]) {
        return;
      }
      coord[a] = 0;
    }
  }

  /** Positions in {@code target} addressed by {@code index} along {@code d} (gather/scatter). */
  private static int[] alongDim(String op, int[] target, int d, Tensor index, int[] other) {
    checkLong(op, index);
    int rank = Math.max(target.length, 1);
    if (Math.max(index.dim(), 1) != rank) {
      throw new IllegalArgumentException(
          "Index tensor must have the same number of dimensions as input tensor");
    }
    for (int a = 0; a < index.dim(); a++) {
      if (a != d && (index.shape[a] > target[a] || (other != null && index.shape[a] > other[a]))) {
        throw new IllegalArgumentException(
            "Size does not match at dimension "
                + a
                + " expected index "
                + Shapes.str(index.shape)
                + " to be smaller than self "
                + Shapes.str(target)
                + " apart from dimension "
                + d);
      }
    }
    Tensor idx = index.contiguousData();
    int[] ts = Shapes.contiguousStrides(target);
    int[] pos = new int[index.numel()];
    int[] coord = new int[index.dim()];
    int size = target.length == 0 ? 1 : target[d];
    for (int k = 0; k < pos.length; k++) {
      int p = 0;
      for (int a = 0; a < index.dim(); a++) {
        p += (a == d ? bound(index(idx, k), size, d) : coord[a]) * ts[a];
      }
      if (index.dim() == 0) {
        bound(index(idx, 0), size, 0);
      }
      pos[k] = p;
      advance(coord, index.shape);
    }
    return pos;
  }

  /** Positions of the index's own coordinates within a tensor of {@code shape}. */
  private static int[] coordinates(int[] indexShape, int[] shape) {
    int[] s = Shapes.contiguousStrides(shape);
    int n = Shapes.numel(indexShape);
    int[] pos = new int[n];
    int[] coord = new int[indexShape.length];
    for (int k = 0; k < n; k++) {
      int p = 0;
      for (int a = 0; a < coord.length; a++) {
        p += coord[a] * s[a];
      }
      pos[k] = p;
      advance(coord, indexShape);
    }
    return pos;
  }

  static Tensor gather(Tensor x, int dim, Tensor index) {
    int d = Shapes.wrapDim(dim, x.dim());
    int[] pos = alongDim("gather", x.shape, d, index, null);
    return Gather.take("GatherBackward0", x, pos, index.shape.clone());
  }

  static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, boolean add) {
    int d = Shapes.wrapDim(dim, x.dim());
    int[] pos = alongDim(add ? "scatter_add" : "scatter", x.shape, d, index, src.shape);
    int[] srcPos = coordinates(index.shape, src.shape);
    return Gather.put(add ? "ScatterAddBackward0" : "ScatterBackward0", x, pos, src, srcPos, add);
  }

  static Tensor scatter(Tensor x, int dim, Tensor index, double value) {
    int d = Shapes.wrapDim(dim, x.dim());
    int[] pos = alongDim("scatter", x.shape, d, index, null);
    Tensor v = Creation.scalar(value, x.dtype());
    return Gather.put("ScatterBackward1", x, pos, v, new int[pos.length], false);
  }

  // ------------------------------------------------------------------ masks

  private static void checkMask(String op, Tensor mask) {
    if (mask.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException("Mask tensor can take 0 and 1 values only");
    }
    if (mask.dtype() != DType.BOOL) {
      throw new IllegalArgumentException(
          op + " only supports boolean masks, but got mask with dtype " + mask.dtype().toString());
    }
  }

  static Tensor maskedFill(Tensor x, Tensor mask, double value) {
    checkMask("masked_fill_", mask);
    Tensor out;
    try (var g = org.autograd4j.autograd.GradMode.scope(false)) {
      out = Torch.where(mask, Creation.scalar(value, x.dtype()), x).to(x.dtype());
    }
    return Op.record(
        "MaskedFillBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].maskedFill(mask, 0)});
  }

  static Tensor maskedFill(Tensor x, Tensor mask, Tensor value) {
    checkMask("masked_fill_", mask);
    if (value.dim() != 0) {
      throw new IllegalArgumentException(
          "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
              + value.dim()
              + " dimension(s).");
    }
    Tensor out;
    try (var g = org.autograd4j.autograd.GradMode.scope(false)) {
      out = Torch.where(mask, value.to(x.dtype()), x);
    }
    return Op.record(
        "MaskedFillBackward1",
        out,
        new Tensor[] {x, value},
        (ctx, g) ->
            new Tensor[] {
              ctx.needsInputGrad(0) ? g[0].maskedFill(mask, 0) : null,
              ctx.needsInputGrad(1) ? Torch.where(mask, g[0], Torch.zerosLike(g[0])).sum() : null
            });
  }

  static Tensor maskedSelect(Tensor x, Tensor mask) {
    checkMask("masked_select", mask);
    int[] shape = Shapes.broadcast(x.shape, mask.shape);
    Tensor m = mask.expand(shape).contiguousData();
    int n = Shapes.numel(shape);
    int count = 0;
    int[] pos = new int[n];
    for (int i = 0; i < n; i++) {
      if (m.storage.getLong(m.offset + i) != 0) {
        pos[count++] = i;
      }
    }
    return Gather.take(
        "MaskedSelectBackward0",
        x.expand(shape),
        java.util.Arrays.copyOf(pos, count),
        new int[] {count});
  }

  // ------------------------------------------------------------------ subscripts

  /** Positions and result shape of advanced indexing of a tensor of {@code shape}. */
  record Selection(int[] pos, int[] shape) {}

  /**
   * Advanced indexing of {@code shape} with int64 tensors at {@code dims} (ascending): the index
   * tensors broadcast together; their block replaces the indexed dims in place when those are
   * adjacent, and goes first otherwise (NumPy's rule).
   */
  static Selection select(int[] shape, List<Integer> dims, List<Tensor> indices) {
    int[] b = new int[0];
    for (Tensor t : indices) {
      b = Shapes.broadcast(b, t.shape);
    }
    boolean adjacent = dims.get(dims.size() - 1) - dims.get(0) == dims.size() - 1;
    List<Integer> rest = new ArrayList<>();
    for (int d = 0; d < shape.length; d++) {
      if (!dims.contains(d)) {
        rest.add(d);
      }
    }
    int before = 0;
    if (adjacent) {
      while (before < rest.size() && rest.get(before) < dims.get(0)) {
        before++;
      }
    }
    int[] out = new int[rest.size() + b.length];
    for (int i = 0; i < before; i++) {
      out[i] = shape[rest.get(i)];
    }
    System.arraycopy(b, 0, out, before, b.length);
    for (int i = before; i < rest.size(); i++) {
      out[b.length + i] = shape[rest.get(i)];
    }
    int[][] idxMaps = new int[indices.size()][];
    Tensor[] idx = new Tensor[indices.size()];
    for (int j = 0; j < indices.size(); j++) {
      Tensor t = indices.get(j);
      idx[j] = t;
      idxMaps[j] = Strided.indexMap(b, Shapes.expandedStrides(t.shape, t.strides, b), t.offset);
    }
    int[] strides = Shapes.contiguousStrides(shape);
    int[] bStrides = Shapes.contiguousStrides(b);
    int n = Shapes.numel(out);
    int[] pos = new int[n];
    int[] coord = new int[out.length];
    for (int k = 0; k < n; k++) {
      int p = 0;
      int bFlat = 0;
      for (int i = 0; i < b.length; i++) {
        bFlat += coord[before + i] * bStrides[i];
      }
      for (int i = 0; i < rest.size(); i++) {
        int c = coord[i < before ? i : b.length + i];
        p += c * strides[rest.get(i)];
      }
      for (int j = 0; j < idx.length; j++) {
        int d = dims.get(j);
        long v = idx[j].storage.getLong(idxMaps[j][bFlat]);
        p += bound(v, shape[d], d) * strides[d];
      }
      pos[k] = p;
      advance(coord, out);
    }
    return new Selection(pos, out);
  }

  /** A bool mask as one int64 index tensor per mask dim (nonzero, transposed). */
  static List<Tensor> maskToIndices(Tensor mask, int[] shape, int at) {
    for (int i = 0; i < mask.dim(); i++) {
      if (mask.shape[i] != shape[at + i]) {
        throw new IndexOutOfBoundsException(
            "The shape of the mask "
                + Shapes.str(mask.shape)
                + " at index "
                + i
                + " does not match the shape of the indexed tensor "
                + Shapes.str(shape)
                + " at index "
                + (at + i));
      }
    }
    Tensor m = mask.contiguousData();
    int n = mask.numel();
    List<long[]> coords = new ArrayList<>();
    int[] coord = new int[mask.dim()];
    for (int k = 0; k < n; k++) {
      if (m.storage.getLong(m.offset + k) != 0) {
        long[] c = new long[mask.dim()];
        for (int i = 0; i < c.length; i++) {
          c[i] = coord[i];
        }
        coords.add(c);
      }
      advance(coord, mask.shape);
    }
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < mask.dim(); i++) {
      long[] v = new long[coords.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = coords.get(k)[i];
      }
      out.add(Creation.fromLongs(v, new int[] {v.length}, DType.INT64));
    }
    return out;
  }

  /** {@code x[items]}: basic items become views, tensor items advanced indexing. */
  static Tensor index(Tensor x, Object[] items) {
    List<Index> list = new ArrayList<>();
    int consumed = 0;
    int ellipses = 0;
    for (Object o : items) {
      Index ix = Index.of(o);
      list.add(ix);
      if (ix.kind == Index.Kind.INT || ix.kind == Index.Kind.SLICE) {
        consumed++;
      } else if (ix.kind == Index.Kind.TENSOR) {
        consumed += ix.tensor.dtype() == DType.BOOL ? ix.tensor.dim() : 1;
      } else if (ix.kind == Index.Kind.ELLIPSIS) {
        ellipses++;
      }
    }
    if (ellipses > 1) {
      throw new IndexOutOfBoundsException("an index can only have a single ellipsis ('...')");
    }
    if (consumed > x.dim()) {
      throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + x.dim());
    }
    Tensor v = x;
    int d = 0;
    List<Integer> advDims = new ArrayList<>();
    List<Tensor> advIdx = new ArrayList<>();
    for (Index ix : list) {
      switch (ix.kind) {
        case INT:
          v = v.select(d, ix.value);
          break;
        case SLICE:
          {
            int size = v.shape[d];
            // PyTorch 1.13 skips an explicit full slice (0:size:1) inside a multi-item index; a
            // bare ':' (no bounds) or a lone slice is always recorded (SliceBackward0).
            boolean explicitFull =
                items.length > 1
                    && ix.start != null
                    && ix.start == 0
                    && ix.stop != null
                    && ix.stop == size
                    && ix.step == 1;
            if (!explicitFull) {
              v =
                  v.slice(
                      d,
                      ix.start == null ? 0 : ix.start,
                      ix.stop == null ? size : ix.stop,
                      ix.step);
            }
            d++;
            break;
          }
        case NONE:
          v = v.unsqueeze(d);
          d++;
          break;
        case ELLIPSIS:
          d += x.dim() - consumed;
          break;
        default:
          Tensor t = ix.tensor;
          if (t.dim() == 0 && t.dtype() == DType.INT64) {
            v = v.select(d, (int) t.itemLong()); // a 0-d index tensor acts as an integer
            break;
          }
          if (t.dtype() == DType.BOOL) {
            if (t.dim() == 0) {
              v = v.unsqueeze(d);
              advDims.add(d);
              advIdx.add(
                  Creation.fromLongs(
                      t.item() != 0 ? new long[] {0} : new long[0],
                      new int[] {t.item() != 0 ? 1 : 0},
                      DType.INT64));
              d++;
            } else {
              for (Tensor c : maskToIndices(t, v.shape, d)) {
                advDims.add(d++);
                advIdx.add(c);
              }
            }
          } else {
            advDims.add(d++);
            advIdx.add(t);
          }
      }
    }
    if (advDims.isEmpty()) {
      return v == x ? Views.alias(x) : v; // x[...] and x[()] are aliases (AliasBackward0)
    }
    Selection s = select(v.shape, advDims, advIdx);
    return Gather.take("IndexBackward0", v, s.pos(), s.shape());
  }

  private static boolean broadcastsTo(int[] from, int[] to) {
    if (from.length > to.length) {
      return false;
    }
    for (int i = 1; i <= from.length; i++) {
      int f = from[from.length - i];
      if (f != 1 && f != to[to.length - i]) {
        return false;
      }
    }
    return true;
  }

  /** {@code x.index_put(indices, values, accumulate)}: indices address x's leading dims. */
  static Tensor indexPut(Tensor x, Tensor[] indices, Tensor values, boolean accumulate) {
    if (indices.length > x.dim()) {
      throw new IndexOutOfBoundsException(
          "too many indices for tensor of dimension " + x.dim() + " (got " + indices.length + ")");
    }
    List<Integer> dims = new ArrayList<>();
    List<Tensor> idx = new ArrayList<>();
    int d = 0;
    for (Tensor t : indices) {
      if (t.dtype() == DType.BOOL) {
        for (Tensor c : maskToIndices(t, x.shape, d)) {
          dims.add(d++);
          idx.add(c);
        }
      } else {
        checkLong("index_put", t);
        dims.add(d++);
        idx.add(t);
      }
    }
    Selection s = select(x.shape, dims, idx);
    int[] target = s.shape();
    if (!broadcastsTo(values.shape, target)) {
      throw new IllegalArgumentException(
          "shape mismatch: value tensor of shape "
              + Shapes.str(values.shape)
              + " cannot be broadcast to indexing result of shape "
              + Shapes.str(target));
    }
    int[] srcPos =
        Strided.indexMap(
            target,
            Shapes.expandedStrides(values.shape, Shapes.contiguousStrides(values.shape), target),
            0);
    return Gather.put("IndexPutBackward0", x, s.pos(), values, srcPos, accumulate);
  }
}
