package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.Warnings;
import org.junit.jupiter.api.Test;

/** gradcheck itself must catch wrong derivatives, first and second order, and say where. */
class GradCheckTest {

  private static Tensor x3() {
    return Torch.tensor(new double[] {0.3, -1.2, 2.0}, DType.FLOAT64).requiresGrad_();
  }

  /** x², with a backward that is off by {@code factor} at element 1. */
  private static Tensor wrongSquare(Tensor x, double factor) {
    Tensor out = x.detach().mul(x.detach());
    Tensor scale = Torch.tensor(new double[] {1, factor, 1}, DType.FLOAT64);
    return Op.record(
        "WrongBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].mul(ctx.saved(0)).mul(2.0).mul(scale)},
        x);
  }

  /** x², right to first order but with a backward built from detached values. */
  private static Tensor onceOnlySquare(Tensor x) {
    Tensor out = x.detach().mul(x.detach());
    return Op.record(
        "OnceBackward0",
        out,
        new Tensor[] {x},
        (ctx, g) -> new Tensor[] {g[0].mul(ctx.saved(0).detach()).mul(2.0)},
        x);
  }

  @Test
  void acceptsCorrectDerivatives() {
    Function<List<Tensor>, Tensor> f = a -> a.get(0).sin().mul(a.get(1)).sum(0);
    Tensor y = Torch.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}, DType.FLOAT64).requiresGrad_();
    assertTrue(GradCheck.gradcheck(f, List.of(x3(), y)));
    assertTrue(GradCheck.gradgradcheck(f, List.of(x3(), y)));
  }

  @Test
  void namesInputAndWorstElementOfAWrongDerivative() {
    GradCheck.GradcheckError e =
        assertThrows(
            GradCheck.GradcheckError.class,
            () -> GradCheck.gradcheck(a -> wrongSquare(a.get(0), 1.5), List.of(x3())));
    String m = e.getMessage();
    assertTrue(m.contains("with respect to input 0"), m);
    assertTrue(m.contains("worst at output element 1, input element 1"), m);
    assertTrue(m.contains("numerical -2.39999"), m); // d(x²)/dx at -1.2
    assertTrue(m.contains("analytical -3.59999"), m);
  }

  @Test
  void skipsNonDifferentiableInputsAndNamesTheRightIndex() {
    Tensor constant = Torch.tensor(new double[] {1, 2, 3}, DType.FLOAT64);
    GradCheck.GradcheckError e =
        assertThrows(
            GradCheck.GradcheckError.class,
            () ->
                GradCheck.gradcheck(
                    a -> a.get(0).add(wrongSquare(a.get(1), 0.5)), List.of(constant, x3())));
    assertTrue(e.getMessage().contains("with respect to input 1"), e.getMessage());
  }

  @Test
  void gradgradcheckCatchesAFirstOrderOnlyBackward() {
    assertTrue(GradCheck.gradcheck(a -> onceOnlySquare(a.get(0)), List.of(x3())));
    GradCheck.GradcheckError e =
        assertThrows(
            GradCheck.GradcheckError.class,
            () -> GradCheck.gradgradcheck(a -> onceOnlySquare(a.get(0)), List.of(x3())));
    assertTrue(e.getMessage().startsWith("gradgradcheck: "), e.getMessage());
  }

  @Test
  void refusesWhenNoInputRequiresGrad() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GradCheck.gradcheck(a -> a.get(0).sin(), List.of(x3().detach())));
    assertTrue(e.getMessage().startsWith("gradcheck expects at least one input tensor"));
  }

  @Test
  void warnsForSinglePrecisionInputs() {
    List<String> seen = new ArrayList<>();
    var old = Warnings.redirect(seen::add);
    try {
      Tensor x = Torch.tensor(new double[] {0.5, 1.0}).requiresGrad_();
      GradCheck.gradcheck(a -> a.get(0).mul(2.0), List.of(x), 1e-2, 1e-2, 1e-2);
    } finally {
      Warnings.redirect(old);
    }
    assertTrue(
        seen.stream()
            .anyMatch(
                s ->
                    s.startsWith(
                        "UserWarning: Input #0 requires gradient and is not a double precision")),
        seen.toString());
  }
}
