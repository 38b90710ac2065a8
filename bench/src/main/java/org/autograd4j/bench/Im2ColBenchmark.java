package org.autograd4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autograd4j.internal.kernels.Conv2dGeometry;
import org.autograd4j.internal.kernels.Im2Col;
import org.autograd4j.internal.kernels.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** im2col and col2im for typical convolution layers of one image. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class Im2ColBenchmark {

  /**
   * Layer: {@code mnist} (1x28x28, 5x5, pad 2), {@code cnn1} and {@code cnn2} (the training CNN's
   * layers, 1x28x28 and 16x12x12, 5x5), {@code resnet} (64x56x56, 3x3, pad 1) or {@code stem}
   * (3x224x224, 7x7, stride 2, pad 3).
   */
  @Param({"mnist", "cnn1", "cnn2", "resnet", "stem"})
  public String layer;

  private Conv2dGeometry geometry;
  private float[] image;
  private float[] col;

  /** Allocates the image and the column buffer. */
  @Setup
  public void setUp() {
    switch (layer) {
      case "mnist":
        geometry = new Conv2dGeometry(1, 28, 28, 5, 5, 2, 2, 1, 1, 1, 1);
        break;
      case "cnn1":
        geometry = new Conv2dGeometry(1, 28, 28, 5, 5, 0, 0, 1, 1, 1, 1);
        break;
      case "cnn2":
        geometry = new Conv2dGeometry(16, 12, 12, 5, 5, 0, 0, 1, 1, 1, 1);
        break;
      case "resnet":
        geometry = new Conv2dGeometry(64, 56, 56, 3, 3, 1, 1, 1, 1, 1, 1);
        break;
      default:
        geometry = new Conv2dGeometry(3, 224, 224, 7, 7, 3, 3, 2, 2, 1, 1);
    }
    Random random = new Random(4);
    image = new float[geometry.channels() * geometry.height() * geometry.width()];
    for (int i = 0; i < image.length; i++) {
      image[i] = random.nextFloat();
    }
    col = new float[geometry.colRows() * geometry.colCols()];
  }

  /**
   * Unfold the image.
   *
   * @return the column matrix
   */
  @Benchmark
  public float[] im2col() {
    Im2Col.im2col(Kernels.get().elementwise(), image, 0, geometry, col, 0);
    return col;
  }

  /**
   * Fold the columns back (accumulating).
   *
   * @return the image gradient
   */
  @Benchmark
  public float[] col2im() {
    Im2Col.col2im(Kernels.get().elementwise(), col, 0, geometry, image, 0);
    return image;
  }
}
