package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.DType;
import org.autograd4j.Index;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.ValuesIndices;
import org.autograd4j.nn.Reduction;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/** Behaviour beyond derivatives: statistics of dropout, erf's accuracy, dtypes, views. */
class OpBehaviourTest {

  @Test
  void dropoutZeroesAboutPAndScalesTheRest() {
    Torch.manualSeed(3);
    Tensor x = Torch.ones(new int[] {20000}, DType.FLOAT64);
    double[] y = Torch.dropout(x, 0.3, true).toDoubleArray();
    int zeros = 0;
    for (double v : y) {
      if (v == 0) {
        zeros++;
      } else {
        assertEquals(1 / 0.7, v, 0); // survivors are scaled by exactly 1/(1-p)
      }
    }
    // Binomial(20000, 0.3): sd ~ 65, so 0.3 +- 0.015 is over 9 sd.
    assertEquals(0.3, zeros / 20000.0, 0.015);
    assertSame(x, Torch.dropout(x, 0.3, false)); // eval: the identity, as PyTorch
    assertEquals(0.0, Torch.dropout(x, 1.0, true).sum().item());
  }

  @Test
  void dropoutIsRecordedAsAMultiplication() {
    Tensor x = Torch.ones(new int[] {4}, DType.FLOAT64).requiresGrad_();
    assertEquals("MulBackward0", Torch.dropout(x, 0.5, true).gradFn().name());
  }

  @Test
  void erfMatchesReferenceValues() {
    // erf values from the DLMF / Abramowitz-Stegun tables (correctly rounded doubles).
    double[] xs = {0.5, 1.0, 2.0, 3.5, -1.5, 1e-8};
    double[] want = {
      0.5204998778130465,
      0.8427007929497149,
      0.9953222650189527,
      0.9999992569016276,
      -0.9661051464753108,
      1.1283791670955126e-8
    };
    double[] got = Torch.tensor(xs, DType.FLOAT64).erf().toDoubleArray();
    for (int i = 0; i < xs.length; i++) {
      // Within 8 ulps of the correctly rounded value.
      assertEquals(want[i], got[i], 8 * Math.ulp(want[i]), "erf " + xs[i]);
    }
  }

  @Test
  void maxAlongADimReturnsValuesAndFirstIndices() {
    Tensor x = Torch.tensor(new double[][] {{1, 5, 5}, {7, 2, 7}});
    ValuesIndices m = x.max(1);
    assertEquals("tensor([5., 7.])", m.values().toString());
    assertEquals("tensor([1, 0])", m.indices().toString());
    assertEquals("tensor([[1],\n        [0]])", x.max(1, true).indices().toString());
    assertNull(m.indices().gradFn());
  }

  @Test
  void float32StaysFloat32() {
    Tensor x = Torch.tensor(new double[] {0.5, -1.25}).requiresGrad_();
    assertEquals(DType.FLOAT32, x.gelu().dtype());
    assertEquals(DType.FLOAT32, x.softmax(0).dtype());
    assertEquals(DType.FLOAT32, x.logsumexp(0).dtype());
    assertEquals(DType.FLOAT32, x.index(Torch.tensor(new long[] {1})).dtype());
    // torch.tensor([0.5, -1.25], requires_grad=True).softmax(0)
    assertEquals("tensor([0.8520, 0.1480], grad_fn=<SoftmaxBackward0>)", x.softmax(0).toString());
  }

  @Test
  void softmaxOfAllMinusInfinityRowIsNanAsInPyTorch() {
    double ninf = Double.NEGATIVE_INFINITY;
    Tensor x = Torch.tensor(new double[][] {{ninf, ninf}, {0, ninf}}, DType.FLOAT64);
    // torch.softmax(tensor([[-inf, -inf], [0, -inf]]), 1) -> [[nan, nan], [1, 0]]
    assertEquals(
        "tensor([[nan, nan],\n        [1., 0.]], dtype=torch.float64)", x.softmax(1).toString());
  }

  @Test
  void softmaxOfRowsHoldingInfinityOrNanIsNanAsInPyTorch() {
    double inf = Double.POSITIVE_INFINITY;
    double[][] rows = {{inf, 1}, {-inf, -inf}, {-inf, 1}, {Double.NaN, 1}};
    // x = torch.tensor([[inf, 1.], [-inf, -inf], [-inf, 1.], [nan, 1.]]); torch.softmax(x, 1)
    String soft = "[[nan, nan],\n        [nan, nan],\n        [0., 1.],\n        [nan, nan]]";
    // torch.log_softmax(x, 1)
    String logSoft = "[[nan, nan],\n        [nan, nan],\n        [-inf, 0.],\n        [nan, nan]]";
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      String suffix = t == DType.FLOAT64 ? ", dtype=torch.float64)" : ")";
      Tensor x = Torch.tensor(rows, t);
      assertEquals("tensor(" + soft + suffix, x.softmax(1).toString());
      assertEquals("tensor(" + logSoft + suffix, x.logSoftmax(1).toString());
      // Along dim 0 (not the last dim): torch.softmax(tensor([[inf, 1.], [1., 1.]]), 0)
      Tensor cols = Torch.tensor(new double[][] {{inf, 1}, {1, 1}}, t);
      assertEquals(
          "tensor([[   nan, 0.5000],\n        [   nan, 0.5000]]" + suffix,
          cols.softmax(0).toString());
    }
    // Rows wider than a vector: torch.softmax(w, 1) with w = 0.5 but w[0, 3] = inf, w[1] = -inf,
    // w[2, 7] = nan is nan throughout.
    Tensor wide = Torch.full(new int[] {3, 20}, 0.5);
    try (var g = Torch.noGrad()) {
      wide.index(0, 3).fill_(inf);
      wide.index(1).fill_(-inf);
      wide.index(2, 7).fill_(Double.NaN);
    }
    for (double v : wide.softmax(1).toDoubleArray()) {
      assertTrue(Double.isNaN(v));
    }
    // torch.nn.functional.cross_entropy(tensor([[inf, 1.], [-inf, -inf], [2., 1.]]),
    //     tensor([1, 0, 0]), reduction='none') -> tensor([nan, nan, 0.3133])
    Tensor logits = Torch.tensor(new double[][] {{inf, 1}, {-inf, -inf}, {2, 1}}, DType.FLOAT32);
    Tensor losses =
        F.crossEntropy(logits, Torch.tensor(new long[] {1, 0, 0}), null, -100, Reduction.NONE, 0);
    assertEquals("tensor([   nan,    nan, 0.3133])", losses.toString());
  }

  @Test
  void basicIndexingReturnsViewsAndAdvancedIndexingCopies() {
    Tensor x = Torch.arange(6.0).reshape(2, 3);
    Tensor row = x.index(1, Index.slice(null, null, 2));
    assertArrayEquals(new double[] {3, 5}, row.toDoubleArray());
    try (var g = Torch.noGrad()) {
      row.mul_(10.0);
    }
    assertArrayEquals(new double[] {0, 1, 2, 30, 4, 50}, x.toDoubleArray()); // a view
    Tensor picked = x.index(Torch.tensor(new long[] {0}));
    try (var g = Torch.noGrad()) {
      picked.fill_(-1);
    }
    assertEquals(0.0, x.toDoubleArray()[0]); // a copy
    assertTrue(x.index(Index.NONE).shape().equals(Torch.zeros(1, 2, 3).shape()));
  }

  @Test
  void oneHotInfersTheClassCount() {
    assertEquals(
        "tensor([[0, 0, 1],\n        [1, 0, 0]])",
        Torch.oneHot(Torch.tensor(new long[] {2, 0}), -1).toString());
  }
}
