package org.autograd4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State dicts cross between PyTorch and autograd4j through safetensors (files from
 * tools/golden/gen_train_golden.py).
 */
class SafeTensorsTorchTest {
  @TempDir Path tmp;

  static Path golden(String name) {
    try {
      return Path.of(SafeTensorsTorchTest.class.getResource("/golden/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static Sequential smallModel() {
    return new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
  }

  @Test
  void aStateDictSavedByPyTorchLoadsWithPyTorchsValues() throws IOException {
    Map<String, Tensor> sd = SafeTensorsTorch.loadFile(golden("torch_small_model.safetensors"));
    List<String> lines =
        Files.readAllLines(golden("torch_small_model.values.tsv"), StandardCharsets.UTF_8);
    assertEquals(4, lines.size());
    for (String line : lines) {
      String[] f = line.split("\t");
      Tensor t = sd.get(f[0]);
      assertEquals(DType.FLOAT32, t.dtype());
      assertEquals(
          f[1].replace(" ", ""), java.util.Arrays.toString(t.shape().toArray()).replace(" ", ""));
      String[] v = f[2].split(",");
      float[] got = t.toFloatArray();
      for (int i = 0; i < v.length; i++) {
        assertEquals((float) Double.parseDouble(v[i]), got[i], f[0] + "[" + i + "]");
      }
    }
    Sequential model = smallModel();
    model.loadStateDict(sd); // strict: the key names are PyTorch's
    assertArrayEquals(
        sd.get("2.bias").toFloatArray(), model.stateDict().get("2.bias").toFloatArray());
  }

  @Test
  void aStateDictSavedHereLoadsInPyTorchAndComputesTheSameForward() throws IOException {
    // The committed file is what we write today, byte for byte...
    Path out = tmp.resolve("sd.safetensors");
    SafeTensorsTorch.saveFile(GoldenStateDict.stateDict(), out);
    assertArrayEquals(
        Files.readAllBytes(golden("java_state_dict.safetensors")), Files.readAllBytes(out));
    // ...and PyTorch, having loaded it strictly, computed this forward pass.
    String[] check =
        Files.readAllLines(golden("java_state_dict.python-check.txt")).get(1).split(",");
    Sequential model = smallModel();
    model.loadStateDict(SafeTensorsTorch.loadFile(out));
    Tensor x = Torch.arange(8L).to(DType.FLOAT32).view(2, 4).div(10).sub(0.3);
    float[] y = model.forward(x).toFloatArray();
    for (int i = 0; i < y.length; i++) {
      assertEquals(Double.parseDouble(check[i]), y[i], 1e-6);
    }
  }

  @Test
  void everyDtypeAndScalarsRoundTrip() throws IOException {
    Map<String, Tensor> sd = new java.util.LinkedHashMap<>();
    sd.put("f32", Torch.tensor(new float[] {1.5f, -2f}));
    sd.put("f64", Torch.tensor(new double[] {Math.PI}, DType.FLOAT64));
    sd.put("i64", Torch.tensor(new long[] {Long.MIN_VALUE, 3}));
    sd.put("bool", Torch.tensor(new boolean[] {true, false, true}));
    sd.put("scalar", Torch.tensor(4.25));
    sd.put("transposed", Torch.arange(6L).view(2, 3).t());
    Map<String, Tensor> back = SafeTensorsTorch.load(SafeTensorsTorch.save(sd, null));
    for (String k : sd.keySet()) {
      assertEquals(sd.get(k).toString(), back.get(k).toString(), k);
    }
  }
}
