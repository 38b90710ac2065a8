package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** Version counters, in-place ops and CopySlices; expectations from PyTorch 1.13 runs. */
class InPlaceTest {
  private static final String HINT =
      " Hint: enable anomaly detection to find the operation that failed to compute its gradient,"
          + " with torch.autograd.set_detect_anomaly(True).";

  private static Tensor vec(double... v) {
    return Torch.tensor(v);
  }

  private static String backwardError(Tensor loss) {
    return assertThrows(IllegalStateException.class, loss::backward).getMessage();
  }

  @Test
  void modifiedSavedOutputFailsBackward() {
    Tensor a = vec(1, 2, 3).requiresGrad_();
    Tensor s = a.sigmoid();
    s.mul_(2.0);
    assertEquals(
        "one of the variables needed for gradient computation has been modified by an inplace"
            + " operation: [torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at"
            + " version 1; expected version 0 instead."
            + HINT,
        backwardError(s.sum()));
  }

  @Test
  void modifiedSavedNonLeafInputNamesItsNewGradFn() {
    Tensor a = vec(1, 2, 3).requiresGrad_();
    Tensor c = a.clone();
    Tensor p = c.pow(2);
    c.mul_(2.0);
    assertEquals(
        "one of the variables needed for gradient computation has been modified by an inplace"
            + " operation: [torch.FloatTensor [3]], which is output 0 of MulBackward0, is at"
            + " version 1; expected version 0 instead."
            + HINT,
        backwardError(p.sum()));
  }

  @Test
  void modifiedSavedLeafFailsWithoutNamingANode() {
    Tensor a = vec(1, 2, 3).requiresGrad_();
    Tensor w = Torch.ones(3);
    Tensor p = a.mul(w);
    w.add_(1.0);
    assertEquals(
        "one of the variables needed for gradient computation has been modified by an inplace"
            + " operation: [torch.FloatTensor [3]] is at version 1; expected version 0 instead."
            + HINT,
        backwardError(p.sum()));
  }

  @Test
  void leafChangedUnderNoGradIsDetectedToo() {
    Tensor a = vec(1, 2, 3).requiresGrad_();
    Tensor p = a.pow(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.add_(1.0));
    assertEquals(
        "a leaf Variable that requires grad is being used in an in-place operation.",
        e.getMessage());
    assertEquals(0, a.version()); // the failed op left it as it was
    try (var g = Torch.noGrad()) {
      a.add_(1.0);
    }
    assertEquals(
        "one of the variables needed for gradient computation has been modified by an inplace"
            + " operation: [torch.FloatTensor [3]] is at version 1; expected version 0 instead."
            + HINT,
        backwardError(p.sum()));
  }

  @Test
  void unrelatedInPlaceChangeDoesNotTripTheCheck() {
    // mul saves x only when the other factor needs a gradient
    Tensor x = vec(1, 2, 3);
    Tensor w = vec(2, 2, 2).requiresGrad_();
    Tensor p = w.mul(3.0).add(x);
    x.mul_(5.0);
    p.sum().backward();
    assertEquals("tensor([3., 3., 3.])", w.grad().toString());
  }

  @Test
  void inPlaceOnNonLeafRebasesGradFn() {
    // y = a.clone(); y.mul_(2): y.grad_fn MulBackward0, next ((CloneBackward0, 0), (None, 0))
    Tensor a = vec(1, 2, 3).requiresGrad_();
    Tensor y = a.clone();
    y.mul_(2.0);
    assertEquals("tensor([2., 4., 6.], grad_fn=<MulBackward0>)", y.toString());
    assertEquals("[(<CloneBackward0>, 0), (None, 0)]", y.gradFn().nextFunctions().toString());
    assertEquals(1, y.version());
    y.sum().backward();
    assertEquals("tensor([2., 2., 2.])", a.grad().toString());
  }

  @Test
  void inPlaceWithOperandRequiringGradGivesHistoryToAPlainTensor() {
    Tensor w = vec(5, 6).requiresGrad_();
    Tensor b = Torch.zeros(2);
    b.add_(w);
    assertEquals("tensor([5., 6.], grad_fn=<AddBackward0>)", b.toString());
    b.mul(b).sum().backward();
    assertEquals("tensor([10., 12.])", w.grad().toString());
  }

  @Test
  void inPlaceSelfMultiplicationSavesTheModifiedOperand() {
    // PyTorch: y = x*1; y.mul_(y) works, but backward fails: the operand y was saved and modified
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor y = x.mul(1.0);
    y.mul_(y);
    assertEquals("tensor([1., 4., 9.], grad_fn=<MulBackward0>)", y.toString());
    assertEquals(
        "one of the variables needed for gradient computation has been modified by an inplace"
            + " operation: [torch.FloatTensor [3]], which is output 0 of MulBackward0, is at"
            + " version 1; expected version 0 instead."
            + HINT,
        backwardError(y.sum()));
  }

