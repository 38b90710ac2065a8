package org.autograd4j.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the safetensors format, byte-compatible with the reference implementation
 * (huggingface/safetensors): files written here load with {@code safetensors.torch.load_file}, and
 * files it writes load here. Supported dtypes: F32, F64, I64, BOOL.
 *
 * <pre>{@code
 * SafeTensors.write(
 *     Path.of("model.safetensors"),
 *     List.of(SafeTensorsEntry.ofFloats("w", new int[] {2, 2}, new float[] {1, 2, 3, 4})),
 *     Map.of("format", "pt"));
 * SafeTensorsFile f = SafeTensors.read(Path.of("model.safetensors"));
 * f.tensor("w").toFloatArray(); // [1.0, 2.0, 3.0, 4.0]
 * }</pre>
 *
 * <p>The reader treats every file as hostile: anything malformed, truncated or inconsistent raises
 * a {@link SafeTensorsException} naming the file, the tensor and the numbers involved, and nothing
 * is allocated from a size the file merely claims.
 */
public final class SafeTensors {
  private SafeTensors() {}

  /**
   * Reads a whole file into memory.
   *
   * <pre>{@code
   * SafeTensorsFile f = SafeTensors.read(Path.of("model.safetensors"));
   * }</pre>
   *
   * @throws SafeTensorsException if the file is not a valid safetensors file or uses an unsupported
   *     dtype
   * @throws IOException if it cannot be read
   */
  public static SafeTensorsFile read(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return SafeTensorsReader.read(
          SafeTensorsReader.of(channel, path.toString()), path.toString());
    }
  }

  /**
   * Parses an in-memory safetensors buffer, e.g. the result of {@code safetensors.torch.save}.
   *
   * <pre>{@code
   * SafeTensorsFile f = SafeTensors.deserialize(bytes);
   * }</pre>
   *
   * @throws SafeTensorsException if the bytes are not a valid safetensors buffer
   */
  public static SafeTensorsFile deserialize(byte[] bytes) throws SafeTensorsException {
    try {
      return SafeTensorsReader.read(SafeTensorsReader.of(bytes), "<in-memory safetensors>");
    } catch (SafeTensorsException e) {
      throw e;
    } catch (IOException e) {
      // A byte array cannot fail to read; anything else is a bug in the reader.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a file atomically: on failure the previous file, if any, is left intact and no temporary
   * file remains.
   *
   * <pre>{@code
   * SafeTensors.write(path, List.of(entry), Map.of("format", "pt"));
   * }</pre>
   *
   * @param tensors distinct names, none {@code "__metadata__"}; laid out in the reference's order
   *     (descending dtype alignment, then name), whatever the collection's order
   * @param metadata the {@code __metadata__} strings, written with sorted keys; {@code null} omits
   *     the key entirely, as Python's {@code metadata=None} does
   * @throws IllegalArgumentException for duplicate or reserved names, or invalid Unicode
   */
  public static void write(
      Path path, Collection<SafeTensorsEntry> tensors, Map<String, String> metadata)
      throws IOException {
    write(path, tensors, metadata, UnaryOperator.identity());
  }

  /**
   * Like {@link #write(Path, Collection, Map)}, with a stream wrapper so tests can inject faults.
   */
  static void write(
      Path path,
      Collection<SafeTensorsEntry> tensors,
      Map<String, String> metadata,
      UnaryOperator<OutputStream> wrap)
      throws IOException {
    // Validate and lay out before touching the file system, so bad arguments create no temp file.
    List<SafeTensorsEntry> ordered = SafeTensorsWriter.layout(tensors);
    byte[] prefix = SafeTensorsWriter.prefix(ordered, metadata);
    AtomicFiles.write(
        path,
        raw -> {
          OutputStream out = wrap.apply(raw);
          out.write(prefix);
          for (SafeTensorsEntry e : ordered) {
            out.write(e.data());
          }
          out.flush();
        });
  }

  /**
   * The bytes of a safetensors file, as {@code safetensors.torch.save} returns them.
   *
   * <pre>{@code
   * byte[] bytes = SafeTensors.serialize(List.of(entry), null);
   * }</pre>
   *
   * @throws IllegalArgumentException as for {@link #write(Path, Collection, Map)}, or if the result
   *     would exceed a Java array
   */
  public static byte[] serialize(
      Collection<SafeTensorsEntry> tensors, Map<String, String> metadata) {
    List<SafeTensorsEntry> ordered = SafeTensorsWriter.layout(tensors);
    byte[] prefix = SafeTensorsWriter.prefix(ordered, metadata);
    long total = prefix.length;
    for (SafeTensorsEntry e : ordered) {
      total += e.data().length;
    }
    if (total > SafeTensorsReader.MAX_TENSOR_BYTES) {
      throw new IllegalArgumentException(
          total + " bytes do not fit in one byte array; use write(Path, ...) instead");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
    out.writeBytes(prefix);
    for (SafeTensorsEntry e : ordered) {
      out.writeBytes(e.data());
    }
    return out.toByteArray();
  }
}
