package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.autograd.Autograd;
import org.autograd4j.internal.Warnings;
import org.junit.jupiter.api.Test;

/** The autograd behaviour the seed tutorials rely on, with values from calculus and PyTorch. */
class CoreAutogradTest {

  private static double[] values(Tensor t) {
    Tensor c = t.contiguousData();
    double[] out = new double[t.numel()];
    for (int i = 0; i < out.length; i++) {
      out[i] = c.storage.getDouble(c.offset + i);
    }
    return out;
  }

  @Test
  void chainRuleThroughPowAndSin() {
    Tensor x = Torch.tensor(5.0).requiresGrad_();
    Torch.sin(x.pow(2)).backward();
    // d/dx sin(x^2) = 2x cos(x^2)
    assertEquals(2 * 5 * Math.cos(25), x.grad().item(), 1e-5);
    assertEquals("tensor(9.9120)", x.grad().toString());
  }

  @Test
  void gradientsAccumulateUntilZeroed() {
    Tensor w = Torch.ones(4).requiresGrad_();
    for (int i = 1; i <= 3; i++) {
      w.mul(3).sum().backward();
      assertArrayEquals(new double[] {3 * i, 3 * i, 3 * i, 3 * i}, values(w.grad()));
    }
    Tensor g = w.grad();
    assertSame(g, w.grad().zero_(), "zero_ works in place and returns the tensor");
    assertEquals("tensor([0., 0., 0., 0.])", w.grad().toString());
  }

