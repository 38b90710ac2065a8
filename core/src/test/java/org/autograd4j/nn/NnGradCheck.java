package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Autograd;

/**
 * Central-difference gradient checks for nn tests (eps 1e-6, atol 1e-5, rtol 1e-3, as PyTorch's
 * gradcheck), in the cheap "projected" form: the scalar {@code Σ f(x)·v} for a fixed random v, so
 * each input element costs two evaluations. {@code gradgradcheck} checks the gradient of {@code Σ
 * grad·u} computed with create_graph, i.e. the backward of the backward.
 */
final class NnGradCheck {
  private NnGradCheck() {}

  static final double EPS = 1e-6;
  static final double ATOL = 1e-5;
  static final double RTOL = 1e-3;

  /** Checks first derivatives of {@code fn} with respect to each input requiring grad. */
  static void gradcheck(Function<List<Tensor>, Tensor> fn, List<Tensor> inputs) {
    Tensor probe;
    try (var g = Torch.noGrad()) {
      probe = Torch.randn(fn.apply(detached(inputs)).shape().toArray(), DType.FLOAT64);
    }
    Function<List<Tensor>, Tensor> scalar = in -> fn.apply(in).mul(probe).sum();
    compare(scalar, inputs, "gradcheck");
  }

  /** Checks second derivatives: the gradient of {@code Σ_i grad_i · u_i}. */
  static void gradgradcheck(Function<List<Tensor>, Tensor> function, List<Tensor> inputs) {
    Tensor probe;
    try (var g = Torch.noGrad()) {
      probe = Torch.randn(function.apply(detached(inputs)).shape().toArray(), DType.FLOAT64);
    }
    Function<List<Tensor>, Tensor> fn = in -> function.apply(in).mul(probe).sum();
    List<Tensor> diff = differentiable(inputs);
    List<Tensor> us = new ArrayList<>();
    for (Tensor t : diff) {
      us.add(Torch.randn(t.shape().toArray(), DType.FLOAT64));
    }
    Function<List<Tensor>, Tensor> firstOrder =
        in -> {
          List<Tensor> d = differentiable(in);
          Tensor out = fn.apply(in);
          List<Tensor> grads = Autograd.grad(List.of(out), d, null, true, true, true);
          Tensor s = null;
          for (int k = 0; k < grads.size(); k++) {
            if (grads.get(k) == null) {
              continue;
            }
            Tensor term = grads.get(k).mul(us.get(k)).sum();
            s = s == null ? term : s.add(term);
          }
          return s == null ? Torch.tensor(0.0, DType.FLOAT64) : s;
        };
    compare(firstOrder, inputs, "gradgradcheck");
  }

  private static List<Tensor> differentiable(List<Tensor> in) {
    List<Tensor> d = new ArrayList<>();
    for (Tensor t : in) {
      if (t.requiresGrad()) {
        d.add(t);
      }
    }
    return d;
  }

  private static List<Tensor> detached(List<Tensor> in) {
    List<Tensor> d = new ArrayList<>();
    for (Tensor t : in) {
      d.add(t.detach());
    }
    return d;
  }

  private static void compare(
      Function<List<Tensor>, Tensor> scalar, List<Tensor> inputs, String what) {
    List<Tensor> diff = differentiable(inputs);
    Tensor out = scalar.apply(inputs);
    // A derivative that does not depend on the inputs (a linear loss's second order) is zero.
    List<Tensor> analytic =
        out.requiresGrad()
            ? Autograd.grad(List.of(out), diff, null, false, false, true)
            : java.util.Collections.nCopies(diff.size(), null);
    for (int k = 0; k < diff.size(); k++) {
      Tensor x = diff.get(k);
      Tensor a = analytic.get(k) == null ? Torch.zerosLike(x) : analytic.get(k);
      int n = x.numel();
      if (n <= ELEMENTWISE_LIMIT) {
        for (int i = 0; i < n; i++) {
          Tensor d = Torch.zeros(x.shape().toArray(), DType.FLOAT64);
          d.reshape(-1).select(0, i).fill_(1.0);
          check(scalar, inputs, x, a, d, what + ": input " + k + " element " + i);
        }
      } else {
        // Larger inputs: directional derivatives along random directions, so the cost does not
        // grow with the input size; a wrong gradient fails along almost every direction.
        for (int r = 0; r < DIRECTIONS; r++) {
          Tensor d = Torch.randn(x.shape().toArray(), DType.FLOAT64);
          check(scalar, inputs, x, a, d, what + ": input " + k + " direction " + r);
        }
      }
    }
  }

  static final int ELEMENTWISE_LIMIT = 8;
  static final int DIRECTIONS = 2;

  /** Compares ⟨analytic, d⟩ with (f(x + eps·d) - f(x - eps·d)) / 2eps. */
  private static void check(
      Function<List<Tensor>, Tensor> scalar,
      List<Tensor> inputs,
      Tensor x,
      Tensor analytic,
      Tensor d,
      String where) {
    Tensor orig = x.detach().clone();
    set(x, orig.add(d.mul(EPS)));
    double plus = scalar.apply(inputs).item();
    set(x, orig.sub(d.mul(EPS)));
    double minus = scalar.apply(inputs).item();
    set(x, orig);
    double numeric = (plus - minus) / (2 * EPS);
    double got = analytic.detach().mul(d).sum().item();
    if (!(Math.abs(got - numeric) <= ATOL + RTOL * Math.abs(numeric))) {
      throw new AssertionError(where + ": analytic " + got + " vs numeric " + numeric);
    }
  }

  private static void set(Tensor x, Tensor v) {
    try (var g = Torch.noGrad()) {
      x.copy_(v);
    }
  }
}
