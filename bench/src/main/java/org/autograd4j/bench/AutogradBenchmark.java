package org.autograd4j.bench;

import java.util.concurrent.TimeUnit;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Autograd overhead on tiny tensors, where the graph bookkeeping (Op.record, nodes, edges, the
 * engine) costs more than the arithmetic: the seed's linear-regression step, a forward pass alone,
 * forward + backward of a 20-op chain, and a single op with and without grad recording.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar AutogradBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class AutogradBenchmark {
  private Tensor x;
  private Tensor y;
  private Tensor w;
  private Tensor b;
  private Tensor leaf;
  private Tensor plain;

  /** The seed's data and parameters, single-threaded as the seed runs. */
  @Setup(Level.Trial)
  public void setUp() {
    Torch.setNumThreads(1);
    x = Torch.tensor(new double[] {1, 2, 3, 4});
    y = Torch.tensor(new double[] {2, 4, 6, 8});
    w = Torch.tensor(0.0).requiresGrad_();
    b = Torch.tensor(0.0).requiresGrad_();
    leaf = Torch.tensor(new double[] {0.5, -1, 2, 3}).requiresGrad_();
    plain = Torch.tensor(new double[] {0.5, -1, 2, 3});
  }

  /**
   * Seed 004's full step: {@code ((w * x + b - y) ** 2).mean()}, backward, the no-grad update and
   * zeroing the gradients.
   *
   * @return the loss, so the JIT cannot drop the step
   */
  @Benchmark
  public Tensor seedStep() {
    Tensor l = w.mul(x).add(b).sub(y).pow(2).mean();
    l.backward();
    try (var noGrad = Torch.noGrad()) {
      w.sub_(w.grad().mul(1e-9)); // a tiny rate keeps the parameters (and the timing) stationary
      b.sub_(b.grad().mul(1e-9));
      w.grad().zero_();
      b.grad().zero_();
    }
    return l;
  }

  /**
   * The seed's forward pass only: five recorded ops.
   *
   * @return the loss
   */
  @Benchmark
  public Tensor seedForward() {
    return w.mul(x).add(b).sub(y).pow(2).mean();
  }

  /**
   * Builds a chain of 20 recorded elementwise ops on a 4-element leaf and back-propagates it.
   *
   * @return the leaf's gradient
   */
  @Benchmark
  public Tensor chain20ForwardBackward() {
    Tensor t = leaf;
    for (int i = 0; i < 10; i++) {
      t = t.mul(1.01).add(0.5);
    }
    t.sum().backward();
    Tensor g = leaf.grad();
    try (var noGrad = Torch.noGrad()) {
      g.zero_();
    }
    return g;
  }

  /**
   * One recorded op: the cost of Op.record on top of the kernel.
   *
   * @return the product
   */
  @Benchmark
  public Tensor mulRecorded() {
    return leaf.mul(plain);
  }

  /**
   * The same op without grad: the dispatch and kernel alone.
   *
   * @return the product
   */
  @Benchmark
  public Tensor mulNoGrad() {
    return plain.mul(plain);
  }
}
