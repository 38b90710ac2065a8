package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.utils.ClipGrad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** clip_grad_norm_ / clip_grad_value_ against PyTorch 1.13 (tools/golden/gen_optim.py). */
class ClipGradGoldenTest {
  private static List<Tensor> withGrads(String name) {
    Tensor p0 = Torch.zeros(new int[] {3, 4}, DType.FLOAT64).requiresGrad_();
    Tensor p1 = Torch.zeros(new int[] {5}, DType.FLOAT64).requiresGrad_();
    p0.setGrad(Torch.tensor(GoldenOptim.get("clip", name, "g0"), DType.FLOAT64).view(3, 4));
    p1.setGrad(Torch.tensor(GoldenOptim.get("clip", name, "g1"), DType.FLOAT64));
    return List.of(p0, p1);
  }

  private static void assertClose(double[] expected, Tensor actual) {
    double[] got = actual.toDoubleArray();
    for (int i = 0; i < got.length; i++) {
      assertEquals(expected[i], got[i], 1e-12 * Math.max(1, Math.abs(expected[i])));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"l2", "l2_noclip", "l1", "inf", "p3", "p0_5"})
  void clipGradNormMatchesPyTorch(String name) {
    List<Tensor> ps = withGrads(name);
    double[] args = GoldenOptim.get("clip", name, "args");
    Tensor total = ClipGrad.clipGradNorm_(ps, args[0], args[1]);
    assertEquals(DType.FLOAT64, total.dtype());
    assertEquals(GoldenOptim.get("clip", name, "total")[0], total.item(), 1e-12 * total.item());
    assertClose(GoldenOptim.get("clip", name, "c0"), ps.get(0).grad());
    assertClose(GoldenOptim.get("clip", name, "c1"), ps.get(1).grad());
  }

  @Test
  void clipGradValueMatchesPyTorch() {
    List<Tensor> ps = withGrads("l2");
    ClipGrad.clipGradValue_(ps.subList(0, 1), 0.7);
    assertClose(GoldenOptim.get("clip", "value", "c0"), ps.get(0).grad());
  }

  @Test
  void parametersWithoutGradsAreSkippedAndNoGradsGiveZero() {
    Tensor p = Torch.zeros(3).requiresGrad_();
    Tensor total = ClipGrad.clipGradNorm_(List.of(p), 1.0);
    assertEquals("tensor(0.)", total.toString());
  }

  @Test
  void nonFiniteNormIsAnErrorOnlyWhenAskedAndChangesNothing() {
    Tensor p = Torch.zeros(2).requiresGrad_();
    p.setGrad(Torch.tensor(new double[] {Double.POSITIVE_INFINITY, 1.0}));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> ClipGrad.clipGradNorm_(List.of(p), 1.0, 2.0, true));
    assertEquals(
        "The total norm of order 2.0 for gradients from `parameters` is non-finite, so it cannot be"
            + " clipped. To disable this error and scale the gradients by the non-finite norm"
            + " anyway, set `error_if_nonfinite=False`",
        e.getMessage());
    assertEquals(1.0, p.grad().toDoubleArray()[1]);
  }
}
