package org.autograd4j.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.data.FashionMNIST;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;
import org.autograd4j.optim.Adam;
import org.autograd4j.optim.Optimizer;

/**
 * The autograd4j half of the side-by-side harness ({@code bench/side-by-side.sh}); its PyTorch twin
 * is {@code bench/pytorch/workloads.py}. Both take the same arguments, run the same workload with
 * the same shapes and hyper-parameters through the public API, and print one line {@code RESULT
 * <name> <value> <unit>} for the harness to collect.
 *
 * <pre>
 *   seed                 linear-regression step of seed 004 (4-element tensors), us/step
 *   sgemm N THREADS      Torch.mm of two N x N float32 matrices, GFLOPS
 *   mlp THREADS          MLP 784-256-128-10 ReLU, Adam 1e-3, batch 128, one Fashion-MNIST epoch, s;
 *                        then a second epoch, reported as mlp2_tTHREADS (the trained, warm state)
 *   cnn THREADS          the training issue's CNN, SGD 0.05 momentum 0.9, batch 64, one epoch, s
 *   ops                  common ops on 256 x 784 float32, one thread, us per call ({@link OpSweep})
 * </pre>
 */
public final class SideBySide {
  private SideBySide() {}

  /**
   * Runs one workload.
   *
   * @param args the workload name and its arguments
   * @throws Exception if the data set cannot be read
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: SideBySide seed | sgemm N THREADS | mlp THREADS | cnn THREADS | ops");
      System.exit(2);
    }
    switch (args[0]) {
      case "seed":
        Torch.setNumThreads(1);
        result("seed", seedStep(), "us/step");
        break;
      case "sgemm":
        {
          int n = Integer.parseInt(args[1]);
          Torch.setNumThreads(Integer.parseInt(args[2]));
          result("sgemm" + n + "_t" + args[2], sgemm(n), "GFLOPS");
          break;
        }
      case "mlp":
        {
          Torch.setNumThreads(Integer.parseInt(args[1]));
          double[] epochs = mlpEpochs(maxSteps(args));
          result("mlp_t" + args[1], epochs[0], "s");
          result("mlp2_t" + args[1], epochs[1], "s");
          break;
        }
      case "cnn":
        Torch.setNumThreads(Integer.parseInt(args[1]));
        result("cnn_t" + args[1], CnnWorkload.epoch(loadTrain(), maxSteps(args)), "s");
        break;
      case "ops":
        Torch.setNumThreads(1);
        OpSweep.run().forEach((name, us) -> result("op_" + name, us, "us"));
        break;
      default:
        System.err.println("unknown workload " + args[0]);
        System.exit(2);
    }
  }

  /** An optional step limit after the thread count, for profiling part of an epoch. */
  private static int maxSteps(String[] args) {
    return args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
  }

  private static void result(String name, double value, String unit) {
    System.out.println(String.format(Locale.ROOT, "RESULT %s %.6g %s", name, value, unit));
  }

  // ------------------------------------------------------------------ 1. the seed step