  @Test
  void broadcastGradientsAreReducedToEachInputShape() {
    Tensor a = Torch.ones(2, 3).requiresGrad_();
    Tensor b = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Tensor c = Torch.tensor(2.0).requiresGrad_();
    a.mul(b).add(c).sum().backward();
    assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, values(a.grad()));
    assertArrayEquals(new double[] {2, 2, 2}, values(b.grad()));
    assertEquals(6.0, c.grad().item());
    assertEquals(0, c.grad().dim());
  }

  @Test
  void vectorBackwardTakesTheGivenGradient() {
    Tensor x = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Tensor z = x.add(2).mul(x.add(2)).mul(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, z::backward);
    assertEquals("grad can be implicitly created only for scalar outputs", e.getMessage());
    z.backward(Torch.tensor(new double[] {0.1, 1.0, 0.001}));
    // dz/dx = 4(x+2), times v
    assertArrayEquals(new double[] {1.2, 16, 0.02}, values(x.grad()), 1e-6);
  }

  @Test
  void backwardWithoutGraphFailsWithPyTorchsMessage() {
    Tensor x = Torch.tensor(2.0);
    Tensor y = x.pow(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
    assertEquals(
        "element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
  }

  @Test
  void noGradDetachAndRequiresGradFalseStopRecording() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    try (var g = Torch.noGrad()) {
      Tensor y = x.pow(2);
      assertFalse(y.requiresGrad());
      assertEquals("tensor(4.)", y.toString());
    }
    assertTrue(x.pow(2).requiresGrad(), "grad mode is restored after the scope");
    Tensor d = x.detach();
    assertFalse(d.requiresGrad());
    assertEquals("tensor(2.)", d.toString());
    x.requiresGrad_(false);
    assertEquals("tensor(2.)", x.toString());
    assertFalse(x.pow(2).requiresGrad());
  }

  @Test
  void gradFnNamesAndNextFunctions() {
    Tensor x = Torch.tensor(3.0).requiresGrad_();
    assertEquals("tensor(9., grad_fn=<PowBackward0>)", x.pow(2).toString());
    assertEquals("RsubBackward1", x.rsub(1).gradFn().name());
    assertEquals("AddBackward0", x.add(2).gradFn().name());
    assertEquals(
        "[(<AccumulateGrad>, 0), (None, 0)]", x.add(2).gradFn().nextFunctions().toString());
    assertEquals("MeanBackward0", x.mean().gradFn().name());
    assertEquals("ClampBackward1", x.clamp(0, 1).gradFn().name());
    assertEquals("NegBackward0", x.neg().gradFn().name());
    assertEquals("DivBackward0", x.div(x).gradFn().name());
    assertEquals("SubBackward0", x.sub(x).gradFn().name());
  }

  @Test
  void nonLeafGradWarnsOnceAndReturnsNull() {
    List<String> shown = new ArrayList<>();
    var old = Warnings.redirect(shown::add);
    try {
      Tensor x = Torch.tensor(3.0).requiresGrad_();
      Tensor y = x.pow(2);
      y.backward();
      assertNull(y.grad());
      assertNull(y.grad());
      assertEquals(1, shown.size());
      assertTrue(
          shown.get(0).startsWith("UserWarning: The .grad attribute of a Tensor that is not"));
    } finally {
      Warnings.redirect(old);
    }
  }

  @Test
  void inPlaceOnLeafRequiringGradIsRefusedUnlessNoGrad() {
    Tensor w = Torch.tensor(1.0).requiresGrad_();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.sub_(0.5));
    assertEquals(
        "a leaf Variable that requires grad is being used in an in-place operation.",
        e.getMessage());
    assertEquals(1.0, w.item(), "a failed in-place op leaves the tensor as it was");
    try (var g = Torch.noGrad()) {
      w.sub_(Torch.tensor(0.25));
    }
    assertEquals(0.75, w.item());
    assertTrue(w.requiresGrad());
  }

  @Test
  void broadcastMismatchAndIntegerRequiresGradErrors() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Torch.ones(3).add(Torch.ones(4)));
    assertEquals(
        "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
        e.getMessage());
    IllegalStateException i =
        assertThrows(IllegalStateException.class, () -> Torch.arange(3L).requiresGrad_());
    assertEquals("only Tensors of floating point dtype can require gradients", i.getMessage());
    IllegalArgumentException m =
        assertThrows(IllegalArgumentException.class, () -> Torch.ones(2, 3).mm(Torch.ones(4, 5)));
    assertEquals("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", m.getMessage());
  }

  @Test
  void secondOrderGradientThroughCreateGraph() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    Tensor dy = Autograd.grad(x.pow(3), x, true);
    assertEquals("tensor(12., grad_fn=<MulBackward0>)", dy.toString());
    assertEquals("tensor(12.)", Autograd.grad(dy, x).toString());
  }

  @Test
  void savedTensorsAreFreedAfterBackward() {
    Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
    Tensor y = x.pow(2).sum();
    y.backward();
    IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
    assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"));
    Tensor z = x.add(1.0).sum();
    z.backward();
    z.backward(); // nothing saved: just accumulates
    assertArrayEquals(new double[] {2 + 2, 4 + 2}, values(x.grad()));
  }

  @Test
  void modifiedSavedTensorFailsBackwardWithVersions() {
    Tensor x = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Tensor s = x.sigmoid();
    Tensor y = s.sum();
    s.mul_(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
    assertEquals(
        "one of the variables needed for gradient computation has been modified by an inplace"
            + " operation: [torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at"
            + " version 1; expected version 0 instead. Hint: enable anomaly detection to find the"
            + " operation that failed to compute its gradient, with"
            + " torch.autograd.set_detect_anomaly(True).",
        e.getMessage());
  }

  @Test
  void matmulGradients() {
    Tensor a = Torch.tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad_();
    Tensor b = Torch.tensor(new double[][] {{5, 6}, {7, 8}}).requiresGrad_();
    a.matmul(b).sum().backward();
    // d(sum(AB))/dA = 1 B^T, d/dB = A^T 1
    assertArrayEquals(new double[] {11, 15, 11, 15}, values(a.grad()));
    assertArrayEquals(new double[] {4, 4, 6, 6}, values(b.grad()));
  }
}
