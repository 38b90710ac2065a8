package org.autograd4j.data;

import static org.autograd4j.data.IdxFixtures.gzip;
import static org.autograd4j.data.IdxFixtures.idxBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private Path file(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  private IdxFormatException rejected(byte[] bytes, String... fragments) throws Exception {
    Path p = file("bad.idx", bytes);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(p));
    assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' lacks '" + f + "'");
    }
    return e;
  }

  private static byte[] header(int type, int... dims) {
    return idxBytes(IdxType.fromCode(type), dims, new byte[0]);
  }

  @Test
  void readsPlainAndGzippedUnsignedBytes() throws Exception {
    byte[] pixels = {0, 1, 127, (byte) 128, (byte) 255, 42};
    byte[] raw = idxBytes(IdxType.UNSIGNED_BYTE, new int[] {1, 2, 3}, pixels);
    for (Path p :
        new Path[] {file("raw", raw), file("images.gz", gzip(raw)), file("gz", gzip(raw))}) {
      IdxFile f = IdxReader.read(p);
      assertEquals(IdxType.UNSIGNED_BYTE, f.type());
      assertArrayEquals(new int[] {1, 2, 3}, f.dims());
      assertArrayEquals(pixels, f.data());
      assertArrayEquals(new int[] {0, 1, 127, 128, 255, 42}, f.toIntArray());
      assertArrayEquals(new float[] {0, 1, 127, 128, 255, 42}, f.toFloatArray());
    }
  }

  @Test
  void readsEveryOtherIdxType() throws Exception {
    byte[] i8 = {-1, 5};
    assertArrayEquals(new int[] {-1, 5}, read(IdxType.SIGNED_BYTE, new int[] {2}, i8).toIntArray());
    ByteBuffer s = ByteBuffer.allocate(4).putShort((short) -300).putShort((short) 7);
    assertArrayEquals(
        new int[] {-300, 7}, read(IdxType.SHORT, new int[] {2}, s.array()).toIntArray());
    ByteBuffer i = ByteBuffer.allocate(8).putInt(Integer.MIN_VALUE).putInt(70000);
    assertArrayEquals(
        new int[] {Integer.MIN_VALUE, 70000},
        read(IdxType.INT, new int[] {2}, i.array()).toIntArray());
    ByteBuffer f = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-0.25f);
    IdxFile ff = read(IdxType.FLOAT, new int[] {1, 2}, f.array());
    assertArrayEquals(new float[] {1.5f, -0.25f}, ff.toFloatArray());
    assertThrows(IllegalStateException.class, ff::toIntArray);
    ByteBuffer d = ByteBuffer.allocate(16).putDouble(Math.PI).putDouble(-1e300);
    assertArrayEquals(
        new double[] {Math.PI, -1e300},
        read(IdxType.DOUBLE, new int[] {2, 1}, d.array()).toDoubleArray());
  }

  private IdxFile read(IdxType type, int[] dims, byte[] data) throws Exception {
    return IdxReader.read(file(type + ".gz", gzip(idxBytes(type, dims, data))));
  }

  @Test
  void zeroSizedDimensionsAreFine() throws Exception {
    IdxFile f = IdxReader.read(file("empty", header(0x08, 0, 28, 28)));
    assertEquals(0, f.numel());
    assertArrayEquals(new int[] {0, 28, 28}, f.dims());
  }

  @Test
  void badMagicAndTypes() throws Exception {
    rejected(new byte[] {1, 0, 8, 1, 0, 0, 0, 0}, "bad magic 01 00 08 01");
    rejected(new byte[] {0x50, 0x4b, 3, 4}, "bad magic 50 4b 03 04");
    rejected(new byte[] {0, 0, 0x0A, 1, 0, 0, 0, 0}, "unknown element type 0x0a");
    rejected(new byte[] {0, 0, 8, 0}, "zero dimensions");
  }

  @Test
  void truncatedHeaders() throws Exception {
    rejected(new byte[0], "truncated", "magic number (0 of 4 bytes)");
    rejected(new byte[] {0, 0, 8}, "magic number (3 of 4 bytes)");
    rejected(new byte[] {0, 0, 8, 3, 0, 0, 0, 1}, "3 dimension sizes (4 of 12 bytes)");
    rejected(gzip(new byte[] {0, 0, 8, 3, 0, 0, 0, 1}), "3 dimension sizes");
  }

  @Test
  void dimsProductOverflowAndAbsurdDims() throws Exception {
    rejected(header(0x08, 65536, 65536, 65536, 65536, 65536), "array limit");
    rejected(header(0x0E, 1 << 29), "array limit");
    rejected(header(0x08, -1), "4294967295", "absurdly large");
    rejected(gzip(header(0x08, 65536, 65536)), "array limit");
  }

  @Test
  void dimsClaimingMoreDataThanAPlainFileHas() throws Exception {
    byte[] raw = idxBytes(IdxType.UNSIGNED_BYTE, new int[] {2, 3}, new byte[6]);
    rejected(
        Arrays.copyOf(raw, raw.length - 1), "need 6 data bytes but the file has 5", "truncated");
    rejected(Arrays.copyOf(raw, raw.length + 2), "has 8", "trailing");
    rejected(header(0x08, 60000, 28, 28), "need 47040000 data bytes but the file has 0");
  }

  @Test
  void gzipThatEndsEarlyOrCarriesExtraData() throws Exception {
    byte[] raw = idxBytes(IdxType.UNSIGNED_BYTE, new int[] {10}, new byte[10]);
    rejected(
        gzip(Arrays.copyOf(raw, raw.length - 3)),
        "claim 10 data bytes but the stream ended after 7");
    rejected(gzip(Arrays.copyOf(raw, raw.length + 1)), "trailing data");
  }

  @Test
  void gzipClaimingHugeDataIsNotAllocatedUpFront() throws Exception {
    // 1000^3 bytes claimed, just under the default cap, with 10 bytes actually present.
    byte[] hostile =
        gzip(idxBytes(IdxType.UNSIGNED_BYTE, new int[] {1000, 1000, 1000}, new byte[10]));
    Path p = file("bomb.gz", hostile);
    var threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
    var hotspot = (com.sun.management.ThreadMXBean) threads;
    long before = hotspot.getCurrentThreadAllocatedBytes();
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(p));
    long allocated = hotspot.getCurrentThreadAllocatedBytes() - before;
    assertTrue(e.getMessage().contains("stream ended after 10"), e.getMessage());
    assertTrue(allocated < 32L << 20, "allocated " + allocated + " bytes for a 10-byte payload");
  }

  @Test
  void claimsOverTheCapAreRefused() throws Exception {
    byte[] gz = gzip(idxBytes(IdxType.UNSIGNED_BYTE, new int[] {100}, new byte[100]));
    Path p = file("capped.gz", gz);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(p, 99));
    assertTrue(e.getMessage().contains("claim 100 bytes of data, more than the limit of 99"));
    assertEquals(100, IdxReader.read(p, 100).numel());
  }

  @Test
  void corruptOrTruncatedGzip() throws Exception {
    byte[] pixels = new byte[4096];
    new java.util.Random(1).nextBytes(pixels);
    byte[] gz = gzip(idxBytes(IdxType.UNSIGNED_BYTE, new int[] {4096}, pixels));
    rejected(Arrays.copyOf(gz, gz.length / 2), "truncated gzip");
    byte[] flipped = gz.clone();
    flipped[gz.length / 2] ^= 0x55;
    rejected(flipped);
    byte[] badCrc = gz.clone();
    badCrc[gz.length - 6] ^= 1;
    rejected(badCrc, "corrupt");
    rejected(new byte[] {0x1f, (byte) 0x8b, 8}, "gzip");
  }

  @Test
  void fixtureGeneratorWritesFashionMnistShapedFiles() throws Exception {
    IdxFixtures.FashionMnist fm = IdxFixtures.writeFashionMnist(dir.resolve("fm"), 32, 8, 42);
    assertEquals("train-images-idx3-ubyte.gz", fm.trainImages().getFileName().toString());
    IdxFile images = IdxReader.read(fm.trainImages());
    IdxFile labels = IdxReader.read(fm.trainLabels());
    assertArrayEquals(new int[] {32, 28, 28}, images.dims());
    assertArrayEquals(new int[] {32}, labels.dims());
    assertArrayEquals(new int[] {8, 28, 28}, IdxReader.read(fm.testImages()).dims());
    assertArrayEquals(new int[] {8}, IdxReader.read(fm.testLabels()).dims());
    for (int label : labels.toIntArray()) {
      assertTrue(label >= 0 && label < 10);
    }
    // Same seed, same bytes: tests built on the fixture are reproducible.
    IdxFixtures.FashionMnist again = IdxFixtures.writeFashionMnist(dir.resolve("fm2"), 32, 8, 42);
    assertArrayEquals(
        Files.readAllBytes(fm.trainImages()), Files.readAllBytes(again.trainImages()));
  }

  @Test
  void readsTheRealFashionMnistWhenInstalled() throws Exception {
    // Debian's dataset-fashion-mnist package; absent on a fresh CI machine, hence an assumption.
    Path root = Path.of("/usr/share/datasets/fashion-mnist");
    assumeTrue(Files.isReadable(root.resolve(IdxFixtures.TEST_IMAGES)));
    IdxFile images = IdxReader.read(root.resolve(IdxFixtures.TEST_IMAGES));
    IdxFile labels = IdxReader.read(root.resolve(IdxFixtures.TEST_LABELS));
    assertArrayEquals(new int[] {10000, 28, 28}, images.dims());
    assertArrayEquals(new int[] {10000}, labels.dims());
    int[] counts = new int[10];
    for (int l : labels.toIntArray()) {
      counts[l]++;
    }
    // Fashion-MNIST's test split is balanced: 1000 of each class.
    assertArrayEquals(
        new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, counts);
    assertArrayEquals(
        new int[] {60000, 28, 28}, IdxReader.read(root.resolve(IdxFixtures.TRAIN_IMAGES)).dims());
    assertArrayEquals(
        new int[] {60000}, IdxReader.read(root.resolve(IdxFixtures.TRAIN_LABELS)).dims());
  }
}
