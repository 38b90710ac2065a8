package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Autograd;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cross-entropy's one-pass backward (no graph built) against its differentiable form
 * (create_graph), in float32 on a training-sized batch. LossGoldenTest checks both against PyTorch
 * in float64.
 */
class CrossEntropyBackwardTest {

  @ParameterizedTest
  @EnumSource(
      value = Reduction.class,
      names = {"NONE", "MEAN", "SUM"})
  void onePassMatchesTheDifferentiableForm(Reduction reduction) {
    Torch.manualSeed(3);
    Tensor logits = Torch.randn(128, 10).mul(3);
    Tensor target = Torch.randint(0, 10, 128);
    Tensor weight = Torch.rand(10).add(0.5);
    Tensor x = logits.clone().requiresGrad_();
    Tensor upstream = reduction == Reduction.NONE ? Torch.randn(128) : Torch.tensor(0.7f);

    Tensor fused = Autograd.grad(loss(x, target, weight, reduction).mul(upstream).sum(), x, false);
    Tensor recorded =
        Autograd.grad(loss(x, target, weight, reduction).mul(upstream).sum(), x, true);

    assertEquals(DType.FLOAT32, fused.dtype());
    float[] a = fused.toFloatArray();
    float[] b = recorded.detach().toFloatArray();
    for (int i = 0; i < a.length; i++) {
      assertEquals(b[i], a[i], 1e-6f * (1 + Math.abs(b[i])), "element " + i);
    }
  }

  private static Tensor loss(Tensor x, Tensor target, Tensor weight, Reduction reduction) {
    return F.crossEntropy(x, target, weight, 3, reduction, 0.1);
  }
}
