package org.autograd4j.autograd.functional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Autograd;
import org.autograd4j.autograd.GradMode;

/**
 * {@code torch.autograd.functional}: Jacobians, Hessians and vector products of whole functions,
 * built from reverse-mode gradients (forward products use the double-vjp trick). As in PyTorch,
 * inputs are detached first, so the results do not depend on (or record into) the inputs' own
 * graphs unless {@code createGraph} is given.
 *
 * <pre>{@code
 * Tensor x = Torch.tensor(new double[] {1, 2});
 * Tensor j = Functional.jacobian(t -> t.pow(2), x);            // [[2, 0], [0, 4]]
 * Tensor h = Functional.hessian(t -> t.pow(3).sum(), x);       // [[6, 0], [0, 12]]
 * Tensor[] r = Functional.jvp(t -> t.pow(2), x, Torch.ones(2)); // {f(x), J v}
 * }</pre>
 */
public final class Functional {
  private Functional() {}

  /** A function of several tensors, for the multi-input forms. */
  @FunctionalInterface
  public interface MultiFunction {
    /** Computes the output from {@code inputs}, in the order they were given. */
    Tensor apply(Tensor[] inputs);
  }

  // ------------------------------------------------------------------ jacobian

  /**
   * {@code jacobian(func, x)}: the Jacobian of {@code f} at {@code x}, shaped {@code f(x).shape +
   * x.shape}.
   *
   * <pre>{@code
   * Functional.jacobian(t -> t.mul(t), Torch.tensor(new double[] {1, 2}));
   * // tensor([[2., 0.], [0., 4.]])
   * }</pre>
   */
  public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x) {
    return jacobian(f, x, false);
  }

  /** {@code jacobian(func, x, create_graph=createGraph)}: differentiable when createGraph. */
  public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x, boolean createGraph) {
    return jacobian(in -> f.apply(in[0]), new Tensor[] {x}, createGraph)[0];
  }

  /**
   * {@code jacobian(func, (x1, x2, ...))}: one Jacobian per input, each shaped {@code f(...).shape
   * + xi.shape}.
   */
  public static Tensor[] jacobian(MultiFunction f, Tensor... xs) {
    return jacobian(f, xs, false);
  }

  /** The multi-input Jacobian with {@code create_graph}. */
  public static Tensor[] jacobian(MultiFunction f, Tensor[] xs, boolean createGraph) {
    Tensor[] in = prepare(xs, createGraph);
    Tensor out;
    try (GradMode.Scope s = GradMode.scope(true)) {
      out = f.apply(in.clone());
    }
    return jacobianOf(out, in, createGraph);
  }

  /** Rows of d out / d in, one reverse pass per output element. */
  private static Tensor[] jacobianOf(Tensor out, Tensor[] in, boolean createGraph) {
    int[] outShape = out.shape().toArray();
    int m = out.numel();
    Tensor[][] rows = new Tensor[in.length][m];
    for (int i = 0; i < m; i++) {
      Tensor[] g = gradsOrZeros(out, in, oneHot(out, i), createGraph);
      for (int k = 0; k < in.length; k++) {
        rows[k][i] = g[k];
      }
    }
    Tensor[] result = new Tensor[in.length];
    for (int k = 0; k < in.length; k++) {
      result[k] = stackRows(rows[k], outShape, in[k], createGraph);
    }
    return result;
  }

  // ------------------------------------------------------------------ hessian

  /**
   * {@code hessian(func, x)} for a function with a single-element output: shaped {@code x.shape +
   * x.shape}.
   *
   * <pre>{@code
   * Functional.hessian(t -> t.pow(3).sum(), Torch.tensor(new double[] {1, 2}));
   * // tensor([[ 6.,  0.], [ 0., 12.]])
   * }</pre>
   */
  public static Tensor hessian(UnaryOperator<Tensor> f, Tensor x) {
    return hessian(in -> f.apply(in[0]), new Tensor[] {x})[0][0];
  }

  /** {@code hessian(func, (x1, x2, ...))}: block {@code [i][j]} is d²f / dxi dxj. */
  public static Tensor[][] hessian(MultiFunction f, Tensor... xs) {
    Tensor[] in = prepare(xs, false);
    Tensor[][] result = new Tensor[in.length][];
    Tensor[] firstGrads;
    try (GradMode.Scope s = GradMode.scope(true)) {
      Tensor out = f.apply(in.clone());
      if (out.numel() != 1) {
        throw new IllegalArgumentException(
            "The Tensor returned by the function given to hessian should contain a single"
                + " element");
      }
      firstGrads = gradsOrZeros(out.reshape(), in, null, true);
    }
    for (int i = 0; i < in.length; i++) {
      result[i] = jacobianOf(firstGrads[i], in, false);
    }
    return result;
  }

  // ------------------------------------------------------------------ products

  /**
   * {@code vjp(func, x, v)}: returns {@code {f(x), vᵀ J}}; {@code v} may be null when f(x) has one
   * element.
   */
  public static Tensor[] vjp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
    Tensor[] in = prepare(new Tensor[] {x}, false);
    Tensor out;
    try (GradMode.Scope s = GradMode.scope(true)) {
      out = f.apply(in[0]);
    }
    Tensor g = gradsOrZeros(out, in, vOrOnes(out, v, "vjp"), false)[0];
    return new Tensor[] {out.detach(), g};
  }

  /**
   * {@code jvp(func, x, v)}: returns {@code {f(x), J v}}, computed with two reverse passes (the
   * double-vjp trick): {@code g(u) = uᵀ J} is linear in u, and its vjp with v is {@code J v}.
   */
  public static Tensor[] jvp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
    Tensor[] in = prepare(new Tensor[] {x}, false);
    Tensor vv = vOrOnes(in[0], v, "jvp");
    Tensor out;
    Tensor jv;
    try (GradMode.Scope s = GradMode.scope(true)) {
      out = f.apply(in[0]);
      Tensor u = Torch.zerosLike(out).requiresGrad_();
      Tensor gu = gradsOrZeros(out, in, u, true)[0];
      jv = gu.requiresGrad() ? gradsOrZeros(gu, new Tensor[] {u}, vv, false)[0] : zerosLike(out);
    }
    return new Tensor[] {out.detach(), jv.detach()};
  }

  /**
   * {@code hvp(func, x, v)} for a single-element output: returns {@code {f(x), H v}}, with two
   * reverse passes through the gradient.
   */
  public static Tensor[] hvp(UnaryOperator<Tensor> f, Tensor x, Tensor v) {
    Tensor[] in = prepare(new Tensor[] {x}, false);
    Tensor out;
    Tensor hv;
    try (GradMode.Scope s = GradMode.scope(true)) {
      out = f.apply(in[0]);
      if (out.numel() != 1) {
        throw new IllegalArgumentException(
            "The Tensor returned by the function given to hvp should contain a single element");
      }
      Tensor g = gradsOrZeros(out.reshape(), in, null, true)[0];
      // (dg/dx)ᵀ v = Hᵀ v = H v for a twice continuously differentiable f
      hv = g.requiresGrad() ? gradsOrZeros(g, in, vOrOnes(g, v, "hvp"), false)[0] : zerosLike(g);
    }
    return new Tensor[] {out.detach(), hv.detach()};
  }

  // ------------------------------------------------------------------ helpers

  /** PyTorch's _grad_preprocess: detached inputs that require grad (kept in the graph if asked). */
  private static Tensor[] prepare(Tensor[] xs, boolean createGraph) {
    Tensor[] in = new Tensor[xs.length];
    for (int i = 0; i < xs.length; i++) {
      if (createGraph && xs[i].requiresGrad()) {
        try (GradMode.Scope s = GradMode.scope(true)) {
          in[i] = xs[i].reshape(xs[i].shape().toArray()); // a differentiable alias
        }
      } else {
        in[i] = xs[i].detach().requiresGrad_();
      }
    }
    return in;
  }

  private static Tensor vOrOnes(Tensor like, Tensor v, String fn) {
    if (v == null) {
      if (like.numel() != 1) {
        throw new IllegalArgumentException(
            "The vector v can only be None if the user-provided function returns a single Tensor"
                + " with a single element.");
      }
      return Torch.onesLike(like);
    }
    if (!Arrays.equals(v.shape().toArray(), like.shape().toArray())) {
      throw new IllegalArgumentException(
          "Mismatch in shape in "
              + fn
              + ": v has a shape of "
              + v.shape()
              + " but expected "
              + like.shape()
              + ".");
    }
    return v;
  }

  /** Gradients of {@code out} (weighted by {@code v}) for each input; zeros where unused. */
  private static Tensor[] gradsOrZeros(Tensor out, Tensor[] in, Tensor v, boolean createGraph) {
    Tensor[] g = new Tensor[in.length];
    if (out.requiresGrad()) {
      List<Tensor> r =
          Autograd.grad(
              List.of(out),
              Arrays.asList(in),
              v == null ? null : listOf(v),
              true,
              createGraph,
              true);
      r.toArray(g);
    }
    for (int i = 0; i < g.length; i++) {
      if (g[i] == null) {
        g[i] = zerosLike(in[i]);
      }
    }
    return g;
  }

  private static List<Tensor> listOf(Tensor t) {
    List<Tensor> l = new ArrayList<>(1);
    l.add(t);
    return l;
  }

  private static Tensor zerosLike(Tensor t) {
    return Torch.zeros(t.shape().toArray(), t.dtype());
  }

  /** The i-th basis tensor shaped like {@code out}. */
  private static Tensor oneHot(Tensor out, int i) {
    Tensor e = Torch.zeros(new int[] {out.numel()}, out.dtype());
    try (GradMode.Scope s = GradMode.scope(false)) {
      e.narrow(0, i, 1).fill_(1.0);
    }
    return e.reshape(out.shape().toArray());
  }

  /**
   * Stacks per-output-element rows (each shaped like {@code in}) into {@code outShape + inShape}.
   * Without createGraph the values are copied; with it the result is built as a sum of outer
   * products e_i ⊗ row_i so that it stays differentiable.
   */
  private static Tensor stackRows(Tensor[] rows, int[] outShape, Tensor in, boolean createGraph) {
    int[] inShape = in.shape().toArray();
    int[] shape = new int[outShape.length + inShape.length];
    System.arraycopy(outShape, 0, shape, 0, outShape.length);
    System.arraycopy(inShape, 0, shape, outShape.length, inShape.length);
    int m = rows.length;
    int n = in.numel();
    boolean anyGrad = false;
    for (Tensor r : rows) {
      anyGrad |= r.requiresGrad();
    }
    if (!createGraph || !anyGrad) {
      Tensor j = Torch.zeros(new int[] {m, n}, in.dtype());
      try (GradMode.Scope s = GradMode.scope(false)) {
        for (int i = 0; i < m; i++) {
          j.select(0, i).copy_(rows[i].reshape(n));
        }
      }
      return j.reshape(shape);
    }
    Tensor j = null;
    for (int i = 0; i < m; i++) {
      Tensor e = Torch.zeros(new int[] {m, 1}, in.dtype());
      try (GradMode.Scope s = GradMode.scope(false)) {
        e.narrow(0, i, 1).fill_(1.0);
      }
      Tensor term = e.mul(rows[i].reshape(1, n));
      j = j == null ? term : j.add(term);
    }
    return j.reshape(shape);
  }
}
