package org.autograd4j.examples.seeds;

import static org.autograd4j.examples.seeds.SeedTestSupport.assertCells;
import static org.autograd4j.examples.seeds.SeedTestSupport.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.autograd4j.Torch;
import org.autograd4j.nn.Linear;
import org.junit.jupiter.api.Test;

/** Seed 002: the printed cells exactly; the training step by the gradient it must take. */
class Seed002AutomaticDifferentiationTest {
  @Test
  void printsWhatTheNotebookPrints() {
    // The cells before 27 draw no random numbers, so the net's Linear(1, 1) starts as this twin.
    Torch.manualSeed(0);
    Linear twin = new Linear(1, 1);
    double w0 = twin.weight.item();
    double b0 = twin.bias.item();
    Torch.manualSeed(0);
    Seed002AutomaticDifferentiation nb = new Seed002AutomaticDifferentiation();
    List<CellOutput> out = NotebookRunner.run(nb);
    assertCells(
        cells(
            "5", "tensor(31., grad_fn=<AddBackward0>)\n",
            "6", "Gradient of x:  tensor(4.)\nGradient of y:  tensor(27.)\n",
            "24", "Gradient of a: tensor(6.)\nGradient of b: None\n",
            "27", ""),
        out);

    // Cell 27: out = w·1 + b for a random Linear(1, 1); loss = (out - 2)²; one SGD step, lr 0.1.
    assertEquals("AddmmBackward0", nb.output.gradFn().name());
    assertEquals("MseLossBackward0", nb.loss.gradFn().name());
    double o = nb.output.item();
    assertEquals(w0 * 1.0 + b0, o, 1e-6, "output = w·x + b with x = 1");
    assertEquals((o - 2) * (o - 2), nb.loss.item(), 1e-5);
    double dOut = 2 * (o - 2);
    double gw = nb.net.fc.weight.grad().item();
    double gb = nb.net.fc.bias.grad().item();
    assertEquals(dOut * 1.0, gw, 1e-5, "dL/dw = 2(out - 2)·x with x = 1");
    assertEquals(dOut, gb, 1e-5, "dL/db = 2(out - 2)");
    assertEquals(w0 - 0.1 * gw, nb.net.fc.weight.item(), 1e-6, "w -= lr·dL/dw");
    assertEquals(b0 - 0.1 * gb, nb.net.fc.bias.item(), 1e-6, "b -= lr·dL/db");
  }
}
