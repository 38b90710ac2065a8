package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.t;

import java.util.List;

/** Registry entries: reductions. */
final class ReductionOps {
  private ReductionOps() {}

  static List<OpInfo> entries() {
    return new Reg()
        .op(
            "sum",
            "sum",
            a -> a.get(0).sum(),
            () -> List.of(args(t(2, 3)), args(t()), args(t(0, 2))))
        .op("sum_dim", "sum", a -> a.get(0).sum(1), () -> List.of(args(t(2, 3)), args(t(2, 1, 3))))
        .op(
            "sum_dims_keepdim",
            "sum",
            a -> a.get(0).sum(new int[] {0, -1}, true),
            () -> List.of(args(t(2, 3, 2)), args(t(1, 0, 2))))
        .op("mean", "mean", a -> a.get(0).mean(), () -> List.of(args(t(2, 3)), args(t())))
        .op("mean_dim", "mean", a -> a.get(0).mean(0), () -> List.of(args(t(3, 2))))
        .op(
            "mean_dims",
            "mean",
            a -> a.get(0).mean(new int[] {0, 2}, false),
            () -> List.of(args(t(2, 3, 2)), args(t(1, 2, 1))))
        .op("sum_to_size", "sumToSize", a -> a.get(0).sumToSize(1, 3), () -> List.of(args(t(2, 3))))
        .build();
  }
}
