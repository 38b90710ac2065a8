package org.autograd4j.examples.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-epoch metrics, kept in the checkpoint so a resumed run plots the whole curve. */
final class History {
  final List<Double> trainLoss = new ArrayList<>();
  final List<Double> testAccuracy = new ArrayList<>();
  final List<Double> epochSeconds = new ArrayList<>();

  void add(double loss, double accuracy, double seconds) {
    trainLoss.add(loss);
    testAccuracy.add(accuracy);
    epochSeconds.add(seconds);
  }

  int epochs() {
    return trainLoss.size();
  }

  /** {@code loss;accuracy;seconds} per epoch, separated by {@code |}; exact doubles. */
  String encode() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < epochs(); i++) {
      if (i > 0) {
        sb.append('|');
      }
      sb.append(Double.toString(trainLoss.get(i)))
          .append(';')
          .append(Double.toString(testAccuracy.get(i)))
          .append(';')
          .append(String.format(Locale.ROOT, "%.3f", epochSeconds.get(i)));
    }
    return sb.toString();
  }

  static History decode(String s) {
    History h = new History();
    if (s == null || s.isEmpty()) {
      return h;
    }
    for (String epoch : s.split("\\|")) {
      String[] f = epoch.split(";");
      if (f.length != 3) {
        throw new IllegalArgumentException("bad history entry in checkpoint: " + epoch);
      }
      h.add(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    }
    return h;
  }
}
