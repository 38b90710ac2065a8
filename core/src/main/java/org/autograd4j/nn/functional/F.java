package org.autograd4j.nn.functional;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Op;
import org.autograd4j.nn.Reduction;

/**
 * {@code torch.nn.functional}: stateless forms of the layers and losses. Defaults are PyTorch's;
 * keyword arguments become overloads. The implementations live in theme classes ({@code Losses},
 * {@code Convolution}, {@code Pooling}, {@code Normalization}); this class is the single entry
 * point.
 *
 * <pre>{@code
 * Tensor y = F.linear(x, weight, bias);
 * Tensor loss = F.crossEntropy(F.relu(y), target);
 * }</pre>
 */
public final class F {
  private F() {}

  /** {@code ignore_index}'s default. */
  public static final long DEFAULT_IGNORE_INDEX = -100;

  // ------------------------------------------------------------------ linear

  /**
   * {@code F.linear(input, weight, bias)}: {@code input @ weight.T + bias}; on 2-D input a single
   * fused addmm, as PyTorch does (grad_fn {@code AddmmBackward0}).
   */
  public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
    if (input.dim() == 2 && bias != null) {
      return bias.addmm(input, weight.t());
    }
    Tensor out = input.matmul(weight.t());
    return bias == null ? out : out.add(bias);
  }

  // ------------------------------------------------------------------ activations

  /** {@code F.relu(x)}. */
  public static Tensor relu(Tensor x) {
    return x.relu();
  }

  /** {@code F.leaky_relu(x, 0.01)}. */
  public static Tensor leakyRelu(Tensor x) {
    return leakyRelu(x, 0.01);
  }

  /** {@code F.leaky_relu(x, negative_slope)}: x where x > 0, else slope·x. */
  public static Tensor leakyRelu(Tensor x, double negativeSlope) {
    return x.leakyRelu(negativeSlope);
  }

  /** {@code F.gelu(x)}: x·Φ(x), grad_fn {@code GeluBackward0}. */
  public static Tensor gelu(Tensor x) {
    return x.gelu();
  }

  /**
   * {@code F.gelu(x, approximate)}: {@code "none"} (exact) or {@code "tanh"}.
   *
   * <pre>{@code
   * F.gelu(x, "tanh");
   * }</pre>
   */
  public static Tensor gelu(Tensor x, String approximate) {
    if (!approximate.equals("none") && !approximate.equals("tanh")) {
      throw new IllegalArgumentException("approximate argument must be either none or tanh.");
    }
    return x.gelu(approximate);
  }

  /** {@code F.silu(x)}: x·σ(x). */
  public static Tensor silu(Tensor x) {
    return x.silu();
  }

  /** {@code torch.sigmoid(x)}. */
  public static Tensor sigmoid(Tensor x) {
    return x.sigmoid();
  }

  /** {@code torch.tanh(x)}. */
  public static Tensor tanh(Tensor x) {
    return x.tanh();
  }

  /** {@code F.softmax(x, dim)}. */
  public static Tensor softmax(Tensor x, int dim) {
    return x.softmax(dim);
  }

  /** {@code F.log_softmax(x, dim)}, computed stably in one pass. */
  public static Tensor logSoftmax(Tensor x, int dim) {
    return x.logSoftmax(dim);
  }

  /**
   * {@code F.dropout(x, p, training)}: zeroes each element with probability p and scales the rest
   * by 1/(1-p) in training; identity otherwise. grad_fn {@code NativeDropoutBackward0}.
   *
   * <pre>{@code
   * F.dropout(x, 0.5, model.isTraining());
   * }</pre>
   */
  public static Tensor dropout(Tensor x, double p, boolean training) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException(
          "dropout probability has to be between 0 and 1, but got " + p);
    }
    if (!training || p == 0) {
      return x;
    }
    Tensor scaledMask;
    Tensor out;
    try (var g = Torch.noGrad()) {
      Tensor keep = Torch.rand(x.shape().toArray(), x.dtype()).ge(p).to(x.dtype());
      scaledMask = p == 1 ? keep : keep.div(1 - p);
      out = x.mul(scaledMask);
    }
    return Op.record(
        "NativeDropoutBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].mul(ctx.saved(0))},
        scaledMask);
  }

  /**
   * {@code torch.flatten(x, startDim, endDim)}: merges dims startDim..endDim into one.
   *
   * <pre>{@code
   * F.flatten(Torch.zeros(2, 3, 4), 1, -1).shape(); // torch.Size([2, 12])
   * }</pre>
   */
  public static Tensor flatten(Tensor x, int startDim, int endDim) {
    int rank = Math.max(x.dim(), 1);
    int s = startDim < 0 ? startDim + rank : startDim;
    int e = endDim < 0 ? endDim + rank : endDim;
    if (s < 0 || s >= rank || e < 0 || e >= rank) {
      throw new IndexOutOfBoundsException(
          "Dimension out of range (expected to be in range of ["
              + -rank
              + ", "
              + (rank - 1)
              + "], but got "
              + (s < 0 || s >= rank ? startDim : endDim)
              + ")");
    }
    if (s > e) {
      throw new IllegalArgumentException(
          "flatten() has invalid args: start_dim cannot come after end_dim");
    }
    if (x.dim() == 0) {
      return x.reshape(1);
    }
    int[] shape = x.shape().toArray();
    int[] out = new int[shape.length - (e - s)];
    int k = 0;
    for (int i = 0; i < s; i++) {
      out[k++] = shape[i];
    }
    int merged = 1;
    for (int i = s; i <= e; i++) {
      merged *= shape[i];
    }
    out[k++] = merged;
    for (int i = e + 1; i < shape.length; i++) {
      out[k++] = shape[i];
    }
    return s == e ? x : x.reshape(out);
  }

  /**
   * {@code F.bilinear(input1, input2, weight, bias)}: {@code y_k = x1ᵀ W_k x2 + b_k} with weight
   * {@code (out, in1, in2)}, over any leading batch dims.
   *
   * <pre>{@code
   * F.bilinear(Torch.randn(5, 2), Torch.randn(5, 3), Torch.randn(4, 2, 3), null).shape(); // [5, 4]
   * }</pre>
   */
  public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
    if (weight.dim() != 3
        || input1.size(-1) != weight.size(1)
        || input2.size(-1) != weight.size(2)) {
      throw new IllegalArgumentException(
          "bilinear(): weight "
              + weight.shape()
              + " does not match input1 "
              + input1.shape()
              + " and input2 "
              + input2.shape());
    }
    int out = weight.size(0);
    int in1 = weight.size(1);
    int in2 = weight.size(2);
    int[] lead = java.util.Arrays.copyOf(input1.shape().toArray(), input1.dim() - 1);
    Tensor x1 = input1.reshape(-1, in1);
    Tensor x2 = input2.reshape(-1, in2);
    // (N, in1) @ (in1, out·in2) -> (N, out, in2), then contract in2 with x2.
    Tensor t = x1.matmul(weight.permute(1, 0, 2).reshape(in1, out * in2)).reshape(-1, out, in2);
    Tensor y = t.mul(x2.unsqueeze(1)).sum(new int[] {2}, false);
    if (bias != null) {
      y = y.add(bias);
    }
    int[] shape = java.util.Arrays.copyOf(lead, lead.length + 1);
    shape[lead.length] = out;
    return y.reshape(shape);
  }

  // ------------------------------------------------------------------ convolution

  private static int[] pair(int v) {
    return new int[] {v, v};
  }

  /**
   * {@code F.conv2d(input, weight, bias)}: stride 1, no padding. Input {@code (N, C, H, W)} or
   * {@code (C, H, W)}, weight {@code (O, C/groups, kh, kw)}, bias {@code (O)} or null. grad_fn
   * {@code ConvolutionBackward0}.
   *
   * <pre>{@code
   * F.conv2d(Torch.randn(8, 1, 28, 28), Torch.randn(16, 1, 5, 5), null).shape(); // [8, 16, 24, 24]
   * }</pre>
   */
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
    return conv2d(input, weight, bias, pair(1), pair(0), pair(1), 1);
  }

  /** {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}, square sizes. */
  public static Tensor conv2d(
      Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
    return conv2d(input, weight, bias, pair(stride), pair(padding), pair(dilation), groups);
  }

  /** {@code F.conv2d} with {@code {h, w}} sizes; computed as im2col + GEMM. */
  public static Tensor conv2d(
      Tensor input,
      Tensor weight,
      Tensor bias,
      int[] stride,
      int[] padding,
      int[] dilation,
      int groups) {
    return Convolution.conv(2, input, weight, bias, stride, padding, dilation, groups);
  }

  /**
   * {@code F.conv2d} with {@code padding="same"} (output size = input size; stride must be 1) or
   * {@code "valid"} (no padding).
   */
  public static Tensor conv2d(
      Tensor input,
      Tensor weight,
      Tensor bias,
      int[] stride,
      String padding,
      int[] dilation,
      int groups) {
    return Convolution.conv(2, input, weight, bias, stride, padding, dilation, groups);
  }

  /**
   * {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)}: input {@code (N, C,
   * L)} or {@code (C, L)}, weight {@code (O, C/groups, k)}.
   *
   * <pre>{@code
   * F.conv1d(Torch.randn(2, 3, 10), Torch.randn(4, 3, 3), null, 1, 1, 1, 1).shape(); // [2, 4, 10]
   * }</pre>
   */
  public static Tensor conv1d(
      Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
    return Convolution.conv(
        1,
        input,
        weight,
        bias,
        new int[] {stride},
        new int[] {padding},
        new int[] {dilation},
        groups);
  }

  /** {@code F.conv1d} with {@code padding="same"} or {@code "valid"}. */
  public static Tensor conv1d(
      Tensor input,
      Tensor weight,
      Tensor bias,
      int stride,
      String padding,
      int dilation,
      int groups) {
    return Convolution.conv(
        1, input, weight, bias, new int[] {stride}, padding, new int[] {dilation}, groups);
  }

  /** {@code F.conv1d(input, weight, bias)}. */
  public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
    return conv1d(input, weight, bias, 1, 0, 1, 1);
  }

  /**
   * {@code F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups,
   * dilation)}: weight {@code (C_in, C_out/groups, kh, kw)}; output size {@code (H-1)·stride -
   * 2·padding + dilation·(k-1) + output_padding + 1}.
   *
   * <pre>{@code
   * F.convTranspose2d(x, w, null, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, 1,
   *     new int[] {1, 1});
   * }</pre>
   */
  public static Tensor convTranspose2d(
      Tensor input,
      Tensor weight,
      Tensor bias,
      int[] stride,
      int[] padding,
      int[] outputPadding,
      int groups,
      int[] dilation) {
    return Convolution.convTranspose2d(
        input, weight, bias, stride, padding, outputPadding, groups, dilation);
  }

  /** {@code F.conv_transpose2d(input, weight, bias)}: stride 1, no padding. */
  public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
    return convTranspose2d(input, weight, bias, pair(1), pair(0), pair(0), 1, pair(1));
  }

  /**
   * {@code F.unfold(input, kernel_size, dilation, padding, stride)}: sliding blocks as columns,
   * {@code (N, C, H, W) -> (N, C·kh·kw, L)}. grad_fn {@code Im2ColBackward0}.
   *
   * <pre>{@code
   * F.unfold(Torch.randn(1, 2, 4, 4), new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0},
   *     new int[] {1, 1}).shape(); // [1, 8, 9]
   * }</pre>
   */
  public static Tensor unfold(
      Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
    return Convolution.unfold(input, kernelSize, dilation, padding, stride);
  }

  /**
   * {@code F.fold(input, output_size, kernel_size, dilation, padding, stride)}: the adjoint of
   * unfold, summing overlapping blocks. grad_fn {@code Col2ImBackward0}.
   */
  public static Tensor fold(
      Tensor input,
      int[] outputSize,
      int[] kernelSize,
      int[] dilation,
      int[] padding,
      int[] stride) {
    return Convolution.fold(input, outputSize, kernelSize, dilation, padding, stride);
  }

  // ------------------------------------------------------------------ pooling

  /**
   * {@code F.max_pool2d(x, kernel_size)} (stride = kernel). grad_fn {@code
   * MaxPool2DWithIndicesBackward0}.
   *
   * <pre>{@code
   * F.maxPool2d(Torch.randn(1, 1, 4, 4), 2).shape(); // [1, 1, 2, 2]
   * }</pre>
   */
  public static Tensor maxPool2d(Tensor x, int kernelSize) {
    return maxPool2d(x, pair(kernelSize), null, pair(0), pair(1), false);
  }

  /**
   * {@code F.max_pool2d(x, kernel_size, stride, padding, dilation, ceil_mode)}; a null stride means
   * the kernel size.
   */
  public static Tensor maxPool2d(
      Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    return Pooling.maxPool2dWithIndices(x, kernelSize, stride, padding, dilation, ceilMode)[0];
  }

  /**
   * {@code F.max_pool2d(F.relu(x), kernel_size, stride, padding, dilation, ceil_mode)} in one pass,
   * as {@code nn.Sequential} runs a ReLU followed by a MaxPool2d (not in PyTorch, which makes the
   * two calls). The same values to the bit, the same gradients and the same graph (grad_fn {@code
   * MaxPool2DWithIndicesBackward0} over {@code ReluBackward0}), without making the ReLU's output or
   * its gradient: the pool of relu(x) is the pool of x wherever a window holds a positive value,
   * and only those windows pass a gradient back. A null stride means the kernel size.
   *
   * <pre>{@code
   * Tensor x = Torch.randn(1, 16, 24, 24);
   * Tensor y = F.maxPool2dOfRelu(x, new int[] {2, 2}, null, new int[] {0, 0}, new int[] {1, 1}, false);
   * // y equals F.maxPool2d(F.relu(x), 2)
   * }</pre>
   */
  public static Tensor maxPool2dOfRelu(
      Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    return Pooling.maxPool2dOfRelu(x, kernelSize, stride, padding, dilation, ceilMode);
  }

  /**
   * {@code F.max_pool2d(..., return_indices=True)}: {@code {values, indices}}, indices into each
   * flattened H·W input plane (int64).
   */
  public static Tensor[] maxPool2dWithIndices(
      Tensor x, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    return Pooling.maxPool2dWithIndices(x, kernelSize, stride, padding, dilation, ceilMode);
  }

  /** {@code F.avg_pool2d(x, kernel_size)} (stride = kernel). grad_fn {@code AvgPool2DBackward0}. */
  public static Tensor avgPool2d(Tensor x, int kernelSize) {
    return avgPool2d(x, pair(kernelSize), null, pair(0), false, true, 0);
  }

  /**
   * {@code F.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad,
   * divisor_override)}; a null stride means the kernel size, a divisor of 0 means none.
   *
   * <pre>{@code
   * F.avgPool2d(x, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, true, false, 0);
   * }</pre>
   */
  public static Tensor avgPool2d(
      Tensor x,
      int[] kernelSize,
      int[] stride,
      int[] padding,
      boolean ceilMode,
      boolean countIncludePad,
      int divisorOverride) {
    return Pooling.avgPool2d(
        x, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
  }

  /**
   * {@code F.adaptive_avg_pool2d(x, output_size)}: averages over windows {@code [floor(i·H/oh),
   * ceil((i+1)·H/oh))}. grad_fn {@code AdaptiveAvgPool2DBackward0} ({@code MeanBackward1} for a 1×1
   * output, as PyTorch).
   */
  public static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) {
    return Pooling.adaptiveAvgPool2d(x, outputSize[0], outputSize[1]);
  }

  /** {@code F.adaptive_avg_pool2d(x, n)}: an n×n output. */
  public static Tensor adaptiveAvgPool2d(Tensor x, int outputSize) {
    return adaptiveAvgPool2d(x, pair(outputSize));
  }

  // ------------------------------------------------------------------ normalisation, embedding

  /**
   * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)}:
   * normalises each channel (dim 1) over every other dim. In training the batch statistics are used
   * and the running buffers (if not null) updated in place, the variance unbiased; otherwise the
   * running statistics are used. grad_fn {@code NativeBatchNormBackward0}.
   *
   * <pre>{@code
   * F.batchNorm(x, runningMean, runningVar, gamma, beta, true, 0.1, 1e-5);
   * }</pre>
   */
  public static Tensor batchNorm(
      Tensor input,
      Tensor runningMean,
      Tensor runningVar,
      Tensor weight,
      Tensor bias,
      boolean training,
      double momentum,
      double eps) {
    return Normalization.batchNorm(
        input, runningMean, runningVar, weight, bias, training, momentum, eps);
  }

  /**
   * {@code F.layer_norm(input, normalized_shape, weight, bias, eps)}: normalises over the trailing
   * dims given by {@code normalizedShape}. grad_fn {@code NativeLayerNormBackward0}.
   *
   * <pre>{@code
   * F.layerNorm(x, new int[] {x.size(-1)}, null, null, 1e-5);
   * }</pre>
   */
  public static Tensor layerNorm(
      Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    return Normalization.layerNorm(input, normalizedShape, weight, bias, eps);
  }

  /**
   * {@code F.embedding(input, weight, padding_idx)}: rows of {@code weight} for int64 indices; the
   * row {@code paddingIdx} (null for none; negative counts from the end) gets no gradient. grad_fn
   * {@code EmbeddingBackward0}.
   *
   * <pre>{@code
   * F.embedding(Torch.tensor(new long[] {0, 2}), table, null).shape(); // [2, D]
   * }</pre>
   */
  public static Tensor embedding(Tensor input, Tensor weight, Long paddingIdx) {
    return Normalization.embedding(input, weight, paddingIdx);
  }

  // ------------------------------------------------------------------ losses

  /** {@code F.mse_loss(input, target)} (mean). */
  public static Tensor mseLoss(Tensor input, Tensor target) {
    return mseLoss(input, target, Reduction.MEAN);
  }

  /** {@code F.mse_loss(input, target, reduction)}, grad_fn {@code MseLossBackward0}. */
  public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
    return Losses.pointwise(
        "MseLossBackward0",
        input,
        target,
        reduction,
        (x, y) -> {
          Tensor d = x.sub(y);
          return d.mul(d);
        },
        (x, y) -> x.sub(y).mul(2.0),
        (x, y) -> y.sub(x).mul(2.0));
  }

  /** {@code F.l1_loss(input, target, reduction)}: |input - target|, reduced. */
  public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
    return Losses.l1Loss(input, target, reduction);
  }

  /**
   * {@code F.smooth_l1_loss(input, target, reduction, beta)}: 0.5·d²/beta where |d| < beta, else
   * |d| - 0.5·beta. grad_fn {@code SmoothL1LossBackward0}.
   */
  public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
    return Losses.smoothL1Loss(input, target, reduction, beta);
  }

  /**
   * {@code F.huber_loss(input, target, reduction, delta)}: 0.5·d² where |d| < delta, else
   * delta·(|d| - 0.5·delta). grad_fn {@code HuberLossBackward0}.
   */
  public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
    return Losses.huberLoss(input, target, reduction, delta);
  }

  /**
   * {@code F.binary_cross_entropy(input, target, weight, reduction)} on probabilities; each log is
   * clamped at -100, so a 0 or 1 input gives a finite loss. grad_fn {@code
   * BinaryCrossEntropyBackward0}.
   *
   * <pre>{@code
   * F.binaryCrossEntropy(x.sigmoid(), y, null, Reduction.MEAN);
   * }</pre>
   */
  public static Tensor binaryCrossEntropy(
      Tensor input, Tensor target, Tensor weight, Reduction reduction) {
    return Losses.binaryCrossEntropy(input, target, weight, reduction);
  }

  /**
   * {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)}, in
   * the numerically stable form. grad_fn {@code BinaryCrossEntropyWithLogitsBackward0}.
   */
  public static Tensor binaryCrossEntropyWithLogits(
      Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction reduction) {
    return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
  }

  /** {@code F.cross_entropy(input, target)} with PyTorch's defaults. */
  public static Tensor crossEntropy(Tensor input, Tensor target) {
    return crossEntropy(input, target, null, DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0);
  }

  /**
   * {@code F.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)}: input
   * {@code (C)}, {@code (N, C)} or {@code (N, C, d...)} logits; target class indices (int64, the
   * input's shape without C) or class probabilities (float, the input's shape). The mean over class
   * indices is Σ w_y·l / Σ w_y over targets other than ignore_index. A fused log-softmax + NLL;
   * grad_fn {@code NllLossBackward0} as in PyTorch.
   *
   * <pre>{@code
   * F.crossEntropy(logits, Torch.tensor(new long[] {0, 3}), null, -100, Reduction.MEAN, 0.1);
   * }</pre>
   */
  public static Tensor crossEntropy(
      Tensor input,
      Tensor target,
      Tensor weight,
      long ignoreIndex,
      Reduction reduction,
      double labelSmoothing) {
    return Losses.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
  }

  /** {@code F.nll_loss(input, target)} with PyTorch's defaults. */
  public static Tensor nllLoss(Tensor input, Tensor target) {
    return nllLoss(input, target, null, DEFAULT_IGNORE_INDEX, Reduction.MEAN);
  }

  /**
   * {@code F.nll_loss(input, target, weight, ignore_index, reduction)} on log-probabilities; shapes
   * as in {@link #crossEntropy(Tensor, Tensor, Tensor, long, Reduction, double)}. grad_fn {@code
   * NllLossBackward0} ({@code NllLoss2DBackward0} for inputs of 3 or more dims).
   */
  public static Tensor nllLoss(
      Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
    return Losses.nllLoss(input, target, weight, ignoreIndex, reduction);
  }

  /**
   * {@code F.kl_div(input, target, reduction, log_target)}: input holds log-probabilities; target
   * probabilities (or log-probabilities with logTarget). {@link Reduction#BATCHMEAN} divides the
   * sum by the batch size, the mathematically correct KL divergence.
   */
  public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
    return Losses.klDiv(input, target, reduction, logTarget);
  }

  /** Applies a loss reduction (mean, sum or none) to per-element values. */
  public static Tensor reduce(Tensor values, Reduction reduction) {
    return Losses.reduce(values, reduction);
  }
}
