package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** state_dict / load_state_dict and the containers, with PyTorch 1.13's texts. */
class ModuleStateTest {
  static final class Net extends Module {
    final Linear fc = registerModule("fc", new Linear(2, 2));
    final Sequential body = registerModule("body", new Sequential(new Linear(2, 3), new ReLU()));

    @Override
    public Tensor forward(Tensor x) {
      return body.forward(fc.forward(x));
    }
  }

  @Test
  void stateDictHasDottedNamesInModuleOrderAndIsDetached() {
    Net net = new Net();
    Map<String, Tensor> sd = net.stateDict();
    assertEquals(
        List.of("fc.weight", "fc.bias", "body.0.weight", "body.0.bias"), List.copyOf(sd.keySet()));
    assertEquals(false, sd.get("fc.weight").requiresGrad());
    // Shares storage: a change to the parameter shows in the state dict.
    try (var g = Torch.noGrad()) {
      net.fc.weight.fill_(3.0);
    }
    assertEquals(3.0, sd.get("fc.weight").select(0, 0).select(0, 0).item());
  }

  @Test
  void loadStateDictCopiesValues() {
    Net a = new Net();
    Net b = new Net();
    assertEquals("<All keys matched successfully>", b.loadStateDict(a.stateDict()).toString());
    assertEquals(a.fc.weight.toString(), b.fc.weight.toString());
    assertNotSame(a.fc.weight, b.fc.weight);
    assertEquals(true, b.fc.weight.requiresGrad());
  }

  @Test
  void strictLoadReportsEveryProblemInPyTorchsWordsAndChangesNothing() {
    Net net = new Net();
    String before = net.stateDict().toString();
    Map<String, Tensor> sd = new LinkedHashMap<>(net.stateDict());
    sd.put("fc.weight", Torch.zeros(3, 2));
    sd.put("extra", Torch.zeros(1));
    sd.remove("fc.bias");
    sd.put("body.0.x", Torch.zeros(1));
    sd.put("body.0.bias", Torch.zeros(3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(sd));
    assertEquals(
        "Error(s) in loading state_dict for Net:\n"
            + "\tMissing key(s) in state_dict: \"fc.bias\". \n"
            + "\tUnexpected key(s) in state_dict: \"extra\", \"body.0.x\". \n"
            + "\tsize mismatch for fc.weight: copying a param with shape torch.Size([3, 2]) from"
            + " checkpoint, the shape in current model is torch.Size([2, 2]).",
        e.getMessage());
    assertEquals(before, net.stateDict().toString(), "nothing copied, not even body.0.bias");

    IllegalArgumentException lax =
        assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(sd, false));
    assertEquals(
        "Error(s) in loading state_dict for Net:\n"
            + "\tsize mismatch for fc.weight: copying a param with shape torch.Size([3, 2]) from"
            + " checkpoint, the shape in current model is torch.Size([2, 2]).",
        lax.getMessage());
  }

  @Test
  void nonStrictLoadReturnsTheIncompatibleKeys() {
    Net net = new Net();
    Map<String, Tensor> sd = new LinkedHashMap<>(net.stateDict());
    sd.remove("fc.bias");
    sd.put("q", Torch.zeros(1));
    sd.put("body.0.bias", Torch.ones(3));
    IncompatibleKeys r = net.loadStateDict(sd, false);
    assertEquals(
        "_IncompatibleKeys(missing_keys=['fc.bias'], unexpected_keys=['q'])", r.toString());
    assertEquals(List.of("fc.bias"), r.missingKeys());
    assertEquals(1.0, net.body.get(0).getParameter("bias").select(0, 2).item());
  }

  @Test
  void loadingConvertsDtypeToTheModules() {
    Linear l = new Linear(2, 1);
    Map<String, Tensor> sd = new LinkedHashMap<>();
    sd.put("weight", Torch.tensor(new double[][] {{1, 2}}, DType.FLOAT64));
    sd.put("bias", Torch.tensor(new double[] {0.5}, DType.FLOAT64));
    l.loadStateDict(sd);
    assertEquals(DType.FLOAT32, l.weight.dtype());
    assertEquals(3.5f, l.forward(Torch.ones(1, 2)).item(), 1e-6);
  }

