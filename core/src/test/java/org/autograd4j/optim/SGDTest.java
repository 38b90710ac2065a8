package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** SGD against the update rule written out by hand (reference §5.4). */
class SGDTest {
  @Test
  void momentumDampeningAndWeightDecayFollowPyTorchsFormula() {
    Tensor p = Torch.tensor(1.0, DType.FLOAT64).requiresGrad_();
    SGD opt = new SGD(List.of(p), 0.1, 0.9, 0.5, 0.01, false, false);
    double w = 1.0;
    double buf = 0;
    for (int step = 0; step < 3; step++) {
      opt.zeroGrad();
      p.pow(2).backward(); // grad = 2p
      opt.step();
      double g = 2 * w + 0.01 * w;
      buf = step == 0 ? g : 0.9 * buf + 0.5 * g;
      w -= 0.1 * buf;
      assertEquals(w, p.item(), 1e-12);
    }
  }

  @Test
  void nesterovAndZeroGrad() {
    Tensor p = Torch.tensor(1.0, DType.FLOAT64).requiresGrad_();
    SGD opt = new SGD(List.of(p), 0.1, 0.9, 0, 0, true, false);
    double w = 1.0;
    double buf = 0;
    for (int step = 0; step < 3; step++) {
      opt.zeroGrad();
      p.pow(2).backward();
      opt.step();
      double g = 2 * w;
      buf = step == 0 ? g : 0.9 * buf + g;
      w -= 0.1 * (g + 0.9 * buf);
      assertEquals(w, p.item(), 1e-12);
    }
    opt.zeroGrad();
    assertNull(p.grad());
  }
}
