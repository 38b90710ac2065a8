package org.autograd4j.optim.lr_scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.optim.Adam;
import org.autograd4j.optim.GoldenOptim;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.SGD;
import org.junit.jupiter.api.Test;

/**
 * Learning rates (and cycled momenta) over 14 steps against PyTorch 1.13's schedulers
 * (tools/golden/gen_optim.py); index 0 is the value right after construction.
 */
class LRSchedulerGoldenTest {
  static final int STEPS = 14;

  private static Tensor param() {
    return Torch.zeros(new int[] {2}, DType.FLOAT64).requiresGrad_();
  }

  private static void check(
      String name,
      Function<List<Tensor>, Optimizer> makeOpt,
      Function<Optimizer, List<LRScheduler>> makeScheds,
      String momentumKey) {
    Tensor p = param();
    Optimizer opt = makeOpt.apply(List.of(p));
    List<LRScheduler> scheds = makeScheds.apply(opt);
    LRScheduler last = scheds.get(scheds.size() - 1);
    List<Double> lrs = new ArrayList<>();
    List<Double> moms = new ArrayList<>();
    lrs.add(last.getLastLr().get(0));
    if (momentumKey != null) {
      moms.add(momentum(opt, momentumKey));
    }
    for (int i = 0; i < STEPS; i++) {
      p.setGrad(Torch.ones(new int[] {2}, DType.FLOAT64));
      opt.step();
      for (LRScheduler s : scheds) {
        s.step();
      }
      lrs.add(last.getLastLr().get(0));
      if (momentumKey != null) {
        moms.add(momentum(opt, momentumKey));
      }
    }
    assertSeq(GoldenOptim.get("sched", name, "lr"), lrs, name + " lr");
    if (momentumKey != null) {
      assertSeq(GoldenOptim.get("sched", name, "momentum"), moms, name + " momentum");
    }
  }

  private static double momentum(Optimizer opt, String key) {
    var g = opt.paramGroups().get(0);
    return key.equals("betas") ? g.tuple("betas")[0] : g.get("momentum");
  }

  private static void assertSeq(double[] expected, List<Double> actual, String what) {
    assertEquals(expected.length, actual.size(), what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          expected[i],
          actual.get(i),
          1e-15 * Math.max(1, Math.abs(expected[i])),
          what + "[" + i + "]");
    }
  }

  private static Optimizer sgd(List<Tensor> p) {
    return new SGD(p, 0.1);
  }

  @Test
  void stepLR() {
    check("step", LRSchedulerGoldenTest::sgd, o -> List.of(new StepLR(o, 3, 0.5)), null);
  }

  @Test
  void multiStepLRWithRepeatedMilestone() {
    check(
        "multistep",
        LRSchedulerGoldenTest::sgd,
        o -> List.of(new MultiStepLR(o, new int[] {2, 5, 5, 9}, 0.3)),
        null);
  }

  @Test
  void exponentialLR() {
    check("exponential", LRSchedulerGoldenTest::sgd, o -> List.of(new ExponentialLR(o, 0.9)), null);
  }

  @Test
  void cosineAnnealingPastTMax() {
    check(
        "cosine",
        LRSchedulerGoldenTest::sgd,
        o -> List.of(new CosineAnnealingLR(o, 4, 0.01)),
        null);
    check(
        "cosine_default",
        LRSchedulerGoldenTest::sgd,
        o -> List.of(new CosineAnnealingLR(o, 10)),
        null);
  }

  @Test
  void linearLR() {
    check("linear", LRSchedulerGoldenTest::sgd, o -> List.of(new LinearLR(o, 0.2, 0.9, 4)), null);
    check("linear_default", LRSchedulerGoldenTest::sgd, o -> List.of(new LinearLR(o)), null);
  }

  @Test
  void oneCycleCyclesLrAndMomentum() {
    check(
        "onecycle",
        p -> new SGD(p, 0.1, 0.9),
        o -> List.of(new OneCycleLR(o, 1.0, STEPS)),
        "momentum");
  }

  @Test
  void oneCycleThreePhaseLinearCyclesAdamsBeta1() {
    check(
        "onecycle_three_phase_linear_adam",
        p -> new Adam(p, 0.1),
        o ->
            List.of(
                new OneCycleLR(
                    o,
                    0.5,
                    STEPS + 2,
                    0.25,
                    OneCycleLR.AnnealStrategy.LINEAR,
                    true,
                    0.8,
                    0.9,
                    10.0,
                    100.0,
                    true)),
        "betas");
  }

  @Test
  void chainedSchedulersCompose() {
    check(
        "chained_step_exponential",
        LRSchedulerGoldenTest::sgd,
        o -> List.of(new StepLR(o, 4, 0.1), new ExponentialLR(o, 0.95)),
        null);
  }

  @Test
  void closedFormsOfStepWithEpoch() {
    int[] epochs = {7, 2, 10, 0, 5};
    List<Function<Optimizer, LRScheduler>> makers =
        List.of(
            o -> new StepLR(o, 3, 0.5),
            o -> new MultiStepLR(o, new int[] {2, 5, 5, 9}, 0.3),
            o -> new ExponentialLR(o, 0.9),
            o -> new CosineAnnealingLR(o, 4, 0.01),
            o -> new LinearLR(o, 0.2, 0.9, 4));
    String[] names = {"step", "multistep", "exponential", "cosine", "linear"};
    for (int i = 0; i < names.length; i++) {
      LRScheduler s = makers.get(i).apply(sgd(List.of(param())));
      List<Double> got = new ArrayList<>();
      for (int e : epochs) {
        s.step(e);
        got.add(s.getLastLr().get(0));
      }
      assertSeq(GoldenOptim.get("closed", names[i], "lr"), got, names[i] + " closed form");
    }
  }

  @Test
  void oneCycleRefusesToStepPastTotalSteps() {
    OneCycleLR s = new OneCycleLR(new SGD(List.of(param()), 0.1, 0.9), 1.0, 2);
    s.step();
    s.step();
    IllegalStateException e = assertThrows(IllegalStateException.class, s::step);
    assertEquals("Tried to step 4 times. The specified number of total steps is 2", e.getMessage());
  }

  @Test
  void stateDictRestoresTheSchedule() {
    Optimizer a = sgd(List.of(param()));
    StepLR s = new StepLR(a, 3, 0.5);
    for (int i = 0; i < 4; i++) {
      s.step();
    }
    Optimizer b = sgd(List.of(param()));
    b.loadStateDict(a.stateDict());
    StepLR t = new StepLR(b, 3, 0.5);
    t.loadStateDict(s.stateDict());
    for (int i = 0; i < 5; i++) {
      s.step();
      t.step();
      assertEquals(s.getLastLr(), t.getLastLr());
    }
    assertEquals(0.1 * Math.pow(0.5, 9 / 3), t.getLastLr().get(0), 1e-17); // epoch 9
  }
}
