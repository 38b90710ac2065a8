package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** Argument checks (PyTorch 1.13's messages), state-dict structure and its failure modes. */
class OptimizerContractTest {
  private static Tensor p() {
    return Torch.zeros(2, 3).requiresGrad_();
  }

  private static String msg(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void invalidHyperParametersUsePyTorchsMessages() {
    // Messages from torch/optim/*.py 1.13; floats printed as Python's repr.
    assertEquals("Invalid learning rate: -0.1", msg(() -> new Adam(List.of(p()), -0.1)));
    assertEquals(
        "Invalid epsilon value: -1e-08",
        msg(() -> new Adam(List.of(p()), 0.1, 0.9, 0.999, -1e-8, 0, false)));
    assertEquals(
        "Invalid beta parameter at index 0: 1.0",
        msg(() -> new AdamW(List.of(p()), 0.1, 1.0, 0.999, 1e-8, 0, false)));
    assertEquals(
        "Invalid beta parameter at index 1: -0.5",
        msg(() -> new Adam(List.of(p()), 0.1, 0.9, -0.5, 1e-8, 0, false)));
    assertEquals(
        "Invalid weight_decay value: -0.01",
        msg(() -> new Adam(List.of(p()), 0.1, 0.9, 0.999, 1e-8, -0.01, false)));
    assertEquals(
        "Invalid alpha value: -0.99",
        msg(() -> new RMSprop(List.of(p()), 0.1, -0.99, 1e-8, 0, 0, false)));
    assertEquals(
        "Invalid momentum value: -0.9",
        msg(() -> new RMSprop(List.of(p()), 0.1, 0.99, 1e-8, 0, -0.9, false)));
    assertEquals(
        "Invalid lr_decay value: -1.0", msg(() -> new Adagrad(List.of(p()), 0.1, -1, 0, 0, 1e-10)));
    assertEquals(
        "Invalid initial_accumulator_value value: -0.5",
        msg(() -> new Adagrad(List.of(p()), 0.1, 0, 0, -0.5, 1e-10)));
    assertEquals(
        "Invalid learning rate: -2.0",
        msg(() -> new Adam(List.of(p()), 0.1).addParamGroup(List.of(p()), Map.of("lr", -2.0))));
  }

  @Test
  void paramGroupChecks() {
    Tensor a = p();
    Adam opt = new Adam(List.of(a), 0.1);
    assertEquals(
        "some parameters appear in more than one parameter group",
        msg(() -> opt.addParamGroup(List.of(a), Map.of())));
    assertEquals("can't optimize a non-leaf Tensor", msg(() -> new SGD(List.of(a.mul(2)), 0.1)));
    assertEquals(1, opt.paramGroups().size());
  }

  @Test
  void stateDictHasPyTorchsStructure() {
    Tensor a = Torch.ones(new int[] {2}, DType.FLOAT64).requiresGrad_();
    Tensor b = Torch.ones(new int[] {3}, DType.FLOAT64).requiresGrad_();
    Tensor c = Torch.ones(new int[] {1}, DType.FLOAT64).requiresGrad_();
    Adam opt = new Adam(List.of(a, b), 0.1);
    opt.addParamGroup(List.of(c), Map.of("lr", 0.5));
    a.sum().add(c.sum()).backward(); // b has no grad: no state for it
    opt.step();
    Optimizer.StateDict sd = opt.stateDict();
    assertEquals(List.of(0, 2), List.copyOf(sd.state().keySet()));
    assertEquals(List.of("step", "exp_avg", "exp_avg_sq"), List.copyOf(sd.state().get(0).keySet()));
    assertEquals(1.0, sd.state().get(0).get("step"));
    assertEquals(List.of(0, 1), sd.paramGroups().get(0).get("params"));
    assertEquals(List.of(2), sd.paramGroups().get(1).get("params"));
    assertEquals(0.5, sd.paramGroups().get(1).get("lr"));
    assertArrayEquals(new double[] {0.9, 0.999}, (double[]) sd.paramGroups().get(0).get("betas"));
    // Like PyTorch, the state dict refers to the optimizer's own tensors.
    assertSame(sd.state().get(0).get("exp_avg"), sd.state().get(0).get("exp_avg"));
  }

  @Test
  void loadStateDictRejectsMismatchesAndLeavesTheOptimizerAlone() {
    Tensor a = Torch.ones(2).requiresGrad_();
    Adam src = new Adam(List.of(a), 0.1);
    a.sum().backward();
    src.step();
    Optimizer.StateDict sd = src.stateDict();

    Adam twoParams = new Adam(List.of(Torch.ones(2).requiresGrad_(), p()), 0.3);
    assertEquals(
        "loaded state dict contains a parameter group that doesn't match the size of optimizer's"
            + " group",
        msg(() -> twoParams.loadStateDict(sd)));
    assertEquals(0.3, twoParams.paramGroups().get(0).get("lr"));

    Tensor wrongShape = Torch.ones(3).requiresGrad_();
    Adam other = new Adam(List.of(wrongShape), 0.3);
    assertEquals(
        "state 'exp_avg' of parameter 0 has shape torch.Size([2]) but the parameter has shape"
            + " torch.Size([3])",
        msg(() -> other.loadStateDict(sd)));
    assertEquals(0.3, other.paramGroups().get(0).get("lr"));
    assertNull(other.stateDict().state().get(0));

    Adam groups = new Adam(List.of(Torch.ones(2).requiresGrad_()), 0.3);
    groups.addParamGroup(List.of(p()), Map.of());
    assertEquals(
        "loaded state dict has a different number of parameter groups",
        msg(() -> groups.loadStateDict(sd)));
  }

  @Test
  void loadedStateIsACopyCastToTheParameterDtype() {
    Tensor a = Torch.ones(new int[] {2}, DType.FLOAT64).requiresGrad_();
    Adam src = new Adam(List.of(a), 0.1);
    a.sum().backward();
    src.step();
    Tensor b = Torch.ones(2).requiresGrad_(); // float32
    Adam dst = new Adam(List.of(b), 0.1);
    dst.loadStateDict(src.stateDict());
    Tensor expAvg = (Tensor) dst.stateDict().state().get(0).get("exp_avg");
    assertEquals(DType.FLOAT32, expAvg.dtype());
    ((Tensor) src.stateDict().state().get(0).get("exp_avg")).fill_(7);
    assertEquals(0.1f, expAvg.toFloatArray()[0], 1e-7f);
  }
}
