package org.autograd4j;

import org.autograd4j.autograd.GradMode;
import org.autograd4j.autograd.Op;
import org.autograd4j.internal.ScratchArrays;
import org.autograd4j.internal.Storage;
import org.autograd4j.internal.kernels.Conv2dGeometry;
import org.autograd4j.internal.kernels.Convolutions;
import org.autograd4j.internal.kernels.Elementwise;
import org.autograd4j.internal.kernels.Gemm;
import org.autograd4j.internal.kernels.Im2Col;
import org.autograd4j.internal.kernels.Kernels;
import org.autograd4j.internal.kernels.RowSpanFold;

/**
 * Convolution as im2col + GEMM. Two native ops, {@code im2col} (F.unfold, grad_fn {@code
 * Im2ColBackward0}) and its adjoint {@code col2im} (F.fold, {@code Col2ImBackward0}), each the
 * other's derivative; convolution and transposed convolution are one fused op ({@code
 * ConvolutionBackward0}) whose forward and backward are written with those two ops and matmul, so
 * the backward is itself differentiable (double backward, gradgradcheck).
 *
 * <p>Weights are viewed per group as {@code (G, O/G, C/G·kh·kw)} and columns as {@code (N, G,
 * C/G·kh·kw, L)}, so one broadcast matmul computes every group of every sample.
 */
final class NnConvOps {
  private NnConvOps() {}

  /** Kernel size, stride, padding, dilation of a 2-D window: {@code {kh, kw, sh, sw, ...}}. */
  record Window(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
    Conv2dGeometry geometry(int channels, int height, int width) {
      return new Conv2dGeometry(channels, height, width, kh, kw, ph, pw, sh, sw, dh, dw);
    }
  }

  private static Tensor floating(Tensor x) {
    if (!x.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(
          "expected a floating point tensor, got " + x.dtype().name().toLowerCase());
    }
    return x.contiguousData();
  }

  /** {@code (N, C, H, W) -> (N, C·kh·kw, L)}. */
  static Tensor im2col(Tensor x, Window w) {
    return im2col(x, w, false);
  }

  /**
   * {@link #im2col}, float32 results on a {@link Storage#scratch} array when {@code scratch}: for
   * columns that never reach the caller's hands, whose storage the convolution recycles.
   */
  private static Tensor im2col(Tensor x, Window w, boolean scratch) {
    Tensor c = floating(x);
    int n = x.shape[0];
    Conv2dGeometry g = w.geometry(x.shape[1], x.shape[2], x.shape[3]);
    int rows = g.colRows();
    int cols = g.colCols();
    int[] shape = {n, rows, cols};
    // Im2Col.im2col overwrites every element, so a reused array's stale contents do not matter.
    Tensor out =
        scratch && x.dtype() == DType.FLOAT32
            ? new Tensor(Storage.scratch(Shapes.numel(shape)), shape)
            : Creation.full(shape, 0, x.dtype());
    int plane = x.shape[1] * x.shape[2] * x.shape[3];
    Elementwise ew = Kernels.get().elementwise();
    SampleChunks.run(
        n,
        SampleChunks.count(n, (long) rows * cols),
        (chunk, lo, hi) -> {
          for (int i = lo; i < hi; i++) {
            if (x.dtype() == DType.FLOAT32) {
              Im2Col.im2col(
                  ew,
                  c.storage.floats(),
                  c.offset + i * plane,
                  g,
                  out.storage.floats(),
                  i * rows * cols);
            } else {
              Im2Col.im2col(
                  c.storage.doubles(),
                  c.offset + i * plane,
                  g,
                  out.storage.doubles(),
                  i * rows * cols);
            }
          }
        });
    int h = x.shape[2];
    int wd = x.shape[3];
    return Op.record(
        "Im2ColBackward0",
        out,
        new Tensor[] {x},
        (ctx, gr) -> new Tensor[] {col2im(gr[0], h, wd, w)});
  }

