package org.autograd4j;

import org.autograd4j.internal.ScratchArrays;

/**
 * The native kernels behind {@code org.autograd4j.nn.functional.F} (PyTorch's {@code torch._C._nn}
 * and the {@code torch.conv2d}/{@code torch.max_pool2d}/{@code torch.batch_norm} family). They need
 * the tensors' storage, so they live in this package; user code should call {@code F} instead,
 * which validates arguments and documents each function.
 *
 * <pre>{@code
 * Tensor loss = F.crossEntropy(logits, target); // calls NnOps.softmaxCrossEntropy
 * }</pre>
 */
public final class NnOps {
  private NnOps() {}

  // ------------------------------------------------------------------ losses

  /**
   * The coefficient matrix of class-index targets (see {@code NnLossOps}); {@code denominator[0]}
   * receives the sum of the target classes' weights over non-ignored entries.
   */
  public static Tensor classTargetMatrix(
      Tensor target,
      int classes,
      Tensor weight,
      long ignoreIndex,
      double smoothing,
      DType dtype,
      double[] denominator) {
    return NnLossOps.classTargetMatrix(
        target, classes, weight, ignoreIndex, smoothing, dtype, denominator);
  }

  /**
   * Fused {@code -Σ_c A_ic log_softmax(x)_ic} over rows of {@code x (M, C)}; {@code reduction} 0
   * none, 1 mean (divided by {@code divisor}), 2 sum.
   */
  public static Tensor softmaxCrossEntropy(
      String gradFnName, Tensor x, Tensor a, int reduction, double divisor) {
    return NnLossOps.softmaxCrossEntropy(gradFnName, x, a, reduction, divisor);
  }

  /** {@code -Σ_c A_ic x_ic} over rows of log-probabilities {@code x (M, C)}, reduced likewise. */
  public static Tensor nll(String gradFnName, Tensor x, Tensor a, int reduction, double divisor) {
    return NnLossOps.nll(gradFnName, x, a, reduction, divisor);
  }

  // ------------------------------------------------------------------ activations

  /**
   * {@code F.relu(x)} written into x's own storage where it can be (a contiguous float x covering
   * all of it), for an x no other code holds, such as a layer's fresh output inside {@code
   * Sequential}: the same values and gradients as {@code F.relu}, without a new array. The result
   * is a new tensor with grad_fn {@code ReluBackward0} whose input is x.
   *
   * <pre>{@code
   * Tensor y = NnOps.reluOfUnshared(F.linear(x, w, b)); // y equals F.relu(F.linear(x, w, b))
   * }</pre>
   */
  public static Tensor reluOfUnshared(Tensor x) {
    return Elementwise.relu(x, true);
  }

  /**
   * Gives x's array to {@link org.autograd4j.internal.ScratchArrays} when x is a float32 tensor
   * covering all of it, for reuse as a later convolution's output or max-pooling gradient. Only for
   * an x that no one holds or reads any more: a layer's output inside {@code Sequential} once the
   * fused ReLU and pooling that read it are done (they keep nothing of it), or a gradient the
   * autograd engine alone held once its consumer is done ({@code OpContext.ownsGrad}).
   *
   * <pre>{@code
   * Tensor y = NnOps.maxPool2dOfRelu(z, kernel, stride, padding, dilation, false);
   * NnOps.recycleUnshared(z); // z is not used again
   * }</pre>
   */
  public static void recycleUnshared(Tensor x) {
    if (x.dtype() == DType.FLOAT32
        && x.offset == 0
        && x.storage.size() == x.numel()
        && Strided.isContiguous(x.shape, x.strides)) {
      ScratchArrays.give(x.storage.floats());
    }
  }

  // ------------------------------------------------------------------ convolution

  /**
   * {@code F.unfold} (im2col) of a 4-D input: {@code (N, C, H, W) -> (N, C·kh·kw, L)}, grad_fn
   * {@code Im2ColBackward0}. Sizes are {@code {kh, kw}}, {@code {sh, sw}}, ... (already validated).
   */
  public static Tensor unfold(Tensor x, int[] kernel, int[] dilation, int[] padding, int[] stride) {
    return NnConvOps.im2col(x, window(kernel, stride, padding, dilation));
  }

  /**
   * {@code F.fold} (col2im): {@code (N, C·kh·kw, L) -> (N, C, H, W)}, grad_fn {@code
   * Col2ImBackward0}.
   */
  public static Tensor fold(
      Tensor cols, int[] outputSize, int[] kernel, int[] dilation, int[] padding, int[] stride) {
    return NnConvOps.col2im(
        cols, outputSize[0], outputSize[1], window(kernel, stride, padding, dilation));
  }

