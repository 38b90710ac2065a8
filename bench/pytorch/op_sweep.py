"""PyTorch's half of the side-by-side per-op workload (org.autograd4j.bench.OpSweep).

Common tensor ops on 256 x 784 float32 operands, each timed alone on one thread: repeated in 20 ms
batches for at least a second and until ten batches in a row bring no new best (at most 8 s), then
the best of five more batches, in microseconds per call (the same rule as the JVM side, which needs
it for its JIT). The names and computations match OpSweep.java one for one.
"""
import time

import torch


def ops():
    torch.manual_seed(0)
    x, y = torch.randn(256, 784), torch.randn(256, 784)
    b = torch.randn(784)
    positive = x.abs() + 0.1
    w = torch.randn(784, 64)
    rows = torch.randint(0, 256, (128,))
    xg = torch.randn(256, 784, requires_grad=True)
    tiny = torch.randn(4, requires_grad=True)

    def mse_forward_backward():
        xg.grad = None
        torch.mean((xg - y).pow(2)).backward()
        return xg.grad

    def tiny_forward_backward():
        tiny.grad = None
        (tiny * 2 + 1).pow(2).sum().backward()
        return tiny.grad

    return {
        "add": lambda: x + y,
        "mul": lambda: x * y,
        "div": lambda: x / y,
        "add_row": lambda: x + b,
        "mul_scalar": lambda: x * 0.5,
        "mul_scalar_": lambda: x.mul_(1.0),
        "neg": lambda: -x,
        "abs": lambda: x.abs(),
        "square": lambda: x.square(),
        "sqrt": lambda: positive.sqrt(),
        "clamp": lambda: x.clamp(-0.5, 0.5),
        "relu": lambda: torch.relu(x),
        "exp": lambda: torch.exp(x),
        "log": lambda: torch.log(positive),
        "sin": lambda: torch.sin(x),
        "tanh": lambda: torch.tanh(x),
        "sigmoid": lambda: torch.sigmoid(x),
        "gelu": lambda: torch.nn.functional.gelu(x),
        "gt": lambda: x > y,
        "eq": lambda: x == y,
        "where": lambda: torch.where(x > 0, x, y),
        "sum": lambda: x.sum(),
        "mean": lambda: x.mean(),
        "sum_dim0": lambda: x.sum(0),
        "sum_dim1": lambda: x.sum(1),
        "max_dim1": lambda: x.max(1),
        "argmax_dim1": lambda: x.argmax(1),
        "norm": lambda: x.norm(),
        "var": lambda: x.var(),
        "cumsum_dim1": lambda: x.cumsum(1),
        "softmax_dim1": lambda: torch.softmax(x, 1),
        "log_softmax_dim1": lambda: torch.log_softmax(x, 1),
        "logsumexp_dim1": lambda: torch.logsumexp(x, 1),
        "t_contiguous": lambda: x.t().contiguous(),
        "permute_contiguous": lambda: x.view(16, 16, 784).permute(2, 0, 1).contiguous(),
        "clone": lambda: x.clone(),
        "cat_dim0": lambda: torch.cat([x, y], 0),
        "cat_dim1": lambda: torch.cat([x, y], 1),
        "stack": lambda: torch.stack([x, y], 0),
        "index_select": lambda: x.index_select(0, rows),
        "mm_256x784x64": lambda: x.mm(w),
        "matmul_vector": lambda: x.matmul(b),
        "mse_forward_backward": mse_forward_backward,
        "tiny_forward_backward": tiny_forward_backward,
    }


def batch(op):
    calls, t0 = 0, time.perf_counter()
    while True:
        op()
        calls += 1
        t = time.perf_counter()
        if t - t0 >= 0.02:
            return (t - t0) * 1e6 / calls


def timed(op):
    best, stale, start = float("inf"), 0, time.perf_counter()
    while (stale < 10 or time.perf_counter() - start < 1) and time.perf_counter() - start < 8:
        us = batch(op)
        if us < best * 0.98:
            best, stale = us, 0
        else:
            stale += 1
    return min(batch(op) for _ in range(5))


def run():
    """Microseconds per call, by op name."""
    return {name: timed(op) for name, op in ops().items()}
