package org.autograd4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsRoundTripTest {
  @TempDir Path dir;

  @Test
  void roundTripsEveryDtypeThroughAFile() throws Exception {
    List<SafeTensorsEntry> in =
        List.of(
            SafeTensorsEntry.ofFloats("w", new int[] {2, 3}, new float[] {1, -2, 3.5f, 0, 5, 6}),
            SafeTensorsEntry.ofDoubles("d", new int[] {2}, new double[] {Math.PI, -0.0}),
            SafeTensorsEntry.ofLongs("step", new int[] {}, new long[] {Long.MIN_VALUE}),
            SafeTensorsEntry.ofLongs("none", new int[] {0, 3}, new long[0]),
            SafeTensorsEntry.ofBooleans("mask", new int[] {1, 2}, new boolean[] {true, false}));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "pt");
    meta.put("quote\"back\\slash\nnewline\u0001", "ünïcødé 🎉");
    Path p = dir.resolve("m.safetensors");
    SafeTensors.write(p, in, meta);

    SafeTensorsFile out = SafeTensors.read(p);
    assertEquals(in.size(), out.tensors().size());
    for (SafeTensorsEntry e : in) {
      assertEquals(e, out.tensor(e.name()));
    }
    assertEquals(meta, out.metadata());
    assertArrayEquals(new float[] {1, -2, 3.5f, 0, 5, 6}, out.tensor("w").toFloatArray());
    assertArrayEquals(new double[] {Math.PI, -0.0}, out.tensor("d").toDoubleArray());
    assertArrayEquals(new long[] {Long.MIN_VALUE}, out.tensor("step").toLongArray());
    assertArrayEquals(new boolean[] {true, false}, out.tensor("mask").toBooleanArray());
    assertArrayEquals(new int[] {0, 3}, out.tensor("none").shape());
    assertArrayEquals(Files.readAllBytes(p), SafeTensors.serialize(in, meta));
  }

  @Test
  void matchesTheReferenceWriterByteForByte() throws Exception {
    // Observed from safetensors 0.8.0: save({'b': bool[2], 'a': f32[2,3], 'c': i64[3],
    // 'd': f64[2]}, metadata={'framework': 'pt'}): I64, F64, F32, BOOL order, metadata first.
    String expectedHeader =
        "{\"__metadata__\":{\"framework\":\"pt\"},"
            + "\"c\":{\"dtype\":\"I64\",\"shape\":[3],\"data_offsets\":[0,24]},"
            + "\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[24,40]},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[40,64]},"
            + "\"b\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[64,66]}}       ";
    byte[] bytes =
        SafeTensors.serialize(
            List.of(
                SafeTensorsEntry.ofBooleans("b", new int[] {2}, new boolean[] {true, false}),
                SafeTensorsEntry.ofFloats("a", new int[] {2, 3}, new float[6]),
                SafeTensorsEntry.ofLongs("c", new int[] {3}, new long[] {0, 1, 2}),
                SafeTensorsEntry.ofDoubles("d", new int[] {2}, new double[] {1, 1})),
            Map.of("framework", "pt"));
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(264, n);
    assertEquals(expectedHeader, new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
    assertEquals(8 + 264 + 66, bytes.length);
  }

  @Test
  void emptyFileMatchesTheReference() throws Exception {
    // The reference's own test vectors for an empty dict, with and without metadata.
    byte[] empty = SafeTensors.serialize(List.of(), null);
    assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', 32, 32, 32, 32, 32, 32}, empty);
    byte[] meta = SafeTensors.serialize(List.of(), Map.of("framework", "pt"));
    assertEquals(
        "{\"__metadata__\":{\"framework\":\"pt\"}}     ",
        new String(meta, 8, meta.length - 8, StandardCharsets.UTF_8));
    assertTrue(SafeTensors.deserialize(empty).tensors().isEmpty());
    assertEquals(Map.of("framework", "pt"), SafeTensors.deserialize(meta).metadata());
  }

  @Test
  void sortsNamesByUtf8BytesLikeRust() throws Exception {
    // U+FF21 sorts before U+1F600 in UTF-8 bytes but after it in UTF-16 code units.
    byte[] bytes =
        SafeTensors.serialize(
            List.of(
                SafeTensorsEntry.ofBooleans("\uD83D\uDE00", new int[] {1}, new boolean[] {true}),
                SafeTensorsEntry.ofBooleans("\uFF21", new int[] {1}, new boolean[] {false}),
                SafeTensorsEntry.ofBooleans("B", new int[] {1}, new boolean[] {false})),
            null);
    assertEquals(
        List.of("B", "\uFF21", "\uD83D\uDE00"),
        List.copyOf(SafeTensors.deserialize(bytes).tensors().keySet()));
  }

  @Test
  void everyTensorIsAlignedToItsItemSize() throws Exception {
    byte[] bytes = SafeTensorsTestFiles.validSamples().get(0);
    long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, n % 8);
    long offset = 8 + n;
    for (SafeTensorsEntry e : SafeTensors.deserialize(bytes).tensors().values()) {
      assertEquals(0, offset % e.dtype().itemSize(), e.name());
      offset += e.data().length;
    }
  }

  @Test
  void writerRejectsBadArgumentsWithoutTouchingTheDisk() throws Exception {
    SafeTensorsEntry a = SafeTensorsEntry.ofFloats("a", new int[] {1}, new float[] {1});
    Path p = dir.resolve("x.safetensors");
    assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(p, List.of(a, a), null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SafeTensors.write(
                p,
                List.of(SafeTensorsEntry.ofFloats("__metadata__", new int[] {1}, new float[1])),
                null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SafeTensors.write(
                p,
                List.of(SafeTensorsEntry.ofFloats("\uD800", new int[] {1}, new float[1])),
                null));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void entryRejectsInconsistentData() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SafeTensorsEntry("x", DType.FLOAT32, new int[] {2}, new byte[4]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SafeTensorsEntry("x", DType.FLOAT32, new int[] {-1}, new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SafeTensorsEntry(
                "x", DType.INT64, new int[] {1 << 30, 1 << 30, 1 << 30}, new byte[0]));
    SafeTensorsEntry f = SafeTensorsEntry.ofFloats("f", new int[] {1}, new float[1]);
    assertThrows(IllegalStateException.class, f::toLongArray);
    assertEquals(
        "SafeTensorsEntry[f, F32, shape=[1], 4 bytes]", f.toString(), Arrays.toString(f.shape()));
  }
}