  @Test
  void containersIndexIterateAndPrint() {
    Linear first = new Linear(2, 3);
    Sequential seq = new Sequential(first, new ReLU());
    assertSame(first, seq.get(0));
    assertEquals(ReLU.class, seq.get(-1).getClass());
    assertThrows(IndexOutOfBoundsException.class, () -> seq.get(2));
    assertEquals(
        "Sequential(\n"
            + "  (0): Linear(in_features=2, out_features=3, bias=True)\n"
            + "  (1): ReLU()\n"
            + ")",
        seq.toString());
    assertEquals("Sequential()", new Sequential().toString());
    Tensor y = seq.forward(Torch.randn(4, 2));
    assertEquals("ReluBackward0", y.gradFn().name());

    ModuleList list = new ModuleList(new ReLU(), new ReLU(), new Linear(1, 1));
    assertEquals(
        "ModuleList(\n  (0): ReLU()\n  (1): ReLU()\n"
            + "  (2): Linear(in_features=1, out_features=1, bias=True)\n)",
        list.toString());
    assertEquals(List.of("2.weight", "2.bias"), List.copyOf(list.namedParameters().keySet()));
    assertEquals("ModuleList()", new ModuleList().toString());
    int n = 0;
    for (Module m : list) {
      n += m == list.get(n) ? 1 : 0;
    }
    assertEquals(3, n);

    ModuleDict dict = new ModuleDict().put("a", new ReLU()).put("b", new Tanh());
    assertEquals("ModuleDict(\n  (a): ReLU()\n  (b): Tanh()\n)", dict.toString());
    assertEquals(List.of("a", "b"), List.copyOf(dict.keySet()));
    assertEquals(Tanh.class, dict.get("b").getClass());
  }

  @Test
  void namedModulesAndFreezing() {
    Net net = new Net();
    assertEquals(
        List.of("", "fc", "body", "body.0", "body.1"), List.copyOf(net.namedModules().keySet()));
    net.body.requiresGrad_(false);
    assertEquals(false, net.body.get(0).getParameter("weight").requiresGrad());
    assertEquals(true, net.fc.weight.requiresGrad());
    net.forward(Torch.randn(2, 2)).sum().backward();
    assertEquals(null, net.body.get(0).getParameter("weight").gradIfPresent());
  }

  @Test
  void nestedReprMatchesPyTorch() {
    assertEquals(
        "Net(\n"
            + "  (fc): Linear(in_features=2, out_features=2, bias=True)\n"
            + "  (body): Sequential(\n"
            + "    (0): Linear(in_features=2, out_features=3, bias=True)\n"
            + "    (1): ReLU()\n"
            + "  )\n"
            + ")",
        new Net().toString());
  }

  @Test
  void activationAndLossReprsMatchPyTorch() {
    Object[][] cases = {
      {new ReLU(), "ReLU()"},
      {new ReLU(true), "ReLU(inplace=True)"},
      {new LeakyReLU(), "LeakyReLU(negative_slope=0.01)"},
      {new LeakyReLU(0.2), "LeakyReLU(negative_slope=0.2)"},
      {new GELU(), "GELU(approximate='none')"},
      {new GELU("tanh"), "GELU(approximate='tanh')"},
      {new SiLU(), "SiLU()"},
      {new Sigmoid(), "Sigmoid()"},
      {new Tanh(), "Tanh()"},
      {new Softmax(1), "Softmax(dim=1)"},
      {new Softmax(), "Softmax(dim=None)"},
      {new LogSoftmax(-1), "LogSoftmax(dim=-1)"},
      {new Identity(), "Identity()"},
      {new Flatten(), "Flatten(start_dim=1, end_dim=-1)"},
      {new Flatten(0, 2), "Flatten(start_dim=0, end_dim=2)"},
      {new Dropout(), "Dropout(p=0.5, inplace=False)"},
      {new Dropout(0.2, true), "Dropout(p=0.2, inplace=True)"},
      {new L1Loss(), "L1Loss()"},
      {new SmoothL1Loss(Reduction.MEAN, 0.5), "SmoothL1Loss()"},
      {new HuberLoss(Reduction.MEAN, 2.0), "HuberLoss()"},
      {new BCELoss(), "BCELoss()"},
      {new BCEWithLogitsLoss(), "BCEWithLogitsLoss()"},
      {new CrossEntropyLoss(null, -100, Reduction.MEAN, 0.1), "CrossEntropyLoss()"},
      {new NLLLoss(), "NLLLoss()"},
      {new KLDivLoss(), "KLDivLoss()"},
      {new MSELoss(Reduction.SUM), "MSELoss()"},
    };
    for (Object[] c : cases) {
      assertEquals(c[1], c[0].toString());
    }
  }

  @Test
  void reprFloatsArePythons() {
    assertEquals("1e-05", Repr.py(1e-5));
    assertEquals("0.001", Repr.py(0.001));
    assertEquals("0.0001", Repr.py(1e-4));
    assertEquals("0.1", Repr.py(0.1));
    assertEquals("1.0", Repr.py(1.0));
    assertEquals("1.5e-07", Repr.py(1.5e-7));
    assertEquals("(3,)", Repr.tuple(3));
    assertEquals("(5, 5)", Repr.tuple(5, 5));
  }
}
