package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.away;
import static org.autograd4j.ops.S.t;

import java.util.List;

/**
 * Registry entries: in-place ops, applied to a non-leaf copy (a leaf that requires grad cannot be
 * modified in place), so the gradient flows through the rebased history.
 */
final class InPlaceOps {
  private InPlaceOps() {}

  static List<OpInfo> entries() {
    return new Reg()
        .op(
            "add_",
            "add_",
            a -> a.get(0).mul(1.0).add_(a.get(1)),
            () -> List.of(args(t(2, 3), t(3))))
        .op(
            "add_alpha_",
            "add_",
            a -> a.get(0).mul(1.0).add_(a.get(1), 2.0),
            () -> List.of(args(t(3), t(3))))
        .op("add_scalar_", "add_", a -> a.get(0).mul(1.0).add_(2.0), () -> List.of(args(t(3))))
        .op(
            "sub_",
            "sub_",
            a -> a.get(0).mul(1.0).sub_(a.get(1)).sub_(1.0),
            () -> List.of(args(t(2, 3), t(3))))
        .op(
            "mul_",
            "mul_",
            a -> a.get(0).mul(1.0).mul_(a.get(1)).mul_(2.0),
            () -> List.of(args(t(2, 3), t(3))))
        .op(
            "div_",
            "div_",
            a -> a.get(0).mul(1.0).div_(a.get(1)).div_(2.0),
            () -> List.of(args(t(2, 3), away(3))))
        .op(
            "clamp_",
            "clamp_",
            a -> a.get(0).mul(1.0).clamp_(-0.5, 0.5),
            () -> List.of(args(S.of(new double[] {-1, -0.2, 0.3, 0.9}, 4))))
        .op(
            "zero_",
            "zero_",
            a -> a.get(0).mul(1.0).zero_().add(a.get(0)),
            () -> List.of(args(t(3))))
        .op(
            "fill_",
            "fill_",
            a -> a.get(0).mul(1.0).fill_(2.0).mul(a.get(0)),
            () -> List.of(args(t(3))))
        .op(
            "copy_",
            "copy_",
            a -> a.get(0).mul(1.0).copy_(a.get(1)).mul(a.get(0)),
            () -> List.of(args(t(2, 3), t(3))))
        .build();
  }
}
