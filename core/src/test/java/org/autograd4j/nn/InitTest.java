package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.init.Init;
import org.junit.jupiter.api.Test;

/** nn.init: gains from PyTorch 1.13, bounds and moments from the formulas. */
class InitTest {
  private static double[] minMaxMeanStd(Tensor t) {
    Tensor f = t.detach().reshape(-1);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    double s = 0;
    double s2 = 0;
    int n = f.numel();
    for (int i = 0; i < n; i++) {
      double v = f.select(0, i).item();
      min = Math.min(min, v);
      max = Math.max(max, v);
      s += v;
      s2 += v * v;
    }
    double mean = s / n;
    return new double[] {min, max, mean, Math.sqrt(s2 / n - mean * mean)};
  }

  @Test
  void gainsMatchPyTorch() {
    // torch.nn.init.calculate_gain(...) in PyTorch 1.13
    assertEquals(1.0, Init.calculateGain("linear"));
    assertEquals(1.0, Init.calculateGain("conv2d"));
    assertEquals(1.0, Init.calculateGain("sigmoid"));
    assertEquals(1.6666666666666667, Init.calculateGain("tanh"));
    assertEquals(1.4142135623730951, Init.calculateGain("relu"));
    assertEquals(1.4141428569978354, Init.calculateGain("leaky_relu"));
    assertEquals(1.3867504905630728, Init.calculateGain("leaky_relu", 0.2));
    assertEquals(0.75, Init.calculateGain("selu"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("swish"));
    assertEquals("Unsupported nonlinearity swish", e.getMessage());
  }

  @Test
  void fansFollowTheWeightLayout() {
    assertArrayEquals(new int[] {25, 400}, Init.calculateFanInAndFanOut(Torch.zeros(16, 1, 5, 5)));
    assertArrayEquals(new int[] {3, 2}, Init.calculateFanInAndFanOut(Torch.zeros(2, 3)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Init.calculateFanInAndFanOut(Torch.zeros(3)));
    assertEquals(
        "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
        e.getMessage());
  }

  @Test
  void uniformInitialisersStayWithinTheirBound() {
    Parameter w = new Parameter(Torch.zeros(64, 100));
    Init.kaimingUniform_(w, Math.sqrt(5), "fan_in", "leaky_relu");
    double[] s = minMaxMeanStd(w);
    double bound = 1 / Math.sqrt(100); // the √5 trick reduces to 1/√fan_in
    assertTrue(s[0] >= -bound && s[1] <= bound && s[1] > 0.95 * bound);
    assertTrue(w.requiresGrad() && w.isLeaf(), "still a trainable leaf");

    Init.xavierUniform_(w, 2.0);
    double a = 2.0 * Math.sqrt(6.0 / 164);
    s = minMaxMeanStd(w);
    assertTrue(s[0] >= -a && s[1] <= a && s[1] > 0.95 * a);

    Init.uniform_(w, 3, 4);
    s = minMaxMeanStd(w);
    assertTrue(s[0] >= 3 && s[1] <= 4);
  }

  @Test
  void normalInitialisersHaveTheirStandardDeviation() {
    Tensor w = Torch.zeros(200, 50);
    Init.kaimingNormal_(w, 0, "fan_out", "relu");
    assertEquals(Math.sqrt(2.0 / 200), minMaxMeanStd(w)[3], 0.05 * Math.sqrt(2.0 / 200));
    Init.xavierNormal_(w);
    assertEquals(Math.sqrt(2.0 / 250), minMaxMeanStd(w)[3], 0.05 * Math.sqrt(2.0 / 250));
    Init.normal_(w, 5, 0.5);
    double[] s = minMaxMeanStd(w);
    assertEquals(5, s[2], 0.02);
    assertEquals(0.5, s[3], 0.02);
    assertThrows(IllegalArgumentException.class, () -> Init.kaimingNormal_(w, 0, "fan", "relu"));
  }

  @Test
  void constantsFill() {
    Tensor w = Torch.zeros(2, 2);
    Init.ones_(w);
    assertEquals(4.0, w.sum().item());
    Init.constant_(w, 0.25);
    assertEquals(1.0, w.sum().item());
    Init.zeros_(w);
    assertEquals(0.0, w.sum().item());
  }
}
