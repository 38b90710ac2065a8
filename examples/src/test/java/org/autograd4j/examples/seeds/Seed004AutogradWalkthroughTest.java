package org.autograd4j.examples.seeds;

import static org.autograd4j.examples.seeds.SeedTestSupport.NON_LEAF_GRAD_WARNING;
import static org.autograd4j.examples.seeds.SeedTestSupport.assertCells;
import static org.autograd4j.examples.seeds.SeedTestSupport.cells;

import org.junit.jupiter.api.Test;

/** Seed 004: every cell prints exactly what the notebook shows, linear regression included. */
class Seed004AutogradWalkthroughTest {
  private static final String NO_GRAD_ERROR =
      "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn\n";

  @Test
  void printsWhatTheNotebookPrints() {
    assertCells(
        cells(
            "1", "4\n",
            "2",
                "x ->  tensor(3., requires_grad=True)\n"
                    + "y ->  tensor(9., grad_fn=<PowBackward0>)\n"
                    + "x.grad ->  tensor(6.)\n",
            "3", "-7.661275842587077\n",
            "4",
                "x: tensor(4., requires_grad=True)\n"
                    + "y: tensor(16., grad_fn=<PowBackward0>)\n"
                    + "z: tensor(-0.2879, grad_fn=<SinBackward0>)\n"
                    + "x.grad: tensor(-7.6613)\n",
            // the notebook shows the warning's source line only; the script form is this
            "5", NON_LEAF_GRAD_WARNING,
            "6",
                "tensor(6.7012)\n"
                    + "Manual Gradient of loss w.r.t weight (dw): 6.691762447357178\n"
                    + "Manual Gradient of loss w.r.t bias (db): 0.998770534992218\n",
            "7",
                "Initial weight: tensor(1., requires_grad=True)\n"
                    + "Initial bias: tensor(0., requires_grad=True)\n"
                    + "Linear output (z): tensor(6.7000, grad_fn=<AddBackward0>)\n"
                    + "Predicted probability: tensor(0.9988, grad_fn=<SigmoidBackward0>)\n"
                    + "Loss: tensor(6.7012, grad_fn=<NegBackward0>)\n"
                    + "Gradient of w: tensor(6.6918)\n"
                    + "Gradient of b: tensor(0.9988)\n",
            "8",
                "tensor([1., 2., 3.], requires_grad=True)\n"
                    + "tensor(4.6667, grad_fn=<MeanBackward0>)\n"
                    + "tensor([0.6667, 1.3333, 2.0000])\n",
            "9", "tensor(2., requires_grad=True)\n",
            "10", "tensor(4., grad_fn=<PowBackward0>)\n",
            "11", "",
            "12", "tensor(4.)\n",
            "13", "tensor(0.)\n",
            "14", "tensor(2., requires_grad=True)\n",
            "15", "tensor(4., grad_fn=<PowBackward0>)\n",
            "16", "",
            "17", "tensor(4.)\n",
            "18", "tensor(2.)\n",
            "19", "tensor(2.)\n",
            "20", "",
            "21", "tensor(4.)\n",
            "22", NO_GRAD_ERROR,
            "23", "tensor(2., requires_grad=True)\n",
            "24", "tensor(2.)\n",
            "25", "tensor(4., grad_fn=<PowBackward0>)\n",
            "26", "tensor(4.)\n",
            "27", "",
            "28", NO_GRAD_ERROR,
            "29", "tensor(2., requires_grad=True)\n",
            "30", "",
            "31", "tensor(4.)\n",
            "32", NO_GRAD_ERROR,
            "33",
                "Epoch 0: w = 0.300, loss = 30.000\n"
                    + "Epoch 10: w = 1.559, loss = 0.833\n"
                    + "Epoch 20: w = 1.767, loss = 0.075\n"
                    + "Epoch 30: w = 1.805, loss = 0.052\n"
                    + "Epoch 40: w = 1.816, loss = 0.049\n"
                    + "Epoch 50: w = 1.822, loss = 0.046\n"
                    + "Epoch 60: w = 1.827, loss = 0.043\n"
                    + "Epoch 70: w = 1.832, loss = 0.041\n"
                    + "Epoch 80: w = 1.837, loss = 0.038\n"
                    + "Epoch 90: w = 1.842, loss = 0.036\n"
                    + "Final prediction: y = 1.846 * x + 0.452\n"),
        NotebookRunner.run(new Seed004AutogradWalkthrough()));
  }
}
