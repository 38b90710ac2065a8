package org.autograd4j.bench;

import java.util.Locale;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.data.FashionMNIST;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.Sequential;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.SGD;

/**
 * Where the side-by-side CNN's training step spends its time on 1 and on 2 threads: each layer's
 * forward, the loss, the backward and the optimizer step, timed in one JVM that switches between
 * the two thread counts every 50 steps, so that both see the same host. Prints microseconds per
 * step and the 2-thread speed-up of each phase.
 *
 * <pre>
 * java $(tools/jvm-flags.sh java) -cp bench/target/benchmarks.jar org.autograd4j.bench.CnnPhases [STEPS]
 * </pre>
 */
public final class CnnPhases {
  private static final String[] PHASES = {
    "conv1",
    "relu1",
    "pool1",
    "conv2",
    "relu2",
    "pool2",
    "flatten",
    "linear",
    "loss",
    "backward",
    "step"
  };

  private CnnPhases() {}

  /**
   * Trains the CNN for the given number of timed steps (default 2000) after 300 untimed ones.
   *
   * @param args optionally the number of timed steps
   * @throws Exception if the data set cannot be read
   */
  public static void main(String[] args) throws Exception {
    int timedSteps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    FashionMNIST data = SideBySide.loadTrain();
    Tensor images = data.images();
    Tensor labels = data.labels();
    Torch.manualSeed(0);
    Module[] layers = CnnWorkload.layers();
    Sequential model = new Sequential(layers);
    CrossEntropyLoss lossFn = new CrossEntropyLoss();
    Optimizer opt = new SGD(model.parameters(), 0.05, 0.9);
    // nanos[threads][phase], steps[threads]
    long[][] nanos = new long[3][PHASES.length];
    int[] steps = new int[3];
    int n = images.size(0);
    for (int step = 0; step < 300 + timedSteps; step++) {
      int threads = step / 50 % 2 + 1;
      Torch.setNumThreads(threads);
      boolean timed = step >= 300;
      int start = step * 64 % (n - 63);
      Tensor x = images.narrow(0, start, 64);
      Tensor y = labels.narrow(0, start, 64);
      opt.zeroGrad();
      long[] t = nanos[threads];
      long before = System.nanoTime();
      for (int i = 0; i < layers.length; i++) {
        x = layers[i].forward(x);
        before = lap(timed, t, i, before);
      }
      Tensor loss = lossFn.forward(x, y);
      before = lap(timed, t, 8, before);
      loss.backward();
      before = lap(timed, t, 9, before);
      opt.step();
      lap(timed, t, 10, before);
      if (timed) {
        steps[threads]++;
      }
    }
    long[] total = new long[3];
    for (int i = 0; i < PHASES.length; i++) {
      print(PHASES[i], nanos[1][i], nanos[2][i], steps);
      total[1] += nanos[1][i];
      total[2] += nanos[2][i];
    }
    print("total", total[1], total[2], steps);
  }

  /** Adds the time since {@code before} to phase {@code i} when timed; returns the new start. */
  private static long lap(boolean timed, long[] t, int i, long before) {
    long now = System.nanoTime();
    if (timed) {
      t[i] += now - before;
    }
    return now;
  }

  private static void print(String phase, long oneThread, long twoThreads, int[] steps) {
    double one = oneThread / 1e3 / steps[1];
    double two = twoThreads / 1e3 / steps[2];
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-9s 1 thread %8.1f us   2 threads %8.1f us   %.2fx",
            phase,
            one,
            two,
            one / two));
  }
}
