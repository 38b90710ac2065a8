package org.autograd4j;

import org.autograd4j.autograd.Op;

/**
 * batch_norm and layer_norm: statistics and output computed natively (per channel or per row,
 * accumulated in double), recorded as {@code NativeBatchNormBackward0} / {@code
 * NativeLayerNormBackward0}. The backward recomputes the statistics with Tensor ops from the saved
 * input, so it is differentiable in the input too (double backward). Reached through {@link NnOps}.
 */
final class NnNormOps {
  private NnNormOps() {}

  /** Dims reduced by batch norm: all but the channel dim 1. */
  private static int[] batchDims(int rank) {
    int[] d = new int[rank - 1];
    d[0] = 0;
    for (int i = 2; i < rank; i++) {
      d[i - 1] = i;
    }
    return d;
  }

  /** A per-channel vector viewed to broadcast against {@code (N, C, ...)}. */
  private static Tensor channelView(Tensor v, int rank) {
    int[] s = new int[rank];
    java.util.Arrays.fill(s, 1);
    s[1] = v.numel();
    return v.reshape(s);
  }

  /**
   * {@code F.batch_norm}. In training the batch statistics normalise and, when running buffers are
   * given, update them in place: {@code r = (1 - momentum)·r + momentum·stat}, the variance
   * unbiased. In eval the running statistics normalise.
   */
  static Tensor batchNorm(
      Tensor x,
      Tensor runningMean,
      Tensor runningVar,
      Tensor weight,
      Tensor bias,
      boolean training,
      double momentum,
      double eps) {
    int rank = x.dim();
    int n = x.shape[0];
    int c = x.shape[1];
    int inner = 1;
    for (int i = 2; i < rank; i++) {
      inner *= x.shape[i];
    }
    int count = n * inner;
    Tensor xc = x.contiguousData();
    double[] mean = new double[c];
    double[] invstd = new double[c];
    if (training) {
      for (int ch = 0; ch < c; ch++) {
        double s = 0;
        for (int b = 0; b < n; b++) {
          int base = xc.offset + (b * c + ch) * inner;
          for (int i = 0; i < inner; i++) {
            s += xc.storage.getDouble(base + i);
          }
        }
        double m = s / count;
        double ss = 0;
        for (int b = 0; b < n; b++) {
          int base = xc.offset + (b * c + ch) * inner;
          for (int i = 0; i < inner; i++) {
            double d = xc.storage.getDouble(base + i) - m;
            ss += d * d;
          }
        }
        double var = ss / count;
        mean[ch] = m;
        invstd[ch] = 1 / Math.sqrt(var + eps);
        if (runningMean != null) {
          update(runningMean, ch, m, momentum);
        }
        if (runningVar != null) {
          update(runningVar, ch, count > 1 ? ss / (count - 1) : Double.NaN, momentum);
        }
      }
      if (runningMean != null) {
        runningMean.bumpVersion();
      }
      if (runningVar != null) {
        runningVar.bumpVersion();
      }
    } else {
      Tensor rm = runningMean.contiguousData();
      Tensor rv = runningVar.contiguousData();
      for (int ch = 0; ch < c; ch++) {
        mean[ch] = rm.storage.getDouble(rm.offset + ch);
        invstd[ch] = 1 / Math.sqrt(rv.storage.getDouble(rv.offset + ch) + eps);
      }
    }
    Tensor w = weight == null ? null : weight.contiguousData();
    Tensor bb = bias == null ? null : bias.contiguousData();
    Tensor out = Creation.full(x.shape, 0, x.dtype());
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        double scale = invstd[ch] * (w == null ? 1 : w.storage.getDouble(w.offset + ch));
        double shift = bb == null ? 0 : bb.storage.getDouble(bb.offset + ch);
        int base = (b * c + ch) * inner;
        for (int i = 0; i < inner; i++) {
          double v = xc.storage.getDouble(xc.offset + base + i);
          out.storage.setDouble(base + i, (v - mean[ch]) * scale + shift);
        }
      }
    }
    int[] dims = batchDims(rank);
    // Eval mode normalises with constants: save them (as tensors) for the backward.
    Tensor evalMean = training ? null : Creation.fromDoubles(mean, new int[] {c}, x.dtype());
    Tensor evalInvstd = training ? null : Creation.fromDoubles(invstd, new int[] {c}, x.dtype());
    return Op.record(
        "NativeBatchNormBackward0",
        out,
        new Tensor[] {x, weight, bias},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor wt = ctx.saved(1);
          Tensor gy = g[0];
          Tensor m;
          Tensor is;
          if (training) {
            m = in.mean(dims, true);
            Tensor centered = in.sub(m);
            is = centered.mul(centered).mean(dims, true).add(eps).rsqrt();
          } else {
            m = channelView(evalMean, rank);
            is = channelView(evalInvstd, rank);
          }
          Tensor xhat = in.sub(m).mul(is);
          Tensor gx = null;
          if (ctx.needsInputGrad(0)) {
            Tensor gxhat = wt == null ? gy : gy.mul(channelView(wt, rank));
            gx =
                training
                    ? gxhat
                        .sub(gxhat.mean(dims, true))
                        .sub(xhat.mul(gxhat.mul(xhat).mean(dims, true)))
                        .mul(is)
                    : gxhat.mul(is);
          }
          return new Tensor[] {
            gx,
            ctx.needsInputGrad(1) ? gy.mul(xhat).sum(dims, false) : null,
            ctx.needsInputGrad(2) ? gy.sum(dims, false) : null
          };
        },
        x,
        weight);
  }

  private static void update(Tensor r, int ch, double stat, double momentum) {
    int idx = r.offset + ch * r.strides[0];
    r.storage.setDouble(idx, (1 - momentum) * r.storage.getDouble(idx) + momentum * stat);
  }

  /** {@code F.layer_norm} over the last {@code normalizedDims} dims. */
  static Tensor layerNorm(Tensor x, int normalizedDims, Tensor weight, Tensor bias, double eps) {
    int rank = x.dim();
    int inner = 1;
    for (int i = rank - normalizedDims; i < rank; i++) {
      inner *= x.shape[i];
    }
    int rows = inner == 0 ? 0 : x.numel() / inner;
    Tensor xc = x.contiguousData();
    Tensor w = weight == null ? null : weight.contiguousData();
    Tensor bb = bias == null ? null : bias.contiguousData();
    Tensor out = Creation.full(x.shape, 0, x.dtype());
    for (int r = 0; r < rows; r++) {
      int base = r * inner;
      double s = 0;
      for (int i = 0; i < inner; i++) {
        s += xc.storage.getDouble(xc.offset + base + i);
      }
      double m = s / inner;
      double ss = 0;
      for (int i = 0; i < inner; i++) {
        double d = xc.storage.getDouble(xc.offset + base + i) - m;
        ss += d * d;
      }
      double is = 1 / Math.sqrt(ss / inner + eps);
      for (int i = 0; i < inner; i++) {
        double v = (xc.storage.getDouble(xc.offset + base + i) - m) * is;
        if (w != null) {
          v *= w.storage.getDouble(w.offset + i);
        }
        if (bb != null) {
          v += bb.storage.getDouble(bb.offset + i);
        }
        out.storage.setDouble(base + i, v);
      }
    }
    int[] normDims = new int[normalizedDims];
    int[] leadDims = new int[rank - normalizedDims];
    for (int i = 0; i < rank; i++) {
      if (i < rank - normalizedDims) {
        leadDims[i] = i;
      } else {
        normDims[i - (rank - normalizedDims)] = i;
      }
    }
    return Op.record(
        "NativeLayerNormBackward0",
        out,
        new Tensor[] {x, weight, bias},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor wt = ctx.saved(1);
          Tensor gy = g[0];
          Tensor m = in.mean(normDims, true);
          Tensor centered = in.sub(m);
          Tensor is = centered.mul(centered).mean(normDims, true).add(eps).rsqrt();
          Tensor xhat = centered.mul(is);
          Tensor gx = null;
          if (ctx.needsInputGrad(0)) {
            Tensor gxhat = wt == null ? gy : gy.mul(wt);
            gx =
                gxhat
                    .sub(gxhat.mean(normDims, true))
                    .sub(xhat.mul(gxhat.mul(xhat).mean(normDims, true)))
                    .mul(is);
          }
          return new Tensor[] {
            gx,
            ctx.needsInputGrad(1) ? sumLeading(gy.mul(xhat), leadDims) : null,
            ctx.needsInputGrad(2) ? sumLeading(gy, leadDims) : null
          };
        },
        x,
        weight);
  }

  private static Tensor sumLeading(Tensor t, int[] leadDims) {
    return leadDims.length == 0 ? t : t.sum(leadDims, false);
  }
}
