package org.autograd4j.bench;

import org.autograd4j.data.FashionMNIST;

/** Workload 4 of the side-by-side harness: the training issue's CNN, one epoch. */
final class CnnWorkload {
  private CnnWorkload() {}

  /** Not available until nn.Conv2d and nn.MaxPool2d are on main. */
  static double epoch(FashionMNIST data) {
    throw new UnsupportedOperationException("nn.Conv2d / nn.MaxPool2d are not on main yet");
  }
}
