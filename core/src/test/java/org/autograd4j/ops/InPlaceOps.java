package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.away;
import static org.autograd4j.ops.S.t;

import java.util.List;
import org.autograd4j.Tensor;

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
        .op("exp_", "exp_", a -> a.get(0).mul(1.0).exp_(), () -> List.of(args(t(2, 3))))
        .op("log_", "log_", a -> a.get(0).mul(1.0).log_(), () -> List.of(args(S.pos(3))))
        .op("relu_", "relu_", a -> a.get(0).mul(1.0).relu_(), () -> List.of(args(away(2, 3))))
        .op("sigmoid_", "sigmoid_", a -> a.get(0).mul(1.0).sigmoid_(), () -> List.of(args(t(3))))
        .op("tanh_", "tanh_", a -> a.get(0).mul(1.0).tanh_(), () -> List.of(args(t(3))))
        .op("neg_", "neg_", a -> a.get(0).mul(1.0).neg_(), () -> List.of(args(t(3))))
        .op("abs_", "abs_", a -> a.get(0).mul(1.0).abs_(), () -> List.of(args(away(3))))
        .op("sqrt_", "sqrt_", a -> a.get(0).mul(1.0).sqrt_(), () -> List.of(args(S.pos(3))))
        .op("pow_", "pow_", a -> a.get(0).mul(1.0).pow_(3.0), () -> List.of(args(t(3))))
        .op(
            "clamp_tensor_",
            "clamp_",
            a -> a.get(0).mul(1.0).clamp_(a.get(1), null),
            () ->
                List.of(
                    args(S.of(new double[] {-1, 0.3, 2}, 3), S.of(new double[] {0, 0.5, 1}, 3))))
        .op(
            "masked_fill_",
            "maskedFill_",
            a -> a.get(0).mul(1.0).maskedFill_(S.bools(new boolean[] {true, false, true}, 3), 0.5),
            () -> List.of(args(t(2, 3))))
        .op(
            "index_put_",
            "indexPut_",
            a -> a.get(0).mul(1.0).indexPut_(new Tensor[] {S.ints(new long[] {2, 0}, 2)}, a.get(1)),
            () -> List.of(args(t(3, 2), t(2))))
        .op(
            "index_put_accumulate_",
            "indexPut_",
            a ->
                a.get(0)
                    .mul(1.0)
                    .indexPut_(new Tensor[] {S.ints(new long[] {1, 1}, 2)}, a.get(1), true),
            () -> List.of(args(t(3), t(2))))
        .op(
            "scatter_",
            "scatter_",
            a -> a.get(0).mul(1.0).scatter_(0, S.ints(new long[] {2, 0}, 2), a.get(1)),
            () -> List.of(args(t(3), t(2))))
        .op(
            "scatter_add_",
            "scatterAdd_",
            a -> a.get(0).mul(1.0).scatterAdd_(0, S.ints(new long[] {2, 2}, 2), a.get(1)),
            () -> List.of(args(t(3), t(2))))
        .build();
  }
}
