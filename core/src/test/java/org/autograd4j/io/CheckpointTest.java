package org.autograd4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.MSELoss;
import org.autograd4j.optim.Adam;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.RMSprop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model + optimizer checkpoints: round trip, resumed training, and bad files. */
class CheckpointTest {
  @TempDir Path tmp;

  /** Steps {@code from .. to-1}, each on its own input. */
  private static void train(Linear model, Optimizer opt, int from, int to) {
    MSELoss loss = new MSELoss();
    for (int i = from; i < to; i++) {
      Tensor x = Torch.arange(6L).to(org.autograd4j.DType.FLOAT32).view(2, 3).div(5).add(i);
      opt.zeroGrad();
      loss.forward(model.forward(x), Torch.ones(2, 2)).backward();
      opt.step();
    }
  }

  @Test
  void resumingFromACheckpointGivesTheUninterruptedResult() throws IOException {
    Torch.manualSeed(3);
    Linear straight = new Linear(3, 2);
    Linear resumed = new Linear(3, 2);
    resumed.loadStateDict(straight.stateDict());
    Adam a = new Adam(straight.parameters(), 0.05, 0.9, 0.999, 1e-8, 0.01, true);
    train(straight, a, 0, 6);

    Adam b = new Adam(resumed.parameters(), 0.05, 0.9, 0.999, 1e-8, 0.01, true);
    train(resumed, b, 0, 3);
    Path ck = tmp.resolve("ck.safetensors");
    Checkpoint.save(ck, resumed.stateDict(), b.stateDict(), Map.of("epoch", "3"));

    Torch.manualSeed(99);
    Linear fresh = new Linear(3, 2);
    Adam c = new Adam(fresh.parameters(), 0.05, 0.9, 0.999, 1e-8, 0.01, true);
    Checkpoint loaded = Checkpoint.load(ck);
    fresh.loadStateDict(loaded.model());
    c.loadStateDict(loaded.optimizer());
    assertEquals("3", loaded.metadata().get("epoch"));
    assertEquals(3.0, loaded.optimizer().state().get(0).get("step"));
    assertArrayEquals(
        new double[] {0.9, 0.999}, (double[]) loaded.optimizer().paramGroups().get(0).get("betas"));
    train(fresh, c, 3, 6);
    assertArrayEquals(straight.weight.toFloatArray(), fresh.weight.toFloatArray());
    assertArrayEquals(straight.bias.toFloatArray(), fresh.bias.toFloatArray());
  }

  @Test
  void theFileIsPlainSafetensorsWithDottedOptimizerKeys() throws IOException {
    Linear model = new Linear(2, 1);
    RMSprop opt = new RMSprop(model.parameters(), 0.01, 0.99, 1e-8, 0, 0.9, true);
    train2(model, opt);
    Path ck = tmp.resolve("ck.safetensors");
    Checkpoint.save(ck, model.stateDict(), opt.stateDict(), Map.of());
    SafeTensorsFile f = SafeTensors.read(ck);
    assertEquals(
        List.of(
            "model.bias",
            "model.weight",
            "optimizer.state.0.grad_avg",
            "optimizer.state.0.momentum_buffer",
            "optimizer.state.0.square_avg",
            "optimizer.state.1.grad_avg",
            "optimizer.state.1.momentum_buffer",
            "optimizer.state.1.square_avg"),
        f.tensors().keySet().stream().sorted().toList());
    assertEquals("pt", f.metadata().get("format"));
    String json = f.metadata().get("optimizer");
    assertTrue(
        json.startsWith("{\"param_groups\":[{\"lr\":0.01,\"momentum\":0.9,\"alpha\":0.99"), json);
    assertTrue(json.contains("\"params\":[0,1]"), json);
  }

  private static void train2(Linear model, Optimizer opt) {
    opt.zeroGrad();
    model.forward(Torch.ones(1, 2)).sum().backward();
    opt.step();
  }

  @Test
  void modelOnlyCheckpointsHaveNoOptimizer() throws IOException {
    Linear model = new Linear(2, 1);
    Path ck = tmp.resolve("m.safetensors");
    Checkpoint.save(ck, model.stateDict(), null, Map.of("note", "x"));
    Checkpoint c = Checkpoint.load(ck);
    assertNull(c.optimizer());
    assertEquals("x", c.metadata().get("note"));
  }

  @Test
  void reservedMetadataAndForeignFilesAreRejected() throws IOException {
    Linear model = new Linear(2, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.save(tmp.resolve("a"), model.stateDict(), null, Map.of("optimizer", "x")));
    assertTrue(Files.notExists(tmp.resolve("a")));
    Path plain = tmp.resolve("plain.safetensors");
    SafeTensorsTorch.saveFile(model.stateDict(), plain);
    SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> Checkpoint.load(plain));
    assertTrue(e.getMessage().contains("not an autograd4j checkpoint"), e.getMessage());
  }

  @Test
  void corruptOptimizerMetadataIsAClearError() throws IOException {
    Path bad = tmp.resolve("bad.safetensors");
    SafeTensors.write(
        bad,
        List.of(SafeTensorsEntry.ofFloats("model.w", new int[] {1}, new float[] {1})),
        Map.of("format", "pt", "autograd4j.checkpoint", "1", "optimizer", "{\"param_groups\": [}"));
    SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> Checkpoint.load(bad));
    assertTrue(e.getMessage().contains("bad optimizer state"), e.getMessage());
  }
}