  /** The adjoint of {@link #im2col}: {@code (N, C·kh·kw, L) -> (N, C, H, W)}, overlaps summed. */
  static Tensor col2im(Tensor cols, int height, int width, Window w) {
    Tensor c = floating(cols);
    int n = cols.shape[0];
    int k = w.kh() * w.kw();
    if (cols.shape[1] % k != 0) {
      throw new IllegalArgumentException(
          "Expected size of input's dimension 1 to be divisible by the product of kernel_size, but"
              + " got input.size(1)="
              + cols.shape[1]
              + " and kernel_size=("
              + w.kh()
              + ", "
              + w.kw()
              + ")");
    }
    int channels = cols.shape[1] / k;
    Conv2dGeometry g = w.geometry(channels, height, width);
    if (g.colCols() != cols.shape[2]) {
      throw new IllegalArgumentException(
          "Given output_size=("
              + height
              + ", "
              + width
              + "), kernel_size=("
              + w.kh()
              + ", "
              + w.kw()
              + "), dilation=("
              + w.dh()
              + ", "
              + w.dw()
              + "), padding=("
              + w.ph()
              + ", "
              + w.pw()
              + "), stride=("
              + w.sh()
              + ", "
              + w.sw()
              + "), expected size of input's dimension 2 to match the calculated number of sliding"
              + " blocks "
              + g.outH()
              + " * "
              + g.outW()
              + " = "
              + g.colCols()
              + ", but got input.size(2)="
              + cols.shape[2]
              + ".");
    }
    int plane = channels * height * width;
    int colSize = cols.shape[1] * cols.shape[2];
    Tensor out = Creation.full(new int[] {n, channels, height, width}, 0, cols.dtype());
    Elementwise ew = Kernels.get().elementwise();
    for (int i = 0; i < n; i++) {
      if (cols.dtype() == DType.FLOAT32) {
        Im2Col.col2im(
            ew, c.storage.floats(), c.offset + i * colSize, g, out.storage.floats(), i * plane);
      } else {
        Im2Col.col2im(
            ew, c.storage.doubles(), c.offset + i * colSize, g, out.storage.doubles(), i * plane);
      }
    }
    return Op.record(
        "Col2ImBackward0", out, new Tensor[] {cols}, (ctx, gr) -> new Tensor[] {im2col(gr[0], w)});
  }

  // ------------------------------------------------------------------ convolution

  /**
   * {@code conv2d} on 4-D tensors: input {@code (N, C, H, W)}, weight {@code (O, C/G, kh, kw)};
   * result {@code (N, O, oh, ow)} without bias. Differentiable (used by forward and backward).
   */
  static Tensor conv(Tensor x, Tensor weight, Window w, int groups) {
    return convAndColumns(x, weight, null, w, groups, false, false)[0];
  }

  /**
   * {@link #conv} plus the bias if there is one, and the columns it multiplied, {@code (N, C·kh·kw,
   * L)}: {@code {out, cols}}. The columns are on a {@link Storage#scratch} storage when {@code
   * scratch}: the caller then either recycles them or saves them for a backward whose release
   * recycles them, and hands them to no one else. Those of a float32 convolution of one group are
   * then unfolded and multiplied block by block ({@link #convolveInBlocks}), and are null unless
   * the caller {@code keep}s them.
   */
  private static Tensor[] convAndColumns(
      Tensor x, Tensor weight, Tensor bias, Window w, int groups, boolean scratch, boolean keep) {
    int n = x.shape[0];
    int o = weight.shape[0];
    int k = weight.shape[1] * w.kh() * w.kw();
    Conv2dGeometry g = w.geometry(x.shape[1], x.shape[2], x.shape[3]);
    if (scratch
        && groups == 1
        && x.dtype() == DType.FLOAT32
        && weight.dtype() == DType.FLOAT32
        && (bias == null || bias.dtype() == DType.FLOAT32)) {
      return convolveInBlocks(x, weight, bias, g, keep);
    }
    Tensor cols = im2col(x, w, scratch);
    Tensor out = weight.reshape(groups, o / groups, k).matmul(cols.view(n, groups, k, g.colCols()));
    out = out.reshape(n, o, g.outH(), g.outW());
    return new Tensor[] {bias == null ? out : withBias(out, bias), cols};
  }

  /**
   * {@code out + bias.view(1, -1, 1, 1)}, into {@code out} itself: the product is a fresh array no
   * one else sees (PyTorch's convolution adds its bias in place too).
   */
  private static Tensor withBias(Tensor out, Tensor bias) {
    Tensor b = bias.view(1, -1, 1, 1);
    return b.dtype() == out.dtype() && FastPaths.addInPlace(out, b) ? out : out.add(b);
  }

