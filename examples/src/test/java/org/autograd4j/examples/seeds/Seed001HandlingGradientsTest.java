package org.autograd4j.examples.seeds;

import static org.autograd4j.examples.seeds.SeedTestSupport.NON_LEAF_GRAD_WARNING;
import static org.autograd4j.examples.seeds.SeedTestSupport.assertCells;
import static org.autograd4j.examples.seeds.SeedTestSupport.cells;

import org.junit.jupiter.api.Test;

/** Seed 001: every cell prints exactly what the notebook shows. */
class Seed001HandlingGradientsTest {
  @Test
  void printsWhatTheNotebookPrints() {
    assertCells(
        cells(
            "7", "",
            "3", "6\n",
            "6", "-5.466781571308061\n",
            " ", "",
            "21", "",
            "22", "",
            "23", "tensor(3., requires_grad=True)\n",
            "24", "tensor(9., grad_fn=<PowBackward0>)\n",
            " ", "",
            "25", "",
            "26", "tensor(0.4121, grad_fn=<SinBackward0>)\n",
            "27", "",
            "28", "tensor(-5.4668)\n",
            // the notebook shows the warning's source line only; the script form is this
            "31", NON_LEAF_GRAD_WARNING,
            "32", "",
            "33", "",
            "34", "",
            "35", "tensor(6.7012)\n",
            "39", "",
            "40",
                "Manual gradient of loss wrt weight dw: 6.691762447357178\n"
                    + "Manual gradient of loss wrt bias db: 0.998770534992218\n",
            "41", "",
            "42", "",
            "43", "tensor(6.7000, grad_fn=<AddBackward0>)\n",
            "44", "tensor(0.9988, grad_fn=<SigmoidBackward0>)\n",
            "45", "tensor(6.7012, grad_fn=<NegBackward0>)\n",
            "46", "",
            "47", "tensor(6.6918)\n",
            "48", "tensor(0.9988)\n",
            "54", "tensor(2., requires_grad=True)\n",
            "62", "tensor(4., grad_fn=<PowBackward0>)\n",
            "63", "",
            "64", "tensor(4.)\n",
            "61", "tensor(0.)\n",
            " ", ""),
        NotebookRunner.run(new Seed001HandlingGradients()));
  }
}
