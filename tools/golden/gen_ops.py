#!/usr/bin/env python3
"""Golden values for the operator library, from real PyTorch (1.13), for OpsGoldenTest.

    /usr/bin/python3 tools/golden/gen_ops.py [core/src/test/resources/golden/ops.txt]

Every case is a named function of some inputs (the same name maps to the same expression in
OpsGoldenTest.java). For each case the file records, in float64 with exact bits:

  case   <name>
  in     <dtype> <shape> <requires_grad 0|1> <values>      one line per input
  out    <dtype> <shape> <values>                          the forward result
  repr   <repr(out)>                                        escaped: \\ \\n \\t
  v      <values>                                           upstream gradient (out's shape)
  grad   <i> <values>|none                                  autograd.grad(out, inputs, v, create_graph)
  w      <i> <values>                                       weights for the second order
  grad2  <i> <values>|none                                  grad of sum_i (grad_i * w_i).sum()
  end

Fields are tab-separated; shapes are comma-separated sizes (empty for 0-d); float64 values are the
16 hex digits of their bits, int64 decimal, bool 0/1. Lines starting with '#' are comments.
"""

import math
import sys

import torch
import torch.nn.functional as F

OUT = sys.argv[1] if len(sys.argv) > 1 else "core/src/test/resources/golden/ops.txt"
f64 = torch.float64
T = torch.tensor
torch.manual_seed(1234)


def R(*shape):
    return torch.randn(shape, dtype=f64).requires_grad_()


def A(*shape):
    """Away from 0 (kinks of abs, relu, ...)."""
    x = torch.randn(shape, dtype=f64)
    x = torch.where(x.abs() < 0.1, x.sign() * 0.1 + x, x)
    return x.requires_grad_()


def P(*shape):
    return (torch.rand(shape, dtype=f64) * 1.5 + 0.5).requires_grad_()


def U(lo, hi, *shape):
    return (torch.rand(shape, dtype=f64) * (hi - lo) + lo).requires_grad_()


def V(values, *shape):
    return T(values, dtype=f64).reshape(shape).requires_grad_()


def I(values, *shape):
    return T(values, dtype=torch.int64).reshape(shape)


def B(values, *shape):
    return T(values, dtype=torch.bool).reshape(shape)


def C(*shape):
    return torch.randn(shape, dtype=f64)


def M23():
    return B([True, False, True, False, True, True], 2, 3)


CASES = []


def case(name, inputs, fn):
    CASES.append((name, inputs, fn))


