package org.autograd4j.ops;

import java.util.ArrayList;
import java.util.List;

/** Every public differentiable op, with sample inputs: the union of the themed entry lists. */
final class OpRegistry {
  private OpRegistry() {}

  static List<OpInfo> all() {
    List<OpInfo> all = new ArrayList<>();
    all.addAll(ArithmeticOps.entries());
    all.addAll(ReductionOps.entries());
    all.addAll(LinalgOps.entries());
    all.addAll(ShapeOps.entries());
    all.addAll(InPlaceOps.entries());
    all.addAll(MathOps.entries());
    all.addAll(ReductionOps2.entries());
    all.addAll(IndexingOps.entries());
    return all;
  }
}
