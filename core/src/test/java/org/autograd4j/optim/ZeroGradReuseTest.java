package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.ScratchArrays;
import org.autograd4j.internal.TensorData;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.functional.F;
import org.autograd4j.nn.utils.ClipGrad;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code zero_grad(set_to_none=True)} gives the array of a gradient only the library referenced
 * back to {@link ScratchArrays}, and float32 products take their result from there: a gradient
 * someone was handed is never reused, and a product never reads the stale values it overwrites.
 * Each test starts from an empty pool and uses lengths no other test uses.
 */
class ZeroGradReuseTest {

  @BeforeEach
  void emptyThePool() {
    // Other tests may have filled the pool's bounded space; a full pool drops what it is given.
    ScratchArrays.clear();
  }

  /** The first weight gradient of a backward through {@code linear(x, w)}, its array untouched. */
  private static float[] backwardThroughLinear(Tensor w, Tensor x) {
    F.linear(x, w, null).sum().backward();
    return TensorData.get().storage(TensorData.get().gradForUpdate(w)).floats();
  }

  @Test
  void aGradientNoOneWasHandedIsReusedByTheNextBackward() {
    Torch.manualSeed(61);
    Tensor w = Torch.randn(41, 1000).requiresGrad_(); // 41000 floats: taken, not copied
    Tensor x = Torch.randn(8, 1000);
    Optimizer opt = new SGD(List.of(w), 0.1);
    float[] first = backwardThroughLinear(w, x);
    opt.zeroGrad();
    assertNull(TensorData.get().gradForUpdate(w));
    float[] second = backwardThroughLinear(w, x.mul(3.0));
    assertTrue(first == second, "the second gradient did not reuse the first's array");
    // d(sum(x w^T))/dw = column sums of x, the same in every row of w.
    float[] columnSums = x.mul(3.0).sum(new int[] {0}, false).toFloatArray();
    for (int row = 0; row < 41; row++) {
      float[] got = Arrays.copyOfRange(second, row * 1000, (row + 1) * 1000);
      assertArrayEquals(columnSums, got, 1e-4f);
    }
  }

  @Test
  void aSmallGradientIsNotGivenBack() {
    Torch.manualSeed(67);
    Tensor w = Torch.randn(10, 30).requiresGrad_(); // 300 floats
    Optimizer opt = new SGD(List.of(w), 0.1);
    float[] first = backwardThroughLinear(w, Torch.randn(2, 30));
    opt.zeroGrad();
    assertTrue(first != ScratchArrays.take(300), "a 300-float gradient went to the pool");
  }

  /**
   * The optimizers' steps and the gradient clips read gradients without handing them out: after
   * either, zero_grad still hands the array to the next backward. One weight length per case.
   */
  @Test
  void stepsAndClipsKeepTheGradientPrivate() {
    Map<String, Function<Tensor, Optimizer>> steps = new LinkedHashMap<>();
    steps.put("SGD with momentum", w -> new SGD(List.of(w), 0.01, 0.9));
    steps.put("Adam", w -> new Adam(List.of(w), 1e-3));
    steps.put("RMSprop", w -> new RMSprop(List.of(w), 0.01));
    steps.put("Adagrad", w -> new Adagrad(List.of(w), 0.01));
    int rows = 51;
    for (Map.Entry<String, Function<Tensor, Optimizer>> e : steps.entrySet()) {
      Tensor w = Torch.randn(rows++, 1000).requiresGrad_();
      Optimizer opt = e.getValue().apply(w);
      assertReusedAfter(w, opt, () -> opt.step(), e.getKey());
    }
    Tensor w = Torch.randn(rows++, 1000).requiresGrad_();
    Optimizer opt = new SGD(List.of(w), 0.01);
    assertReusedAfter(w, opt, () -> ClipGrad.clipGradNorm_(List.of(w), 0.5), "clip_grad_norm_");
    Tensor v = Torch.randn(rows, 1000).requiresGrad_();
    Optimizer optV = new SGD(List.of(v), 0.01);
    assertReusedAfter(v, optV, () -> ClipGrad.clipGradValue_(List.of(v), 0.1), "clip_grad_value_");
  }

  private static void assertReusedAfter(Tensor w, Optimizer opt, Runnable action, String what) {
    Tensor x = Torch.randn(4, 1000);
    float[] first = backwardThroughLinear(w, x);
    action.run();
    opt.zeroGrad();
    assertTrue(first == backwardThroughLinear(w, x), what + " handed the gradient out");
  }

  @Test
  void aGradientHandedOutByGradIsNeverReused() {
    assertHandedOutGradientSurvives(Tensor::grad, 43);
  }

  @Test
  void aGradientHandedOutByGradIfPresentIsNeverReused() {
    assertHandedOutGradientSurvives(Tensor::gradIfPresent, 47);
  }

  /**
   * Hands w's gradient out, clears it, runs another backward whose weight gradient has the same
   * length: the handed-out tensor must keep its values.
   */
  private static void assertHandedOutGradientSurvives(Function<Tensor, Tensor> handOut, int rows) {
    Torch.manualSeed(rows);
    Tensor w = Torch.randn(rows, 1000).requiresGrad_();
    Tensor x = Torch.randn(8, 1000);
    Optimizer opt = new SGD(List.of(w), 0.1);
    F.linear(x, w, null).sum().backward();
    Tensor held = handOut.apply(w);
    float[] before = held.toFloatArray();
    opt.zeroGrad();
    F.linear(x.mul(-2.0), w, null).sum().backward();
    assertArrayEquals(before, held.toFloatArray(), "a handed-out gradient was overwritten");
    assertNotSame(
        TensorData.get().storage(held).floats(),
        TensorData.get().storage(TensorData.get().gradForUpdate(w)).floats());
  }

  @Test
  void aModulesZeroGradReusesItsPrivateGradients() {
    Torch.manualSeed(71);
    Linear layer = new Linear(1000, 37); // a 37000-float weight
    Tensor x = Torch.randn(4, 1000);
    layer.forward(x).sum().backward();
    float[] first = TensorData.get().storage(TensorData.get().gradForUpdate(layer.weight)).floats();
    layer.zeroGrad();
    layer.forward(x).sum().backward();
    assertTrue(first == TensorData.get().storage(layer.weight.grad()).floats());
  }

  @Test
  void aProductIntoAStaleArrayNeverReadsIt() {
    // Shapes that reach each path of the float GEMM: a tiny product (no packing), a
    // matrix-vector product, an empty depth (C = 0), packed tiles, and a product split over
    // threads.
    int[][] shapes = {{2, 3, 2}, {1, 53, 7}, {3, 0, 5}, {29, 41, 53}, {211, 157, 199}};
    int old = Torch.getNumThreads();
    Torch.setNumThreads(2);
    try {
      for (int[] s : shapes) {
        Torch.manualSeed(s[0] + s[1] + s[2]);
        Tensor a = Torch.randn(s[0], s[1]);
        Tensor b = Torch.randn(s[1], s[2]);
        float[] junk = new float[s[0] * s[2]];
        Arrays.fill(junk, Float.NaN);
        ScratchArrays.give(junk);
        Tensor c = a.mm(b);
        assertTrue(
            junk == TensorData.get().storage(c).floats(),
            "the product did not take the junk array");
        float[] expected = a.to(DType.FLOAT64).mm(b.to(DType.FLOAT64)).toFloatArray();
        float[] got = c.toFloatArray();
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], got[i], 1e-4 * (1 + Math.abs(expected[i])), "at " + i);
        }
      }
    } finally {
      Torch.setNumThreads(old);
    }
  }
}