# ---------------------------------------------------------------- elementwise
case("abs", [A(2, 3)], lambda x: x.abs())
case("sign", [A(2, 3)], lambda x: x.sign() + x)
case("expm1", [R(2, 3)], lambda x: x.expm1())
case("log1p", [U(-0.5, 2, 2, 3)], lambda x: x.log1p())
case("log2", [P(2, 3)], lambda x: x.log2())
case("rsqrt", [P(2, 3)], lambda x: x.rsqrt())
case("square", [R(2, 3)], lambda x: x.square())
case("tan", [U(-1, 1, 2, 3)], lambda x: x.tan())
case("asin", [U(-0.8, 0.8, 2, 3)], lambda x: x.asin())
case("acos", [U(-0.8, 0.8, 2, 3)], lambda x: x.acos())
case("atan", [R(2, 3)], lambda x: x.atan())
case("sinh", [R(2, 3)], lambda x: x.sinh())
case("cosh", [R(2, 3)], lambda x: x.cosh())
case("erf", [V([-5.0, -3.2, -2.9, -1.0, -1e-3, 0.0, 0.3, 0.8, 2.5, 3.0, 4.5, 6.5], 12)], lambda x: x.erf())
case("gelu", [V([-6.0, -3.1, -1.0, -0.2, 0.0, 0.4, 1.3, 2.9, 3.3, 7.0], 10)], lambda x: F.gelu(x))
case("gelu_tanh", [V([-6.0, -3.1, -1.0, -0.2, 0.0, 0.4, 1.3, 2.9, 3.3, 7.0], 10)], lambda x: F.gelu(x, approximate="tanh"))
case("silu", [R(2, 3)], lambda x: F.silu(x))
case("softplus", [V([-30.0, -2.0, 0.0, 1.5, 19.0, 21.0], 6)], lambda x: F.softplus(x))
case("softplus_beta", [V([-3.0, -0.5, 0.4, 0.9, 1.2], 5)], lambda x: F.softplus(x, beta=2.0, threshold=1.0))
case("leaky_relu", [A(2, 3)], lambda x: F.leaky_relu(x) + F.leaky_relu(x, 0.2))
case("elu", [A(2, 3)], lambda x: F.elu(x) + F.elu(x, 0.5))
case("floor_ceil_round", [V([0.5, 1.5, 2.5, -0.5, -1.7, 2.2], 6)], lambda x: x.floor() * 100 + x.ceil() * 10 + x.round() + x)
case("reciprocal", [A(2, 3)], lambda x: x.reciprocal())
case("maximum_ties", [V([1.0, 2.0, -1.0, 3.0], 4), V([1.0, 0.5, 2.0, 3.0], 4)], lambda a, b: torch.maximum(a, b))
case("minimum_broadcast", [R(2, 3), R(3)], lambda a, b: torch.minimum(a, b))
case("clamp_tensor", [V([-1.5, -0.2, 0.4, 1.7, 0.1, -0.9], 2, 3), V([-1.0, -0.5, 0.0], 3), V([1.0, 0.5], 2, 1)], lambda x, lo, hi: x.clamp(lo, hi))
case("clamp_min_tensor", [V([-1.5, 0.2, 0.9], 3), V([0.0, 0.5, 0.1], 3)], lambda x, lo: x.clamp_min(lo))
case("clamp_max_tensor", [V([-1.5, 0.2, 0.9], 3), V([0.0, 0.5, 0.1], 3)], lambda x, hi: x.clamp_max(hi))
case("clamp_scalar", [V([-1.5, 0.2, 0.9, 0.7], 4)], lambda x: x.clamp(-0.5, 0.7))
case("clamp_min_scalar", [V([-1.5, 0.2, 0.9], 3)], lambda x: x.clamp(min=0.3))
case("where", [R(2, 3), R(3)], lambda a, b: torch.where(a > 0, a, b))
case("logical_xor", [], lambda: torch.logical_xor(B([True, False, True, False], 4), B([True, True, False, False], 4)))
case("arith_broadcast", [R(2, 3), P(3), R()], lambda a, b, c: (a + b) * c - a / b + (1 - a) ** 2)
case("pow_tensor", [P(2, 3), R(3)], lambda a, b: a ** b)

# ---------------------------------------------------------------- activations, softmax
case("softmax", [R(2, 3)], lambda x: x.softmax(1))
case("softmax_dim0", [R(2, 3, 2)], lambda x: torch.softmax(x, 0))
case("softmax_large", [V([1000.0, 1001.0, 999.0, -1000.0], 2, 2)], lambda x: x.softmax(-1))
case("log_softmax", [R(3, 4)], lambda x: x.log_softmax(-1))
case("log_softmax_large", [V([1000.0, 1001.0, 999.0, -1000.0], 2, 2)], lambda x: x.log_softmax(1))
case("dropout_eval", [R(3)], lambda x: F.dropout(x, 0.5, training=False))
case("one_hot", [], lambda: F.one_hot(I([0, 2, 1, 2], 2, 2), 4))
case("one_hot_infer", [], lambda: F.one_hot(I([3, 0], 2)))

