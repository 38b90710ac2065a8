package org.autograd4j.examples.train;

import org.autograd4j.nn.Conv2d;
import org.autograd4j.nn.Flatten;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.MaxPool2d;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.ReLU;
import org.autograd4j.nn.Sequential;

/** The two Fashion-MNIST models of {@code ./autograd4j train}. */
public final class Models {
  private Models() {}

  /** The model names accepted by {@code --model}. */
  public enum Kind {
    mlp,
    cnn
  }

  /** A freshly initialised model (from the global generator: seed it first). */
  public static Module create(Kind kind) {
    return switch (kind) {
      case mlp -> mlp();
      case cnn -> cnn();
    };
  }

  /** Flatten, 784-256-128-10 with ReLU between the layers. */
  public static Sequential mlp() {
    return new Sequential(
        new Flatten(),
        new Linear(784, 256),
        new ReLU(),
        new Linear(256, 128),
        new ReLU(),
        new Linear(128, 10));
  }

  /**
   * conv(1→16, 5×5)-ReLU-maxpool2-conv(16→32, 5×5)-ReLU-maxpool2-Linear(512→10): 28→24→12→8→4, so
   * 32·4·4 = 512 features.
   */
  public static Sequential cnn() {
    return new Sequential(
        new Conv2d(1, 16, 5),
        new ReLU(),
        new MaxPool2d(2),
        new Conv2d(16, 32, 5),
        new ReLU(),
        new MaxPool2d(2),
        new Flatten(),
        new Linear(512, 10));
  }
}
