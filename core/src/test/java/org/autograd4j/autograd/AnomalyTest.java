package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.Warnings;
import org.junit.jupiter.api.Test;

/** Torch.autograd.detectAnomaly(): NaN gradients fail naming the node and where it was made. */
class AnomalyTest {
  @Test
  void nanGradientNamesTheNodeAndItsCreationSite() {
    // PyTorch: sqrt at 0 gives an inf gradient, times 0 is nan:
    // "Function 'SqrtBackward0' returned nan values in its 0th output."
    Tensor x = Torch.tensor(new double[] {0, 1}).requiresGrad_();
    IllegalStateException e;
    int line;
    try (var a = Torch.autograd.detectAnomaly()) {
      assertTrue(Torch.autograd.isAnomalyEnabled());
      Throwable here = new Throwable();
      Tensor y = x.sqrt(); // the node is created on this line
      line = here.getStackTrace()[0].getLineNumber() + 1;
      Tensor loss = y.mul(0.0).sum();
      e = assertThrows(IllegalStateException.class, loss::backward);
    }
    assertFalse(Torch.autograd.isAnomalyEnabled());
    assertEquals(
        "Function 'SqrtBackward0' returned nan values in its 0th output.\n"
            + "Error detected in SqrtBackward0. Traceback of forward call that caused the error:\n"
            + "  at org.autograd4j.autograd.AnomalyTest.nanGradientNamesTheNodeAndItsCreationSite"
            + "(AnomalyTest.java:"
            + line
            + ")",
        e.getMessage());
  }

  @Test
  void withoutAnomalyModeNanFlowsThrough() {
    Tensor x = Torch.tensor(new double[] {0, 1}).requiresGrad_();
    x.sqrt().mul(0.0).sum().backward();
    assertEquals("tensor([nan, 0.])", x.grad().toString());
  }

  @Test
  void otherBackwardErrorsWarnWithTheForwardSite() {
    List<String> warnings = new ArrayList<>();
    Consumer<String> old = Warnings.redirect(warnings::add);
    try (var a = Torch.autograd.detectAnomaly()) {
      Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
      Tensor y = Function.apply(new FunctionTest.MyFn(), x, x);
      assertThrows(IllegalStateException.class, () -> y.sum().backward());
      assertEquals(1, warnings.size());
      assertTrue(
          warnings
              .get(0)
              .startsWith(
                  "UserWarning: Error detected in MyFnBackward. Traceback of forward call that"
                      + " caused the error:\n  at org.autograd4j.autograd.AnomalyTest."),
          warnings.get(0));
    } finally {
      Warnings.redirect(old);
    }
  }

  @Test
  void savedTensorHintChangesInAnomalyMode() {
    Tensor a = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    try (var m = Torch.autograd.detectAnomaly()) {
      Tensor s = a.sigmoid();
      s.mul_(2.0);
      IllegalStateException e = assertThrows(IllegalStateException.class, s.sum()::backward);
      assertTrue(
          e.getMessage()
              .endsWith(
                  " Hint: the backtrace further above shows the operation that failed to compute"
                      + " its gradient. The variable in question was changed in there or anywhere"
                      + " later. Good luck!"),
          e.getMessage());
    }
  }

  @Test
  void anomalyModeIsNestableAndThreadLocal() throws InterruptedException {
    try (var a = Torch.autograd.setDetectAnomaly(true)) {
      try (var b = Torch.autograd.setDetectAnomaly(false)) {
        assertFalse(Torch.autograd.isAnomalyEnabled());
      }
      assertTrue(Torch.autograd.isAnomalyEnabled());
      boolean[] other = {true};
      Thread t = new Thread(() -> other[0] = Torch.autograd.isAnomalyEnabled());
      t.start();
      t.join();
      assertFalse(other[0]);
    }
  }
}
