package org.autograd4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Tensors by name to and from safetensors, as the Python package's {@code safetensors.torch}
 * module: a model's {@code stateDict()} saved here loads in PyTorch with {@code
 * model.load_state_dict(safetensors.torch.load_file(path))}, and the reverse.
 *
 * <pre>{@code
 * SafeTensorsTorch.saveFile(model.stateDict(), Path.of("model.safetensors"));
 * model.loadStateDict(SafeTensorsTorch.loadFile(Path.of("model.safetensors")));
 * }</pre>
 *
 * <p>Writes are atomic (a crash leaves the previous file intact); reads treat the file as hostile.
 * Supported dtypes: float32, float64, int64, bool.
 */
public final class SafeTensorsTorch {
  private SafeTensorsTorch() {}

  /** {@code save_file(tensors, path)} with {@code {"format": "pt"}} as metadata. */
  public static void saveFile(Map<String, Tensor> tensors, Path path) throws IOException {
    saveFile(tensors, path, Map.of("format", "pt"));
  }

  /**
   * {@code save_file(tensors, path, metadata)}: writes the tensors' current values (contiguous
   * copies), atomically.
   *
   * @param metadata the {@code __metadata__} strings; null writes none
   */
  public static void saveFile(Map<String, Tensor> tensors, Path path, Map<String, String> metadata)
      throws IOException {
    SafeTensors.write(path, toEntries(tensors), metadata);
  }

  /** {@code save(tensors, metadata)}: the bytes of a safetensors file. */
  public static byte[] save(Map<String, Tensor> tensors, Map<String, String> metadata) {
    return SafeTensors.serialize(toEntries(tensors), metadata);
  }

  /** {@code load_file(path)}: the tensors by name, in file order. */
  public static Map<String, Tensor> loadFile(Path path) throws IOException {
    return fromEntries(SafeTensors.read(path).tensors());
  }

  /** {@code load(bytes)}. */
  public static Map<String, Tensor> load(byte[] bytes) throws SafeTensorsException {
    return fromEntries(SafeTensors.deserialize(bytes).tensors());
  }

  /** The tensors as safetensors entries (contiguous copies of their current values). */
  public static List<SafeTensorsEntry> toEntries(Map<String, Tensor> tensors) {
    List<SafeTensorsEntry> out = new ArrayList<>(tensors.size());
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      out.add(toEntry(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** One tensor as an entry. */
  public static SafeTensorsEntry toEntry(String name, Tensor t) {
    int[] shape = t.shape().toArray();
    switch (t.dtype()) {
      case FLOAT32:
        return SafeTensorsEntry.ofFloats(name, shape, t.toFloatArray());
      case FLOAT64:
        return SafeTensorsEntry.ofDoubles(name, shape, t.toDoubleArray());
      case INT64:
        return SafeTensorsEntry.ofLongs(name, shape, t.toLongArray());
      default:
        {
          long[] v = t.toLongArray();
          boolean[] b = new boolean[v.length];
          for (int i = 0; i < v.length; i++) {
            b[i] = v[i] != 0;
          }
          return SafeTensorsEntry.ofBooleans(name, shape, b);
        }
    }
  }

  /** Entries as tensors by name, keeping the map's order. */
  public static Map<String, Tensor> fromEntries(Map<String, SafeTensorsEntry> entries) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, SafeTensorsEntry> e : entries.entrySet()) {
      out.put(e.getKey(), toTensor(e.getValue()));
    }
    return out;
  }

  /** One entry as a new tensor of its dtype and shape. */
  public static Tensor toTensor(SafeTensorsEntry e) {
    int[] shape = e.shape();
    Tensor flat;
    DType dtype = e.dtype();
    switch (dtype) {
      case FLOAT32:
        flat = Torch.tensor(e.toFloatArray());
        break;
      case FLOAT64:
        flat = Torch.tensor(e.toDoubleArray(), DType.FLOAT64);
        break;
      case INT64:
        flat = Torch.tensor(e.toLongArray());
        break;
      default:
        flat = Torch.tensor(e.toBooleanArray());
    }
    return flat.reshape(shape);
  }
}
