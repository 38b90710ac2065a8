package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.away;
import static org.autograd4j.ops.S.c;
import static org.autograd4j.ops.S.pos;
import static org.autograd4j.ops.S.range;
import static org.autograd4j.ops.S.t;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Torch;

/** Registry entries: arithmetic, powers, math functions and elementwise selections. */
final class ArithmeticOps {
  private ArithmeticOps() {}

  static List<OpInfo> entries() {
    return new Reg()
        .op(
            "add",
            "add",
            a -> a.get(0).add(a.get(1)),
            () ->
                List.of(
                    args(t(2, 3), t(2, 3)),
                    args(t(2, 3), t(3)),
                    args(t(2, 1), t(1, 3)),
                    args(t(), t(2)),
                    args(t(0, 3), t(3)),
                    args(t(2, 3), c(2, 3))))
        .op(
            "add_alpha",
            "add",
            a -> a.get(0).add(a.get(1), -1.5),
            () -> List.of(args(t(2, 3), t(3))))
        .op("add_scalar", "add", a -> a.get(0).add(2.5), () -> List.of(args(t(2, 3)), args(t())))
        .op("add_long", "add", a -> a.get(0).add(2L), () -> List.of(args(t(3))))
        .op(
            "sub",
            "sub",
            a -> a.get(0).sub(a.get(1)),
            () -> List.of(args(t(2, 3), t(3)), args(t(), t(2, 1))))
        .op("sub_alpha", "sub", a -> a.get(0).sub(a.get(1), 0.5), () -> List.of(args(t(2), t(2))))
        .op("sub_scalar", "sub", a -> a.get(0).sub(1.5).sub(2L), () -> List.of(args(t(2, 2))))
        .op("rsub", "rsub", a -> a.get(0).rsub(1.0).rsub(3L), () -> List.of(args(t(3)), args(t())))
        .op(
            "mul",
            "mul",
            a -> a.get(0).mul(a.get(1)),
            () -> List.of(args(t(2, 3), t(3)), args(t(2, 1), t(1, 2)), args(t(), t(0))))
        .op("mul_scalar", "mul", a -> a.get(0).mul(-2.0).mul(3L), () -> List.of(args(t(2, 2))))
        .op(
            "div",
            "div",
            a -> a.get(0).div(a.get(1)),
            () -> List.of(args(t(2, 3), away(3)), args(t(), away(2, 1))))
        .op("div_scalar", "div", a -> a.get(0).div(4.0).div(2L), () -> List.of(args(t(3))))
        .op("rdiv", "rdiv", a -> a.get(0).rdiv(2.0), () -> List.of(args(away(2, 3))))
        .op("neg", "neg", a -> a.get(0).neg(), () -> List.of(args(t(2, 3)), args(t())))
        .op("pow_scalar", "pow", a -> a.get(0).pow(3.0), () -> List.of(args(t(2, 3)), args(t())))
        .op("pow_frac", "pow", a -> a.get(0).pow(1.5), () -> List.of(args(pos(4))))
        .op("pow_zero", "pow", a -> a.get(0).pow(0.0), () -> List.of(args(t(3))))
        .op(
            "pow_tensor",
            "pow",
            a -> a.get(0).pow(a.get(1)),
            () -> List.of(args(pos(2, 3), t(3)), args(pos(), t(2))))
        .op("pow_scalar_base", "pow", a -> Torch.pow(2.0, a.get(0)), () -> List.of(args(t(2, 2))))
        .op("exp", "exp", a -> a.get(0).exp(), () -> List.of(args(t(2, 3)), args(t()), args(t(0))))
        .op("log", "log", a -> a.get(0).log(), () -> List.of(args(pos(2, 3)), args(pos())))
        .op("sin", "sin", a -> a.get(0).sin(), () -> List.of(args(t(2, 3)), args(t())))
        .op("cos", "cos", a -> a.get(0).cos(), () -> List.of(args(t(2, 3)), args(t())))
        .op("tanh", "tanh", a -> a.get(0).tanh(), () -> List.of(args(t(2, 3)), args(t())))
        .op("sigmoid", "sigmoid", a -> a.get(0).sigmoid(), () -> List.of(args(t(2, 3)), args(t())))
        .op("sqrt", "sqrt", a -> a.get(0).sqrt(), () -> List.of(args(pos(2, 3)), args(pos())))
        .op("relu", "relu", a -> a.get(0).relu(), () -> List.of(args(away(2, 3)), args(away())))
        .op(
            "clamp",
            "clamp",
            a -> a.get(0).clamp(-0.5, 0.7),
            () -> List.of(args(S.of(new double[] {-1.2, -0.3, 0.2, 0.9, 1.5, -0.8}, 2, 3))))
        .op("clamp_min", "clampMin", a -> a.get(0).clampMin(0.3), () -> List.of(args(away(2, 3))))
        .op("clamp_max", "clampMax", a -> a.get(0).clampMax(-0.3), () -> List.of(args(away(2, 3))))
        .op(
            "where",
            "where",
            a -> Torch.where(a.get(0).gt(0.0), a.get(1), a.get(2)),
            () -> List.of(args(c(2, 3), t(2, 3), t(3)), args(c(3), t(), t(2, 1))))
        // float32 rounding swamps the second-order differences: gradcheck only.
        .once(
            "to_float32_and_back",
            "to float_ double_",
            a -> a.get(0).float_().double_().to(DType.FLOAT32).to(DType.FLOAT64),
            () -> List.of(args(range(-1e-3, 1e-3, 3))))
        .build();
  }
}