# ---------------------------------------------------------------- reductions
case("prod", [R(2, 3)], lambda x: x.prod())
case("prod_dim", [R(2, 3)], lambda x: x.prod(1))
case("prod_zero", [V([1.5, 0.0, -2.0, 0.5], 4)], lambda x: x.prod())
case("prod_two_zeros", [V([1.5, 0.0, -2.0, 0.0, 3.0, 0.5], 3, 2)], lambda x: x.prod(0, keepdim=True))
case("max", [R(2, 3)], lambda x: x.max())
case("max_ties", [V([1.0, 3.0, 3.0, -1.0], 4)], lambda x: x.max())
case("min", [R(2, 3)], lambda x: x.min())
case("max_dim", [R(2, 3)], lambda x: x.max(1)[0])
case("max_dim_indices", [], lambda: T([[1.0, 5.0, 5.0], [7.0, 2.0, 7.0]]).max(1)[1])
case("min_dim_keepdim", [R(3, 2)], lambda x: x.min(0, keepdim=True)[0])
case("amax", [R(2, 3, 2)], lambda x: x.amax((0, 2)))
case("amax_ties", [V([2.0, 2.0, 1.0, 0.0, 0.0, 0.0], 2, 3)], lambda x: x.amax(1))
case("amin_keepdim", [R(2, 3)], lambda x: x.amin(1, keepdim=True))
case("argmax", [], lambda: T([[1.0, 5.0, 5.0], [7.0, 2.0, 7.0]]).argmax())
case("argmin_dim", [], lambda: T([[1.0, 5.0, 0.0], [7.0, -2.0, 7.0]]).argmin(1))
case("var", [R(2, 3)], lambda x: x.var())
case("var_dim_corr0", [R(2, 3)], lambda x: x.var(1, correction=0))
case("std", [R(2, 3)], lambda x: x.std())
case("std_dims_keepdim", [R(2, 3, 2)], lambda x: x.std((0, 2), keepdim=True))
case("norm", [R(2, 3)], lambda x: x.norm())
case("norm_p1", [A(2, 3)], lambda x: x.norm(1))
case("norm_inf_dim", [A(2, 3)], lambda x: x.norm(float("inf"), dim=1))
case("norm_p3_dim", [A(2, 3)], lambda x: x.norm(3, dim=0))
case("logsumexp", [R(2, 3)], lambda x: x.logsumexp(1))
case("logsumexp_large", [V([1000.0, 1001.0, -5.0, -6.0], 2, 2)], lambda x: x.logsumexp((0, 1)))
case("cumsum", [R(2, 3)], lambda x: x.cumsum(1))
case("all_any_dim", [], lambda: torch.stack([M23().all(1), M23().any(1), M23().all(0)[:2]]))
case("sum_mean_dims", [R(2, 3, 2)], lambda x: x.sum((0, 2)) + x.mean((0, 2), keepdim=False))

# ---------------------------------------------------------------- linear algebra
case("addmm", [R(2, 4), R(2, 3), R(3, 4)], lambda b, m1, m2: torch.addmm(b, m1, m2))
case("addmm_broadcast_bias", [R(4), R(2, 3), R(3, 4)], lambda b, m1, m2: torch.addmm(b, m1, m2))
case("outer", [R(3), R(2)], lambda a, b: torch.outer(a, b))
case("einsum_mm", [R(2, 3), R(3, 2)], lambda a, b: torch.einsum("ij,jk->ik", a, b))
case("einsum_bmm", [R(2, 2, 3), R(2, 3, 2)], lambda a, b: torch.einsum("bij,bjk->bik", a, b))
case("einsum_dot", [R(3), R(3)], lambda a, b: torch.einsum("i,i->", a, b))
case("einsum_transpose", [R(2, 3)], lambda a: torch.einsum("ij->ji", a))
case("einsum_diag", [R(3, 3)], lambda a: torch.einsum("ii->i", a))
case("einsum_outer", [R(3), R(2)], lambda a, b: torch.einsum("i,j->ij", a, b))
case("einsum_rowdot", [R(2, 3), R(2, 3)], lambda a, b: torch.einsum("bi,bi->b", a, b))
case("einsum_contract_permute", [R(2, 2, 3), R(3, 2, 2)], lambda a, b: torch.einsum("bij,jkb->kbi", a, b))
case("einsum_free_sums", [R(2, 3, 2), R(3, 2)], lambda a, b: torch.einsum("ijx,jk->k", a, b))
case("einsum_broadcast", [R(2, 3), R(1, 3)], lambda a, b: torch.einsum("ij,ij->i", a, b))
case("matmul_batched", [R(2, 1, 2, 3), R(2, 3, 2)], lambda a, b: a @ b)

