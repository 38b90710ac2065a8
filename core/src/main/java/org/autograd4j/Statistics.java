package org.autograd4j;

import org.autograd4j.autograd.Op;

/** prod, var/std, norm, logsumexp, cumsum and all/any along dims, with their derivatives. */
final class Statistics {
  private Statistics() {}

  private static boolean[] mask(Tensor x, int[] dims) {
    return dims == null || dims.length == 0
        ? Reductions.allDims(x.dim())
        : Reductions.reducedMask(dims, x.dim());
  }

  private static int count(Tensor x, boolean[] reduced) {
    int n = 1;
    for (int d = 0; d < reduced.length; d++) {
      n *= reduced[d] ? x.shape[d] : 1;
    }
    return n;
  }

  private static int[] dims(boolean[] reduced) {
    int k = 0;
    int[] out = new int[reduced.length];
    for (int d = 0; d < reduced.length; d++) {
      if (reduced[d]) {
        out[k++] = d;
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }

  // ------------------------------------------------------------------ prod

  static Tensor prod(Tensor x) {
    Tensor out = prodValues(x, Reductions.allDims(x.dim()), false);
    int[] shape = x.shape.clone();
    return Op.record(
        "ProdBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor others = productOfOthers(in.reshape(-1), 0).reshape(shape);
          return new Tensor[] {g[0].mul(others)};
        },
        x);
  }

  static Tensor prod(Tensor x, int dim, boolean keepdim) {
    int d = Shapes.wrapDim(dim, x.dim());
    boolean[] reduced = Reductions.reducedMask(new int[] {d}, x.dim());
    Tensor out = prodValues(x, reduced, keepdim);
    return Op.record(
        "ProdBackward1",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor others = in.dim() == 0 ? Torch.onesLike(in) : productOfOthers(in, d);
          return new Tensor[] {Reductions.unsqueezeReduced(g[0], reduced, keepdim).mul(others)};
        },
        x);
  }

  private static Tensor prodValues(Tensor x, boolean[] reduced, boolean keepdim) {
    DType t = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
    return RowKernels.reduce(
        x,
        reduced,
        keepdim,
        t,
        (v, from, n) -> {
          double p = 1;
          for (int i = 0; i < n; i++) {
            p *= v[from + i];
          }
          return p;
        });
  }

  /**
   * For each element, the product of the other elements along {@code d}, in differentiable ops that
   * stay exact when some elements are zero (where {@code out / x} would divide by zero).
   */
  private static Tensor productOfOthers(Tensor x, int d) {
    boolean hasZero = x.detach().eq(0.0).any().item() != 0;
    if (!hasZero) {
      return x.prod(d, true).div(x);
    }
    int n = x.size(d);
    Tensor[] parts = new Tensor[n];
    for (int i = 0; i < n; i++) {
      // Replace element i by 1 and take the product: the product of the others.
      Tensor onlyI = Torch.zeros(new int[] {n}, DType.BOOL);
      Tensor sel = Torch.arange((long) n).eq((double) i);
      int[] shape = new int[x.dim()];
      java.util.Arrays.fill(shape, 1);
      shape[d] = n;
      Tensor m = sel.logicalOr(onlyI).reshape(shape);
      parts[i] = Torch.where(m, Torch.onesLike(x), x).prod(d, true);
    }
    return Torch.cat(java.util.Arrays.asList(parts), d);
  }

  // ------------------------------------------------------------------ var / std

