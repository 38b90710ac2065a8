package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Six steps of every optimizer variant against trajectories from PyTorch 1.13 (float64,
 * tools/golden/gen_optim.py): the loss {@code sum(sin(w)·A) + sum((b·B)²) + sum(w[0]·b)} makes the
 * gradients depend on the parameters, so any deviation compounds over the steps.
 */
class OptimGoldenTest {
  static final int STEPS = 6;

  static Map<String, Function<List<Tensor>, Optimizer>> cases() {
    Map<String, Function<List<Tensor>, Optimizer>> c = new LinkedHashMap<>();
    c.put("sgd", p -> new SGD(p, 0.1));
    c.put("sgd_momentum_wd_dampening", p -> new SGD(p, 0.05, 0.9, 0.1, 0.01, false, false));
    c.put("sgd_nesterov_maximize", p -> new SGD(p, 0.05, 0.8, 0, 0, true, true));
    c.put("adam", p -> new Adam(p, 0.05));
    c.put("adam_wd_betas", p -> new Adam(p, 0.03, 0.8, 0.99, 1e-6, 0.1, false));
    c.put("adam_amsgrad", p -> new Adam(p, 0.05, 0.9, 0.999, 1e-8, 0.01, true));
    c.put("adam_maximize", p -> new Adam(p, 0.05, 0.9, 0.999, 1e-8, 0, false, true));
    c.put("adamw", p -> new AdamW(p, 0.05));
    c.put("adamw_amsgrad_wd", p -> new AdamW(p, 0.05, 0.9, 0.999, 1e-8, 0.3, true));
    c.put("rmsprop", p -> new RMSprop(p, 0.01));
    c.put("rmsprop_momentum_wd", p -> new RMSprop(p, 0.01, 0.9, 1e-8, 0.05, 0.7, false));
    c.put("rmsprop_centered", p -> new RMSprop(p, 0.01, 0.99, 1e-4, 0, 0, true));
    c.put("rmsprop_centered_momentum", p -> new RMSprop(p, 0.01, 0.99, 1e-8, 0, 0.5, true));
    c.put("adagrad", p -> new Adagrad(p, 0.1));
    c.put("adagrad_decay_wd_init", p -> new Adagrad(p, 0.1, 0.05, 0.02, 0.3, 1e-6));
    c.put(
        "adam_groups",
        p -> {
          Adam a = new Adam(List.of(p.get(0)), 0.01);
          a.addParamGroup(List.of(p.get(1)), Map.of("lr", 0.2, "betas", new double[] {0.5, 0.9}));
          return a;
        });
    return c;
  }

  static Stream<Arguments> names() {
    return cases().keySet().stream().map(Arguments::of);
  }

  static Tensor t64(double[] v, int... shape) {
    return Torch.tensor(v, DType.FLOAT64).view(shape);
  }

  /** The parameters w [3, 4] and b [4] at their golden initial values. */
  static List<Tensor> params(String name) {
    Tensor w = t64(GoldenOptim.get("opt", name, "w0"), 3, 4).requiresGrad_();
    Tensor b = t64(GoldenOptim.get("opt", name, "b0"), 4).requiresGrad_();
    return List.of(w, b);
  }

  static void lossStep(String name, List<Tensor> p, Optimizer opt) {
    Tensor a = t64(GoldenOptim.get("opt", name, "A"), 3, 4);
    Tensor bb = t64(GoldenOptim.get("opt", name, "B"), 4);
    Tensor w = p.get(0);
    Tensor b = p.get(1);
    opt.zeroGrad();
    Tensor loss = w.sin().mul(a).sum().add(b.mul(bb).pow(2).sum()).add(w.select(0, 0).mul(b).sum());
    loss.backward();
    opt.step();
  }

  static void assertClose(double[] expected, Tensor actual, String what) {
    double[] got = actual.toDoubleArray();
    assertEquals(expected.length, got.length, what);
    for (int i = 0; i < got.length; i++) {
      assertEquals(
          expected[i], got[i], 1e-12 * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void sixStepsMatchPyTorch(String name) {
    List<Tensor> p = params(name);
    Optimizer opt = cases().get(name).apply(p);
    for (int k = 1; k <= STEPS; k++) {
      lossStep(name, p, opt);
      assertClose(GoldenOptim.get("opt", name, "w" + k), p.get(0), name + " w after step " + k);
      assertClose(GoldenOptim.get("opt", name, "b" + k), p.get(1), name + " b after step " + k);
    }
  }

  /**
   * The same trajectories when {@code w} is a non-contiguous (transposed) leaf: the optimizers then
   * take the tensor-expression path instead of the fused kernels, and must agree with PyTorch too.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void nonContiguousParametersMatchPyTorch(String name) {
    double[] w0 = GoldenOptim.get("opt", name, "w0");
    double[] transposed = new double[12];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        transposed[j * 3 + i] = w0[i * 4 + j];
      }
    }
    Tensor w = t64(transposed, 4, 3).t().detach().requiresGrad_();
    org.junit.jupiter.api.Assertions.assertFalse(w.isContiguous());
    List<Tensor> p = List.of(w, params(name).get(1));
    Optimizer opt = cases().get(name).apply(p);
    for (int k = 1; k <= STEPS; k++) {
      lossStep(name, p, opt);
    }
    assertClose(GoldenOptim.get("opt", name, "w" + STEPS), p.get(0), name + " w");
    assertClose(GoldenOptim.get("opt", name, "b" + STEPS), p.get(1), name + " b");
  }

  /**
   * Three steps, a state dict, a fresh optimizer loading it, three more steps: the same trajectory
   * as six uninterrupted steps (what resuming from a checkpoint relies on).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void stateDictResumesTheSameTrajectory(String name) {
    List<Tensor> p = params(name);
    Optimizer first = cases().get(name).apply(p);
    for (int k = 1; k <= 3; k++) {
      lossStep(name, p, first);
    }
    Optimizer.StateDict sd = first.stateDict();
    List<Tensor> q =
        List.of(
            p.get(0).detach().clone().requiresGrad_(), p.get(1).detach().clone().requiresGrad_());
    Optimizer second = cases().get(name).apply(q);
    second.loadStateDict(sd);
    for (int k = 4; k <= STEPS; k++) {
      lossStep(name, q, second);
    }
    assertClose(GoldenOptim.get("opt", name, "w" + STEPS), q.get(0), name + " resumed w");
    assertClose(GoldenOptim.get("opt", name, "b" + STEPS), q.get(1), name + " resumed b");
  }
}