  /**
   * A float32 convolution of one group, unfolded, multiplied and biased a block of samples at a
   * time, each thread on its own range of samples: a block's columns (up to {@link #CHUNK_FLOATS})
   * are still in cache when its product reads them, and its outputs when the bias is added, where
   * unfolding the whole batch first (6.5 MB of columns for the CNN's conv2) sent them out to memory
   * in between. The same products and additions as the batch-wide path, so the same bits. Columns
   * to {@code keep} are the whole batch's, on a {@link Storage#scratch} storage, as {@link
   * #convAndColumns} describes; otherwise each thread unfolds its blocks into one buffer of its own
   * and the columns come out null, or, where the provider has a direct kernel for the geometry,
   * {@link DirectConvolutions#forward} convolves without columns. CNN training step, one JVM
   * alternating both every 50 steps, 1 thread, batch-wide against blocks: conv2 forward 1739 ->
   * 1570 us and 1482 -> 1274 us on JDK 17 (step 8.06 -> 7.96 and 6.69 -> 6.52 ms), 1481 -> 1320 us
   * on JDK 25 (step 6.93 -> 6.73 ms); conv1 forward 2-8% faster.
   */
  private static Tensor[] convolveInBlocks(
      Tensor x, Tensor weight, Tensor bias, Conv2dGeometry g, boolean keep) {
    int n = x.shape[0];
    int o = weight.shape[0];
    int rows = g.colRows();
    int l = g.colCols();
    int plane = x.shape[1] * x.shape[2] * x.shape[3];
    Tensor xc = x.contiguousData();
    Tensor wc = weight.contiguousData();
    float[] biases = bias == null ? null : bias.contiguous().toFloatArray();
    Tensor cols = keep ? new Tensor(Storage.scratch(n * rows * l), new int[] {n, rows, l}) : null;
    // Every element is written by the products below (beta 0, old contents unread): an array
    // given back to the pool (Sequential gives back a convolution's output once its fused ReLU
    // and pooling are done) serves as well as a new one, and is still in cache.
    float[] os = ScratchArrays.take(n * o * l);
    Tensor out = new Tensor(Storage.of(os), new int[] {n, o, g.outH(), g.outW()});
    Convolutions kernels = Kernels.get().convolutions();
    if (!keep && kernels.hasForward(g, o)) {
      DirectConvolutions.forward(kernels, xc, wc, biases, g, o, os);
      return new Tensor[] {out, null};
    }
    int block = Math.max(1, CHUNK_FLOATS / Math.max(1, rows * l));
    Elementwise ew = Kernels.get().elementwise();
    Gemm gemm = Kernels.get().gemm();
    SampleChunks.run(
        n,
        SampleChunks.count(n, (long) rows * l),
        (chunk, lo, hi) -> {
          // Kept columns sit at their sample's place in the batch, others at their block's.
          float[] cs =
              keep
                  ? cols.storage.floats()
                  : ScratchArrays.take(Math.min(block, hi - lo) * rows * l);
          for (int s0 = lo; s0 < hi; s0 += block) {
            int s1 = Math.min(hi, s0 + block);
            int first = keep ? 0 : s0;
            for (int s = s0; s < s1; s++) {
              Im2Col.im2col(
                  ew, xc.storage.floats(), xc.offset + s * plane, g, cs, (s - first) * rows * l);
            }
            gemm.sgemmBatched(
                false,
                false,
                o,
                l,
                rows,
                1f,
                wc.storage.floats(),
                wc.offset,
                rows,
                0,
                cs,
                (s0 - first) * rows * l,
                l,
                rows * l,
                0f,
                os,
                s0 * o * l,
                l,
                o * l,
                s1 - s0);
            for (int s = s0; biases != null && s < s1; s++) {
              for (int c = 0; c < o; c++) {
                int at = (s * o + c) * l;
                ew.addScalar(os, at, biases[c], os, at, l);
              }
            }
          }
          if (!keep) {
            ScratchArrays.give(cs);
          }
        });
    return new Tensor[] {out, cols};
  }

