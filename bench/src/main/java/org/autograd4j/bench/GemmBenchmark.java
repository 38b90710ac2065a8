package org.autograd4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autograd4j.internal.kernels.Gemm;
import org.autograd4j.internal.kernels.Parallel;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square {@code C = A * B} in single precision. Besides ops/s, JMH reports the secondary result
 * {@code gflops} (from the {@link Flops} counter), so GFLOPS can be read off directly.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Benchmark)
public class GemmBenchmark {

  /** Matrix order n: A, B and C are n x n. */
  @Param({"64", "128", "256", "512", "1024", "2048"})
  public int size;

  /** Kernel provider: vector, scalar or auto. */
  @Param({"vector"})
  public String provider;

  /** Intra-op threads. */
  @Param({"1"})
  public int threads;

  /** Transpose case: NN, NT, TN or TT. */
  @Param({"NN"})
  public String trans;

  private Gemm gemm;
  private float[] a;
  private float[] b;
  private float[] c;
  private double[] ad;
  private double[] bd;
  private double[] cd;

  /** Counts floating-point work: JMH divides it by time, giving GFLOPS. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Flops {
    /** Billions of floating-point operations done in the iteration. */
    public double gflops;

    /** Resets the counter. */
    @Setup(Level.Iteration)
    public void reset() {
      gflops = 0;
    }
  }

  /** Allocates random operands. */
  @Setup(Level.Trial)
  public void setUp() {
    Parallel.setNumThreads(threads);
    gemm = BenchProviders.byName(provider).gemm();
    Random random = new Random(1);
    a = new float[size * size];
    b = new float[size * size];
    c = new float[size * size];
    ad = new double[size * size];
    bd = new double[size * size];
    cd = new double[size * size];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextFloat() - 0.5f;
      b[i] = random.nextFloat() - 0.5f;
      ad[i] = a[i];
      bd[i] = b[i];
    }
  }

  /**
   * One sgemm.
   *
   * @param flops the GFLOP counter
   * @return C, so the work is not dead code
   */
  @Benchmark
  public float[] sgemm(Flops flops) {
    gemm.sgemm(
        trans.charAt(0) == 'T',
        trans.charAt(1) == 'T',
        size,
        size,
        size,
        1f,
        a,
        0,
        size,
        b,
        0,
        size,
        0f,
        c,
        0,
        size);
    flops.gflops += 2e-9 * size * size * size;
    return c;
  }

  /**
   * One dgemm.
   *
   * @param flops the GFLOP counter
   * @return C, so the work is not dead code
   */
  @Benchmark
  public double[] dgemm(Flops flops) {
    gemm.dgemm(
        trans.charAt(0) == 'T',
        trans.charAt(1) == 'T',
        size,
        size,
        size,
        1.0,
        ad,
        0,
        size,
        bd,
        0,
        size,
        0.0,
        cd,
        0,
        size);
    flops.gflops += 2e-9 * size * size * size;
    return cd;
  }
}