  @Test
  void failedInPlaceOpLeavesTensorUnchanged() {
    Tensor x = vec(1, 2);
    assertThrows(IllegalArgumentException.class, () -> x.add_(vec(1, 2, 3)));
    assertThrows(IllegalArgumentException.class, () -> x.add_(Torch.ones(3, 2)));
    assertEquals("tensor([1., 2.])", x.toString());
    assertEquals(0, x.version());
  }

  // ------------------------------------------------------------------ views

  @Test
  void viewOfModifiedBaseSeesTheModification() {
    // y = x.clone(); v = y[:2]; y.mul_(2): v.grad_fn AsStridedBackward0, x.grad [2, 2, 0]
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor y = x.clone();
    Tensor v = y.narrow(0, 0, 2);
    assertEquals("SliceBackward0", v.gradFn().name());
    y.mul_(2.0);
    assertEquals("tensor([2., 4.], grad_fn=<AsStridedBackward0>)", v.toString());
    v.sum().backward();
    assertEquals("tensor([2., 2., 0.])", x.grad().toString());
  }

  @Test
  void inPlaceOnViewMakesBaseCopySlices() {
    // y = x.clone(); v = y[:2]; v.mul_(2): y CopySlices, next ((CloneBackward0, 0), (None, 0))
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor y = x.clone();
    Tensor v = y.narrow(0, 0, 2);
    v.mul_(2.0);
    assertEquals("tensor([2., 4., 3.], grad_fn=<CopySlices>)", y.toString());
    assertEquals("[(<CloneBackward0>, 0), (None, 0)]", y.gradFn().nextFunctions().toString());
    assertEquals("AsStridedBackward0", v.gradFn().name());
    y.sum().backward();
    assertEquals("tensor([2., 2., 1.])", x.grad().toString());
  }

  @Test
  void inPlaceOnViewOfPlainBaseWithGradOperand() {
    // b = zeros(3); v = b[1:]; v.add_(w): b CopySlices ((None, 0), (AccumulateGrad, 0))
    Tensor w = vec(5, 6).requiresGrad_();
    Tensor b = Torch.zeros(3);
    Tensor v = b.narrow(0, 1, 2);
    v.add_(w);
    assertEquals("tensor([0., 5., 6.], grad_fn=<CopySlices>)", b.toString());
    assertEquals("[(None, 0), (<AccumulateGrad>, 0)]", b.gradFn().nextFunctions().toString());
    assertEquals("tensor([5., 6.], grad_fn=<AsStridedBackward0>)", v.toString());
    b.mul(b).sum().backward();
    assertEquals("tensor([10., 12.])", w.grad().toString());
  }

  @Test
  void nestedViewsAndTransposedViews() {
    // y = x.clone(); y[1:][1:].mul_(5) -> x.grad [1, 1, 5]
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor y = x.clone();
    Tensor v = y.narrow(0, 1, 2);
    Tensor u = v.narrow(0, 1, 1);
    u.mul_(5.0);
    assertEquals("tensor([ 1.,  2., 15.], grad_fn=<CopySlices>)", y.toString());
    assertEquals("AsStridedBackward0", v.gradFn().name());
    y.sum().backward();
    assertEquals("tensor([1., 1., 5.])", x.grad().toString());

    // c = m.clone(); c.t()[0].mul_(10) -> m.grad [[10, 1], [10, 1]]
    Tensor m = Torch.tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad_();
    Tensor c = m.clone();
    c.t().select(0, 0).mul_(10.0);
    assertEquals("tensor([[10.,  2.],\n        [30.,  4.]], grad_fn=<CopySlices>)", c.toString());
    c.sum().backward();
    assertEquals("tensor([[10.,  1.],\n        [10.,  1.]])", m.grad().toString());
  }

  @Test
  void doubleBackwardThroughCopySlices() {
    // y = x.clone(); y[:2].mul_(2-constant); g = grad((y*y).sum(), x, create_graph) -> [8, 16, 6]
    // grad(g.sum(), x) -> [8, 8, 2]
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor y = x.clone();
    y.narrow(0, 0, 2).mul_(vec(2, 2));
    Tensor g = Autograd.grad(y.mul(y).sum(), x, true);
    assertEquals("tensor([ 8., 16.,  6.])", g.detach().toString());
    assertTrue(g.requiresGrad());
    assertEquals("tensor([8., 8., 2.])", Autograd.grad(g.sum(), x).toString());
  }

  @Test
  void inPlaceOnViewWithOperandGradientsFlowingToBoth() {
    // y = x.clone(); y[:2].mul_(w): d/dw sum(y*y) = 2 w x0:1^2; d/dx = [2 w^2 x, 2 x]
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor w = vec(3, 4).requiresGrad_();
    Tensor y = x.clone();
    y.narrow(0, 0, 2).mul_(w);
    Autograd.backward(List.of(y.mul(y).sum()), null, null, false, null);
    assertEquals("tensor([18., 64.,  6.])", x.grad().toString());
    assertEquals("tensor([ 6., 32.])", w.grad().toString());
  }

