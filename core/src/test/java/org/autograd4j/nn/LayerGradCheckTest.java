package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.GradCheck;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * The library's full-Jacobian gradcheck and gradgradcheck (org.autograd4j.autograd.GradCheck) on
 * every layer's functional form, float64, tiny shapes; plus Bilinear checked against its formula.
 */
class LayerGradCheckTest {
  private static Tensor r(int... shape) {
    return Torch.randn(shape, DType.FLOAT64).requiresGrad_();
  }

  private static void check(Function<List<Tensor>, Tensor> fn, Tensor... inputs) {
    assertTrue(GradCheck.gradcheck(fn, List.of(inputs)));
    assertTrue(GradCheck.gradgradcheck(fn, List.of(inputs)));
  }

  @Test
  void convolutions() {
    Torch.manualSeed(11);
    check(
        in ->
            F.conv2d(
                in.get(0),
                in.get(1),
                in.get(2),
                new int[] {2, 1},
                new int[] {1, 0},
                new int[] {1, 2},
                2),
        r(1, 2, 4, 5),
        r(2, 1, 2, 2),
        r(2));
    check(in -> F.conv1d(in.get(0), in.get(1), null, 2, 1, 1, 1), r(1, 2, 5), r(2, 2, 3));
    check(
        in ->
            F.convTranspose2d(
                in.get(0),
                in.get(1),
                in.get(2),
                new int[] {2, 2},
                new int[] {1, 0},
                new int[] {1, 0},
                1,
                new int[] {1, 1}),
        r(1, 2, 2, 2),
        r(2, 1, 2, 2),
        r(1));
  }

  @Test
  void pools() {
    Torch.manualSeed(12);
    check(
        in ->
            F.maxPool2d(
                in.get(0),
                new int[] {2, 2},
                new int[] {1, 1},
                new int[] {1, 1},
                new int[] {1, 1},
                true),
        r(1, 2, 3, 3));
    check(
        in ->
            F.avgPool2d(
                in.get(0), new int[] {2, 2}, new int[] {2, 1}, new int[] {1, 1}, true, false, 0),
        r(1, 2, 3, 3));
    check(in -> F.adaptiveAvgPool2d(in.get(0), new int[] {2, 3}), r(2, 3, 4));
  }

  @Test
  void normalisationEmbeddingAndBilinear() {
    Torch.manualSeed(13);
    check(
        in -> F.batchNorm(in.get(0), null, null, in.get(1), in.get(2), true, 0.1, 1e-5),
        r(3, 2, 2),
        r(2),
        r(2));
    check(
        in -> F.layerNorm(in.get(0), new int[] {3}, in.get(1), in.get(2), 1e-5),
        r(2, 3),
        r(3),
        r(3));
    Tensor idx = Torch.tensor(new long[] {2, 0, 2});
    check(in -> F.embedding(idx, in.get(0), null), r(3, 2));
    check(
        in -> F.bilinear(in.get(0), in.get(1), in.get(2), in.get(3)),
        r(2, 2),
        r(2, 3),
        r(2, 2, 3),
        r(2));
  }

  @Test
  void bilinearModuleFollowsItsFormula() {
    Torch.manualSeed(15);
    Bilinear b = new Bilinear(2, 3, 4);
    assertEquals(
        "Bilinear(in1_features=2, in2_features=3, out_features=4, bias=True)", b.toString());
    Tensor x1 = Torch.randn(5, 2);
    Tensor x2 = Torch.randn(5, 3);
    Tensor y = b.forward(x1, x2);
    float[] w = b.weight.toFloatArray();
    float[] bias = b.bias.toFloatArray();
    float[] a = x1.toFloatArray();
    float[] c = x2.toFloatArray();
    float[] got = y.toFloatArray();
    for (int n = 0; n < 5; n++) {
      for (int k = 0; k < 4; k++) {
        double s = bias[k];
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < 3; j++) {
            s += a[n * 2 + i] * w[(k * 2 + i) * 3 + j] * c[n * 3 + j];
          }
        }
        assertEquals(s, got[n * 4 + k], 1e-5);
      }
    }
  }
}
