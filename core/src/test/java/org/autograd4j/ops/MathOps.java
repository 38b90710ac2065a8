package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.away;
import static org.autograd4j.ops.S.c;
import static org.autograd4j.ops.S.pos;
import static org.autograd4j.ops.S.range;
import static org.autograd4j.ops.S.t;

import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/** Registry entries: the extra elementwise math and activations. */
final class MathOps {
  private MathOps() {}

  private static List<List<Tensor>> std() {
    return List.of(args(t(2, 3)), args(t()), args(t(0, 2)), args(t(1, 3)));
  }

  static List<OpInfo> entries() {
    return new Reg()
        .op("abs", "abs", a -> a.get(0).abs(), () -> List.of(args(away(2, 3)), args(away())))
        .op("sign", "sign", a -> a.get(0).sign().add(a.get(0)), () -> List.of(args(away(2, 3))))
        .op(
            "floor",
            "floor",
            a -> a.get(0).floor().add(a.get(0)),
            () -> List.of(args(S.of(new double[] {0.3, -1.6, 2.2}, 3))))
        .op(
            "ceil",
            "ceil",
            a -> a.get(0).ceil().add(a.get(0)),
            () -> List.of(args(S.of(new double[] {0.3, -1.6, 2.2}, 3))))
        .op(
            "round",
            "round",
            a -> a.get(0).round().add(a.get(0)),
            () -> List.of(args(S.of(new double[] {0.3, -1.6, 2.2}, 3))))
        .op("expm1", "expm1", a -> a.get(0).expm1(), MathOps::std)
        .op(
            "log1p",
            "log1p",
            a -> a.get(0).log1p(),
            () -> List.of(args(range(-0.5, 2, 2, 3)), args(pos())))
        .op("log2", "log2", a -> a.get(0).log2(), () -> List.of(args(pos(2, 3)), args(pos())))
        .op("rsqrt", "rsqrt", a -> a.get(0).rsqrt(), () -> List.of(args(pos(2, 3)), args(pos())))
        .op("reciprocal", "reciprocal", a -> a.get(0).reciprocal(), () -> List.of(args(away(2, 3))))
        .op("square", "square", a -> a.get(0).square(), MathOps::std)
        .op(
            "tan",
            "tan",
            a -> a.get(0).tan(),
            () -> List.of(args(range(-1, 1, 2, 3)), args(range(-1, 1))))
        .op("asin", "asin", a -> a.get(0).asin(), () -> List.of(args(range(-0.8, 0.8, 2, 3))))
        .op("acos", "acos", a -> a.get(0).acos(), () -> List.of(args(range(-0.8, 0.8, 2, 3))))
        .op("atan", "atan", a -> a.get(0).atan(), MathOps::std)
        .op("sinh", "sinh", a -> a.get(0).sinh(), MathOps::std)
        .op("cosh", "cosh", a -> a.get(0).cosh(), MathOps::std)
        .op("erf", "erf", a -> a.get(0).erf(), () -> List.of(args(range(-3.5, 3.5, 8)), args(t())))
        .op(
            "maximum",
            "maximum max",
            a -> a.get(0).maximum(a.get(1)).add(a.get(0).max(a.get(1))),
            () -> List.of(args(t(2, 3), t(3)), args(t(), t(2)), args(t(2, 1), c(1, 2))))
        .op(
            "minimum",
            "minimum min",
            a -> Torch.minimum(a.get(0), a.get(1)).add(a.get(0).min(a.get(1))),
            () -> List.of(args(t(2, 3), t(3)), args(t(), t(2))))
        .op(
            "clamp_tensor",
            "clamp",
            a -> a.get(0).clamp(a.get(1), a.get(2)),
            () ->
                List.of(
                    args(
                        S.of(new double[] {-1.5, -0.2, 0.4, 1.7, 0.1, -0.9}, 2, 3),
                        S.of(new double[] {-1, -0.5, 0}, 3),
                        S.of(new double[] {1, 0.5}, 2, 1)),
                    // min > max: the result is max
                    args(
                        S.of(new double[] {0.2, 3}, 2),
                        S.of(new double[] {1.0}, 1),
                        S.of(new double[] {0.5}, 1))))
        .op(
            "clamp_min_tensor",
            "clampMin",
            a -> a.get(0).clampMin(a.get(1)),
            () ->
                List.of(
                    args(
                        S.of(new double[] {-1.5, 0.2, 0.9}, 3),
                        S.of(new double[] {0.0, 0.5, 0.1}, 3))))
        .op(
            "clamp_max_tensor",
            "clampMax",
            a -> a.get(0).clampMax(a.get(1)),
            () ->
                List.of(
                    args(
                        S.of(new double[] {-1.5, 0.2, 0.9}, 3),
                        S.of(new double[] {0.0, 0.5, 0.1}, 3))))
        .op("gelu", "gelu", a -> a.get(0).gelu(), MathOps::std)
        .op(
            "gelu_tanh",
            "gelu",
            a -> a.get(0).gelu("tanh").add(a.get(0).gelu("none")),
            MathOps::std)
        .op("silu", "silu", a -> a.get(0).silu(), MathOps::std)
        .op("softplus", "softplus", a -> a.get(0).softplus(), MathOps::std)
        .op(
            "softplus_beta_threshold",
            "softplus",
            a -> a.get(0).softplus(2.0, 1.0),
            () -> List.of(args(S.of(new double[] {-1.0, 0.2, 0.9, 1.5}, 4))))
        .op(
            "leaky_relu",
            "leakyRelu",
            a -> a.get(0).leakyRelu().add(a.get(0).leakyRelu(0.2)),
            () -> List.of(args(away(2, 3))))
        .op(
            "elu",
            "elu",
            a -> a.get(0).elu().add(a.get(0).elu(0.5)),
            () -> List.of(args(away(2, 3)), args(away())))
        .op(
            "softmax",
            "softmax",
            a -> a.get(0).softmax(-1),
            () -> List.of(args(t(2, 3)), args(t()), args(t(3, 1)), args(t(0, 3))))
        .op(
            "softmax_dim0",
            "softmax",
            a -> Torch.softmax(a.get(0), 0),
            () -> List.of(args(t(2, 3, 2))))
        .op(
            "log_softmax",
            "logSoftmax",
            a -> a.get(0).logSoftmax(1),
            () -> List.of(args(t(2, 3)), args(t(2, 1))))
        .op(
            "dropout",
            "dropout",
            a -> {
              Torch.manualSeed(7); // the same mask on every evaluation
              return Torch.dropout(a.get(0), 0.4, true);
            },
            () -> List.of(args(t(3, 4))))
        .op(
            "dropout_eval",
            "dropout",
            a -> Torch.dropout(a.get(0), 0.4, false),
            () -> List.of(args(t(3))))
        .build();
  }
}
