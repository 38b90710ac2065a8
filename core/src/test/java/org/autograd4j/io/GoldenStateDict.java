package org.autograd4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * The state dict of {@code Sequential(Linear(4, 3), ReLU(), Linear(3, 2))} with values from a
 * closed formula, which tools/golden/gen_train_golden.py loads into PyTorch. Regenerate with:
 * {@code java -cp core/target/classes:core/target/test-classes org.autograd4j.io.GoldenStateDict
 * core/src/test/resources/golden/java_state_dict.safetensors}
 */
public final class GoldenStateDict {
  private GoldenStateDict() {}

  static Tensor values(int offset, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) Math.sin(0.7 * (i + offset)) * 0.8f;
    }
    return Torch.tensor(v).view(shape);
  }

  /** The state dict, in PyTorch's key order. */
  public static Map<String, Tensor> stateDict() {
    Map<String, Tensor> sd = new LinkedHashMap<>();
    sd.put("0.weight", values(0, 3, 4));
    sd.put("0.bias", values(12, 3));
    sd.put("2.weight", values(15, 2, 3));
    sd.put("2.bias", values(21, 2));
    return sd;
  }

  public static void main(String[] args) throws IOException {
    SafeTensorsTorch.saveFile(stateDict(), Path.of(args[0]));
  }
}
