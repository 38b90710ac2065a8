package org.autograd4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.autograd4j.internal.kernels.Gemm;
import org.autograd4j.internal.kernels.Parallel;

/**
 * A quick sgemm sweep for shared, noisy machines, alongside the JMH benchmark: for each size it
 * reports the best wall-clock GFLOPS of several rounds and the best GFLOPS per second of the
 * calling thread's CPU time. On an idle machine the two agree; when other processes steal the
 * cores, the CPU-time figure still reflects the kernel (with {@code n} threads, the caller does
 * {@code 1/n} of the work, so its CPU-time figure shows the parallel speed-up).
 *
 * <p>Usage: {@code java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar
 * org.autograd4j.bench.GemmSweep [provider] [threads] [sizes...]}, e.g. {@code vector 1 64 128 256
 * 512 1024 2048}.
 */
public final class GemmSweep {
  private GemmSweep() {}

  /**
   * Runs the sweep.
   *
   * @param args provider ({@code vector}, {@code scalar}, {@code auto}), threads, sizes
   */
  public static void main(String[] args) {
    String provider = args.length > 0 ? args[0] : "vector";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Parallel.setNumThreads(threads);
    Gemm gemm = BenchProviders.byName(provider).gemm();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int[] sizes = {64, 128, 256, 512, 1024, 2048};
    if (args.length > 2) {
      sizes = new int[args.length - 2];
      for (int i = 2; i < args.length; i++) {
        sizes[i - 2] = Integer.parseInt(args[i]);
      }
    }
    System.out.printf(
        "# %s, %d thread(s), %s %s%n",
        BenchProviders.byName(provider).name(),
        threads,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    for (int n : sizes) {
      Random random = new Random(1);
      float[] a = new float[n * n];
      float[] b = new float[n * n];
      float[] c = new float[n * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextFloat() - 0.5f;
        b[i] = random.nextFloat() - 0.5f;
      }
      double flop = 2.0 * n * n * n;
      int reps = (int) Math.max(2, 2e9 / flop);
      double wall = 0;
      double cpu = 0;
      for (int round = 0; round < 8; round++) {
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
          gemm.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        }
        wall = Math.max(wall, flop * reps / (System.nanoTime() - t0));
        cpu = Math.max(cpu, flop * reps / (mx.getCurrentThreadCpuTime() - c0));
      }
      System.out.printf("n=%d  %.1f GFLOPS wall  %.1f GFLOPS per CPU-second%n", n, wall, cpu);
    }
  }
}