# ---------------------------------------------------------------- shapes
case("flatten", [R(2, 3, 2)], lambda x: x.flatten())
case("flatten_strided", [R(2, 3)], lambda x: x.t().flatten())
case("unflatten", [R(3, 4)], lambda x: x.unflatten(1, (2, -1)))
case("cat", [R(2, 1), R(2, 3)], lambda a, b: torch.cat([a, b], 1))
case("stack", [R(2, 3), R(2, 3)], lambda a, b: torch.stack([a, b], -1))
case("split", [R(2, 3)], lambda x: x.split(2, 1)[1])
case("split_sizes", [R(3, 2)], lambda x: x.split([1, 2], 0)[1])
case("chunk", [R(4, 2)], lambda x: x.chunk(2)[0])
case("unbind", [R(2, 3)], lambda x: x.unbind(1)[2])
case("repeat", [R(2, 3)], lambda x: x.repeat(2, 1, 2))
case("flip", [R(2, 3)], lambda x: x.flip(0, 1))
case("tril", [R(3, 3)], lambda x: x.tril())
case("triu_offset", [R(3, 4)], lambda x: x.triu(1))
case("expand_as", [R(3)], lambda x: x.expand_as(C(2, 3)))

# ---------------------------------------------------------------- indexing
case("index_basic", [R(3, 4)], lambda x: x[0:3:2, None, 1])
case("index_ellipsis", [R(2, 3, 2)], lambda x: x[..., -1])
case("index_mask", [R(2, 3)], lambda x: x[M23()])
case("index_ints", [R(3, 2)], lambda x: x[I([2, 0, 2], 3)])
case("index_ints_combo", [R(2, 3, 3)], lambda x: x[:, I([1, -1, 0, 1], 2, 2), 1:])
case("index_ints_apart", [R(2, 3, 2)], lambda x: x[I([1, 0], 2), :, I([0], 1)])
case("index_0d_tensor", [R(3, 4)], lambda x: x[T(1)])
case("index_int_and_ints", [R(3, 4)], lambda x: x[1, I([0, 2], 2)])
case("index_ints_then_int", [R(3, 4)], lambda x: x[I([0, 2], 2), 1])
case("index_column_mask", [R(3, 4)], lambda x: x[:, B([True, False, True, False], 4)])
case("index_none_ints", [R(3, 4)], lambda x: x[None, I([0, 2], 2)])
case("index_2d_ints", [R(3, 4)], lambda x: x[I([0, 1, 2, 2], 2, 2)])
case("index_bare_slice", [R(3, 4)], lambda x: x[:])
case("index_explicit_full_slice", [R(3, 4)], lambda x: x[0:3, 1])
case("index_bare_slice_then_int", [R(3, 4)], lambda x: x[:, 1])
case("index_ellipsis_alone", [R(3, 4)], lambda x: x[...])
case("index_true", [R(3, 4)], lambda x: x[T(True)])
case("index_select", [R(2, 3)], lambda x: x.index_select(1, I([2, 0, 2], 3)))
case("gather", [R(2, 3)], lambda x: x.gather(1, I([0, 0, 2, 1], 2, 2)))
case("scatter", [R(2, 3), R(2, 2)], lambda x, s: x.scatter(1, I([2, 0, 1, 2], 2, 2), s))
case("scatter_value", [R(2, 3)], lambda x: x.scatter(0, I([1, 0], 1, 2), 2.5))
case("scatter_add", [R(2, 3), R(2, 2)], lambda x, s: x.scatter_add(1, I([2, 2, 1, 0], 2, 2), s))
case("masked_fill", [R(2, 3)], lambda x: x.masked_fill(M23(), -1.5))
case("masked_fill_tensor", [R(2, 3), R()], lambda x, v: x.masked_fill(B([True, False, True], 3), v))
case("masked_select", [R(2, 3)], lambda x: x.masked_select(B([True, False, True], 3)))
case("index_put", [R(3, 2), R(2, 2)], lambda x, v: x.index_put((I([1, 0], 2),), v))
case("index_put_accumulate", [R(3, 2), R(2)], lambda x, v: x.index_put((I([1, 1], 2), I([0, 0], 2)), v, accumulate=True))
case("index_put_mask", [R(2, 3), R()], lambda x, v: x.index_put((M23(),), v))

