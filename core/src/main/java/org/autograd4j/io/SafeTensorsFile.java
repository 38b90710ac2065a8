package org.autograd4j.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The contents of a safetensors file: its tensors in file (data offset) order and its string
 * metadata.
 *
 * <pre>{@code
 * SafeTensorsFile f = SafeTensors.read(Path.of("model.safetensors"));
 * float[] w = f.tensor("fc.weight").toFloatArray();
 * String framework = f.metadata().get("format"); // e.g. "pt"
 * }</pre>
 */
public final class SafeTensorsFile {
  private final Map<String, SafeTensorsEntry> tensors;
  private final Map<String, String> metadata;

  SafeTensorsFile(Map<String, SafeTensorsEntry> tensors, Map<String, String> metadata) {
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * All tensors by name, in the order their data appears in the file; unmodifiable.
   *
   * <pre>{@code
   * for (SafeTensorsEntry e : file.tensors().values()) { ... }
   * }</pre>
   */
  public Map<String, SafeTensorsEntry> tensors() {
    return tensors;
  }

  /**
   * The tensor with this name.
   *
   * <pre>{@code
   * SafeTensorsEntry bias = file.tensor("fc.bias");
   * }</pre>
   *
   * @throws NoSuchElementException naming the missing tensor and the ones present
   */
  public SafeTensorsEntry tensor(String name) {
    SafeTensorsEntry e = tensors.get(name);
    if (e == null) {
      throw new NoSuchElementException(
          "no tensor '" + name + "'; the file has " + tensors.keySet());
    }
    return e;
  }

  /**
   * The {@code __metadata__} string map, empty when the file has none; unmodifiable.
   *
   * <pre>{@code
   * file.metadata().get("format");
   * }</pre>
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "SafeTensorsFile[tensors=" + tensors.values() + ", metadata=" + metadata + "]";
  }
}
