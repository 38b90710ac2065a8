package org.autograd4j.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Index;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * The Java side of tools/golden/gen_ops.py: the same expression under the same case name. Inputs
 * come from the golden file; masks and index tensors are built here as in the script.
 */
final class GoldenCases {
  private GoldenCases() {}

  private static Tensor ints(long[] v, int... shape) {
    return Torch.tensor(v).reshape(shape);
  }

  private static Tensor bools(boolean[] v, int... shape) {
    return Torch.tensor(v).reshape(shape);
  }

  private static Tensor m23() {
    return bools(new boolean[] {true, false, true, false, true, true}, 2, 3);
  }

  private static final Map<String, Function<List<Tensor>, Tensor>> CASES = new LinkedHashMap<>();

  private static void c(String name, Function<List<Tensor>, Tensor> fn) {
    CASES.put(name, fn);
  }

  static Map<String, Function<List<Tensor>, Tensor>> all() {
    return CASES;
  }

  static {
    // ---------------------------------------------------------------- elementwise
    c("abs", a -> a.get(0).abs());
    c("sign", a -> a.get(0).sign().add(a.get(0)));
    c("expm1", a -> a.get(0).expm1());
    c("log1p", a -> a.get(0).log1p());
    c("log2", a -> a.get(0).log2());
    c("rsqrt", a -> a.get(0).rsqrt());
    c("square", a -> a.get(0).square());
    c("tan", a -> a.get(0).tan());
    c("asin", a -> a.get(0).asin());
    c("acos", a -> a.get(0).acos());
    c("atan", a -> a.get(0).atan());
    c("sinh", a -> a.get(0).sinh());
    c("cosh", a -> a.get(0).cosh());
    c("erf", a -> a.get(0).erf());
    c("gelu", a -> Torch.gelu(a.get(0)));
    c("gelu_tanh", a -> a.get(0).gelu("tanh"));
    c("silu", a -> a.get(0).silu());
    c("softplus", a -> a.get(0).softplus());
    c("softplus_beta", a -> a.get(0).softplus(2.0, 1.0));
    c("leaky_relu", a -> a.get(0).leakyRelu().add(a.get(0).leakyRelu(0.2)));
    c("elu", a -> a.get(0).elu().add(a.get(0).elu(0.5)));
    c(
        "floor_ceil_round",
        a -> {
          Tensor x = a.get(0);
          return x.floor().mul(100L).add(x.ceil().mul(10L)).add(x.round()).add(x);
        });
    c("reciprocal", a -> a.get(0).reciprocal());
    c("maximum_ties", a -> Torch.maximum(a.get(0), a.get(1)));
    c("minimum_broadcast", a -> Torch.minimum(a.get(0), a.get(1)));
    c("clamp_tensor", a -> a.get(0).clamp(a.get(1), a.get(2)));
    c("clamp_min_tensor", a -> a.get(0).clampMin(a.get(1)));
    c("clamp_max_tensor", a -> a.get(0).clampMax(a.get(1)));
    c("clamp_scalar", a -> a.get(0).clamp(-0.5, 0.7));
    c("clamp_min_scalar", a -> a.get(0).clampMin(0.3));
    c("where", a -> Torch.where(a.get(0).gt(0.0), a.get(0), a.get(1)));
    c(
        "logical_xor",
        a ->
            Torch.logicalXor(
                bools(new boolean[] {true, false, true, false}, 4),
                bools(new boolean[] {true, true, false, false}, 4)));
    c(
        "arith_broadcast",
        a -> {
          Tensor x = a.get(0);
          Tensor b = a.get(1);
          return x.add(b).mul(a.get(2)).sub(x.div(b)).add(x.rsub(1L).pow(2.0));
        });
    c("pow_tensor", a -> a.get(0).pow(a.get(1)));

    // ---------------------------------------------------------------- activations, softmax
    c("softmax", a -> a.get(0).softmax(1));
    c("softmax_dim0", a -> Torch.softmax(a.get(0), 0));
    c("softmax_large", a -> a.get(0).softmax(-1));
    c("log_softmax", a -> a.get(0).logSoftmax(-1));
    c("log_softmax_large", a -> a.get(0).logSoftmax(1));
    c("dropout_eval", a -> Torch.dropout(a.get(0), 0.5, false));
    c("one_hot", a -> Torch.oneHot(ints(new long[] {0, 2, 1, 2}, 2, 2), 4));
    c("one_hot_infer", a -> Torch.oneHot(ints(new long[] {3, 0}, 2), -1));

    // ---------------------------------------------------------------- reductions
    c("prod", a -> a.get(0).prod());
    c("prod_dim", a -> a.get(0).prod(1));
    c("prod_zero", a -> a.get(0).prod());
    c("prod_two_zeros", a -> a.get(0).prod(0, true));
    c("max", a -> a.get(0).max());
    c("max_ties", a -> a.get(0).max());
    c("min", a -> a.get(0).min());
    c("max_dim", a -> a.get(0).max(1).values());
    c("max_dim_indices", a -> Torch.tensor(new double[][] {{1, 5, 5}, {7, 2, 7}}).max(1).indices());
    c("min_dim_keepdim", a -> a.get(0).min(0, true).values());
    c("amax", a -> a.get(0).amax(new int[] {0, 2}, false));
    c("amax_ties", a -> a.get(0).amax(new int[] {1}, false));
    c("amin_keepdim", a -> a.get(0).amin(new int[] {1}, true));
    c("argmax", a -> Torch.tensor(new double[][] {{1, 5, 5}, {7, 2, 7}}).argmax());
    c("argmin_dim", a -> Torch.tensor(new double[][] {{1, 5, 0}, {7, -2, 7}}).argmin(1, false));
    c("var", a -> a.get(0).var());
    c("var_dim_corr0", a -> a.get(0).var(new int[] {1}, 0, false));
    c("std", a -> a.get(0).std());
    c("std_dims_keepdim", a -> a.get(0).std(new int[] {0, 2}, 1, true));
    c("norm", a -> a.get(0).norm());
    c("norm_p1", a -> a.get(0).norm(1));
    c("norm_inf_dim", a -> a.get(0).norm(Double.POSITIVE_INFINITY, new int[] {1}, false));
    c("norm_p3_dim", a -> a.get(0).norm(3, new int[] {0}, false));
    c("logsumexp", a -> a.get(0).logsumexp(1));
    c("logsumexp_large", a -> a.get(0).logsumexp(new int[] {0, 1}, false));
    c("cumsum", a -> a.get(0).cumsum(1));
    c(
        "all_any_dim",
        a ->
            Torch.stack(
                List.of(
                    m23().all(1, false),
                    m23().any(1, false),
                    m23().all(0, false).slice(0, 0, 2, 1))));
    c(
        "sum_mean_dims",
        a -> a.get(0).sum(new int[] {0, 2}, false).add(a.get(0).mean(new int[] {0, 2}, false)));

    // ---------------------------------------------------------------- linear algebra
    c("addmm", a -> Torch.addmm(a.get(0), a.get(1), a.get(2)));
    c("addmm_broadcast_bias", a -> Torch.addmm(a.get(0), a.get(1), a.get(2)));
    c("outer", a -> Torch.outer(a.get(0), a.get(1)));
    c("einsum_mm", a -> Torch.einsum("ij,jk->ik", a.get(0), a.get(1)));
    c("einsum_bmm", a -> Torch.einsum("bij,bjk->bik", a.get(0), a.get(1)));
    c("einsum_dot", a -> Torch.einsum("i,i->", a.get(0), a.get(1)));
    c("einsum_transpose", a -> Torch.einsum("ij->ji", a.get(0)));
    c("einsum_diag", a -> Torch.einsum("ii->i", a.get(0)));
    c("einsum_outer", a -> Torch.einsum("i,j->ij", a.get(0), a.get(1)));
    c("einsum_rowdot", a -> Torch.einsum("bi,bi->b", a.get(0), a.get(1)));
    c("einsum_contract_permute", a -> Torch.einsum("bij,jkb->kbi", a.get(0), a.get(1)));
    c("einsum_free_sums", a -> Torch.einsum("ijx,jk->k", a.get(0), a.get(1)));
    c("einsum_broadcast", a -> Torch.einsum("ij,ij->i", a.get(0), a.get(1)));
    c("matmul_batched", a -> a.get(0).matmul(a.get(1)));

    // ---------------------------------------------------------------- shapes
    c("flatten", a -> a.get(0).flatten());
    c("flatten_strided", a -> a.get(0).t().flatten());
    c("unflatten", a -> a.get(0).unflatten(1, 2, -1));
    c("cat", a -> Torch.cat(List.of(a.get(0), a.get(1)), 1));
    c("stack", a -> Torch.stack(List.of(a.get(0), a.get(1)), -1));
    c("split", a -> a.get(0).split(2, 1).get(1));
    c("split_sizes", a -> a.get(0).split(new int[] {1, 2}, 0).get(1));
    c("chunk", a -> a.get(0).chunk(2).get(0));
    c("unbind", a -> a.get(0).unbind(1).get(2));
    c("repeat", a -> a.get(0).repeat(2, 1, 2));
    c("flip", a -> a.get(0).flip(0, 1));
    c("tril", a -> a.get(0).tril());
    c("triu_offset", a -> a.get(0).triu(1));
    c("expand_as", a -> a.get(0).expandAs(Torch.zeros(new int[] {2, 3}, DType.FLOAT64)));

    // ---------------------------------------------------------------- indexing
    c("index_basic", a -> a.get(0).index(Index.slice(0, 3, 2), Index.NONE, 1));
    c("index_ellipsis", a -> a.get(0).index(Index.ELLIPSIS, -1));
    c("index_mask", a -> a.get(0).index(m23()));
    c("index_ints", a -> a.get(0).index(ints(new long[] {2, 0, 2}, 3)));
    c(
        "index_ints_combo",
        a -> a.get(0).index(Index.ALL, ints(new long[] {1, -1, 0, 1}, 2, 2), Index.slice(1, null)));
    c(
        "index_ints_apart",
        a -> a.get(0).index(ints(new long[] {1, 0}, 2), Index.ALL, ints(new long[] {0}, 1)));
    c("index_0d_tensor", a -> a.get(0).index(Torch.tensor(1L)));
    c("index_int_and_ints", a -> a.get(0).index(1, ints(new long[] {0, 2}, 2)));
    c("index_ints_then_int", a -> a.get(0).index(ints(new long[] {0, 2}, 2), 1));
    c(
        "index_column_mask",
        a -> a.get(0).index(Index.ALL, bools(new boolean[] {true, false, true, false}, 4)));
    c("index_none_ints", a -> a.get(0).index(Index.NONE, ints(new long[] {0, 2}, 2)));
    c("index_2d_ints", a -> a.get(0).index(ints(new long[] {0, 1, 2, 2}, 2, 2)));
    c("index_bare_slice", a -> a.get(0).index(Index.ALL));
    c("index_explicit_full_slice", a -> a.get(0).index(Index.slice(0, 3), 1));
    c("index_bare_slice_then_int", a -> a.get(0).index(Index.ALL, 1));
    c("index_ellipsis_alone", a -> a.get(0).index(Index.ELLIPSIS));
    c("index_true", a -> a.get(0).index(Torch.tensor(true)));
    c("index_select", a -> a.get(0).indexSelect(1, ints(new long[] {2, 0, 2}, 3)));
    c("gather", a -> a.get(0).gather(1, ints(new long[] {0, 0, 2, 1}, 2, 2)));
    c("scatter", a -> a.get(0).scatter(1, ints(new long[] {2, 0, 1, 2}, 2, 2), a.get(1)));
    c("scatter_value", a -> a.get(0).scatter(0, ints(new long[] {1, 0}, 1, 2), 2.5));
    c("scatter_add", a -> a.get(0).scatterAdd(1, ints(new long[] {2, 2, 1, 0}, 2, 2), a.get(1)));
    c("masked_fill", a -> a.get(0).maskedFill(m23(), -1.5));
    c(
        "masked_fill_tensor",
        a -> a.get(0).maskedFill(bools(new boolean[] {true, false, true}, 3), a.get(1)));
    c("masked_select", a -> a.get(0).maskedSelect(bools(new boolean[] {true, false, true}, 3)));
    c("index_put", a -> a.get(0).indexPut(new Tensor[] {ints(new long[] {1, 0}, 2)}, a.get(1)));
    c(
        "index_put_accumulate",
        a ->
            a.get(0)
                .indexPut(
                    new Tensor[] {ints(new long[] {1, 1}, 2), ints(new long[] {0, 0}, 2)},
                    a.get(1),
                    true));
    c("index_put_mask", a -> a.get(0).indexPut(new Tensor[] {m23()}, a.get(1)));

    // ---------------------------------------------------------------- in place
    c("clamp_", a -> a.get(0).mul(1L).clamp_(-0.5, 0.5));
    c("exp_", a -> a.get(0).mul(1L).exp_());
    c("relu_", a -> a.get(0).mul(1L).relu_());
    c("sigmoid_", a -> a.get(0).mul(1L).sigmoid_());
    c("tanh_", a -> a.get(0).mul(1L).tanh_());
    c("masked_fill_", a -> a.get(0).mul(1L).maskedFill_(m23(), 0.25));
    c(
        "index_put_",
        a -> a.get(0).mul(1L).indexPut_(new Tensor[] {ints(new long[] {2, 0}, 2)}, a.get(1)));
    c("copy_", a -> a.get(0).mul(1L).copy_(a.get(1)).mul(a.get(0)));
    c("fill_", a -> a.get(0).mul(1L).fill_(0.0));
    c("zero_", a -> a.get(0).mul(1L).zero_());
    c("pow_", a -> a.get(0).mul(1L).pow_(3));
    c("scatter_add_", a -> a.get(0).mul(1L).scatterAdd_(0, ints(new long[] {2, 2}, 2), a.get(1)));

    // ---------------------------------------------------------------- graphs
    c(
        "mlp",
        a -> {
          Tensor h = a.get(2).addmm(a.get(0), a.get(1).t()).relu();
          return h.matmul(a.get(3).t()).logSoftmax(-1).mean();
        });
    c(
        "attention",
        a -> Torch.softmax(a.get(0).matmul(a.get(1).t()).div(Math.sqrt(4)), -1).matmul(a.get(2)));
    c(
        "layer_norm_like",
        a -> {
          Tensor x = a.get(0);
          Tensor centred = x.sub(x.mean(new int[] {1}, true));
          return centred.div(x.var(new int[] {1}, 0, true).add(1e-5).sqrt());
        });
    c(
        "cross_entropy_like",
        a -> a.get(0).logSoftmax(1).gather(1, ints(new long[] {1, 0, 3}, 3, 1)).mean().neg());
    c("gelu_norm_chain", a -> a.get(0).gelu().norm(2, new int[] {1}, false).logsumexp(0));
    c("max_pool_like", a -> a.get(0).unflatten(1, 2, 2).amax(new int[] {-1}, false).cumsum(1));
  }
}
