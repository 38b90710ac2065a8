package org.autograd4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
  @TempDir Path dir;

  /** Passes {@code limit} bytes through, then fails as a full disk or a crash would. */
  private static OutputStream failingAfter(OutputStream out, long limit, RuntimeException boom) {
    return new FilterOutputStream(out) {
      long written;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (written + len > limit) {
          int part = (int) Math.max(0, limit - written);
          out.write(b, off, part);
          written += part;
          if (boom != null) {
            throw boom;
          }
          throw new IOException("injected failure after " + written + " bytes");
        }
        out.write(b, off, len);
        written += len;
      }
    };
  }

  private static List<SafeTensorsEntry> big(float fill) {
    float[] v = new float[100_000];
    java.util.Arrays.fill(v, fill);
    return List.of(SafeTensorsEntry.ofFloats("w", new int[] {100_000}, v));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void failedSaveLeavesThePreviousFileIntactAndNoTempFile() throws Exception {
    Path p = dir.resolve("ckpt.safetensors");
    SafeTensors.write(p, big(1f), Map.of("epoch", "1"));
    byte[] before = Files.readAllBytes(p);

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                SafeTensors.write(
                    p, big(2f), Map.of("epoch", "2"), out -> failingAfter(out, 100_000, null)));
    assertEquals("injected failure after 100000 bytes", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(p));
    assertEquals(List.of(p), files());
    assertEquals("1", SafeTensors.read(p).metadata().get("epoch"));
  }

  @Test
  void uncheckedFailureMidWriteIsCleanedUpToo() throws Exception {
    Path p = dir.resolve("ckpt.safetensors");
    SafeTensors.write(p, big(1f), null);
    byte[] before = Files.readAllBytes(p);
    IllegalStateException boom = new IllegalStateException("simulated crash");
    assertThrows(
        IllegalStateException.class,
        () -> SafeTensors.write(p, big(2f), null, out -> failingAfter(out, 5, boom)));
    assertArrayEquals(before, Files.readAllBytes(p));
    assertEquals(List.of(p), files());
  }

  @Test
  void failedFirstSaveLeavesNothingBehind() throws Exception {
    Path p = dir.resolve("new.safetensors");
    assertThrows(
        IOException.class,
        () -> SafeTensors.write(p, big(3f), null, out -> failingAfter(out, 0, null)));
    assertEquals(List.of(), files());
  }

  @Test
  void successfulSaveReplacesTheFile() throws Exception {
    Path p = dir.resolve("ckpt.safetensors");
    SafeTensors.write(p, big(1f), null);
    SafeTensors.write(p, big(2f), null);
    assertEquals(2f, SafeTensors.read(p).tensor("w").toFloatArray()[99_999]);
    assertEquals(List.of(p), files());
  }

  @Test
  void atomicFilesWorksForAnyContent() throws Exception {
    Path p = dir.resolve("plain.txt");
    AtomicFiles.write(p, out -> out.write(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(p));
  }
}
