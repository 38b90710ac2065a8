"""PyTorch's side of two JMH benchmarks, to see where a workload's gap comes from.

    gemm SHAPE...   torch.mm on TRANS:m:n:k shapes, as GemmShapeBenchmark (us per product, GFLOPS)
    conv            Conv2d forward + backward (a given output gradient) of the CNN's two layers
                    on a batch of 64, as ConvLayerBenchmark.forwardBackward (ms); only the second
                    layer's input needs its gradient, as in the CNN

One thread. Run it as the harness runs PyTorch (bench/side-by-side.sh): OpenBLAS with its own
kernel and glibc keeping freed memory, for example

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE MALLOC_MMAP_THRESHOLD_=4294967296 \\
        MALLOC_TRIM_THRESHOLD_=4294967296 /usr/bin/python3 bench/pytorch/kernels.py conv
"""
import sys
import time

import torch


def best_of(rounds, reps, body):
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps):
            body()
        best = min(best, (time.perf_counter() - t0) / reps)
    return best


def gemm(shape):
    trans, m, n, k = shape.split(":")
    m, n, k = int(m), int(n), int(k)
    a = torch.randn(k, m).t() if trans[0] == "T" else torch.randn(m, k)
    b = torch.randn(n, k).t() if trans[1] == "T" else torch.randn(k, n)
    c = torch.empty(m, n)
    flops = 2.0 * m * n * k
    secs = best_of(30, max(1, int(4e8 / flops)), lambda: torch.mm(a, b, out=c))
    print(f"{shape:18s} {secs * 1e6:9.1f} us {flops / secs / 1e9:7.1f} GFLOPS")


def conv():
    for name, (cin, cout, size, input_grad) in {
        "cnn1": (1, 16, 28, False),
        "cnn2": (16, 32, 12, True),
    }.items():
        torch.manual_seed(0)
        x = torch.randn(64, cin, size, size, requires_grad=input_grad)
        layer = torch.nn.Conv2d(cin, cout, 5)
        grad = torch.randn(64, cout, size - 4, size - 4)

        def step():
            layer.zero_grad(set_to_none=True)
            x.grad = None
            layer(x).backward(grad)

        print(f"{name}  {best_of(30, 10, step) * 1e3:.3f} ms forward + backward")


def main(argv):
    torch.set_num_threads(1)
    if argv[:1] == ["gemm"] and len(argv) > 1:
        for shape in argv[1:]:
            gemm(shape)
    elif argv == ["conv"]:
        conv()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
