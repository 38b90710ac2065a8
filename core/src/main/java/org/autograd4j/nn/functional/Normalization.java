package org.autograd4j.nn.functional;

import java.util.Arrays;
import org.autograd4j.NnOps;
import org.autograd4j.Tensor;

/** batch_norm, layer_norm and embedding behind {@link F}, with PyTorch's argument checks. */
final class Normalization {
  private Normalization() {}

  static Tensor batchNorm(
      Tensor input,
      Tensor runningMean,
      Tensor runningVar,
      Tensor weight,
      Tensor bias,
      boolean training,
      double momentum,
      double eps) {
    if (input.dim() < 2) {
      throw new IllegalArgumentException(
          "batch_norm: expected at least 2D input (got " + input.dim() + "D input)");
    }
    int c = input.size(1);
    if (training) {
      long perChannel = input.numel() / Math.max(c, 1);
      if (perChannel <= 1) {
        throw new IllegalArgumentException(
            "Expected more than 1 value per channel when training, got input size "
                + input.shape());
      }
    } else if (runningMean == null || runningVar == null) {
      throw new IllegalArgumentException(
          "running_mean and running_var must be defined in evaluation mode");
    }
    checkChannels("running_mean", runningMean, c);
    checkChannels("running_var", runningVar, c);
    checkChannels("weight", weight, c);
    checkChannels("bias", bias, c);
    return NnOps.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
  }

  private static void checkChannels(String name, Tensor t, int c) {
    if (t != null && t.numel() != c) {
      throw new IllegalArgumentException(
          name + " should contain " + c + " elements not " + t.numel());
    }
  }

  static Tensor layerNorm(
      Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    int k = normalizedShape.length;
    int[] shape = input.shape().toArray();
    boolean ok = k >= 1 && k <= shape.length;
    for (int i = 0; ok && i < k; i++) {
      ok = shape[shape.length - k + i] == normalizedShape[i];
    }
    if (!ok) {
      StringBuilder expected = new StringBuilder("[*");
      for (int v : normalizedShape) {
        expected.append(", ").append(v);
      }
      throw new IllegalArgumentException(
          "Given normalized_shape="
              + Arrays.toString(normalizedShape)
              + ", expected input with shape "
              + expected
              + "], but got input of size"
              + Arrays.toString(shape));
    }
    for (Tensor t : new Tensor[] {weight, bias}) {
      if (t != null && !Arrays.equals(t.shape().toArray(), normalizedShape)) {
        throw new IllegalArgumentException(
            "Expected weight and bias of shape "
                + Arrays.toString(normalizedShape)
                + ", got "
                + Arrays.toString(t.shape().toArray()));
      }
    }
    return NnOps.layerNorm(input, k, weight, bias, eps);
  }

  static Tensor embedding(Tensor input, Tensor weight, Long paddingIdx) {
    if (weight.dim() != 2) {
      throw new IllegalArgumentException("'weight' must be 2-D");
    }
    long pad = Long.MIN_VALUE;
    if (paddingIdx != null) {
      int rows = weight.size(0);
      if (paddingIdx >= rows || paddingIdx < -rows) {
        throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
      }
      pad = paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
    }
    return NnOps.embedding(weight, input, pad);
  }
}