  static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
    return moment(x, dims, correction, keepdim, false);
  }

  static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
    return moment(x, dims, correction, keepdim, true);
  }

  private static Tensor moment(
      Tensor x, int[] dims, double correction, boolean keepdim, boolean sqrt) {
    if (!x.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(
          "std and var only support floating point and complex dtypes");
    }
    boolean[] reduced = mask(x, dims);
    int n = count(x, reduced);
    double denom = Math.max(0, n - correction);
    Tensor fast = FloatRows.varOrStd(x, reduced, keepdim, correction, sqrt);
    Tensor out =
        fast != null
            ? fast
            : RowKernels.reduce(
                x,
                reduced,
                keepdim,
                x.dtype(),
                (v, from, len) -> {
                  double mean = 0;
                  for (int i = 0; i < len; i++) {
                    mean += v[from + i];
                  }
                  mean /= len;
                  double ss = 0;
                  for (int i = 0; i < len; i++) {
                    double e = v[from + i] - mean;
                    ss += e * e;
                  }
                  double var = ss / denom;
                  return sqrt ? Math.sqrt(var) : var;
                });
    int[] ds = dims(reduced);
    return Op.record(
        sqrt ? "StdBackward0" : "VarBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor centred = in.sub(in.mean(ds, true));
          Tensor gk = Reductions.unsqueezeReduced(g[0], reduced, keepdim);
          if (!sqrt) {
            return new Tensor[] {gk.mul(centred).mul(2.0 / denom)};
          }
          Tensor std = Reductions.unsqueezeReduced(ctx.saved(1), reduced, keepdim);
          return new Tensor[] {gk.mul(centred).div(std.mul(denom))};
        },
        x,
        sqrt ? out : null);
  }

  // ------------------------------------------------------------------ norm

  /** The vector p-norm over {@code dims} (all when empty): p = 2 default, any p &gt; 0, 0, inf. */
  static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
    if (!x.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(
          "norm(): input dtype should be either floating point or complex. Got "
              + x.dtype().scalarTypeName()
              + " instead.");
    }
    boolean[] reduced = mask(x, dims);
    Tensor whole = p == 2 ? FloatRows.norm2(x, reduced, keepdim) : null;
    Tensor out =
        whole != null
            ? whole
            : RowKernels.reduce(
                x,
                reduced,
                keepdim,
                x.dtype(),
                (v, from, n) -> {
                  double acc = 0;
                  for (int i = 0; i < n; i++) {
                    double a = Math.abs(v[from + i]);
                    if (Double.isInfinite(p)) {
                      acc = p > 0 ? Math.max(acc, a) : (i == 0 ? a : Math.min(acc, a));
                    } else if (p == 0) {
                      acc += a != 0 ? 1 : 0;
                    } else if (p == 1) {
                      acc += a;
                    } else if (p == 2) {
                      acc += a * a;
                    } else {
                      acc += Math.pow(a, p);
                    }
                  }
                  if (Double.isInfinite(p) || p == 0 || p == 1) {
                    return acc;
                  }
                  return p == 2 ? Math.sqrt(acc) : Math.pow(acc, 1 / p);
                });
    int[] ds = dims(reduced);
    return Op.record(
        "NormBackward1",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor norm = Reductions.unsqueezeReduced(ctx.saved(1), reduced, keepdim);
          Tensor gk = Reductions.unsqueezeReduced(g[0], reduced, keepdim);
          Tensor zero = Torch.zerosLike(in);
          if (p == 0) {
            return new Tensor[] {gk.mul(zero)};
          }
          if (p == 1) {
            return new Tensor[] {gk.mul(in.sign())};
          }
          if (Double.isInfinite(p)) {
            Tensor hit = in.abs().eq(norm).to(in.dtype());
            Tensor share = hit.div(hit.sum(ds, true));
            return new Tensor[] {gk.mul(in.sign()).mul(share)};
          }
          // d||x||_p / dx = x |x|^(p-2) / ||x||^(p-1); zero where the norm is zero.
          Tensor safeNorm = Torch.where(norm.eq(0.0), Torch.onesLike(norm), norm);
          Tensor scale =
              p == 2 ? in.div(safeNorm) : in.mul(in.abs().pow(p - 2)).div(safeNorm.pow(p - 1));
          return new Tensor[] {gk.mul(Torch.where(norm.eq(0.0), zero, scale))};
        },
        x,
        out);
  }

  // ------------------------------------------------------------------ logsumexp, cumsum

  static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
    boolean[] reduced = mask(x, dims);
    Tensor fast = ReductionFastPaths.logSumExpLastDim(x, reduced, keepdim);
    Tensor out =
        fast != null
            ? fast
            : RowKernels.reduce(
                x,
                reduced,
                keepdim,
                Promotion.floatResult(x),
                (v, from, n) -> {
                  double max = Double.NEGATIVE_INFINITY;
                  for (int i = 0; i < n; i++) {
                    max = Math.max(max, v[from + i]);
                  }
                  if (Double.isInfinite(max)) {
                    return max; // all -inf gives -inf; any +inf gives +inf
                  }
                  double sum = 0;
                  for (int i = 0; i < n; i++) {
                    sum += Math.exp(v[from + i] - max);
                  }
                  return max + Math.log(sum);
                });
    return Op.record(
        "LogsumexpBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> {
          Tensor r = Reductions.unsqueezeReduced(ctx.saved(1), reduced, keepdim);
          Tensor gk = Reductions.unsqueezeReduced(g[0], reduced, keepdim);
          return new Tensor[] {gk.mul(ctx.saved(0).sub(r).exp())};
        },
        x,
        out);
  }

  static Tensor cumsum(Tensor x, int dim) {
    int d = Shapes.wrapDim(dim, x.dim());
    DType t = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
    Tensor rows = FloatRows.cumsumLastDim(x, d);
    Tensor out =
        rows != null
            ? rows
            : RowKernels.mapRows(
                x,
                d,
                t,
                (row, n) -> {
                  for (int i = 1; i < n; i++) {
                    row[i] += row[i - 1];
                  }
                });
    if (x.dim() == 0) {
      return Op.record("CumsumBackward0", out, new Tensor[] {x}, (ctx, g) -> new Tensor[] {g[0]});
    }
    return Op.record(
        "CumsumBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].flip(d).cumsum(d).flip(d)});
  }

  // ------------------------------------------------------------------ all / any

  static Tensor anyAll(Tensor x, int dim, boolean keepdim, boolean any) {
    int d = Shapes.wrapDim(dim, x.dim());
    boolean[] reduced = Reductions.reducedMask(new int[] {d}, x.dim());
    return RowKernels.reduce(
        x,
        reduced,
        keepdim,
        DType.BOOL,
        (v, from, n) -> {
          for (int i = 0; i < n; i++) {
            if ((v[from + i] != 0) == any) {
              return any ? 1 : 0;
            }
          }
          return any ? 0 : 1;
        });
  }
}