  private static NnConvOps.Window window(int[] k, int[] s, int[] p, int[] d) {
    return new NnConvOps.Window(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1]);
  }

  /**
   * The fused convolution ({@code ConvolutionBackward0}) on batched input: 4-D {@code (N, C, H, W)}
   * for 2-D, or 3-D {@code (N, C, L)} for 1-D (then sizes have length 1 and weight is 3-D). For
   * {@code transposed}, {@code outputSize} is the spatial output size.
   */
  public static Tensor convolution(
      Tensor x,
      Tensor weight,
      Tensor bias,
      int[] stride,
      int[] padding,
      int[] dilation,
      int groups,
      boolean transposed,
      int[] outputSize) {
    if (x.dim() == 3) {
      int[] k = {1, weight.shape[2]};
      NnConvOps.Window w =
          window(
              k, new int[] {1, stride[0]}, new int[] {0, padding[0]}, new int[] {1, dilation[0]});
      return NnConvOps.convolution1d(
          x, weight, bias, w, groups, transposed, transposed ? outputSize[0] : 0);
    }
    int[] k = {weight.shape[2], weight.shape[3]};
    return NnConvOps.convolution(
        x,
        weight,
        bias,
        window(k, stride, padding, dilation),
        groups,
        transposed,
        transposed ? outputSize[0] : 0,
        transposed ? outputSize[1] : 0);
  }

  // ------------------------------------------------------------------ pooling

  /**
   * {@code max_pool2d_with_indices} over the last two dims: {@code {values, indices}} (indices into
   * each H·W plane, int64), grad_fn {@code MaxPool2DWithIndicesBackward0}.
   */
  public static Tensor[] maxPool2dWithIndices(
      Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    return NnPoolOps.maxPool2d(x, kernel, stride, padding, dilation, ceilMode);
  }

  /**
   * {@code max_pool2d(relu(x))} over the last two dims in one pass, recorded as the two ops
   * (ReluBackward0, then MaxPool2DWithIndicesBackward0); arguments as {@link
   * #maxPool2dWithIndices}, already validated.
   */
  public static Tensor maxPool2dOfRelu(
      Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
    return NnPoolOps.maxPool2dOfRelu(x, kernel, stride, padding, dilation, ceilMode);
  }

  /** PyTorch's pooling output size. */
  public static int poolOutputSize(
      int in, int kernel, int pad, int stride, int dilation, boolean ceilMode) {
    return NnPoolOps.outputSize(in, kernel, pad, stride, dilation, ceilMode);
  }

  /** {@code avg_pool2d} over the last two dims, grad_fn {@code AvgPool2DBackward0}. */
  public static Tensor avgPool2d(
      Tensor x,
      int[] kernel,
      int[] stride,
      int[] padding,
      boolean ceilMode,
      boolean countIncludePad,
      int divisorOverride) {
    int h = x.shape[x.dim() - 2];
    int w = x.shape[x.dim() - 1];
    return NnPoolOps.avgPool(
        x,
        NnPoolOps.avgWindows(
            h,
            w,
            kernel[0],
            kernel[1],
            stride[0],
            stride[1],
            padding[0],
            padding[1],
            ceilMode,
            countIncludePad,
            divisorOverride));
  }

  /**
   * {@code adaptive_avg_pool2d} over the last two dims, grad_fn {@code AdaptiveAvgPool2DBackward0}.
   */
  public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
    int h = x.shape[x.dim() - 2];
    int w = x.shape[x.dim() - 1];
    return NnPoolOps.avgPool(x, NnPoolOps.adaptiveWindows(h, w, outH, outW));
  }

  // ------------------------------------------------------------------ normalisation, embedding

  /**
   * {@code torch.batch_norm}: normalises over every dim but 1; in training with batch statistics
   * (updating the running buffers in place when given), otherwise with the running ones. grad_fn
   * {@code NativeBatchNormBackward0}.
   */
  public static Tensor batchNorm(
      Tensor x,
      Tensor runningMean,
      Tensor runningVar,
      Tensor weight,
      Tensor bias,
      boolean training,
      double momentum,
      double eps) {
    return NnNormOps.batchNorm(x, runningMean, runningVar, weight, bias, training, momentum, eps);
  }

  /** {@code torch.layer_norm} over the last {@code normalizedDims} dims. */
  public static Tensor layerNorm(
      Tensor x, int normalizedDims, Tensor weight, Tensor bias, double eps) {
    return NnNormOps.layerNorm(x, normalizedDims, weight, bias, eps);
  }

  /**
   * {@code torch.embedding}: rows of {@code weight}; no gradient flows to row {@code paddingIdx}.
   */
  public static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx) {
    return NnEmbeddingOps.embedding(weight, indices, paddingIdx);
  }
}
