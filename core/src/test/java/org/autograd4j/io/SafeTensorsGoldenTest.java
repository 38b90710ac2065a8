package org.autograd4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compatibility with the reference implementation (safetensors 0.8.0, via
 * tools/golden/gen_safetensors.py): we read what it wrote, write what it writes byte for byte, and
 * still produce the exact file it verified it can read; and on a table of edge-case and hostile
 * buffers we accept and reject what it does, bar a few documented cases where we are stricter.
 */
class SafeTensorsGoldenTest {
  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SafeTensorsGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource golden/" + name);
      }
      return in.readAllBytes();
    }
  }

  @Test
  void readsTheFileWrittenByPythonsSafetensors() throws Exception {
    SafeTensorsFile f = SafeTensors.deserialize(resource("python_reference.safetensors"));
    List<SafeTensorsEntry> expected = GoldenSafeTensors.pythonReferenceTensors();
    assertEquals(expected.size(), f.tensors().size());
    for (SafeTensorsEntry e : expected) {
      assertEquals(e, f.tensor(e.name()));
    }
    assertEquals(GoldenSafeTensors.pythonReferenceMetadata(), f.metadata());
    // The reference lays out by descending alignment, then name.
    assertEquals(
        List.of("positions", "step", "scale", "embed.weight", "empty", "mask"),
        List.copyOf(f.tensors().keySet()));
    assertEquals(1e300, f.tensor("scale").toDoubleArray()[2]);
    assertEquals(-(1L << 62), f.tensor("positions").toLongArray()[5]);
  }

  @Test
  void writesTheSameBytesAsPythonsSafetensors() throws Exception {
    assertArrayEquals(
        resource("python_reference.safetensors"),
        SafeTensors.serialize(
            GoldenSafeTensors.pythonReferenceTensors(),
            GoldenSafeTensors.pythonReferenceMetadata()));
  }

  @Test
  void acceptsAndRejectsTheSameEdgeCasesAsTheReference() throws Exception {
    String table = new String(resource("reference_verdicts.tsv"), StandardCharsets.UTF_8);
    int rows = 0;
    for (String line : table.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] col = line.split("\t", -1);
      byte[] bytes = Base64.getDecoder().decode(col[3]);
      String ours;
      try {
        SafeTensors.deserialize(bytes);
        ours = "OK";
      } catch (SafeTensorsException e) {
        ours = "ERR";
      }
      assertEquals(col[2], ours, () -> col[0] + " (reference: " + col[1] + ") " + col[4]);
      rows++;
    }
    assertTrue(rows >= 40, "only " + rows + " cases");
  }

  @Test
  void stillWritesTheFileThatPythonVerified() throws Exception {
    assertArrayEquals(
        resource("java_written.safetensors"),
        SafeTensors.serialize(
            GoldenSafeTensors.javaWrittenTensors(), GoldenSafeTensors.javaWrittenMetadata()));
    String record = new String(resource("java_written.python-check.txt"), StandardCharsets.UTF_8);
    assertTrue(record.contains("RESULT: OK"), record);
    assertEquals(
        GoldenSafeTensors.javaWrittenMetadata(),
        SafeTensors.deserialize(resource("java_written.safetensors")).metadata());
  }
}
