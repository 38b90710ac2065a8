package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.Warnings;
import org.junit.jupiter.api.Test;

/** autograd.grad, hooks, retain_grad, detach and requires_grad_; expectations from PyTorch 1.13. */
class GradApiTest {
  private static Tensor vec(double... v) {
    return Torch.tensor(v);
  }

  @Test
  void gradReturnsGradientsAndNeverWritesDotGrad() {
    Tensor x = vec(1, 2, 3).requiresGrad_();
    List<Tensor> g = Autograd.grad(List.of(x.mul(x).sum()), List.of(x), null, null, false, false);
    assertEquals("[tensor([2., 4., 6.])]", g.toString());
    assertNull(x.grad());
  }

  @Test
  void gradWithExplicitGradOutputs() {
    Tensor x = vec(1, 2, 3).requiresGrad_();
    List<Tensor> g =
        Autograd.grad(List.of(x.mul(2.0)), List.of(x), List.of(vec(1, 0, 2)), null, false, false);
    assertEquals("tensor([2., 0., 4.])", g.get(0).toString());
  }

  @Test
  void gradOfSeveralOutputsSumsThem() {
    Tensor x = vec(1, 2, 3).requiresGrad_();
    List<Tensor> g =
        Autograd.grad(
            List.of(x.mul(x).sum(), x.mul(3.0).sum()), List.of(x), null, null, false, false);
    assertEquals("tensor([5., 7., 9.])", g.get(0).toString());
  }

  @Test
  void gradOfNonLeafInput() {
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor h = x.mul(3.0);
    Tensor g = Autograd.grad(h.mul(h).sum(), h);
    assertEquals("tensor([ 6., 12.])", g.toString());
  }

