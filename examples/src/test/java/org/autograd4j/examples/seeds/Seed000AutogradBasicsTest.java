package org.autograd4j.examples.seeds;

import static org.autograd4j.examples.seeds.SeedTestSupport.assertPrinted;
import static org.autograd4j.examples.seeds.SeedTestSupport.labels;
import static org.autograd4j.examples.seeds.SeedTestSupport.numbersIn;
import static org.autograd4j.examples.seeds.SeedTestSupport.text;
import static org.autograd4j.examples.seeds.SeedTestSupport.vectorRepr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** Seed 000: every output the notebook shows; the random cells by format and by calculus. */
class Seed000AutogradBasicsTest {
  @Test
  void printsWhatTheNotebookPrints() {
    Torch.manualSeed(0);
    Seed000AutogradBasics nb = new Seed000AutogradBasics();
    List<CellOutput> out = NotebookRunner.run(nb);

    assertEquals(List.of("2", "3", "4", "5", "6", "9", "10", "11"), labels(out));
    assertEquals("", text(out, "2"));
    assertEquals("tensor(10.)\n", text(out, "3"));
    assertEquals("tensor(9.9120)\n", text(out, "4"));

    // Cell 5: w, b = torch.rand(1, requires_grad=True), printed through an f-string.
    String weight = vectorRepr(1, ", requires_grad=True");
    String cell5 = text(out, "5");
    List<String> wb =
        numbersIn(
            cell5.strip(), Pattern.quote("Weight: ") + weight + Pattern.quote(", Bias: ") + weight);
    double w = nb.w.item();
    double b = nb.b.item();
    assertTrue(w >= 0 && w < 1 && b >= 0 && b < 1, "torch.rand is uniform in [0, 1)");
    assertPrinted(w, wb.get(0), "w");
    assertPrinted(b, wb.get(1), "b");

    // Cell 6: L = -log(sigmoid(w*5 + b)) for target 1, so dL/dw = (ŷ - 1)·x and dL/db = ŷ - 1.
    double yHat = 1 / (1 + Math.exp(-(w * 5 + b)));
    double dw = (yHat - 1) * 5;
    double db = yHat - 1;
    String grad = vectorRepr(1, "");
    List<String> grads =
        numbersIn(
            text(out, "6").strip(),
            Pattern.quote("Gradient of weight: ")
                + grad
                + Pattern.quote(", Gradient of bias: ")
                + grad);
    assertPrinted(dw, grads.get(0), "dL/dw");
    assertPrinted(db, grads.get(1), "dL/db");
    assertEquals(dw, nb.w.grad().item(), 1e-6);
    assertEquals(db, nb.b.grad().item(), 1e-6);

    // f"{x.grad}" of a 0-d tensor prints the Python float.
    assertEquals("Gradient of y with respect to x: 6.0\n", text(out, "9"));
    assertEquals("Gradient of y with respect to x: 12.0\n", text(out, "10"));
    assertEquals("Gradient of y with respect to x after clearing: 6.0\n", text(out, "11"));
  }
}
