package org.autograd4j.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tensors of the two golden files under {@code src/test/resources/golden/}. Python's reference
 * implementation wrote {@code python_reference.safetensors} (tools/golden/gen_safetensors.py) and
 * checked that it reads {@code java_written.safetensors}, which {@link #main} writes.
 *
 * <p>Regenerate the Java file: {@code java -cp core/target/classes:core/target/test-classes
 * org.autograd4j.io.GoldenSafeTensors core/src/test/resources/golden/java_written.safetensors}
 */
final class GoldenSafeTensors {
  private GoldenSafeTensors() {}

  /** What gen_safetensors.py saves with safetensors.torch.save_file. */
  static List<SafeTensorsEntry> pythonReferenceTensors() {
    float[] embed = new float[12];
    for (int i = 0; i < 12; i++) {
      embed[i] = i / 4f - 1f;
    }
    return List.of(
        SafeTensorsEntry.ofFloats("embed.weight", new int[] {3, 4}, embed),
        SafeTensorsEntry.ofDoubles("scale", new int[] {3}, new double[] {0.1, -2.5, 1e300}),
        SafeTensorsEntry.ofLongs(
            "positions", new int[] {2, 3}, new long[] {0, -1, 1L << 40, 7, 8, -(1L << 62)}),
        SafeTensorsEntry.ofBooleans(
            "mask", new int[] {5}, new boolean[] {true, false, true, true, false}),
        SafeTensorsEntry.ofLongs("step", new int[] {}, new long[] {1234}),
        SafeTensorsEntry.ofFloats("empty", new int[] {0, 3}, new float[0]));
  }

  /**
   * One key only: the reference keeps metadata in a hash map, so several keys have no fixed order.
   */
  static Map<String, String> pythonReferenceMetadata() {
    return Map.of("format", "pt");
  }

  /** What our writer saves and gen_safetensors.py loads and checks. */
  static List<SafeTensorsEntry> javaWrittenTensors() {
    return List.of(
        SafeTensorsEntry.ofFloats(
            "layer.0.w", new int[] {2, 2}, new float[] {1.5f, -2f, 0f, 3.25f}),
        SafeTensorsEntry.ofFloats("layer.0.b", new int[] {2}, new float[] {0.5f, -0.5f}),
        SafeTensorsEntry.ofDoubles("ünïcode.μ", new int[] {2}, new double[] {Math.E, -1e-300}),
        SafeTensorsEntry.ofLongs("count", new int[] {}, new long[] {Long.MAX_VALUE}),
        SafeTensorsEntry.ofBooleans("flags", new int[] {1, 3}, new boolean[] {false, true, true}),
        SafeTensorsEntry.ofLongs("none", new int[] {2, 0}, new long[0]));
  }

  static Map<String, String> javaWrittenMetadata() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", "pt");
    m.put("writer", "autograd4j");
    m.put("tricky", "quote \" backslash \\ newline \n tab \t ctrl \u0001 emoji \uD83C\uDF89");
    return m;
  }

  /** Writes java_written.safetensors to the path given as the only argument. */
  public static void main(String[] args) throws Exception {
    SafeTensors.write(Path.of(args[0]), javaWrittenTensors(), javaWrittenMetadata());
  }
}
