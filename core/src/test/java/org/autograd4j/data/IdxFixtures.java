package org.autograd4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small IDX files for tests, including a tiny stand-in for Fashion-MNIST with the real file
 * names and shapes (N x 28 x 28 unsigned-byte images, N unsigned-byte labels 0..9). Reusable by any
 * test that needs MNIST-shaped data without the real data set:
 *
 * <pre>{@code
 * IdxFixtures.FashionMnist fm = IdxFixtures.writeFashionMnist(tempDir, 64, 16, 42);
 * IdxFile images = IdxReader.read(fm.trainImages());
 * }</pre>
 *
 * <p>Each class brightens its own band of rows, so a tiny model can learn to tell them apart.
 */
public final class IdxFixtures {
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
  public static final int ROWS = 28;
  public static final int COLS = 28;
  public static final int CLASSES = 10;

  /** Paths of the four written files, named as in the real data set. */
  public record FashionMnist(
      Path dir, Path trainImages, Path trainLabels, Path testImages, Path testLabels) {}

  private IdxFixtures() {}

  /** The bytes of an IDX file: magic, big-endian dims, then the given big-endian data. */
  public static byte[] idxBytes(IdxType type, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) type.code()).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  /** Gzip-compresses bytes as the MNIST distribution files are. */
  public static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bos)) {
      out.write(raw);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bos.toByteArray();
  }

  /** Writes an IDX file, gzip-compressed if asked. */
  public static Path writeIdx(Path path, IdxType type, int[] dims, byte[] data, boolean gzip)
      throws IOException {
    byte[] raw = idxBytes(type, dims, data);
    Files.write(path, gzip ? gzip(raw) : raw);
    return path;
  }

  /**
   * Writes the four Fashion-MNIST files with {@code train} and {@code test} examples into dir.
   * Labels cycle through the classes in a seeded random order; the same seed gives the same files.
   */
  public static FashionMnist writeFashionMnist(Path dir, int train, int test, long seed)
      throws IOException {
    Random rnd = new Random(seed);
    Files.createDirectories(dir);
    Path trainImages = dir.resolve(TRAIN_IMAGES);
    Path trainLabels = dir.resolve(TRAIN_LABELS);
    Path testImages = dir.resolve(TEST_IMAGES);
    Path testLabels = dir.resolve(TEST_LABELS);
    writeSplit(trainImages, trainLabels, train, rnd);
    writeSplit(testImages, testLabels, test, rnd);
    return new FashionMnist(dir, trainImages, trainLabels, testImages, testLabels);
  }

  private static void writeSplit(Path images, Path labels, int n, Random rnd) throws IOException {
    byte[] labelBytes = new byte[n];
    byte[] pixels = new byte[n * ROWS * COLS];
    for (int i = 0; i < n; i++) {
      int label = (i + rnd.nextInt(CLASSES)) % CLASSES;
      labelBytes[i] = (byte) label;
      for (int r = 0; r < ROWS; r++) {
        boolean band = r >= 2 + 2 * label && r < 5 + 2 * label;
        for (int c = 0; c < COLS; c++) {
          int v = (band ? 180 : 0) + rnd.nextInt(60);
          pixels[(i * ROWS + r) * COLS + c] = (byte) v;
        }
      }
    }
    writeIdx(images, IdxType.UNSIGNED_BYTE, new int[] {n, ROWS, COLS}, pixels, true);
    writeIdx(labels, IdxType.UNSIGNED_BYTE, new int[] {n}, labelBytes, true);
  }
}
