package org.autograd4j.autograd.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** Jacobians, Hessians and vector products against analytic derivatives. */
class FunctionalTest {
  private static Tensor d(double... v) {
    return Torch.tensor(v, DType.FLOAT64);
  }

  private static String f64(String body) {
    return "tensor(" + body + ", dtype=torch.float64)";
  }

  @Test
  void jacobianOfElementwiseIsDiagonal() {
    // d(x^2)/dx = diag(2x)
    Tensor j = Functional.jacobian(t -> t.pow(2), d(1, 2, 3));
    assertEquals("torch.Size([3, 3])", j.shape().toString());
    assertEquals(f64("[[2., 0., 0.],\n        [0., 4., 0.],\n        [0., 0., 6.]]"), j.toString());
  }

  @Test
  void jacobianShapeIsOutputShapePlusInputShape() {
    // f(A) = A @ v with A 2x3, v fixed: d f_i / d A_jk = delta_ij v_k; shape [2, 2, 3]
    Tensor v = d(1, 2, 3);
    Tensor a = Torch.tensor(new double[][] {{1, 0, 0}, {0, 1, 0}}, DType.FLOAT64);
    Tensor j = Functional.jacobian(m -> m.mv(v), a);
    assertEquals("torch.Size([2, 2, 3])", j.shape().toString());
    assertEquals(
        f64(
            "[[[1., 2., 3.],\n         [0., 0., 0.]],\n\n"
                + "        [[0., 0., 0.],\n         [1., 2., 3.]]]"),
        j.toString());
    // scalar output: Jacobian has the input's shape
    assertEquals(f64("[2., 4., 6.]"), Functional.jacobian(t -> t.pow(2).sum(), v).toString());
  }

  @Test
  void jacobianWithSeveralInputs() {
    // f(x, y) = x * y: J_x = diag(y), J_y = diag(x); an unused input gets zeros
    Tensor[] j = Functional.jacobian(in -> in[0].mul(in[1]), d(1, 2), d(3, 4), d(5));
    assertEquals(f64("[[3., 0.],\n        [0., 4.]]"), j[0].toString());
    assertEquals(f64("[[1., 0.],\n        [0., 2.]]"), j[1].toString());
    assertEquals(f64("[[0.],\n        [0.]]"), j[2].toString());
  }

  @Test
  void jacobianDoesNotTouchTheInputsGraph() {
    Tensor x = d(1, 2).requiresGrad_();
    Tensor j = Functional.jacobian(t -> t.pow(3), x);
    assertFalse(j.requiresGrad());
    assertNull(x.grad());
    // with createGraph the Jacobian is differentiable w.r.t. x: d/dx sum(diag(3x^2)) = 6x
    Tensor jg = Functional.jacobian(t -> t.pow(3), x, true);
    assertTrue(jg.requiresGrad());
    jg.sum().backward();
    assertEquals(f64("[ 6., 12.]"), x.grad().toString());
  }

  @Test
  void hessianOfCubicSum() {
    // f = sum(x^3): H = diag(6x)
    Tensor h = Functional.hessian(t -> t.pow(3).sum(), d(1, 2));
    assertEquals(f64("[[ 6.,  0.],\n        [ 0., 12.]]"), h.toString());
  }

  @Test
  void hessianOfQuadraticForm() {
    // f = x0^2 x1 + sin(x1): H = [[2 x1, 2 x0], [2 x0, -sin(x1)]]
    Tensor x = d(1, 0.5);
    Tensor h =
        Functional.hessian(
            t -> t.select(0, 0).pow(2).mul(t.select(0, 1)).add(t.select(0, 1).sin()), x);
    double s = -Math.sin(0.5);
    assertEquals(1.0, h.select(0, 0).select(0, 0).item(), 1e-12);
    assertEquals(2.0, h.select(0, 0).select(0, 1).item(), 1e-12);
    assertEquals(2.0, h.select(0, 1).select(0, 0).item(), 1e-12);
    assertEquals(s, h.select(0, 1).select(0, 1).item(), 1e-12);
  }

  @Test
  void hessianWithSeveralInputs() {
    // f(x, y) = sum(x^2 * y): d2/dx2 = diag(2y), d2/dxdy = diag(2x), d2/dy2 = 0
    Tensor[][] h = Functional.hessian(in -> in[0].pow(2).mul(in[1]).sum(), d(1, 2), d(3, 4));
    assertEquals(f64("[[6., 0.],\n        [0., 8.]]"), h[0][0].toString());
    assertEquals(f64("[[2., 0.],\n        [0., 4.]]"), h[0][1].toString());
    assertEquals(f64("[[2., 0.],\n        [0., 4.]]"), h[1][0].toString());
    assertEquals(f64("[[0., 0.],\n        [0., 0.]]"), h[1][1].toString());
  }

  @Test
  void hessianNeedsASingleElementOutput() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Functional.hessian(t -> t.pow(2), d(1, 2)));
    assertEquals(
        "The Tensor returned by the function given to hessian should contain a single element",
        e.getMessage());
  }

  @Test
  void vjpJvpHvp() {
    // f(x) = [x0 * x1, x0 + x1^2]: J = [[x1, x0], [1, 2 x1]] at x = (2, 3) -> [[3, 2], [1, 6]]
    Tensor x = d(2, 3);
    java.util.function.UnaryOperator<Tensor> f =
        t ->
            t.select(0, 0)
                .mul(t.select(0, 1))
                .unsqueeze(0)
                .mul(d(1, 0))
                .add(t.select(0, 0).add(t.select(0, 1).pow(2)).unsqueeze(0).mul(d(0, 1)));
    Tensor[] vjp = Functional.vjp(f, x, d(1, 10));
    assertEquals(f64("[ 6., 11.]"), vjp[0].toString());
    assertEquals(f64("[13., 62.]"), vjp[1].toString()); // vᵀJ = [3 + 10, 2 + 60]
    Tensor[] jvp = Functional.jvp(f, x, d(1, 10));
    assertEquals(f64("[ 6., 11.]"), jvp[0].toString());
    assertEquals(f64("[23., 61.]"), jvp[1].toString()); // J v = [3 + 20, 1 + 60]
    assertFalse(jvp[1].requiresGrad());
    // hvp of sum(x^3) at (2, 3) with v = (1, 10): H = diag(12, 18) -> [12, 180]
    Tensor[] hvp = Functional.hvp(t -> t.pow(3).sum(), x, d(1, 10));
    assertEquals(f64("35."), hvp[0].toString());
    assertEquals(f64("[ 12., 180.]"), hvp[1].toString());
    // vjp without v for a scalar function is the gradient
    assertEquals(f64("[12., 27.]"), Functional.vjp(t -> t.pow(3).sum(), x, null)[1].toString());
  }

  @Test
  void namespaceReadsLikePyTorch() {
    Tensor j = Torch.autograd.functional.jacobian(t -> t.mul(3.0), d(1, 2));
    assertEquals(f64("[[3., 0.],\n        [0., 3.]]"), j.toString());
    assertEquals(
        f64("[[2., 0.],\n        [0., 2.]]"),
        Torch.autograd.functional.hessian(t -> t.pow(2).sum(), d(1, 2)).toString());
  }

  @Test
  void vectorShapeIsChecked() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Functional.jvp(t -> t.pow(2), d(1, 2), d(1)));
    assertEquals(
        "Mismatch in shape in jvp: v has a shape of torch.Size([1]) but expected"
            + " torch.Size([2]).",
        e.getMessage());
  }
}