  @Test
  void viewOfALeafRequiringGradCannotBeModified() {
    Tensor x = vec(1, 2, 3).requiresGrad_();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> x.narrow(0, 0, 2).mul_(2.0));
    assertEquals(
        "a view of a leaf Variable that requires grad is being used in an in-place operation.",
        e.getMessage());
    assertEquals("tensor([1., 2., 3.], requires_grad=True)", x.toString());
  }

  @Test
  void viewCreatedUnderNoGradCannotBeModifiedWithGrad() {
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor y = x.clone();
    Tensor v;
    try (var g = Torch.noGrad()) {
      v = y.narrow(0, 1, 2);
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> v.add_(1.0));
    assertEquals(
        "A view was created in no_grad mode and is being modified inplace with grad mode enabled."
            + " Given that this use case is ambiguous and error-prone, it is forbidden. You can"
            + " clarify your code by moving both the view and the inplace either both inside the"
            + " no_grad block (if you don't want the inplace to be tracked) or both outside (if"
            + " you want the inplace to be tracked).",
        e.getMessage());
    try (var g = Torch.noGrad()) {
      v.add_(1.0);
    }
    assertEquals("tensor([1., 3., 4.], grad_fn=<CloneBackward0>)", y.toString());
  }

  @Test
  void viewsFollowTheirBaseRequiringGrad() {
    // b = zeros(3); v = b[:2]; b.requires_grad_() -> v requires grad, is a leaf
    Tensor b = Torch.zeros(3);
    Tensor v = b.narrow(0, 0, 2);
    b.requiresGrad_();
    assertTrue(v.requiresGrad());
    assertTrue(v.isLeaf());
    assertEquals("tensor([0., 0.], requires_grad=True)", v.toString());
    b.detach().add_(1.0);
    assertEquals("AsStridedBackward0", v.gradFn().name()); // base changed: regenerated
  }

  @Test
  void viewMadeUnderNoGradIsALeafRequiringGrad() {
    // with no_grad: v = x[1:] -> v.requires_grad True, v.is_leaf True; (v*2).sum().backward()
    // leaves x.grad None
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor v;
    try (var g = Torch.noGrad()) {
      v = x.narrow(0, 1, 2);
    }
    assertTrue(v.requiresGrad());
    assertTrue(v.isLeaf());
    v.mul(2.0).sum().backward();
    assertEquals(null, x.grad());
    assertEquals("tensor([2., 2.])", v.grad().toString());
  }

  @Test
  void savedViewModifiedThroughItsBase() {
    // y = x*1; v = y[0]; v.mul_(y[1]) -> output 0 of AsStridedBackward0, float [] at version 1
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor y = x.mul(1.0);
    Tensor v = y.select(0, 0);
    v.mul_(y.select(0, 1));
    assertEquals("tensor([2., 2., 3.], grad_fn=<CopySlices>)", y.toString());
    assertEquals(
        "one of the variables needed for gradient computation has been modified by an inplace"
            + " operation: [torch.FloatTensor []], which is output 0 of AsStridedBackward0, is at"
            + " version 1; expected version 0 instead."
            + HINT,
        backwardError(y.sum()));
  }

  @Test
  void optimizerStyleUpdateUnderNoGrad() {
    Tensor w = Torch.tensor(new double[] {1, 2}, DType.FLOAT64).requiresGrad_();
    w.mul(w).sum().backward();
    try (var g = Torch.noGrad()) {
      w.sub_(w.grad().mul(0.25));
      w.grad().zero_();
    }
    assertEquals("tensor([0.5000, 1.0000], dtype=torch.float64, requires_grad=True)", w.toString());
    assertTrue(w.isLeaf());
    assertEquals("tensor([0., 0.], dtype=torch.float64)", w.grad().toString());
  }

  @Test
  void zeroAndCopyIntoAView() {
    // y = x.clone(); y[:1].zero_(); y[2:].copy_(w) -> x.grad [0, 1, 0], w.grad [2]
    Tensor x = vec(1, 2, 3).requiresGrad_();
    Tensor w = vec(7).requiresGrad_();
    Tensor y = x.clone();
    y.narrow(0, 0, 1).zero_();
    y.narrow(0, 2, 1).copy_(w);
    assertEquals("tensor([0., 2., 7.], grad_fn=<CopySlices>)", y.toString());
    y.mul(vec(1, 1, 2)).sum().backward();
    assertEquals("tensor([0., 1., 0.])", x.grad().toString());
    assertEquals("tensor([2.])", w.grad().toString());
  }
}
