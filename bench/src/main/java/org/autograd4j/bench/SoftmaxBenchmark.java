package org.autograd4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autograd4j.internal.kernels.Parallel;
import org.autograd4j.internal.kernels.Reductions;
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

/** Row softmax over a batch of logits, e.g. 256 rows of 1000 classes. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class SoftmaxBenchmark {

  /** Rows x columns. */
  @Param({"256x1000", "4096x128", "64x10"})
  public String shape;

  /** Kernel provider: vector, scalar or auto. */
  @Param({"vector", "scalar"})
  public String provider;

  /** Intra-op threads. */
  @Param({"1"})
  public int threads;

  private Reductions reductions;
  private int rows;
  private int cols;
  private float[] x;
  private float[] out;

  /** Allocates random logits. */
  @Setup
  public void setUp() {
    Parallel.setNumThreads(threads);
    reductions = BenchProviders.byName(provider).reductions();
    String[] parts = shape.split("x");
    rows = Integer.parseInt(parts[0]);
    cols = Integer.parseInt(parts[1]);
    Random random = new Random(3);
    x = new float[rows * cols];
    out = new float[rows * cols];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian() * 3;
    }
  }

  /**
   * softmax over each row.
   *
   * @return the probabilities
   */
  @Benchmark
  public float[] softmax() {
    reductions.softmaxRows(x, 0, out, 0, rows, cols);
    return out;
  }

  /**
   * log_softmax over each row.
   *
   * @return the log-probabilities
   */
  @Benchmark
  public float[] logSoftmax() {
    reductions.logSoftmaxRows(x, 0, out, 0, rows, cols);
    return out;
  }
}
