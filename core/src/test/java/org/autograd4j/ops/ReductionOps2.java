package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.t;

import java.util.List;
import org.autograd4j.Torch;

/** Registry entries: prod, extrema, moments, norms, logsumexp, cumsum. */
final class ReductionOps2 {
  private ReductionOps2() {}

  static List<OpInfo> entries() {
    return new Reg()
        .op(
            "prod",
            "prod",
            a -> a.get(0).prod(),
            () ->
                List.of(args(t(2, 3)), args(t()), args(S.of(new double[] {1.5, 0, -2, 0.5}, 2, 2))))
        .op(
            "prod_dim",
            "prod",
            a -> a.get(0).prod(1).add(a.get(0).prod(0, true).sum()),
            () -> List.of(args(t(2, 3)), args(S.of(new double[] {1.5, 0, -2, 0.5, 0, 0}, 3, 2))))
        .op("max_all", "max", a -> a.get(0).max(), () -> List.of(args(t(2, 3)), args(t())))
        .once(
            "max_all_ties",
            "max",
            a -> Torch.max(a.get(0)),
            () -> List.of(args(S.of(new double[] {1, 3, 3, -1}, 4))))
        .op("min_all", "min", a -> a.get(0).min(), () -> List.of(args(t(2, 3))))
        .op(
            "max_dim",
            "max",
            a -> a.get(0).max(1).values(),
            () -> List.of(args(t(2, 3)), args(t(3, 1))))
        .op(
            "max_dim_keepdim",
            "max",
            a -> a.get(0).max(0, true).values(),
            () -> List.of(args(t(2, 3))))
        .op("min_dim", "min", a -> a.get(0).min(-1, false).values(), () -> List.of(args(t(2, 3))))
        .op(
            "amax",
            "amax",
            a -> a.get(0).amax(new int[] {0, 2}, false).add(a.get(0).amax().mul(0.5)),
            () -> List.of(args(t(2, 3, 2))))
        .op(
            "amin",
            "amin",
            a -> a.get(0).amin(new int[] {1}, true).add(a.get(0).amin().mul(0.5)),
            () -> List.of(args(t(2, 3))))
        .op("var", "var", a -> a.get(0).var(), () -> List.of(args(t(2, 3)), args(t(5))))
        .op(
            "var_dims",
            "var",
            a -> a.get(0).var(new int[] {1}, 0, true),
            () -> List.of(args(t(2, 3)), args(t(2, 3, 2))))
        .op("std", "std", a -> a.get(0).std(), () -> List.of(args(t(2, 3))))
        .op(
            "std_dims",
            "std",
            a -> a.get(0).std(new int[] {0, 2}, 1, false),
            () -> List.of(args(t(2, 3, 2))))
        .op("norm", "norm", a -> a.get(0).norm(), () -> List.of(args(t(2, 3)), args(t())))
        .op("norm_p1", "norm", a -> a.get(0).norm(1), () -> List.of(args(S.away(2, 3))))
        .op(
            "norm_p3",
            "norm",
            a -> a.get(0).norm(3, new int[] {1}, false),
            () -> List.of(args(S.away(2, 3))))
        .op(
            "norm_inf",
            "norm",
            a -> a.get(0).norm(Double.POSITIVE_INFINITY, new int[] {1}, true),
            () -> List.of(args(S.away(2, 3))))
        .op(
            "norm_dim",
            "norm",
            a -> a.get(0).norm(2, new int[] {0}, false),
            () -> List.of(args(t(2, 3))))
        .op(
            "logsumexp",
            "logsumexp",
            a -> a.get(0).logsumexp(1).add(a.get(0).logsumexp(new int[] {0, 1}, true).sum()),
            () -> List.of(args(t(2, 3)), args(t(1, 1))))
        .op(
            "cumsum",
            "cumsum",
            a -> a.get(0).cumsum(1),
            () -> List.of(args(t(2, 3)), args(t(3, 0))))
        .op(
            "cumsum_vector",
            "cumsum",
            a -> Torch.cumsum(a.get(0), 0),
            () -> List.of(args(t()), args(t(3))))
        .build();
  }
}