# ---------------------------------------------------------------- in place (on a non-leaf copy)
case("clamp_", [R(2, 3)], lambda x: (x * 1).clamp_(-0.5, 0.5))
case("exp_", [R(2, 3)], lambda x: (x * 1).exp_())
case("relu_", [A(2, 3)], lambda x: (x * 1).relu_())
case("sigmoid_", [R(2, 3)], lambda x: (x * 1).sigmoid_())
case("tanh_", [R(2, 3)], lambda x: (x * 1).tanh_())
case("masked_fill_", [R(2, 3)], lambda x: (x * 1).masked_fill_(M23(), 0.25))
case("index_put_", [R(3, 2), R(2)], lambda x, v: (x * 1).index_put_((I([2, 0], 2),), v))
case("copy_", [R(2, 3), R(3)], lambda x, s: (x * 1).copy_(s) * x)
case("fill_", [R(3)], lambda x: (x * 1).fill_(0.0))
case("zero_", [R(3)], lambda x: (x * 1).zero_())
case("pow_", [R(3)], lambda x: (x * 1).pow_(3))
case("scatter_add_", [R(3), R(2)], lambda x, s: (x * 1).scatter_add_(0, I([2, 2], 2), s))

# ---------------------------------------------------------------- graphs
case("mlp", [R(4, 3), R(5, 3), R(5), R(2, 5)],
     lambda x, w1, b1, w2: F.linear(x, w1, b1).relu().matmul(w2.t()).log_softmax(-1).mean())
case("attention", [R(3, 4), R(3, 4), R(3, 2)],
     lambda q, k, v: torch.softmax(q @ k.t() / math.sqrt(4), -1) @ v)
case("layer_norm_like", [R(2, 4)],
     lambda x: (x - x.mean(1, keepdim=True)) / (x.var(1, keepdim=True, unbiased=False) + 1e-5).sqrt())
case("cross_entropy_like", [R(3, 4)],
     lambda x: -(x.log_softmax(1).gather(1, I([1, 0, 3], 3, 1))).mean())
case("gelu_norm_chain", [R(2, 3)], lambda x: F.gelu(x).norm(dim=1).logsumexp(0))
case("max_pool_like", [R(2, 4)], lambda x: x.unflatten(1, (2, 2)).amax(-1).cumsum(1))


# ---------------------------------------------------------------- writing

def values(t):
    if t.dtype == f64 and t._is_zerotensor():
        t = torch.zeros(t.shape, dtype=f64)  # an efficient zero has no storage to read
    flat = t.detach().contiguous().reshape(-1)
    if t.dtype == f64:
        return ",".join("%016x" % (b & 0xFFFFFFFFFFFFFFFF) for b in flat.view(torch.int64).tolist())
    if t.dtype == torch.int64:
        return ",".join(str(v) for v in flat.tolist())
    if t.dtype == torch.bool:
        return ",".join("1" if v else "0" for v in flat.tolist())
    raise ValueError(t.dtype)


DT = {f64: "float64", torch.int64: "int64", torch.bool: "bool"}


def shape(t):
    return ",".join(str(s) for s in t.shape)


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


gen = torch.Generator().manual_seed(99)
lines = ["# generated by tools/golden/gen_ops.py with torch " + torch.__version__]
for name, inputs, fn in CASES:
    lines.append("case\t" + name)
    for t in inputs:
        lines.append("\t".join(["in", DT[t.dtype], shape(t), "1" if t.requires_grad else "0", values(t)]))
    out = fn(*inputs)
    lines.append("\t".join(["out", DT[out.dtype], shape(out), values(out)]))
    lines.append("repr\t" + esc(repr(out)))
    diff = [t for t in inputs if t.requires_grad]
    if out.requires_grad and diff:
        v = torch.randn(out.shape, dtype=f64, generator=gen)
        lines.append("v\t" + values(v))
        grads = torch.autograd.grad(out, diff, v, create_graph=True, allow_unused=True)
        for i, g in enumerate(grads):
            lines.append("grad\t%d\t%s" % (i, "none" if g is None else values(g)))
        ws = [torch.randn(t.shape, dtype=f64, generator=gen) for t in diff]
        s = None
        for g, w in zip(grads, ws):
            if g is not None and g.requires_grad:
                term = (g * w).sum()
                s = term if s is None else s + term
        for i, w in enumerate(ws):
            lines.append("w\t%d\t%s" % (i, values(w)))
        g2 = [None] * len(diff) if s is None else torch.autograd.grad(s, diff, allow_unused=True)
        for i, g in enumerate(g2):
            lines.append("grad2\t%d\t%s" % (i, "none" if g is None else values(g)))
    lines.append("end")

with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print("wrote %d cases to %s" % (len(CASES), OUT))
