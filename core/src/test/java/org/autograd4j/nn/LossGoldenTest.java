package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every loss, reduction and option against PyTorch 1.13 (tools/golden/gen_nn_losses.py). */
class LossGoldenTest {
  static Stream<Golden.Case> cases() {
    return Golden.load("losses.txt").stream();
  }

  static Tensor call(Golden.Case c, Tensor x, Tensor t) {
    Reduction r = Reduction.valueOf(c.s("reduction").toUpperCase(Locale.ROOT));
    Tensor w = c.opt("weight");
    switch (c.kind()) {
      case "mse":
        return F.mseLoss(x, t, r);
      case "l1":
        return F.l1Loss(x, t, r);
      case "smoothl1":
        return F.smoothL1Loss(x, t, r, c.d("beta", 1));
      case "huber":
        return F.huberLoss(x, t, r, c.d("delta", 1));
      case "bce":
        return F.binaryCrossEntropy(x, t, w, r);
      case "bcelogits":
        return F.binaryCrossEntropyWithLogits(x, t, w, c.opt("pos_weight"), r);
      case "ce":
        return F.crossEntropy(x, t, w, c.i("ignore", -100), r, c.d("smoothing", 0));
      case "nll":
        return F.nllLoss(x, t, w, c.i("ignore", -100), r);
      case "kl":
        return F.klDiv(x, t, r, c.b("log_target"));
      default:
        throw new IllegalArgumentException(c.kind());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(Golden.Case c) {
    Tensor x = c.t("x").requiresGrad_();
    Tensor t = c.t("target");
    boolean targetGrad = c.tensors().containsKey("gt");
    if (targetGrad) {
      t.requiresGrad_();
    }
    Tensor out = call(c, x, t);
    Golden.assertClose(c.t("out"), out, 1e-12, 1e-10, c.id() + " out");
    out.mul(c.t("ct")).sum().backward();
    Golden.assertClose(c.t("gx"), x.grad(), 1e-12, 1e-10, c.id() + " grad input");
    if (targetGrad) {
      Golden.assertClose(c.t("gt"), t.grad(), 1e-12, 1e-10, c.id() + " grad target");
    } else if (t.requiresGrad()) {
      assertNull(t.grad());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientsAreThemselvesDifferentiable(Golden.Case c) {
    // Second order through the recorded derivative, checked numerically on the input.
    Tensor x = c.t("x").requiresGrad_();
    Tensor t = c.t("target");
    NnGradCheck.gradcheck(in -> call(c, in.get(0), t), List.of(x));
    NnGradCheck.gradgradcheck(in -> call(c, in.get(0), t).mul(c.t("ct")).sum(), List.of(x));
  }
}
