package org.autograd4j.examples.seeds;

import static org.autograd4j.examples.seeds.SeedTestSupport.assertPrinted;
import static org.autograd4j.examples.seeds.SeedTestSupport.labels;
import static org.autograd4j.examples.seeds.SeedTestSupport.numbersIn;
import static org.autograd4j.examples.seeds.SeedTestSupport.text;
import static org.autograd4j.examples.seeds.SeedTestSupport.vectorRepr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * Seed 003: the fixed outputs exactly (grad_fn names, errors, accumulation); the cells printing
 * torch.randn values by format and by the gradient identity they illustrate.
 */
class Seed003AutogradPackageTest {
  private static double[] values(Tensor t) {
    double[] v = new double[t.numel()];
    for (int i = 0; i < v.length; i++) {
      v[i] = t.select(0, i).item();
    }
    return v;
  }

  private static void assertVector(double[] expected, List<String> printed, String what) {
    assertEquals(expected.length, printed.size(), what);
    for (int i = 0; i < expected.length; i++) {
      assertPrinted(expected[i], printed.get(i), what + "[" + i + "]");
    }
  }

  @Test
  void printsWhatTheNotebookPrints() {
    Torch.manualSeed(0);
    Seed003AutogradPackage nb = new Seed003AutogradPackage();
    // x is rebound by later cells: remember it (and its gradient) as each cell left it
    Map<String, double[]> xAfter = new HashMap<>();
    Map<String, double[]> gradAfter = new HashMap<>();
    List<CellOutput> out =
        NotebookRunner.run(
            nb,
            cell -> {
              if (nb.x != null) {
                xAfter.put(cell.label(), values(nb.x));
                if (nb.x.grad() != null) {
                  gradAfter.put(cell.label(), values(nb.x.grad()));
                }
              }
            });

    assertEquals(
        List.of(
            "68", "69", "70", "71", "72", "73", "75", "76", "77", "78", "79", "80", "81", "82",
            "83", "84"),
        labels(out));

    double[] x = xAfter.get("68");
    String xRepr = vectorRepr(3, ", requires_grad=True");
    assertVector(x, numbersIn(text(out, "68").strip(), xRepr), "x");

    // y = x + 2, z = y*y*2, z.mean(): each printed with its grad_fn
    double[] y = new double[3];
    double[] z = new double[3];
    double mean = 0;
    for (int i = 0; i < 3; i++) {
      y[i] = x[i] + 2;
      z[i] = 2 * y[i] * y[i];
      mean += z[i] / 3;
    }
    assertVector(
        y, numbersIn(text(out, "69").strip(), vectorRepr(3, ", grad_fn=<AddBackward0>")), "y");
    assertVector(
        z, numbersIn(text(out, "70").strip(), vectorRepr(3, ", grad_fn=<MulBackward0>")), "z");
    assertVector(
        new double[] {mean},
        numbersIn(
            text(out, "71").strip(),
            "tensor\\(" + SeedTestSupport.NUMBER + ", grad_fn=<MeanBackward0>\\)"),
        "z.mean()");

    // Cell 72: x unchanged, and dz/dx = 4(x + 2)/3 for z = mean(2(x + 2)²)
    String[] cell72 = text(out, "72").split("\n");
    assertEquals(2, cell72.length);
    assertEquals(text(out, "68").strip(), cell72[0]);
    double[] dzdx = new double[3];
    for (int i = 0; i < 3; i++) {
      dzdx[i] = 4 * (x[i] + 2) / 3;
      assertEquals(dzdx[i], gradAfter.get("72")[i], 1e-5, "x.grad[" + i + "]");
    }
    assertVector(dzdx, numbersIn(cell72[1], vectorRepr(3, "")), "x.grad");

    assertEquals(
        "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn\n",
        text(out, "73"));

    // Cell 75: a new x; z = 2(x + 2)² printed, then backward() of a vector fails
    String[] cell75 = text(out, "75").split("\n");
    assertEquals(2, cell75.length);
    double[] x75 = xAfter.get("75");
    double[] z75 = new double[3];
    for (int i = 0; i < 3; i++) {
      z75[i] = 2 * (x75[i] + 2) * (x75[i] + 2);
    }
    assertVector(z75, numbersIn(cell75[0], vectorRepr(3, ", grad_fn=<MulBackward0>")), "z");
    assertEquals("RuntimeError: grad can be implicitly created only for scalar outputs", cell75[1]);

    // Cell 76: z.backward(v) gives x.grad = v · dz/dx = v · 4(x + 2)
    double[] v = {0.1f, 1.0f, 0.001f};
    double[] vjp = new double[3];
    for (int i = 0; i < 3; i++) {
      vjp[i] = v[i] * 4 * (x75[i] + 2);
      assertEquals(vjp[i], gradAfter.get("76")[i], 1e-5 * Math.abs(vjp[i]), "x.grad[" + i + "]");
    }
    assertVector(vjp, numbersIn(text(out, "76").strip(), vectorRepr(3, "")), "x.grad");

    assertEquals("", text(out, "77"));
    assertEquals("True\nFalse\n", text(out, "78"));
    assertEquals("True\nFalse\n", text(out, "79"));
    assertEquals("True\nFalse\n", text(out, "80"));
    assertEquals("tensor([3., 3., 3., 3.])\n", text(out, "81"));
    assertEquals("tensor([3., 3., 3., 3.])\ntensor([6., 6., 6., 6.])\n", text(out, "82"));
    assertEquals(
        "tensor([3., 3., 3., 3.])\ntensor([6., 6., 6., 6.])\ntensor([9., 9., 9., 9.])\n",
        text(out, "83"));
    assertEquals(
        "tensor([3., 3., 3., 3.])\ntensor([3., 3., 3., 3.])\ntensor([3., 3., 3., 3.])\n",
        text(out, "84"));
  }

  @Test
  void printedNumbersPatternAcceptsTheNotebooksOwnOutput() {
    // The format regexes above, checked against the notebook's own (PyTorch's) random outputs.
    assertEquals(
        3,
        numbersIn(
                "tensor([ 1.3505,  0.9042, -0.7476], requires_grad=True)",
                vectorRepr(3, ", requires_grad=True"))
            .size());
    assertEquals(
        List.of("6.4465e-01", "1.5289e+01", "9.9570e-03"),
        numbersIn("tensor([6.4465e-01, 1.5289e+01, 9.9570e-03])", vectorRepr(3, "")));
    assertEquals(
        3,
        numbersIn(
                "tensor([ 5.1947, 29.2177, 12.3928], grad_fn=<MulBackward0>)",
                vectorRepr(3, ", grad_fn=<MulBackward0>"))
            .size());
    assertEquals(
        List.of("14.1525"),
        numbersIn(
            "tensor(14.1525, grad_fn=<MeanBackward0>)",
            "tensor\\(" + SeedTestSupport.NUMBER + ", grad_fn=<MeanBackward0>\\)"));
    assertTrue(
        "Weight: tensor([0.4249], requires_grad=True), Bias: tensor([0.3562], requires_grad=True)"
            .matches(
                Pattern.quote("Weight: ")
                    + vectorRepr(1, ", requires_grad=True")
                    + Pattern.quote(", Bias: ")
                    + vectorRepr(1, ", requires_grad=True")));
  }
}
