package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Float32 results that the seed tutorials print in full (through Python's float repr), compared bit
 * for bit with PyTorch 1.13's (golden/seed_semantics.tsv, from tools/golden/gen_seed_semantics.py).
 */
class SeedSemanticsTest {
  private static final Map<String, Double> GOLDEN = load();

  private static Map<String, Double> load() {
    Map<String, Double> golden = new LinkedHashMap<>();
    try (InputStream in =
        SeedSemanticsTest.class.getResourceAsStream("/golden/seed_semantics.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        golden.put(f[0] + " " + f[1], Double.parseDouble(f[2]));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return golden;
  }

  private static void assertBits(String key, double actual) {
    Double expected = GOLDEN.get(key);
    assertEquals(
        Double.doubleToLongBits(expected),
        Double.doubleToLongBits(actual),
        () -> key + ": expected " + expected + " but was " + actual);
  }

  /** The seeds' loss: -(t log(p) + (1 - t) log(1 - p)) with p clamped away from 0 and 1. */
  private static Tensor binaryCrossEntropy(Tensor prediction, Tensor target) {
    Tensor p = Torch.clamp(prediction, 1e-8, 1 - 1e-8);
    return target.mul(Torch.log(p)).add(target.rsub(1).mul(Torch.log(p.rsub(1)))).neg();
  }

  @Test
  void sigmoidRoundsEachFloat32StepAsPyTorch() {
    int checked = 0;
    for (String key : GOLDEN.keySet()) {
      if (key.startsWith("sigmoid ")) {
        double x = Double.parseDouble(key.substring("sigmoid ".length()));
        assertBits(key, Torch.sigmoid(Torch.tensor(x)).item());
        checked++;
      }
    }
    assertEquals(14, checked);
  }

  @Test
  void manualBinaryCrossEntropyGradientsMatchBitForBit() {
    // seed 001 cells 32-40: f"{dL_dw}" prints the float32 item in full, 6.691762447357178
    Tensor x = Torch.tensor(6.7);
    Tensor y = Torch.tensor(0.0);
    Tensor yPred = Torch.sigmoid(Torch.tensor(1.0).mul(x).add(Torch.tensor(0.0)));
    Tensor d = yPred.sub(y).div(yPred.mul(yPred.rsub(1)));
    Tensor s = yPred.mul(yPred.rsub(1));
    assertBits("manual dL_dw", d.mul(s).mul(x).item());
    assertBits("manual dL_db", d.mul(s).mul(1).item());
  }

  @Test
  void binaryCrossEntropyBackwardMatchesBitForBit() {
    Tensor x = Torch.tensor(6.7);
    Tensor w = Torch.tensor(1.0).requiresGrad_();
    Tensor b = Torch.tensor(0.0).requiresGrad_();
    Tensor loss = binaryCrossEntropy(Torch.sigmoid(w.mul(x).add(b)), Torch.tensor(0.0));
    assertEquals("NegBackward0", loss.gradFn().name());
    loss.backward();
    assertBits("autograd loss", loss.item());
    // SigmoidBackward0 is grad * (1 - y) * y, left to right
    assertBits("autograd w.grad", w.grad().item());
    assertBits("autograd b.grad", b.grad().item());
  }

  @Test
  void linearRegressionTrainsToPyTorchsExactWeights() {
    // seed 004 cell 33: 100 epochs of w -= lr * w.grad under no_grad
    Tensor x = Torch.tensor(new double[] {1, 2, 3, 4});
    Tensor yTrue = Torch.tensor(new double[] {2, 4, 6, 8});
    Tensor w = Torch.tensor(0.0).requiresGrad_();
    Tensor b = Torch.tensor(0.0).requiresGrad_();
    for (int epoch = 0; epoch < 100; epoch++) {
      Tensor l = w.mul(x).add(b).sub(yTrue).pow(2).mean();
      l.backward();
      try (var g = Torch.noGrad()) {
        w.sub_(w.grad().mul(0.01));
        b.sub_(b.grad().mul(0.01));
        w.grad().zero_();
        b.grad().zero_();
      }
    }
    assertTrue(w.isLeaf()); // updated in place under no_grad, still a leaf
    assertBits("regression w", w.item());
    assertBits("regression b", b.item());
  }
}
