package org.autograd4j.bench;

import java.util.Locale;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.data.FashionMNIST;
import org.autograd4j.nn.Conv2d;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Flatten;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.MaxPool2d;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.SGD;

/**
 * Workload 4 of the side-by-side harness: the training issue's CNN, conv(1→16,5×5)-ReLU-maxpool-
 * conv(16→32,5×5)-ReLU-maxpool-Linear(512→10), SGD lr 0.05 momentum 0.9, batch 64, one epoch.
 */
final class CnnWorkload {
  private CnnWorkload() {}

  /** The model's layers, freshly initialised from the current random state (as PyTorch's). */
  static Module[] layers() {
    return new Module[] {
      new Conv2d(1, 16, 5),
      new ReLU(),
      new MaxPool2d(2),
      new Conv2d(16, 32, 5),
      new ReLU(),
      new MaxPool2d(2),
      new Flatten(),
      new Linear(512, 10)
    };
  }

  /** One epoch over the training set in order, after the same 50 warm-up steps as PyTorch's. */
  static double epoch(FashionMNIST data, int maxSteps) {
    Tensor images = data.images();
    Tensor labels = data.labels();
    Torch.manualSeed(0);
    Sequential model = new Sequential(layers());
    CrossEntropyLoss lossFn = new CrossEntropyLoss();
    Optimizer opt = new SGD(model.parameters(), 0.05, 0.9);
    SideBySide.trainSteps(model, lossFn, opt, images, labels, 64, 50);
    long t0 = System.nanoTime();
    double loss = SideBySide.trainSteps(model, lossFn, opt, images, labels, 64, maxSteps);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.err.println(String.format(Locale.ROOT, "cnn final batch loss %.4f", loss));
    return seconds;
  }
}
