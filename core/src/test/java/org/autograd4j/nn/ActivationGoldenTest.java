package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Activation functions and modules against PyTorch 1.13 (tools/golden/gen_nn_activations.py). */
class ActivationGoldenTest {
  static Stream<Golden.Case> cases() {
    return Golden.load("activations.txt").stream();
  }

  static Tensor call(String kind, Tensor x) {
    switch (kind) {
      case "relu":
        return new ReLU().forward(x);
      case "leaky_relu":
        return new LeakyReLU(0.2).forward(x);
      case "gelu":
        return new GELU().forward(x);
      case "gelu_tanh":
        return new GELU("tanh").forward(x);
      case "silu":
        return new SiLU().forward(x);
      case "sigmoid":
        return new Sigmoid().forward(x);
      case "tanh":
        return new Tanh().forward(x);
      case "softmax0":
        return new Softmax(0).forward(x);
      case "softmax1":
        return new Softmax(1).forward(x);
      case "log_softmax0":
        return new LogSoftmax(0).forward(x);
      case "log_softmax1":
        return new LogSoftmax(-1).forward(x);
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void valuesAndGradientsMatchPyTorch(Golden.Case c) {
    Tensor x = c.t("x").requiresGrad_();
    Tensor out = call(c.kind(), x);
    Golden.assertClose(c.t("out"), out, 1e-14, 1e-12, c.id());
    out.mul(c.t("ct")).sum().backward();
    Golden.assertClose(c.t("gx"), x.grad(), 1e-14, 1e-12, c.id() + " grad");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void secondDerivativesAreConsistent(Golden.Case c) {
    Tensor x = Torch.randn(new int[] {2, 3}, DType.FLOAT64).requiresGrad_();
    NnGradCheck.gradcheck(in -> call(c.kind(), in.get(0)), List.of(x));
    NnGradCheck.gradgradcheck(in -> call(c.kind(), in.get(0)), List.of(x));
  }

  @Test
  void gradFnNamesAreTorchs() {
    Tensor x = Torch.randn(2, 3).requiresGrad_();
    assertEquals("LeakyReluBackward0", F.leakyRelu(x).gradFn().name());
    assertEquals("GeluBackward0", F.gelu(x).gradFn().name());
    assertEquals("SiluBackward0", F.silu(x).gradFn().name());
    assertEquals("SoftmaxBackward0", F.softmax(x, 1).gradFn().name());
    assertEquals("LogSoftmaxBackward0", F.logSoftmax(x, 1).gradFn().name());
    assertEquals("NativeDropoutBackward0", F.dropout(x, 0.5, true).gradFn().name());
  }

  @Test
  void float32SoftmaxIsStableForLargeLogits() {
    Tensor x = Torch.tensor(new float[] {1000f, 1001f, 1002f});
    Tensor p = F.softmax(x, 0);
    assertEquals(DType.FLOAT32, p.dtype());
    assertEquals(0.66524096, p.select(0, 2).item(), 1e-6);
    assertEquals(-0.40760596, F.logSoftmax(x, 0).select(0, 2).item(), 1e-6);
  }

  @Test
  void dropoutKeepsExpectationAndHonoursEvalMode() {
    Torch.manualSeed(3);
    Dropout d = new Dropout(0.25);
    Tensor x = Torch.ones(4000);
    Tensor y = d.forward(x);
    long zeros = 0;
    Tensor flat = y.reshape(-1);
    for (int i = 0; i < flat.numel(); i++) {
      double v = flat.select(0, i).item();
      if (v == 0) {
        zeros++;
      } else {
        assertEquals(1 / 0.75, v, 1e-6);
      }
    }
    assertEquals(1000, zeros, 100, "about p of the elements are dropped");
    d.eval();
    assertEquals(x, d.forward(x), "identity in eval mode");
    assertEquals(x, F.dropout(x, 0.0, true));
  }
}
