package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.autograd4j.Tensor;
import org.autograd4j.io.SafeTensorsTorch;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.Parameter;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Sequential(Linear(4, 3), ReLU(), Linear(3, 2))} initialised from weights PyTorch exported
 * and trained five steps with CrossEntropyLoss on fixed batches: the losses and final weights match
 * PyTorch 1.13's (tools/golden/gen_train_golden.py) in float32.
 */
class SmallModelTrainingGoldenTest {
  private static Path golden(String name) {
    try {
      return Path.of(SmallModelTrainingGoldenTest.class.getResource("/golden/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static final Map<String, Function<List<Parameter>, Optimizer>> OPTIMIZERS =
      Map.of(
          "sgd_momentum", p -> new SGD(p, 0.1, 0.9),
          "adam", p -> new Adam(p, 0.01));

  @ParameterizedTest
  @ValueSource(strings = {"sgd_momentum", "adam"})
  void fiveStepsMatchPyTorch(String name) throws IOException {
    Sequential model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
    model.loadStateDict(SafeTensorsTorch.loadFile(golden("torch_small_model.safetensors")));
    Map<String, Tensor> batches = SafeTensorsTorch.loadFile(golden("train_batches.safetensors"));
    Map<String, Tensor> expected =
        SafeTensorsTorch.loadFile(golden("train_small." + name + ".safetensors"));
    Optimizer opt = OPTIMIZERS.get(name).apply(model.parameters());
    CrossEntropyLoss lossFn = new CrossEntropyLoss();
    float[] losses = expected.get("losses").toFloatArray();
    for (int step = 0; step < 5; step++) {
      opt.zeroGrad();
      Tensor loss =
          lossFn.forward(
              model.forward(batches.get("x").select(0, step)), batches.get("y").select(0, step));
      assertEquals(losses[step], loss.item(), 1e-5, name + " loss at step " + step);
      loss.backward();
      opt.step();
    }
    Map<String, Tensor> got = model.stateDict();
    for (String k : List.of("0.weight", "0.bias", "2.weight", "2.bias")) {
      float[] e = expected.get(k).toFloatArray();
      float[] g = got.get(k).toFloatArray();
      for (int i = 0; i < e.length; i++) {
        assertEquals(e[i], g[i], 1e-5, name + " " + k + "[" + i + "]");
      }
    }
  }
}
