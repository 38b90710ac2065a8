package org.autograd4j.examples.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** The cell runner: output capture, displayed values, deliberate errors, warnings. */
class NotebookRunnerTest {
  static final class Tiny extends Notebook {
    Tiny(boolean secondCellRaises) {
      super("999", "tiny");
      cell("1", () -> display(Torch.tensor(2.0)));
      Runnable backwardOfConstant = () -> Torch.tensor(1.0).backward();
      Runnable fine = () -> print("no error", 1.5, null, true);
      if (secondCellRaises) {
        raisingCell("2", backwardOfConstant);
      } else {
        raisingCell("2", fine);
      }
      cell("3", () -> display(Torch.tensor(1.0).requiresGrad_().mul(2).grad()));
      cell("4", () -> display(Torch.tensor(1.0).requiresGrad_().mul(3).grad()));
    }
  }

  @Test
  void capturesEachCellAndReportsDeliberateErrorsAsPython() {
    List<CellOutput> out = NotebookRunner.run(new Tiny(true));
    assertEquals(
        List.of(
            new CellOutput("1", "tensor(2.)\n"),
            new CellOutput(
                "2",
                "RuntimeError: element 0 of tensors does not require grad and does not have a"
                    + " grad_fn\n"),
            // a warning shows once per notebook (per process in Python), under its cell
            new CellOutput("3", SeedTestSupport.NON_LEAF_GRAD_WARNING),
            new CellOutput("4", "")),
        out);
  }

  @Test
  void aCellThatShouldFailButDoesNotIsAnError() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> NotebookRunner.run(new Tiny(false)));
    assertEquals("seed 999 cell [2] should have raised but did not", e.getMessage());
  }

  @Test
  void eachRunIsAFreshProcessForWarnings() {
    NotebookRunner.run(new Tiny(true));
    assertEquals(
        SeedTestSupport.NON_LEAF_GRAD_WARNING, NotebookRunner.run(new Tiny(true)).get(2).text());
  }
}