  /**
   * {@code conv_transpose2d} on 4-D tensors: input {@code (N, Cin, H, W)}, weight {@code (Cin,
   * Cout/G, kh, kw)}, output {@code (N, Cout, outH, outW)} without bias.
   */
  static Tensor convTranspose(Tensor x, Tensor weight, Window w, int groups, int outH, int outW) {
    int n = x.shape[0];
    int cin = x.shape[1];
    int coutPerGroup = weight.shape[1];
    int k = coutPerGroup * w.kh() * w.kw();
    Tensor wt = weight.reshape(groups, cin / groups, k).transpose(1, 2);
    Tensor cols = wt.matmul(x.reshape(n, groups, cin / groups, x.shape[2] * x.shape[3]));
    return col2im(cols.reshape(n, groups * k, x.shape[2] * x.shape[3]), outH, outW, w);
  }

  /**
   * {@code ∂L/∂input} of {@link #conv}: {@link #convTranspose} of the output gradient, whose
   * differentiable form a graph being built (create_graph) needs. Otherwise float32 goes to {@link
   * #convInputGradDirect}.
   */
  static Tensor convInputGrad(Tensor g, Tensor weight, Window w, int groups, int h, int wd) {
    if (!GradMode.isEnabled()
        && g.dtype() == DType.FLOAT32
        && weight.dtype() == DType.FLOAT32
        && w.geometry(1, h, wd).colCols() == g.shape[2] * g.shape[3]) {
      return convInputGradDirect(g, weight, w, groups, h, wd);
    }
    return convTranspose(g, weight, w, groups, h, wd);
  }

  /**
   * {@link #convTranspose} straight on the arrays: the columns' gradient {@code Wᵀ · g_n} of a few
   * samples at a time goes into one buffer that stays in cache, and col2im folds it into the input
   * gradient at once, instead of a columns' gradient of the whole batch (6.5 MB for the CNN's
   * second layer) being allocated, written out and read back. Samples per chunk: as many as fit
   * {@link #CHUNK_FLOATS}; each chunk packs the weight once (sgemmBatched).
   *
   * <p>Where the kernel provider has a direct kernel for the geometry ({@link
   * Convolutions#hasInputGrad}: the CNN's second layer), {@link DirectConvolutions#inputGrad} does
   * without columns. Otherwise, stride-1 convolutions with a finite weight use {@link
   * RowSpanFold}'s layout: a product 12/8 as wide for a layer like the CNN's second, but a fold of
   * whole vectors in place of col2im's 8-float runs. One JVM alternating both, batch 64, forward
   * and backward, JDK 17: that layer 4.33 against 4.58 ms and 4.02 against 4.32 (best of 35
   * rounds), a 3x3 padding-1 convolution 16 to 16 channels on 28x28 18.4 against 21.6 ms; JDK 25:
   * 4.21 against 4.15.
   */
  private static Tensor convInputGradDirect(
      Tensor g, Tensor weight, Window w, int groups, int h, int wd) {
    int n = g.shape[0];
    int cin = weight.shape[1] * groups;
    Conv2dGeometry geo = w.geometry(cin, h, wd);
    int og = weight.shape[0] / groups;
    Convolutions kernels = Kernels.get().convolutions();
    if (groups == 1 && kernels.hasInputGrad(geo, og)) {
      return DirectConvolutions.inputGrad(kernels, g, weight, geo);
    }
    int kg = weight.shape[1] * w.kh() * w.kw();
    Tensor gc = g.contiguousData();
    Tensor wc = weight.contiguousData();
    Tensor out = Creation.full(new int[] {n, cin, h, wd}, 0, DType.FLOAT32);
    // Stride 1 with a finite weight: runs of whole vectors instead of col2im (RowSpanFold).
    RowSpanFold spans =
        RowSpanFold.applies(geo) && allFinite(wc.storage.floats(), wc.offset, wc.numel())
            ? new RowSpanFold(geo)
            : null;
    int l = spans != null ? spans.columns() : geo.colCols();
    int colSize = groups * kg * l;
    int chunk = colSize == 0 ? 1 : Math.max(1, Math.min(n, CHUNK_FLOATS / colSize));
    Gemm gemm = Kernels.get().gemm();
    Elementwise ew = Kernels.get().elementwise();
    float[] gs = gc.storage.floats();
    float[] image = out.storage.floats();
    int plane = cin * h * wd;
    int gSize = groups * og * geo.colCols();
    // Each thread folds its own samples, through its own columns buffer.
    SampleChunks.run(
        n,
        SampleChunks.count(n, colSize),
        (part, lo, hi) -> {
          int most = Math.min(chunk, hi - lo);
          // Every product below overwrites the columns it then folds (beta 0): a reused array's
          // stale contents do not matter.
          float[] cols = ScratchArrays.take(most * colSize);
          if (spans == null) {
            for (int i0 = lo; i0 < hi; i0 += chunk) {
              int samples = Math.min(chunk, hi - i0);
              columnsGrad(gemm, wc, groups, gs, gc.offset + i0 * gSize, l, gSize, cols, samples);
              for (int s = 0; s < samples; s++) {
                Im2Col.col2im(ew, cols, s * colSize, geo, image, (i0 + s) * plane);
              }
            }
            ScratchArrays.give(cols);
            return;
          }
          // The output gradient spread onto the padded rows; the zeros between rows stay zero.
          float[] spread = new float[most * groups * og * l];
          float[] planes = new float[spans.planeFloats()];
          for (int i0 = lo; i0 < hi; i0 += chunk) {
            int samples = Math.min(chunk, hi - i0);
            for (int s = 0; s < samples; s++) {
              spans.spread(
                  gs, gc.offset + (i0 + s) * gSize, groups * og, spread, s * groups * og * l);
            }
            columnsGrad(gemm, wc, groups, spread, 0, l, groups * og * l, cols, samples);
            for (int s = 0; s < samples; s++) {
              spans.fold(ew, cols, s * colSize, planes, image, (i0 + s) * plane);
            }
          }
          ScratchArrays.give(cols);
        });
    return out;
  }

