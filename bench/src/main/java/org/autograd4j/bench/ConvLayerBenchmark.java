package org.autograd4j.bench;

import java.util.concurrent.TimeUnit;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.kernels.Parallel;
import org.autograd4j.nn.functional.F;
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
 * One layer of the side-by-side CNN on a batch of 64, through the public API: the convolution's
 * forward, and forward plus backward (input and weight gradients, as in training), in milliseconds
 * per batch. Unlike the kernel benchmarks this includes the memory traffic of a real batch (the
 * saved columns of 64 samples do not stay in cache). On the command line, {@code -jvmArgsAppend}
 * replaces the fork options below, so pass the launcher's:
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar ConvLayerBenchmark -jvmArgsAppend "$(tools/jvm-flags.sh java)"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseSerialGC"})
@State(Scope.Benchmark)
public class ConvLayerBenchmark {

  /**
   * {@code cnn1}: 1 -> 16 channels, 5x5, on 28x28 images (no input gradient, as for the first layer
   * of a model); {@code cnn2}: 16 -> 32 channels, 5x5, on 12x12.
   */
  @Param({"cnn1", "cnn2"})
  public String layer;

  /** Intra-op threads. */
  @Param({"1"})
  public int threads;

  private Tensor input;
  private Tensor weight;
  private Tensor bias;
  private Tensor outputGradient;

  /** Random input, weight and output gradient of the layer's shapes. */
  @Setup
  public void setUp() {
    Parallel.setNumThreads(threads);
    Torch.manualSeed(0);
    boolean first = layer.equals("cnn1");
    int in = first ? 1 : 16;
    int out = first ? 16 : 32;
    int size = first ? 28 : 12;
    input = Torch.randn(64, in, size, size);
    if (!first) {
      input.requiresGrad_();
    }
    weight = Torch.randn(out, in, 5, 5).requiresGrad_();
    bias = Torch.randn(out).requiresGrad_();
    outputGradient = Torch.randn(64, out, size - 4, size - 4);
  }

  /**
   * The convolution alone, without building a graph.
   *
   * @return the output
   */
  @Benchmark
  public Tensor forward() {
    try (var g = Torch.noGrad()) {
      return F.conv2d(input, weight, bias);
    }
  }

  /**
   * Forward, then backward with a given output gradient; the gradients are reset each time.
   *
   * @return the weight gradient
   */
  @Benchmark
  public Tensor forwardBackward() {
    weight.setGrad(null);
    bias.setGrad(null);
    input.setGrad(null);
    F.conv2d(input, weight, bias).backward(outputGradient);
    return weight.grad();
  }
}
