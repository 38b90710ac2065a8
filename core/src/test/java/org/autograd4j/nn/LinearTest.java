package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

class LinearTest {
  static final class Net extends Module {
    final Linear fc = registerModule("fc", new Linear(1, 1));

    @Override
    public Tensor forward(Tensor x) {
      return fc.forward(x);
    }
  }

  @Test
  void reprAndParameterNamesFollowPyTorch() {
    Net net = new Net();
    assertEquals(
        "Net(\n  (fc): Linear(in_features=1, out_features=1, bias=True)\n)", net.toString());
    assertEquals(List.of("fc.weight", "fc.bias"), List.copyOf(net.namedParameters().keySet()));
    assertEquals("Linear(in_features=2, out_features=3, bias=True)", new Linear(2, 3).toString());
    assertTrue(net.fc.weight.toString().startsWith("Parameter containing:\ntensor([["));
  }

  private static double maxAbs(Tensor t) {
    Tensor flat = t.detach().reshape(-1);
    double m = 0;
    for (int i = 0; i < flat.numel(); i++) {
      m = Math.max(m, Math.abs(flat.select(0, i).item()));
    }
    return m;
  }

  @Test
  void initialisationStaysWithinOneOverSqrtFanIn() {
    Torch.manualSeed(0);
    Linear l = new Linear(16, 64);
    double bound = 1 / Math.sqrt(16);
    assertTrue(maxAbs(l.weight) <= bound);
    assertTrue(maxAbs(l.bias) <= bound);
    assertTrue(maxAbs(l.weight) > 0.9 * bound, "1024 draws cover the range");
  }

  @Test
  void forwardIsAddmmAndMseGradientIsTwiceTheError() {
    Net net = new Net();
    Tensor input = Torch.tensor(new double[][] {{1.0}});
    Tensor out = net.forward(input);
    assertEquals("AddmmBackward0", out.gradFn().name());
    Tensor loss = new MSELoss().forward(out, Torch.tensor(new double[][] {{2.0}}));
    assertEquals("MseLossBackward0", loss.gradFn().name());
    loss.backward();
    double err = out.item() - 2.0;
    assertEquals(2 * err * 1.0, net.fc.weight.grad().item(), 1e-6);
    assertEquals(2 * err, net.fc.bias.grad().item(), 1e-6);
  }
}
