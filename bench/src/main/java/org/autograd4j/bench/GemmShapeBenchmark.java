package org.autograd4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autograd4j.internal.kernels.Gemm;
import org.autograd4j.internal.kernels.Parallel;
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

/**
 * sgemm on the non-square shapes of the side-by-side workloads, where packing and edge tiles weigh
 * more than in {@link GemmBenchmark}'s squares. Time per product in microseconds. On the command
 * line, {@code -jvmArgsAppend} replaces the fork options below, so pass the launcher's:
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar GemmShapeBenchmark -jvmArgsAppend "$(tools/jvm-flags.sh java)"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseSerialGC"})
@State(Scope.Benchmark)
public class GemmShapeBenchmark {

  /**
   * {@code TRANS:m:n:k}: {@code NT:400:32:64} is the CNN's conv2 weight gradient per sample
   * (columns times the transposed output gradient), {@code NT:128:256:784} the MLP's first Linear
   * forward (x times the transposed weight), {@code TN:256:784:128} its weight gradient.
   */
  @Param({"NT:400:32:64", "NT:128:256:784", "TN:256:784:128"})
  public String shape;

  /**
   * Products per call. Above 1, {@link #sgemm} runs {@code sgemmBatched} with one A shared by every
   * product and a B and C per product, as a convolution multiplies its weight with each sample's
   * columns: A is then packed once per batch. The figure is for the whole batch.
   */
  @Param({"1"})
  public int batch;

  /** Intra-op threads. */
  @Param({"1"})
  public int threads;

  private Gemm gemm;
  private boolean transA;
  private boolean transB;
  private int m;
  private int n;
  private int k;
  private float[] a;
  private float[] b;
  private float[] c;

  /** Parses the shape and allocates random operands. */
  @Setup
  public void setUp() {
    String[] parts = shape.split(":");
    transA = parts[0].charAt(0) == 'T';
    transB = parts[0].charAt(1) == 'T';
    m = Integer.parseInt(parts[1]);
    n = Integer.parseInt(parts[2]);
    k = Integer.parseInt(parts[3]);
    Parallel.setNumThreads(threads);
    gemm = BenchProviders.byName("vector").gemm();
    Random random = new Random(1);
    a = new float[m * k];
    b = new float[k * n * batch];
    c = new float[m * n * batch];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextFloat() - 0.5f;
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextFloat() - 0.5f;
    }
  }

  /**
   * One product (or {@link #batch} of them, see there), row-major with tight leading dimensions.
   *
   * @return C, so the work is not dead code
   */
  @Benchmark
  public float[] sgemm() {
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    if (batch == 1) {
      gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
    } else {
      gemm.sgemmBatched(
          transA, transB, m, n, k, 1f, a, 0, lda, 0, b, 0, ldb, k * n, 0f, c, 0, n, m * n, batch);
    }
    return c;
  }
}
