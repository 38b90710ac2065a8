package org.autograd4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading Fashion-MNIST-shaped IDX files (the tiny fixture, and the real test split if present).
 */
class FashionMNISTTest {
  @TempDir Path dir;

  @Test
  void loadsImagesScaledToUnitRangeAndInt64Labels() throws IOException {
    IdxFixtures.writeFashionMnist(dir, 12, 5, 7);
    FashionMNIST train = FashionMNIST.load(dir, true);
    FashionMNIST test = FashionMNIST.load(dir, false);
    assertEquals(12, train.size());
    assertEquals(5, test.size());
    assertEquals("torch.Size([12, 1, 28, 28])", train.images().shape().toString());
    assertEquals(DType.FLOAT32, train.images().dtype());
    assertEquals(DType.INT64, train.labels().dtype());
    // pixel bytes b become b / 255 exactly as float32
    byte[] raw = IdxReader.read(dir.resolve(IdxFixtures.TRAIN_IMAGES)).data();
    float[] px = train.images().toFloatArray();
    for (int i = 0; i < raw.length; i += 97) {
      assertEquals((raw[i] & 0xFF) / 255f, px[i]);
    }
    int[] labels = IdxReader.read(dir.resolve(IdxFixtures.TRAIN_LABELS)).toIntArray();
    Tensor[] s = train.get(3);
    assertEquals("torch.Size([1, 28, 28])", s[0].shape().toString());
    assertEquals(labels[3], s[1].itemLong());
  }

  @Test
  void normalizeSubtractsMeanAndDividesByStd() throws IOException {
    IdxFixtures.writeFashionMnist(dir, 4, 2, 1);
    FashionMNIST raw = FashionMNIST.load(dir, true);
    FashionMNIST norm = raw.normalize(FashionMNIST.MEAN, FashionMNIST.STD);
    float[] a = raw.images().toFloatArray();
    float[] b = norm.images().toFloatArray();
    assertEquals((a[100] - 0.2860) / 0.3530, b[100], 1e-6);
  }

  @Test
  void loadingWithNormalisationEqualsNormalizeBitForBit() throws IOException {
    IdxFixtures.writeFashionMnist(dir, 12, 5, 7);
    float[] twoSteps =
        FashionMNIST.load(dir, true)
            .normalize(FashionMNIST.MEAN, FashionMNIST.STD)
            .images()
            .toFloatArray();
    FashionMNIST fused = FashionMNIST.load(dir, true, FashionMNIST.MEAN, FashionMNIST.STD);
    assertArrayEquals(twoSteps, fused.images().toFloatArray());
    assertEquals("torch.Size([12, 1, 28, 28])", fused.images().shape().toString());
    assertArrayEquals(
        FashionMNIST.load(dir, true).labels().toLongArray(), fused.labels().toLongArray());
  }

  @Test
  void missingFilesSayWhereWeLookedAndHowToGetThem() {
    IOException e = assertThrows(IOException.class, () -> FashionMNIST.load(dir, true));
    String m = e.getMessage();
    assertTrue(m.contains(dir.resolve("train-images-idx3-ubyte.gz").toString()), m);
    assertTrue(m.contains("apt-get install dataset-fashion-mnist"), m);
  }

  @Test
  void labelsMustMatchTheImages() throws IOException {
    IdxFixtures.writeFashionMnist(dir, 4, 2, 1);
    IdxFixtures.writeIdx(
        dir.resolve(IdxFixtures.TRAIN_LABELS),
        IdxType.UNSIGNED_BYTE,
        new int[] {3},
        new byte[3],
        true);
    IOException e = assertThrows(IOException.class, () -> FashionMNIST.load(dir, true));
    assertTrue(e.getMessage().contains("expected 4 integer labels"), e.getMessage());
  }

  /** The real test split, when the Debian package is installed: 10,000 images, 1,000 per class. */
  @Test
  void realTestSplitHasAThousandImagesPerClass() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(FashionMNIST.DEFAULT_DIR), "dataset-fashion-mnist not installed");
    FashionMNIST test = FashionMNIST.load(null, false);
    assertEquals(10_000, test.size());
    int[] counts = new int[10];
    for (long l : test.labels().toLongArray()) {
      counts[(int) l]++;
    }
    for (int c : counts) {
      assertEquals(1000, c);
    }
  }
}