  @Test
  void unusedInputIsAnErrorUnlessAllowed() {
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor unused = Torch.tensor(1.0).requiresGrad_();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Autograd.grad(
                    List.of(x.mul(2.0).sum()), List.of(x, unused), null, null, false, false));
    assertEquals(
        "One of the differentiated Tensors appears to not have been used in the graph. Set"
            + " allow_unused=True if this is the desired behavior.",
        e.getMessage());
    List<Tensor> g =
        Autograd.grad(List.of(x.mul(2.0).sum()), List.of(x, unused), null, null, false, true);
    assertEquals("tensor([2., 2.])", g.get(0).toString());
    assertNull(g.get(1));
  }

  @Test
  void inputThatDoesNotRequireGradIsAnError() {
    Tensor x = vec(1, 2).requiresGrad_();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> Autograd.grad(x.mul(2.0).sum(), x.detach()));
    assertEquals("One of the differentiated Tensors does not require grad", e.getMessage());
  }

  @Test
  void gradFreesTheGraphUnlessRetained() {
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor y = x.pow(2).sum();
    Autograd.grad(List.of(y), List.of(x), null, true, false, false);
    Autograd.grad(y, x);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Autograd.grad(y, x));
    assertEquals(EngineTest.FREED, e.getMessage());
  }

  @Test
  void gradDoesNotRunHooksOfTheCapturedTensors() {
    // PyTorch 1.13: autograd.grad captures the gradient before tensor hooks run.
    Tensor x = vec(1, 2).requiresGrad_();
    int[] calls = {0};
    x.registerHook(
        g -> {
          calls[0]++;
          return g.mul(10.0);
        });
    assertEquals("tensor([2., 2.])", Autograd.grad(x.mul(2.0).sum(), x).toString());
    assertEquals(0, calls[0]);
    Tensor y = x.mul(2.0);
    y.registerHook(g -> g.mul(100.0));
    assertEquals("tensor([1., 1.])", Autograd.grad(y.sum(), y).toString());
  }

  @Test
  void hookOnLeafReplacesGradientBeforeAccumulationAndIsRemovable() {
    Tensor x = vec(1, 2).requiresGrad_();
    RemovableHandle h = x.registerHook(g -> g.mul(10.0));
    x.mul(2.0).sum().backward();
    assertEquals("tensor([20., 20.])", x.grad().toString());
    h.remove();
    h.remove();
    x.setGrad(null);
    x.mul(2.0).sum().backward();
    assertEquals("tensor([2., 2.])", x.grad().toString());
  }

  @Test
  void hookOnNonLeafChangesWhatFlowsOn() {
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor y = x.mul(3.0);
    List<String> seen = new ArrayList<>();
    y.registerHook(
        g -> {
          seen.add(g.toString());
          return null; // keep the gradient
        });
    y.registerHook(g -> g.add(1.0));
    y.sum().backward();
    assertEquals(List.of("tensor([1., 1.])"), seen);
    assertEquals("tensor([6., 6.])", x.grad().toString());
  }

  @Test
  void hookNeedsRequiresGrad() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Torch.tensor(1.0).registerHook(g -> g));
    assertEquals(
        "cannot register a hook on a tensor that doesn't require gradient", e.getMessage());
  }

  @Test
  void retainGradKeepsANonLeafGradient() {
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor y = x.mul(3.0);
    assertFalse(y.retainsGrad());
    assertSame(y, y.retainGrad());
    assertTrue(y.retainsGrad());
    y.mul(y).sum().backward(null, true, false);
    assertEquals("tensor([ 6., 12.])", y.grad().toString());
    y.mul(y).sum().backward();
    assertEquals("tensor([12., 24.])", y.grad().toString());
  }

  @Test
  void retainGradIsANoOpOnLeavesAndAnErrorWithoutGrad() {
    Tensor x = vec(1, 2).requiresGrad_();
    x.retainGrad();
    assertFalse(x.retainsGrad());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Torch.tensor(1.0).retainGrad());
    assertEquals("can't retain_grad on Tensor that has requires_grad=False", e.getMessage());
  }

  @Test
  void retainGradRunsInHookRegistrationOrder() {
    // PyTorch 1.13: y.retain_grad(); y.register_hook(g*2) -> y.grad [1, 1], x.grad [6, 6]
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor y = x.mul(3.0);
    y.retainGrad();
    y.registerHook(g -> g.mul(2.0));
    y.sum().backward();
    assertEquals("tensor([1., 1.])", y.grad().toString());
    assertEquals("tensor([6., 6.])", x.grad().toString());
  }

  @Test
  void nonLeafGradWarnsAndIsNull() {
    List<String> warnings = new ArrayList<>();
    Consumer<String> old = Warnings.redirect(warnings::add);
    try {
      Tensor y = vec(1, 2).requiresGrad_().mul(2.0);
      y.sum().backward();
      assertNull(y.grad());
      assertEquals(
          List.of(
              "UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being"
                  + " accessed. Its .grad attribute won't be populated during autograd.backward()."
                  + " If you indeed want the .grad field to be populated for a non-leaf Tensor, use"
                  + " .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by"
                  + " mistake, make sure you access the leaf Tensor instead. See"
                  + " github.com/pytorch/pytorch/pull/30531 for more informations."),
          warnings);
    } finally {
      Warnings.redirect(old);
    }
  }

  @Test
  void detachSharesStorageAndVersionCounter() {
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor d = x.detach();
    assertFalse(d.requiresGrad());
    assertTrue(d.isLeaf());
    assertEquals(0, d.version());
    d.add_(1.0);
    assertEquals("tensor([2., 3., 4.], requires_grad=True)", x.toString());
    assertEquals(1, x.version());
    assertEquals(1, d.version());
  }

  @Test
  void detachOfAViewIsNotAView() {
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor d = x.narrow(0, 0, 2).detach();
    d.detach_(); // allowed: detach() never returns a view (PyTorch: _is_view() is False)
    assertEquals("tensor([1., 2.])", d.toString());
  }

  @Test
  void detachInPlace() {
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor z = x.mul(2.0);
    assertSame(z, z.detach_());
    assertEquals("tensor([2., 4.])", z.toString());
    assertTrue(z.isLeaf());
    assertNull(z.gradFn());
  }

  @Test
  void detachInPlaceRefusesViews() {
    String msg =
        "Can't detach views in-place. Use detach() instead. If you are using"
            + " DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as"
            + " True, gradients are views of DDP buckets, and hence detach_() cannot be called on"
            + " these gradients. To fix this error, please refer to the Optimizer.zero_grad()"
            + " function in torch/optim/optimizer.py as the solution.";
    Tensor x = vec(1, 2).requiresGrad_();
    assertEquals(
        msg,
        assertThrows(IllegalStateException.class, () -> x.narrow(0, 0, 1).detach_()).getMessage());
    // Also when nothing requires grad, as in PyTorch.
    assertEquals(
        msg,
        assertThrows(IllegalStateException.class, () -> Torch.zeros(3).narrow(0, 0, 2).detach_())
            .getMessage());
  }

  @Test
  void requiresGradFlagRules() {
    Tensor y = vec(1, 2).requiresGrad_().mul(2.0);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> y.requiresGrad_(false));
    assertEquals(
        "you can only change requires_grad flags of leaf variables. If you want to use a computed"
            + " variable in a subgraph that doesn't require differentiation use var_no_grad ="
            + " var.detach().",
        e.getMessage());
    assertSame(y, y.requiresGrad_(true));
    IllegalStateException i =
        assertThrows(
            IllegalStateException.class, () -> Torch.tensor(new long[] {1, 2}).requiresGrad_());
    assertEquals("only Tensors of floating point dtype can require gradients", i.getMessage());
    Tensor x = vec(2);
    x.requiresGrad_();
    x.requiresGrad_(false);
    assertFalse(x.pow(2).requiresGrad());
  }

  @Test
  void nextFunctionsShowNoneForInputsWithoutGrad() {
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor y = x.mul(vec(3, 4));
    assertEquals("MulBackward0", y.gradFn().name());
    assertEquals("[(<AccumulateGrad>, 0), (None, 0)]", y.gradFn().nextFunctions().toString());
    assertSame(x, ((AccumulateGrad) y.gradFn().nextFunctions().get(0).function()).variable());
    assertEquals(
        Arrays.asList(true, false),
        Arrays.asList(y.gradFn().needsInputGrad(0), y.gradFn().needsInputGrad(1)));
  }

  @Test
  void torchAutogradNamespaceReadsLikePyTorch() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    assertEquals(
        "tensor(12., grad_fn=<MulBackward0>)", Torch.autograd.grad(x.pow(3), x, true).toString());
    assertEquals("[tensor(4.)]", Torch.autograd.grad(List.of(x.pow(2)), List.of(x)).toString());
    Torch.autograd.backward(x.pow(2));
    assertEquals("tensor(4.)", x.grad().toString());
    Torch.autograd.backward(List.of(x.mul(3.0)), List.of(Torch.tensor(2.0)));
    assertEquals("tensor(10.)", x.grad().toString());
    Tensor d = Torch.tensor(new double[] {0.5, 1.5}, org.autograd4j.DType.FLOAT64).requiresGrad_();
    assertTrue(Torch.autograd.gradcheck(in -> in.get(0).pow(3).sum(), List.of(d)));
    assertTrue(Torch.autograd.gradgradcheck(in -> in.get(0).pow(3).sum(), List.of(d)));
  }

  @Test
  void retainGradFollowsInPlaceRebaseButHooksStay() {
    // PyTorch 1.13: y = x*2; y.retain_grad(); y.mul_(3) -> y.grad [1, 1], x.grad [6, 6];
    // a hook registered before the in-place op still sees the old grad_fn's gradient [3, 3]
    Tensor x = vec(1, 2).requiresGrad_();
    Tensor y = x.mul(2.0);
    y.retainGrad();
    List<String> seen = new ArrayList<>();
    y.registerHook(
        g -> {
          seen.add(g.toString());
          return g;
        });
    y.mul_(3.0);
    y.sum().backward();
    assertEquals("tensor([1., 1.])", y.grad().toString());
    assertEquals("tensor([6., 6.])", x.grad().toString());
    assertEquals(List.of("tensor([3., 3.])"), seen);
  }

  @Test
  void gradOfALeafWithRespectToItself() {
    // torch.autograd.grad(x, x, torch.ones(2)) -> (tensor([1., 1.]),)
    Tensor x = vec(1, 2).requiresGrad_();
    List<Tensor> g =
        Autograd.grad(List.of(x), List.of(x), List.of(Torch.ones(2)), null, false, false);
    assertEquals("[tensor([1., 1.])]", g.toString());
    Tensor z = x.sum();
    z.backward();
    z.backward(); // no saved tensors: a second backward just accumulates
    assertEquals("tensor([2., 2.])", x.grad().toString());
  }
}