  /** Whether {@code n} floats from {@code off} are all finite. */
  private static boolean allFinite(float[] a, int off, int n) {
    for (int i = off; i < off + n; i++) {
      if (!Float.isFinite(a[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The columns' gradient of {@code samples} samples, {@code cols[s][gi]} ({@code K/G x l}) {@code
   * = W_giᵀ (K/G x O/G) · g[s][gi] (O/G x l)}, where sample {@code s}'s output gradient starts at
   * {@code gOff + s * gStride} and each group's rows are {@code l} apart; the weight is packed once
   * for all samples (sgemmBatched).
   */
  private static void columnsGrad(
      Gemm gemm,
      Tensor wc,
      int groups,
      float[] gs,
      int gOff,
      int l,
      int gStride,
      float[] cols,
      int samples) {
    int og = wc.shape[0] / groups;
    int kg = wc.numel() / wc.shape[0];
    int colSize = groups * kg * l;
    for (int gi = 0; gi < groups; gi++) {
      gemm.sgemmBatched(
          true,
          false,
          kg,
          l,
          og,
          1f,
          wc.storage.floats(),
          wc.offset + gi * og * kg,
          kg,
          0,
          gs,
          gOff + gi * og * l,
          l,
          gStride,
          0f,
          cols,
          gi * kg * l,
          l,
          colSize,
          samples);
    }
  }

  /**
   * Floats of columns' gradient per chunk in {@link #convInputGradDirect}, and of columns per block
   * in {@link #convolveInBlocks}: 1 MiB, an L2 of Zen 4 and of Zen 5. For the input gradient, half
   * that packed the weight twice as often and was 2-4% slower (ConvLayerBenchmark cnn2); for the
   * forward, half that gained less (CNN step 6.92 -> 6.79 ms against 6.52 -> 6.33 ms, JDK 17).
   */
  private static final int CHUNK_FLOATS = 1 << 18;

  /**
   * {@code ∂L/∂weight} of {@link #conv}: {@code Σ_n g_n · cols_nᵀ} per group. {@code savedCols} are
   * the forward's columns of {@code x} when it kept them, else null (then they are unfolded again);
   * a graph being built (create_graph) always unfolds {@code x} again, differentiably.
   */
  static Tensor convWeightGrad(
      Tensor x, Tensor g, Tensor savedCols, int[] weightShape, Window w, int groups) {
    if (!GradMode.isEnabled() && x.dtype() == g.dtype() && x.dtype().isFloatingPoint()) {
      // Not building a graph (no create_graph), so the gradient need not be differentiable.
      return convWeightGradDirect(x, g, savedCols, weightShape, w, groups);
    }
    int n = x.shape[0];
    int o = weightShape[0];
    int k = weightShape[1] * w.kh() * w.kw();
    int l = g.shape[2] * g.shape[3];
    Tensor cols = im2col(x, w).view(n, groups, k, l);
    Tensor gg = g.reshape(n, groups, o / groups, l);
    return gg.matmul(cols.transpose(2, 3)).sum(new int[] {0}, false).reshape(weightShape);
  }

  /**
   * {@link #convWeightGrad} straight on the arrays, for when no graph is built. First layers (few
   * rows of columns) go to {@link #convWeightGradByDots}, and geometries the provider has a direct
   * kernel for ({@link Convolutions#hasWeightGrad}) to {@link DirectConvolutions#weightGrad}.
   * Otherwise, per sample and group, the GEMM adds {@code cols_n · g_nᵀ} into the transposed
   * gradient {@code (K/G, O/G)}: it packs the columns as its row-major left operand (sequential
   * reads) and transposes only the small output gradient, where {@code g_n · cols_nᵀ} would
   * transpose the columns element by element. The columns are the forward's ({@code saved}) or else
   * unfolded again, sample by sample, into one reused buffer. The product is transposed once at the
   * end, and no {@code N x O x K} stack of per-sample products is summed.
   */
  private static Tensor convWeightGradDirect(
      Tensor x, Tensor g, Tensor saved, int[] weightShape, Window w, int groups) {
    int n = x.shape[0];
    int og = weightShape[0] / groups;
    int kg = weightShape[1] * w.kh() * w.kw();
    Conv2dGeometry geo = w.geometry(x.shape[1], x.shape[2], x.shape[3]);
    int l = geo.colCols();
    Tensor gc = g.contiguousData();
    boolean single = x.dtype() == DType.FLOAT32;
    if (weightGradByDots(x.dtype(), kg, l)) {
      return convWeightGradByDots(saved != null ? saved : im2col(x, w), gc, weightShape, groups);
    }
    Convolutions kernels = Kernels.get().convolutions();
    if (groups == 1 && single && kernels.hasWeightGrad(geo, og)) {
      return DirectConvolutions.weightGrad(kernels, x.contiguousData(), gc, geo, weightShape);
    }
    Tensor xc = x.contiguousData();
    Tensor savedCols = saved != null ? saved.contiguousData() : null;
    int plane = x.shape[1] * x.shape[2] * x.shape[3];
    Gemm gemm = Kernels.get().gemm();
    Elementwise ew = Kernels.get().elementwise();
    int chunks = SampleChunks.count(n, (long) groups * kg * l);
    // (G, K/G, O/G): the transposed gradient of every group, one partial sum per range of samples.
    Tensor[] partials = new Tensor[chunks];
    SampleChunks.run(
        n,
        chunks,
        (chunk, lo, hi) -> {
          Tensor cols =
              savedCols != null
                  ? savedCols
                  : Creation.full(new int[] {groups * kg, l}, 0, x.dtype());
          Tensor sum = Creation.full(new int[] {groups, kg, og}, 0, x.dtype());
          for (int i = lo; i < hi; i++) {
            int colsOff = cols.offset + (savedCols != null ? i * groups * kg * l : 0);
            if (savedCols == null && single) {
              Im2Col.im2col(
                  ew, xc.storage.floats(), xc.offset + i * plane, geo, cols.storage.floats(), 0);
            } else if (savedCols == null) {
              Im2Col.im2col(
                  xc.storage.doubles(), xc.offset + i * plane, geo, cols.storage.doubles(), 0);
            }
            for (int gi = 0; gi < groups; gi++) {
              int gOff = gc.offset + (i * groups + gi) * og * l;
              if (single) {
                gemm.sgemm(
                    false,
                    true,
                    kg,
                    og,
                    l,
                    1f,
                    cols.storage.floats(),
                    colsOff + gi * kg * l,
                    l,
                    gc.storage.floats(),
                    gOff,
                    l,
                    1f,
                    sum.storage.floats(),
                    gi * kg * og,
                    og);
              } else {
                gemm.dgemm(
                    false,
                    true,
                    kg,
                    og,
                    l,
                    1.0,
                    cols.storage.doubles(),
                    colsOff + gi * kg * l,
                    l,
                    gc.storage.doubles(),
                    gOff,
                    l,
                    1.0,
                    sum.storage.doubles(),
                    gi * kg * og,
                    og);
              }
            }
          }
          partials[chunk] = sum;
        });
    Tensor transposed = SampleChunks.sumInOrder(partials);
    return transposed.transpose(1, 2).contiguous().view(weightShape);
  }

  /**
   * Up to this many rows of columns per group (input channels x kernel taps; the first layer of an
   * image model has 1 or 3 channels), the float32 weight gradient is computed by {@link
   * #convWeightGradByDots}: a GEMM with so few rows is mostly edge tiles and packing. Measured with
   * 64 samples: 16 x 25 over 576 positions 2.4 -> 1.0 ms, 8 x 9 over 784 1.3 -> 0.23 ms; at 200
   * rows the GEMM is faster (4.6 against 9.0 ms over 256 positions).
   */
  private static final int FEW_COLUMN_ROWS = 64;

  /**
   * Whether the weight gradient of a convolution of this dtype, {@code kg} rows of columns per
   * group and {@code l} output positions goes through {@link #convWeightGradByDots}.
   */
  private static boolean weightGradByDots(DType dtype, int kg, int l) {
    return dtype == DType.FLOAT32 && kg <= FEW_COLUMN_ROWS && l >= 16;
  }

  /**
   * The float32 weight gradient as dot products: per group, {@code Σ_n g_n · cols_nᵀ} by {@link
   * org.autograd4j.internal.kernels.Reductions#sumOfProductsNT}, straight into the {@code (O, C/G,
   * kh, kw)} result.
   */
  private static Tensor convWeightGradByDots(
      Tensor columns, Tensor gc, int[] weightShape, int groups) {
    Tensor cols = columns.contiguousData();
    int n = cols.shape[0];
    int l = cols.shape[2];
    int og = weightShape[0] / groups;
    int kg = cols.shape[1] / groups;
    int chunks = SampleChunks.count(n, (long) groups * (og + kg) * l);
    Tensor[] partials = new Tensor[chunks];
    SampleChunks.run(
        n,
        chunks,
        (chunk, lo, hi) -> {
          Tensor sum = Creation.full(weightShape, 0, DType.FLOAT32);
          for (int gi = 0; gi < groups; gi++) {
            Kernels.get()
                .reductions()
                .sumOfProductsNT(
                    hi - lo,
                    og,
                    kg,
                    l,
                    gc.storage.floats(),
                    gc.offset + (lo * groups + gi) * og * l,
                    l,
                    groups * og * l,
                    cols.storage.floats(),
                    cols.offset + (lo * groups + gi) * kg * l,
                    l,
                    groups * kg * l,
                    sum.storage.floats(),
                    gi * og * kg,
                    kg);
          }
          partials[chunk] = sum;
        });
    return SampleChunks.sumInOrder(partials);
  }

  /** Bias gradient: the sum over batch and space. */
  static Tensor biasGrad(Tensor g) {
    return g.sum(new int[] {0, 2, 3}, false);
  }

  /**
   * The fused differentiable convolution ({@code ConvolutionBackward0}) on 4-D tensors, {@code
   * transposed} selecting conv_transpose2d (then {@code outH/outW} give the output size).
   */
  static Tensor convolution(
      Tensor x,
      Tensor weight,
      Tensor bias,
      Window w,
      int groups,
      boolean transposed,
      int outH,
      int outW) {
    // The weight gradient multiplies the same columns as the forward. Its dot products (first
    // layers) read the columns the forward kept, as PyTorch's slow_conv2d keeps its "finput". Its
    // GEMMs instead unfold the input again, a sample at a time into a buffer that stays in cache:
    // kept, the CNN's second layer's 6.5 MB of columns were written out to memory by the forward
    // and read back by the backward. CNN step, one JVM alternating both every 50 steps, 1 thread:
    // conv2 forward 1073 -> 926 and 1047 -> 989 us, backward 4035 -> 3635 and 3777 -> 3644 us on
    // JDK 17; forward 990 -> 893 and 964 -> 914 us, backward 3481 -> 3413 and 3446 -> 3361 us on
    // JDK 25. The first layer's dot products lost as much as they gained.
    boolean keepColumns =
        !transposed
            && GradMode.isEnabled()
            && weight.requiresGrad()
            && weightGradByDots(
                x.dtype(),
                weight.shape[1] * w.kh() * w.kw(),
                w.geometry(x.shape[1], x.shape[2], x.shape[3]).colCols());
    Tensor out;
    Tensor cols = null;
    try (var s = GradMode.scope(false)) {
      if (transposed) {
        out = convTranspose(x, weight, w, groups, outH, outW);
        out = bias == null ? out : withBias(out, bias);
      } else {
        // The columns are saved below and recycled when the backward frees them (SavedTensor),
        // or recycled right here when no backward needs them.
        Tensor[] outAndCols = convAndColumns(x, weight, bias, w, groups, true, keepColumns);
        out = outAndCols[0];
        cols = keepColumns ? outAndCols[1] : null;
        if (!keepColumns && outAndCols[1] != null) {
          outAndCols[1].storage.recycle();
        }
      }
    }
    int[] xShape = x.shape.clone();
    int[] wShape = weight.shape.clone();
    return Op.record(
        "ConvolutionBackward0",
        out,
        new Tensor[] {x, weight, bias},
        (ctx, g) -> {
          Tensor in = ctx.saved(0);
          Tensor wt = ctx.saved(1);
          Tensor gi = null;
          Tensor gw = null;
          if (ctx.needsInputGrad(0)) {
            gi =
                transposed
                    ? conv(g[0], wt, w, groups)
                    : convInputGrad(g[0], wt, w, groups, xShape[2], xShape[3]);
          }
          if (ctx.needsInputGrad(1)) {
            // conv_transpose(x, W) is the adjoint of conv(., W), so <g, convT(x)> = <conv(g), x>:
            // its weight gradient is conv's, with the gradient as input and x as output gradient.
            gw =
                transposed
                    ? convWeightGrad(g[0], in, null, wShape, w, groups)
                    : convWeightGrad(in, g[0], ctx.saved(2), wShape, w, groups);
          }
          Tensor gb = ctx.needsInputGrad(2) ? biasGrad(g[0]) : null;
          if (ctx.ownsGrad(0)) {
            // The engine held the only reference to the output's gradient and drops it now: its
            // array goes back to the scratch pool, for the next step's pooling backward or
            // convolution (a max pool's gradient is as large as this output). CNN step, 1 thread,
            // one JVM: backward 3274 -> 3145 and 3237 -> 3039 us on JDK 17, 3170 -> 2975 and
            // 3186 -> 2989 us on JDK 25.
            NnOps.recycleUnshared(g[0]);
          }
          return new Tensor[] {gi, gw, gb};
        },
        x,
        weight,
        cols);
  }

  /**
   * The 1-D form: input {@code (N, C, L)}, weight {@code (O, C/G, k)} (or {@code (Cin, Cout/G, k)}
   * transposed), computed as a 2-D convolution of height 1 but recorded on the 3-D tensors, so the
   * result's grad_fn is {@code ConvolutionBackward0} as in PyTorch.
   */
  static Tensor convolution1d(
      Tensor x, Tensor weight, Tensor bias, Window w, int groups, boolean transposed, int outL) {
    Tensor out;
    try (var s = GradMode.scope(false)) {
      out =
          convolution(x.unsqueeze(2), weight.unsqueeze(2), bias, w, groups, transposed, 1, outL)
              .squeeze(2);
    }
    int[] xShape = x.shape.clone();
    int[] wShape = weight.shape.clone();
    return Op.record(
        "ConvolutionBackward0",
        out,
        new Tensor[] {x, weight, bias},
        (ctx, g) -> {
          Tensor in = ctx.saved(0).unsqueeze(2);
          Tensor wt = ctx.saved(1).unsqueeze(2);
          Tensor g4 = g[0].unsqueeze(2);
          Tensor gi = null;
          Tensor gw = null;
          if (ctx.needsInputGrad(0)) {
            gi =
                (transposed
                        ? conv(g4, wt, w, groups)
                        : convTranspose(g4, wt, w, groups, 1, xShape[2]))
                    .reshape(xShape);
          }
          if (ctx.needsInputGrad(1)) {
            int[] w4 = {wShape[0], wShape[1], 1, wShape[2]};
            gw =
                (transposed
                        ? convWeightGrad(g4, in, null, w4, w, groups)
                        : convWeightGrad(in, g4, null, w4, w, groups))
                    .reshape(wShape);
          }
          return new Tensor[] {
            gi, gw, ctx.needsInputGrad(2) ? g[0].sum(new int[] {0, 2}, false) : null
          };
        },
        x,
        weight);
  }
}
