package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.bools;
import static org.autograd4j.ops.S.ints;
import static org.autograd4j.ops.S.t;

import java.util.List;
import org.autograd4j.Index;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/** Registry entries: joins, splits, reshapes and every kind of indexing. */
final class IndexingOps {
  private IndexingOps() {}

  private static Tensor mask23() {
    return bools(new boolean[] {true, false, true, false, true, true}, 2, 3);
  }

  static List<OpInfo> entries() {
    return new Reg()
        .op(
            "cat",
            "cat",
            a -> Torch.cat(List.of(a.get(0), a.get(1), a.get(2)), 1),
            () -> List.of(args(t(2, 1), t(2, 3), t(2, 0)), args(t(2, 2), S.c(2, 1), t(2, 1))))
        .op(
            "cat_dim0",
            "cat",
            a -> Torch.cat(List.of(a.get(0), a.get(1))),
            () -> List.of(args(t(1, 2), t(2, 2)), args(t(0), t(3))))
        .op(
            "stack",
            "stack",
            a -> Torch.stack(List.of(a.get(0), a.get(1)), -1),
            () -> List.of(args(t(2, 3), t(2, 3)), args(t(), t())))
        .op(
            "split",
            "split",
            a -> {
              List<Tensor> p = a.get(0).split(2, 1);
              return p.get(0).sum(1).add(p.get(1).mul(p.get(1)).sum(1));
            },
            () -> List.of(args(t(2, 3))))
        .op(
            "split_sizes",
            "split",
            a -> a.get(0).split(new int[] {1, 0, 2}, 0).get(2).mul(2.0),
            () -> List.of(args(t(3, 2))))
        .op("split_dim0", "split", a -> a.get(0).split(1).get(1), () -> List.of(args(t(2, 2))))
        .op(
            "chunk",
            "chunk",
            a -> a.get(0).chunk(2, 1).get(1).add(a.get(0).chunk(2).get(0).sum()),
            () -> List.of(args(t(2, 3))))
        .op(
            "unbind",
            "unbind",
            a -> a.get(0).unbind(0).get(1).mul(a.get(0).unbind(1).get(0).sum()),
            () -> List.of(args(t(2, 3))))
        .op(
            "flatten",
            "flatten",
            a -> a.get(0).flatten(),
            () -> List.of(args(t(2, 3, 2)), args(t())))
        .op(
            "flatten_range",
            "flatten",
            a -> a.get(0).t().flatten(0, 1),
            () -> List.of(args(t(2, 3))))
        .op(
            "unflatten",
            "unflatten",
            a -> a.get(0).unflatten(1, 2, -1),
            () -> List.of(args(t(3, 4))))
        .op(
            "repeat",
            "repeat",
            a -> a.get(0).repeat(2, 1, 2),
            () -> List.of(args(t(2, 3)), args(t())))
        .op("flip", "flip", a -> a.get(0).flip(0, -1), () -> List.of(args(t(2, 3)), args(t(3, 1))))
        .op(
            "tril",
            "tril",
            a -> a.get(0).tril().add(a.get(0).tril(-1)),
            () -> List.of(args(t(3, 3)), args(t(2, 2, 3))))
        .op(
            "triu",
            "triu",
            a -> a.get(0).triu().add(a.get(0).triu(1)),
            () -> List.of(args(t(3, 2))))
        .op(
            "expand_as",
            "expandAs",
            a -> a.get(0).expandAs(a.get(1)),
            () -> List.of(args(t(3), S.c(2, 3))))
        .op(
            "index_basic",
            "index",
            a -> a.get(0).index(Index.slice(0, 3, 2), Index.NONE, 1),
            () -> List.of(args(t(3, 4))))
        .op(
            "index_ellipsis",
            "index",
            a -> a.get(0).index(Index.ELLIPSIS, -1).add(a.get(0).index(1, Index.ALL, 0).sum()),
            () -> List.of(args(t(2, 3, 2))))
        .op("index_mask", "index", a -> a.get(0).index(mask23()), () -> List.of(args(t(2, 3))))
        .op(
            "index_mask_partial",
            "index",
            a -> a.get(0).index(bools(new boolean[] {false, true}, 2)),
            () -> List.of(args(t(2, 3))))
        .op(
            "index_ints",
            "index",
            a -> a.get(0).index(ints(new long[] {2, 0, 2}, 3)),
            () -> List.of(args(t(3, 2))))
        .op(
            "index_ints_combo",
            "index",
            a ->
                a.get(0)
                    .index(Index.ALL, ints(new long[] {1, -1, 0, 1}, 2, 2), Index.slice(1, null)),
            () -> List.of(args(t(2, 3, 3))))
        .op(
            "index_ints_apart",
            "index",
            a -> a.get(0).index(ints(new long[] {1, 0}, 2), Index.ALL, ints(new long[] {0}, 1)),
            () -> List.of(args(t(2, 3, 2))))
        // x[0, 1:] *= w on a non-leaf: in place through an index view (the engine's CopySlices).
        // The saved self of MulBackward0 keeps the view's history, so d(grad_w)/dx is right.
        .op(
            "index_view_in_place",
            "index",
            a -> {
              Tensor y = a.get(0).mul(1.0);
              y.index(0, Index.slice(1, null)).mul_(a.get(1));
              return y;
            },
            () -> List.of(args(t(2, 3), t(2))))
        .op(
            "index_select",
            "indexSelect",
            a -> a.get(0).indexSelect(1, ints(new long[] {2, 0, 2}, 3)),
            () -> List.of(args(t(2, 3))))
        .op(
            "gather",
            "gather",
            a -> a.get(0).gather(1, ints(new long[] {0, 0, 2, 1}, 2, 2)),
            () -> List.of(args(t(2, 3)), args(t(3, 3))))
        .op(
            "scatter",
            "scatter",
            a -> a.get(0).scatter(1, ints(new long[] {2, 0, 1, 2}, 2, 2), a.get(1)),
            () -> List.of(args(t(2, 3), t(2, 3))))
        .op(
            "scatter_value",
            "scatter",
            a -> a.get(0).scatter(0, ints(new long[] {1, 0}, 1, 2), 2.5),
            () -> List.of(args(t(2, 3))))
        .op(
            "scatter_add",
            "scatterAdd",
            a -> a.get(0).scatterAdd(1, ints(new long[] {2, 2, 1, 0}, 2, 2), a.get(1)),
            () -> List.of(args(t(2, 3), t(2, 2))))
        .op(
            "masked_fill",
            "maskedFill",
            a -> a.get(0).maskedFill(mask23(), -1.5),
            () -> List.of(args(t(2, 3))))
        .op(
            "masked_fill_tensor",
            "maskedFill",
            a -> a.get(0).maskedFill(bools(new boolean[] {true, false, true}, 3), a.get(1)),
            () -> List.of(args(t(2, 3), t())))
        .op(
            "masked_select",
            "maskedSelect",
            a -> a.get(0).maskedSelect(bools(new boolean[] {true, false, true}, 3)),
            () -> List.of(args(t(2, 3))))
        .op(
            "index_put",
            "indexPut",
            a -> a.get(0).indexPut(new Tensor[] {ints(new long[] {1, 0}, 2)}, a.get(1)),
            () -> List.of(args(t(3, 2), t(2, 2)), args(t(3, 2), t(2))))
        .op(
            "index_put_accumulate",
            "indexPut",
            a ->
                a.get(0)
                    .indexPut(
                        new Tensor[] {ints(new long[] {1, 1}, 2), ints(new long[] {0, 0}, 2)},
                        a.get(1),
                        true),
            () -> List.of(args(t(3, 2), t(2))))
        .op(
            "index_put_mask",
            "indexPut",
            a -> a.get(0).indexPut(new Tensor[] {mask23()}, a.get(1)),
            () -> List.of(args(t(2, 3), t())))
        .build();
  }
}
