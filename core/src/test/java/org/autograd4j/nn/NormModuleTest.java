package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Norm, embedding and recurrent modules: reprs, state, grad_fn names and errors (PyTorch 1.13). */
class NormModuleTest {
  @Test
  void reprsMatchPyTorch() {
    Object[][] cases = {
      {
        new BatchNorm1d(4),
        "BatchNorm1d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"
      },
      {
        new BatchNorm2d(3, 1e-3, null, false, false),
        "BatchNorm2d(3, eps=0.001, momentum=None, affine=False, track_running_stats=False)"
      },
      {new LayerNorm(5), "LayerNorm((5,), eps=1e-05, elementwise_affine=True)"},
      {
        new LayerNorm(new int[] {3, 4}, 1e-6, false),
        "LayerNorm((3, 4), eps=1e-06, elementwise_affine=False)"
      },
      {new Embedding(10, 3), "Embedding(10, 3)"},
      {new Embedding(10, 3, 0L), "Embedding(10, 3, padding_idx=0)"},
      {new LSTM(3, 4), "LSTM(3, 4)"},
      {new LSTM(3, 4, 2, false, true, 0), "LSTM(3, 4, num_layers=2, bias=False, batch_first=True)"},
      {new GRU(3, 4), "GRU(3, 4)"},
      {new GRU(3, 4, 1, true, true, 0), "GRU(3, 4, batch_first=True)"},
    };
    for (Object[] c : cases) {
      assertEquals(c[1], c[0].toString());
    }
  }

  @Test
  void stateDictsHavePyTorchsKeys() {
    assertEquals(
        List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
        List.copyOf(new BatchNorm2d(3).stateDict().keySet()));
    assertEquals(
        List.of(), List.copyOf(new BatchNorm2d(3, 1e-5, 0.1, false, false).stateDict().keySet()));
    assertEquals(
        List.of(
            "weight_ih_l0",
            "weight_hh_l0",
            "bias_ih_l0",
            "bias_hh_l0",
            "weight_ih_l1",
            "weight_hh_l1",
            "bias_ih_l1",
            "bias_hh_l1"),
        List.copyOf(new LSTM(3, 4, 2, true, false, 0).stateDict().keySet()));
    assertEquals(
        "torch.Size([16, 3])", new LSTM(3, 4).getParameter("weight_ih_l0").shape().toString());
    assertEquals(
        "torch.Size([12, 4])", new GRU(3, 4).getParameter("weight_hh_l0").shape().toString());
  }

  @Test
  void batchNormTrainingAndEval() {
    BatchNorm1d bn = new BatchNorm1d(2);
    Tensor x = Torch.tensor(new double[][] {{1, 10}, {3, 20}});
    Tensor y = bn.forward(x);
    assertEquals("NativeBatchNormBackward0", y.gradFn().name());
    // Each column becomes (-1, 1) up to eps; running mean moves 10% of the way to the batch mean.
    assertEquals(-1.0, y.select(0, 0).select(0, 0).item(), 1e-4);
    assertEquals(0.2, bn.runningMean().select(0, 0).item(), 1e-6);
    assertEquals(0.9 + 0.1 * 2.0, bn.runningVar().select(0, 0).item(), 1e-6);
    assertEquals(1, bn.numBatchesTracked().itemLong());
    bn.eval();
    Tensor e = bn.forward(x);
    assertEquals((1 - 0.2) / Math.sqrt(1.1 + 1e-5), e.select(0, 0).select(0, 0).item(), 1e-5);
    assertEquals(1, bn.numBatchesTracked().itemLong(), "eval does not count batches");
    IllegalArgumentException single =
        assertThrows(
            IllegalArgumentException.class, () -> new BatchNorm1d(3).forward(Torch.ones(1, 3)));
    assertEquals(
        "Expected more than 1 value per channel when training, got input size torch.Size([1, 3])",
        single.getMessage());
    assertEquals(
        "expected 4D input (got 3D input)",
        assertThrows(
                IllegalArgumentException.class,
                () -> new BatchNorm2d(3).forward(Torch.ones(2, 3, 4)))
            .getMessage());
  }

  private static void assertMessage(String expected, Executable e) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  @Test
  void layerNormAndEmbeddingErrorsAndGradFns() {
    Tensor x = Torch.randn(2, 3, 4).requiresGrad_();
    assertEquals("NativeLayerNormBackward0", new LayerNorm(4).forward(x).gradFn().name());
    assertMessage(
        "Given normalized_shape=[5], expected input with shape [*, 5], but got input of size[2, 3,"
            + " 4]",
        () -> F.layerNorm(x, new int[] {5}, null, null, 1e-5));
    Embedding emb = new Embedding(5, 2, 1L);
    assertEquals(0.0, emb.weight.select(0, 1).abs().sum().item(), "padding row starts at zero");
    Tensor out = emb.forward(Torch.tensor(new long[] {1, 2, 1}));
    assertEquals("EmbeddingBackward0", out.gradFn().name());
    out.sum().backward();
    // Rows 0..2: unused, padding (no gradient although used twice), used once.
    assertEquals(
        "[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]",
        java.util.Arrays.toString(java.util.Arrays.copyOf(emb.weight.grad().toDoubleArray(), 6)));
    IndexOutOfBoundsException oob =
        assertThrows(
            IndexOutOfBoundsException.class, () -> emb.forward(Torch.tensor(new long[] {5})));
    assertEquals("index out of range in self", oob.getMessage());
    Embedding frozen = Embedding.fromPretrained(Torch.ones(3, 2), true, null);
    assertEquals(false, frozen.weight.requiresGrad());
    assertNull(frozen.forward(Torch.tensor(new long[] {0})).gradFn());
  }

  @Test
  void recurrentShapes() {
    LSTM lstm = new LSTM(3, 4, 2, true, true, 0);
    RNNBase.Output r = lstm.forward(Torch.randn(2, 5, 3), null, null);
    assertEquals("torch.Size([2, 5, 4])", r.output().shape().toString());
    assertEquals("torch.Size([2, 2, 4])", r.hN().shape().toString());
    assertEquals("torch.Size([2, 2, 4])", r.cN().shape().toString());
    GRU gru = new GRU(3, 4);
    RNNBase.Output g = gru.forward(Torch.randn(5, 3), null);
    assertEquals("torch.Size([5, 4])", g.output().shape().toString());
    assertEquals("torch.Size([1, 4])", g.hN().shape().toString());
    assertNull(g.cN());
  }
}