  /**
   * Seed 004, cell 33: {@code l = ((w * x + b - y) ** 2).mean(); l.backward(); w -= lr * w.grad}.
   */
  static double seedStep() {
    Tensor x = Torch.tensor(new double[] {1, 2, 3, 4});
    Tensor y = Torch.tensor(new double[] {2, 4, 6, 8});
    Tensor w = Torch.tensor(0.0).requiresGrad_();
    Tensor b = Torch.tensor(0.0).requiresGrad_();
    double best = Double.MAX_VALUE;
    int steps = 20_000;
    double sink = 0;
    // Warm-up rounds let the JIT compile the whole step; the best of the timed rounds is reported,
    // as the machine is shared and noise only ever adds time.
    for (int round = 0; round < 25; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        Tensor l = w.mul(x).add(b).sub(y).pow(2).mean();
        l.backward();
        try (var noGrad = Torch.noGrad()) {
          w.sub_(w.grad().mul(0.01));
          b.sub_(b.grad().mul(0.01));
          w.grad().zero_();
          b.grad().zero_();
        }
        if (i == 0) {
          sink += l.item();
        }
      }
      long t1 = System.nanoTime();
      if (round >= 10) {
        best = Math.min(best, (t1 - t0) / 1e3 / steps);
      }
    }
    if (Double.isNaN(sink)) {
      System.err.println("diverged");
    }
    return best;
  }

  // ------------------------------------------------------------------ 2. sgemm

  /** GFLOPS of {@code Torch.mm} on two {@code n x n} float32 matrices, best of several timings. */
  static double sgemm(int n) {
    Torch.manualSeed(0);
    Tensor a = Torch.randn(n, n);
    Tensor b = Torch.randn(n, n);
    double flops = 2.0 * n * n * n;
    // Enough repetitions for ~0.3 s per timing, at least one.
    int reps = (int) Math.max(1, 0.3e9 * 100 / flops);
    double best = 0;
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        a.mm(b);
      }
      long t1 = System.nanoTime();
      if (round >= 2) {
        best = Math.max(best, flops * reps / (t1 - t0));
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ 3. MLP epoch

  static FashionMNIST loadTrain() throws java.io.IOException {
    String dir =
        System.getenv().getOrDefault("FASHION_MNIST_DIR", FashionMNIST.DEFAULT_DIR.toString());
    return FashionMNIST.load(Path.of(dir), true, FashionMNIST.MEAN, FashionMNIST.STD);
  }

  /**
   * Two epochs of the MLP over the training set in order, batches of 128, after 50 warm-up steps;
   * the seconds of each. The first is the figure. The second shows the steady state: on two
   * threads the JIT is still compiling during most of the first epoch, on the second core.
   */
  static double[] mlpEpochs(int maxSteps) throws java.io.IOException {
    FashionMNIST data = loadTrain();
    Tensor images = data.images().view(-1, 784);
    Tensor labels = data.labels();
    Torch.manualSeed(0);
    Sequential model =
        new Sequential(
            new Linear(784, 256),
            new ReLU(),
            new Linear(256, 128),
            new ReLU(),
            new Linear(128, 10));
    CrossEntropyLoss lossFn = new CrossEntropyLoss();
    Optimizer opt = new Adam(model.parameters(), 1e-3);
    // The JIT needs a few hundred steps to compile the hot paths; PyTorch's side gets the same
    // warm-up steps so that neither measures start-up.
    trainSteps(model, lossFn, opt, images, labels, 128, 50);
    double[] seconds = new double[2];
    for (int e = 0; e < 2; e++) {
      long t0 = System.nanoTime();
      double loss = trainSteps(model, lossFn, opt, images, labels, 128, maxSteps);
      seconds[e] = (System.nanoTime() - t0) / 1e9;
      System.err.println(
          String.format(Locale.ROOT, "mlp epoch %d final batch loss %.4f", e + 1, loss));
    }
    return seconds;
  }

  /** Runs at most {@code maxSteps} training steps over consecutive batches; the last loss. */
  static double trainSteps(
      Module model,
      CrossEntropyLoss lossFn,
      Optimizer opt,
      Tensor images,
      Tensor labels,
      int batch,
      int maxSteps) {
    int n = images.size(0);
    double last = Double.NaN;
    int steps = 0;
    for (int start = 0; start < n && steps < maxSteps; start += batch, steps++) {
      int len = Math.min(batch, n - start);
      Tensor xb = images.narrow(0, start, len);
      Tensor yb = labels.narrow(0, start, len);
      opt.zeroGrad();
      Tensor loss = lossFn.forward(model.forward(xb), yb);
      loss.backward();
      opt.step();
      if (start + batch >= n) {
        last = loss.item();
      }
    }
    return last;
  }
}
