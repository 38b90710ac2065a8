package org.autograd4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autograd4j.internal.kernels.Elementwise;
import org.autograd4j.internal.kernels.KernelProvider;
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

/** Elementwise kernels and reductions on float arrays of 1e3 to 1e6 elements. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class ElementwiseBenchmark {

  /** Number of elements. */
  @Param({"1000", "10000", "100000", "1000000"})
  public int n;

  /** Kernel provider: vector, scalar or auto. */
  @Param({"vector", "scalar"})
  public String provider;

  private Elementwise elementwise;
  private Reductions reductions;
  private float[] x;
  private float[] y;
  private float[] out;

  /** Allocates random operands. */
  @Setup
  public void setUp() {
    KernelProvider kernels = BenchProviders.byName(provider);
    elementwise = kernels.elementwise();
    reductions = kernels.reductions();
    Random random = new Random(2);
    x = new float[n];
    y = new float[n];
    out = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextFloat() * 8 - 4;
      y[i] = random.nextFloat() * 8 - 4;
    }
  }

  /**
   * out = x + y.
   *
   * @return the output
   */
  @Benchmark
  public float[] add() {
    elementwise.add(x, 0, y, 0, out, 0, n);
    return out;
  }

  /**
   * out = relu(x).
   *
   * @return the output
   */
  @Benchmark
  public float[] relu() {
    elementwise.relu(x, 0, out, 0, n);
    return out;
  }

  /**
   * out = exp(x).
   *
   * @return the output
   */
  @Benchmark
  public float[] exp() {
    elementwise.exp(x, 0, out, 0, n);
    return out;
  }

  /**
   * sum(x).
   *
   * @return the sum
   */
  @Benchmark
  public float sum() {
    return reductions.sum(x, 0, n);
  }
}
