package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.Warnings;

/**
 * {@code torch.autograd.gradcheck} and {@code gradgradcheck}: compares the Jacobian that backward
 * computes with one estimated by central differences, {@code (f(x + eps) - f(x - eps)) / 2eps}, in
 * full (every output element against every input element).
 *
 * <pre>{@code
 * Tensor x = Torch.randn(new int[] {3}, DType.FLOAT64).requiresGrad_();
 * GradCheck.gradcheck(in -> in.get(0).sin(), List.of(x));     // true, or throws with details
 * GradCheck.gradgradcheck(in -> in.get(0).sin(), List.of(x)); // second order
 * }</pre>
 *
 * <p>Only the inputs that require grad are differentiated; the others (index tensors, masks) are
 * passed through unchanged. Inputs should be float64: in float32 the differences drown in rounding.
 */
public final class GradCheck {
  /** PyTorch's defaults. */
  public static final double EPS = 1e-6;

  public static final double ATOL = 1e-5;
  public static final double RTOL = 1e-3;

  private GradCheck() {}

  /** Thrown when a check fails; the message names the input, the output and the worst element. */
  public static final class GradcheckError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    GradcheckError(String message) {
      super(message);
    }
  }

  /** {@link #gradcheck(Function, List, double, double, double)} with PyTorch's tolerances. */
  public static boolean gradcheck(Function<List<Tensor>, Tensor> fn, List<Tensor> inputs) {
    return gradcheck(fn, inputs, EPS, ATOL, RTOL);
  }

  /**
   * Checks the first derivative of {@code fn} at {@code inputs}.
   *
   * @return true (a failure throws {@link GradcheckError}, as PyTorch's default raise_exception)
   */
  public static boolean gradcheck(
      Function<List<Tensor>, Tensor> fn,
      List<Tensor> inputs,
      double eps,
      double atol,
      double rtol) {
    return check(single(fn), inputs, eps, atol, rtol, "");
  }

  /** {@link #gradgradcheck(Function, List, double, double, double)} with PyTorch's tolerances. */
  public static boolean gradgradcheck(Function<List<Tensor>, Tensor> fn, List<Tensor> inputs) {
    return gradgradcheck(fn, inputs, EPS, ATOL, RTOL);
  }

  /**
   * Checks the second derivative of {@code fn}: random gradient outputs {@code v} (float64,
   * requiring grad) are drawn once, and the function {@code (inputs, v) -> grad(fn(inputs), inputs,
   * v, create_graph=True)} is gradchecked with respect to the inputs and {@code v}.
   */
  public static boolean gradgradcheck(
      Function<List<Tensor>, Tensor> fn,
      List<Tensor> inputs,
      double eps,
      double atol,
      double rtol) {
    Tensor out0 = fn.apply(inputs);
    Tensor v = randomLike(out0, 0x5eedL).requiresGrad_();
    int n = inputs.size();
    Function<List<Tensor>, List<Tensor>> firstOrder =
        all -> {
          List<Tensor> xs = all.subList(0, n);
          Tensor out = fn.apply(xs);
          List<Tensor> diff = new ArrayList<>();
          for (Tensor x : xs) {
            if (x.requiresGrad()) {
              diff.add(x);
            }
          }
          List<Tensor> result = new ArrayList<>();
          if (!out.requiresGrad()) {
            for (Tensor x : diff) {
              result.add(Torch.zerosLike(x));
            }
            return result;
          }
          List<Tensor> g = Autograd.grad(List.of(out), diff, List.of(all.get(n)), true, true, true);
          for (int i = 0; i < g.size(); i++) {
            result.add(g.get(i) == null ? Torch.zerosLike(diff.get(i)) : g.get(i));
          }
          return result;
        };
    List<Tensor> all = new ArrayList<>(inputs);
    all.add(v);
    return check(firstOrder, all, eps, atol, rtol, "gradgradcheck: ");
  }

  // ---------------------------------------------------------------- the check

  private static Function<List<Tensor>, List<Tensor>> single(Function<List<Tensor>, Tensor> fn) {
    return in -> List.of(fn.apply(in));
  }

  private static boolean check(
      Function<List<Tensor>, List<Tensor>> fn,
      List<Tensor> inputs,
      double eps,
      double atol,
      double rtol,
      String prefix) {
    List<Integer> diff = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      if (x != null && x.requiresGrad()) {
        diff.add(i);
        if (x.dtype() != DType.FLOAT64) {
          Warnings.warnOnce(
              "Input #"
                  + i
                  + " requires gradient and is not a double precision floating point or complex."
                  + " This check will likely fail if all the inputs are not of double precision"
                  + " floating point or complex. ");
        }
      }
    }
    if (diff.isEmpty()) {
      throw new IllegalArgumentException(
          "gradcheck expects at least one input tensor to require gradient, but none of the them"
              + " have requires_grad=True.");
    }
    List<Tensor> outs = fn.apply(inputs);
    for (int o = 0; o < outs.size(); o++) {
      Tensor out = outs.get(o);
      for (int k : diff) {
        double[][] analytical = analyticalJacobian(outs, o, inputs, diff, k);
        double[][] numerical = numericalJacobian(fn, inputs, k, o, eps);
        compare(prefix, k, o, out, inputs.get(k), numerical, analytical, atol, rtol);
      }
    }
    return true;
  }

  /**
   * Row j of the Jacobian of output {@code o} with respect to input {@code k}, by backward from the
   * unit vector e_j (a vector-Jacobian product per output element).
   */
  private static double[][] analyticalJacobian(
      List<Tensor> outs, int o, List<Tensor> inputs, List<Integer> diff, int k) {
    Tensor out = outs.get(o);
    Tensor x = inputs.get(k);
    int rows = out.numel();
    int cols = x.numel();
    double[][] jac = new double[rows][cols];
    if (!out.requiresGrad()) {
      return jac; // the output does not depend on any input: its Jacobian is zero
    }
    int[] outShape = out.shape().toArray();
    for (int j = 0; j < rows; j++) {
      Tensor unit = unit(outShape, j, out.dtype());
      List<Tensor> g = Autograd.grad(List.of(out), List.of(x), List.of(unit), true, false, true);
      Tensor gk = g.get(0);
      if (gk == null) {
        continue;
      }
      if (!gk.shape().equals(x.shape())) {
        throw new GradcheckError(
            "Gradient for input #" + k + " has shape " + gk.shape() + ", expected " + x.shape());
      }
      if (gk.dtype() != x.dtype()) {
        throw new GradcheckError(
            "Gradient for input #" + k + " has dtype " + gk.dtype() + ", expected " + x.dtype());
      }
      jac[j] = flat(gk);
    }
    return jac;
  }

  /** Column i: (f(x + eps e_i) - f(x - eps e_i)) / 2eps, for output {@code o}. */
  private static double[][] numericalJacobian(
      Function<List<Tensor>, List<Tensor>> fn, List<Tensor> inputs, int k, int o, double eps) {
    Tensor x = inputs.get(k);
    int cols = x.numel();
    int rows = -1;
    double[][] jac = null;
    double[] base = flat(x);
    int[] shape = x.shape().toArray();
    for (int i = 0; i < cols; i++) {
      double[] plus = evalPerturbed(fn, inputs, k, o, base, shape, i, eps);
      double[] minus = evalPerturbed(fn, inputs, k, o, base, shape, i, -eps);
      if (jac == null) {
        rows = plus.length;
        jac = new double[rows][cols];
      }
      for (int j = 0; j < rows; j++) {
        jac[j][i] = (plus[j] - minus[j]) / (2 * eps);
      }
    }
    return jac == null ? new double[0][0] : jac;
  }

  private static double[] evalPerturbed(
      Function<List<Tensor>, List<Tensor>> fn,
      List<Tensor> inputs,
      int k,
      int o,
      double[] base,
      int[] shape,
      int i,
      double delta) {
    double[] values = base.clone();
    values[i] += delta;
    Tensor x = inputs.get(k);
    Tensor perturbed =
        Torch.tensor(values, x.dtype()).reshape(shape).detach().requiresGrad_(x.requiresGrad());
    List<Tensor> args = new ArrayList<>(inputs);
    args.set(k, perturbed);
    return flat(fn.apply(args).get(o));
  }

  private static void compare(
      String prefix,
      int k,
      int o,
      Tensor out,
      Tensor x,
      double[][] numerical,
      double[][] analytical,
      double atol,
      double rtol) {
    int worstRow = -1;
    int worstCol = -1;
    double worstExcess = 0;
    for (int j = 0; j < analytical.length; j++) {
      for (int i = 0; i < analytical[j].length; i++) {
        double a = analytical[j][i];
        double n = numerical.length == 0 ? 0 : numerical[j][i];
        double excess = Math.abs(a - n) - (atol + rtol * Math.abs(n));
        boolean bad = excess > 0 || Double.isNaN(a) != Double.isNaN(n);
        if (bad && (worstRow < 0 || excess > worstExcess || Double.isNaN(excess))) {
          worstRow = j;
          worstCol = i;
          worstExcess = excess;
        }
      }
    }
    if (worstRow >= 0) {
      throw new GradcheckError(
          prefix
              + "Jacobian mismatch for output "
              + o
              + " with respect to input "
              + k
              + " (input shape "
              + x.shape()
              + ", output shape "
              + out.shape()
              + "): worst at output element "
              + worstRow
              + ", input element "
              + worstCol
              + ": numerical "
              + numerical[worstRow][worstCol]
              + ", analytical "
              + analytical[worstRow][worstCol]
              + " (atol "
              + atol
              + ", rtol "
              + rtol
              + ")\nnumerical:\n"
              + matrix(numerical)
              + "analytical:\n"
              + matrix(analytical));
    }
  }

  private static String matrix(double[][] m) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < Math.min(m.length, 12); j++) {
      sb.append(' ');
      for (int i = 0; i < Math.min(m[j].length, 12); i++) {
        sb.append(String.format(" %.6g", m[j][i]));
      }
      sb.append(m[j].length > 12 ? " ...\n" : "\n");
    }
    return m.length > 12 ? sb.append("  ...\n").toString() : sb.toString();
  }

  // ---------------------------------------------------------------- helpers

  private static double[] flat(Tensor t) {
    return t.toDoubleArray();
  }

  private static Tensor unit(int[] shape, int j, DType dtype) {
    int n = 1;
    for (int s : shape) {
      n *= s;
    }
    double[] v = new double[n];
    v[j] = 1;
    return Torch.tensor(v, dtype).reshape(shape);
  }

  private static Tensor randomLike(Tensor t, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[t.numel()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return Torch.tensor(v, DType.FLOAT64).reshape(t.shape().toArray());
  }
}
