package org.autograd4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders for hand-made (often deliberately broken) safetensors buffers. */
final class SafeTensorsTestFiles {
  private SafeTensorsTestFiles() {}

  /** Length field + header bytes (no padding) + data. */
  static byte[] raw(String header, byte[] data) {
    return raw(header.getBytes(StandardCharsets.UTF_8), data);
  }

  static byte[] raw(byte[] header, byte[] data) {
    return raw(header.length, header, data);
  }

  /** Like {@link #raw(byte[], byte[])} but with an arbitrary (possibly lying) length field. */
  static byte[] raw(long claimedLength, byte[] header, byte[] data) {
    return ByteBuffer.allocate(8 + header.length + data.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(claimedLength)
        .put(header)
        .put(data)
        .array();
  }

  /** A few valid files of different shapes, used as seeds for mutation. */
  static List<byte[]> validSamples() {
    List<byte[]> out = new ArrayList<>();
    out.add(
        SafeTensors.serialize(
            List.of(
                SafeTensorsEntry.ofFloats("w", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}),
                SafeTensorsEntry.ofDoubles("b", new int[] {2}, new double[] {0.5, -1}),
                SafeTensorsEntry.ofLongs("step", new int[] {}, new long[] {42}),
                SafeTensorsEntry.ofBooleans(
                    "mask", new int[] {3}, new boolean[] {true, false, true})),
            Map.of("format", "pt", "note", "seed \"one\"")));
    out.add(
        SafeTensors.serialize(
            List.of(SafeTensorsEntry.ofFloats("only", new int[] {1, 1, 2}, new float[] {7, 8})),
            null));
    out.add(
        SafeTensors.serialize(
            List.of(
                SafeTensorsEntry.ofLongs("empty", new int[] {0, 4}, new long[0]),
                SafeTensorsEntry.ofLongs("idx", new int[] {3}, new long[] {1, -2, 3}),
                SafeTensorsEntry.ofBooleans("ä.μ", new int[] {1}, new boolean[] {true})),
            Map.of()));
    out.add(SafeTensors.serialize(List.of(), null));
    return out;
  }
}
