package org.autograd4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;

/**
 * The Fashion-MNIST data set ({@code torchvision.datasets.FashionMNIST}) from its four IDX files:
 * 60,000 training and 10,000 test images of 28×28 pixels in 10 classes. Images are float32 {@code
 * [N, 1, 28, 28]} scaled to [0, 1] (as {@code ToTensor()}), optionally normalised; labels are int64
 * {@code [N]}. Sample {@code i} is {@code {image [1, 28, 28], label (scalar)}}.
 *
 * <pre>{@code
 * FashionMNIST train = FashionMNIST.load(null, true); // the Debian package's directory
 * FashionMNIST test = FashionMNIST.load(Path.of("data/fashion"), false);
 * train.images().shape();                              // torch.Size([60000, 1, 28, 28])
 * }</pre>
 */
public final class FashionMNIST implements Dataset<Tensor[]> {
  /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
  public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** Mean and standard deviation of the training pixels in [0, 1], for {@link #normalize}. */
  public static final double MEAN = 0.2860;

  /** See {@link #MEAN}. */
  public static final double STD = 0.3530;

  /** The class names, by label. */
  public static final List<String> CLASSES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  private final Tensor images;
  private final Tensor labels;

  private FashionMNIST(Tensor images, Tensor labels) {
    this.images = images;
    this.labels = labels;
  }

  /**
   * Reads the training ({@code train-*}) or test ({@code t10k-*}) split from {@code dir}, or from
   * {@link #DEFAULT_DIR} if {@code dir} is null. Files may be gzip-compressed ({@code .gz}) or
   * plain.
   *
   * @throws IOException if a file is missing (the message says where we looked and how to get the
   *     data) or malformed
   */
  public static FashionMNIST load(Path dir, boolean train) throws IOException {
    return load(dir, train, 0, 1);
  }

  /**
   * Reads a split and normalises it in the same pass: the values of {@code load(dir,
   * train).normalize(mean, std)} (float32 arithmetic, bit for bit), without ever holding the
   * un-normalised images next to the normalised ones, which for the training set saves 188 MB of
   * peak memory.
   *
   * <pre>{@code
   * FashionMNIST train = FashionMNIST.load(null, true, FashionMNIST.MEAN, FashionMNIST.STD);
   * }</pre>
   *
   * @throws IOException as {@link #load(Path, boolean)}
   */
  public static FashionMNIST load(Path dir, boolean train, double mean, double std)
      throws IOException {
    Path root = dir != null ? dir : DEFAULT_DIR;
    String prefix = train ? "train" : "t10k";
    Path imagesFile = find(root, prefix + "-images-idx3-ubyte");
    Path labelsFile = find(root, prefix + "-labels-idx1-ubyte");
    IdxFile img = IdxReader.read(imagesFile);
    IdxFile lab = IdxReader.read(labelsFile);
    int[] d = img.dims();
    if (d.length != 3 || d[1] != 28 || d[2] != 28 || img.type() != IdxType.UNSIGNED_BYTE) {
      throw new IdxFormatException(
          imagesFile + ": expected unsigned-byte images of shape [N, 28, 28], got " + img);
    }
    if (lab.dims().length != 1 || lab.dims()[0] != d[0] || !lab.type().isInteger()) {
      throw new IdxFormatException(
          labelsFile + ": expected " + d[0] + " integer labels to match the images, got " + lab);
    }
    byte[] raw = img.data();
    // Written straight into the tensor's storage: a float[] handed to Torch.tensor would be copied,
    // and at 188 MB for the training set that copy would double the loading peak.
    Tensor images = Torch.zeros(d[0], 1, 28, 28);
    float[] pixels = TensorData.get().storage(images).floats();
    // ToTensor() (byte / 255) then Normalize ((x - mean) / std), each rounded to float32 as the
    // tensor ops round them; with mean 0 and std 1 the second step is exact.
    float m = (float) mean;
    float s = (float) std;
    for (int i = 0; i < raw.length; i++) {
      pixels[i] = ((raw[i] & 0xFF) / 255f - m) / s;
    }
    int[] ls = lab.toIntArray();
    long[] labels = new long[ls.length];
    for (int i = 0; i < ls.length; i++) {
      if (ls[i] < 0 || ls[i] >= CLASSES.size()) {
        throw new IdxFormatException(
            labelsFile + ": label " + ls[i] + " at index " + i + " is not a class 0..9");
      }
      labels[i] = ls[i];
    }
    return new FashionMNIST(images, Torch.tensor(labels));
  }

  private static Path find(Path root, String base) throws IOException {
    List<Path> tried = new ArrayList<>();
    for (String name : new String[] {base + ".gz", base}) {
      Path p = root.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
      tried.add(p);
    }
    throw new java.nio.file.NoSuchFileException(
        tried.get(0).toString(),
        null,
        "Fashion-MNIST not found: looked for "
            + tried.get(0)
            + " and "
            + tried.get(1)
            + ". Install the data set with `apt-get install dataset-fashion-mnist` (files in "
            + DEFAULT_DIR
            + "), or point to a directory holding train-images-idx3-ubyte.gz,"
            + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and"
            + " t10k-labels-idx1-ubyte.gz");
  }

  /**
   * {@code Normalize((mean,), (std,))} applied to every image: {@code (x - mean) / std}, returned
   * as a new data set.
   */
  public FashionMNIST normalize(double mean, double std) {
    // One new array, divided in place: the two-temporary form would hold three copies at once.
    return new FashionMNIST(images.sub(mean).div_(std), labels);
  }

  /** All images, float32 {@code [N, 1, 28, 28]}. */
  public Tensor images() {
    return images;
  }

  /** All labels, int64 {@code [N]}. */
  public Tensor labels() {
    return labels;
  }

  @Override
  public Tensor[] get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(
          "index " + index + " is out of bounds for a dataset of size " + size());
    }
    return new Tensor[] {images.select(0, index), labels.select(0, index)};
  }

  @Override
  public int size() {
    return labels.size(0);
  }
}
