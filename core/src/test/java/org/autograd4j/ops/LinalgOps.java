package org.autograd4j.ops;

import static org.autograd4j.ops.S.args;
import static org.autograd4j.ops.S.t;

import java.util.List;
import org.autograd4j.Torch;

/** Registry entries: matrix products. */
final class LinalgOps {
  private LinalgOps() {}

  static List<OpInfo> entries() {
    return new Reg()
        .op(
            "matmul",
            "matmul",
            a -> a.get(0).matmul(a.get(1)),
            () ->
                List.of(
                    args(t(3), t(3)),
                    args(t(2, 3), t(3)),
                    args(t(3), t(3, 2)),
                    args(t(2, 3), t(3, 2)),
                    args(t(2, 2, 3), t(3, 2)),
                    args(t(2, 1, 2, 3), t(2, 3, 1)),
                    args(t(3), t(2, 3, 2)),
                    args(t(0, 3), t(3, 2))))
        .op(
            "mm",
            "mm",
            a -> a.get(0).mm(a.get(1)),
            () -> List.of(args(t(2, 3), t(3, 2)), args(t(1, 1), t(1, 3))))
        .op("bmm", "bmm", a -> a.get(0).bmm(a.get(1)), () -> List.of(args(t(2, 2, 3), t(2, 3, 1))))
        .op("mv", "mv", a -> a.get(0).mv(a.get(1)), () -> List.of(args(t(2, 3), t(3))))
        .op(
            "dot",
            "dot",
            a -> a.get(0).dot(a.get(1)),
            () -> List.of(args(t(3), t(3)), args(t(0), t(0))))
        .op(
            "addmm",
            "addmm",
            a -> a.get(0).addmm(a.get(1), a.get(2)),
            () ->
                List.of(
                    args(t(2, 4), t(2, 3), t(3, 4)),
                    args(t(4), t(2, 3), t(3, 4)),
                    args(t(), t(1, 2), t(2, 2))))
        .op(
            "addmm_beta_alpha",
            "addmm",
            a -> a.get(0).addmm(a.get(1), a.get(2), 0.5, -2.0),
            () -> List.of(args(t(2, 1), t(2, 3), t(3, 2))))
        .op("outer", "outer", a -> Torch.outer(a.get(0), a.get(1)), () -> List.of(args(t(3), t(2))))
        .op(
            "einsum_mm",
            "einsum",
            a -> Torch.einsum("ij,jk->ik", a.get(0), a.get(1)),
            () -> List.of(args(t(2, 3), t(3, 2))))
        .op(
            "einsum_bmm",
            "einsum",
            a -> Torch.einsum("bij,bjk->bik", a.get(0), a.get(1)),
            () -> List.of(args(t(2, 2, 3), t(2, 3, 2))))
        .op(
            "einsum_dot",
            "einsum",
            a -> Torch.einsum("i,i->", a.get(0), a.get(1)),
            () -> List.of(args(t(3), t(3))))
        .op(
            "einsum_t",
            "einsum",
            a -> Torch.einsum("ij->ji", a.get(0)),
            () -> List.of(args(t(2, 3))))
        .op(
            "einsum_diag",
            "einsum",
            a -> Torch.einsum("ii->i", a.get(0)),
            () -> List.of(args(t(3, 3))))
        .op(
            "einsum_trace",
            "einsum",
            a -> Torch.einsum("ii", a.get(0)),
            () -> List.of(args(t(3, 3))))
        .op(
            "einsum_outer",
            "einsum",
            a -> Torch.einsum("i,j->ij", a.get(0), a.get(1)),
            () -> List.of(args(t(3), t(2))))
        .op(
            "einsum_rowdot",
            "einsum",
            a -> Torch.einsum("bi,bi->b", a.get(0), a.get(1)),
            () -> List.of(args(t(2, 3), t(2, 3))))
        .op(
            "einsum_three",
            "einsum",
            a -> Torch.einsum("ij,jk,k->i", a.get(0), a.get(1), a.get(2)),
            () -> List.of(args(t(2, 3), t(3, 2), t(2))))
        .op(
            "einsum_contract_permute",
            "einsum",
            a -> Torch.einsum("bij,jkb->kbi", a.get(0), a.get(1)),
            () -> List.of(args(t(2, 2, 3), t(3, 2, 2))))
        .op(
            "einsum_free_sums",
            "einsum",
            a -> Torch.einsum("ijx,jk->k", a.get(0), a.get(1)),
            () -> List.of(args(t(2, 3, 2), t(3, 2))))
        .op(
            "einsum_broadcast",
            "einsum",
            a -> Torch.einsum("ij,ij->i", a.get(0), a.get(1)),
            () -> List.of(args(t(2, 3), t(1, 3))))
        .build();
  }
}
