package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.t;

import java.util.List;

/** Registry entries: views, reshapes, joins and splits. */
final class ShapeOps {
  private ShapeOps() {}

  static List<OpInfo> entries() {
    return new Reg()
        .op("view", "view", a -> a.get(0).view(3, -1), () -> List.of(args(t(2, 3)), args(t(3))))
        .op(
            "reshape",
            "reshape",
            a -> a.get(0).reshape(-1),
            () -> List.of(args(t(2, 3)), args(t()), args(t(0, 2))))
        .op(
            "reshape_strided",
            "reshape",
            a -> a.get(0).t().reshape(6),
            () -> List.of(args(t(2, 3))))
        .op("t", "t", a -> a.get(0).t(), () -> List.of(args(t(2, 3)), args(t(3)), args(t())))
        .op(
            "transpose",
            "transpose",
            a -> a.get(0).transpose(0, -1),
            () -> List.of(args(t(2, 3, 2))))
        .op("permute", "permute", a -> a.get(0).permute(2, 0, 1), () -> List.of(args(t(2, 3, 2))))
        .op(
            "expand",
            "expand",
            a -> a.get(0).expand(2, -1, 3),
            () -> List.of(args(t(1, 1)), args(t(4, 1))))
        .op(
            "unsqueeze",
            "unsqueeze",
            a -> a.get(0).unsqueeze(-1),
            () -> List.of(args(t(2, 3)), args(t())))
        .op(
            "squeeze",
            "squeeze",
            a -> a.get(0).squeeze(1).squeeze(),
            () -> List.of(args(t(2, 1, 1, 3)), args(t(2, 3, 1))))
        .op("select", "select", a -> a.get(0).select(1, -1), () -> List.of(args(t(2, 3))))
        .op(
            "slice",
            "slice",
            a -> a.get(0).slice(1, 1, 5, 2),
            () -> List.of(args(t(2, 5)), args(t(2, 1))))
        .op("narrow", "narrow", a -> a.get(0).narrow(0, 1, 2), () -> List.of(args(t(3, 2))))
        .op(
            "contiguous",
            "contiguous",
            a -> a.get(0).t().contiguous(),
            () -> List.of(args(t(2, 3))))
        .op("clone", "clone", a -> a.get(0).clone(), () -> List.of(args(t(2, 3)), args(t())))
        .build();
  }
}
