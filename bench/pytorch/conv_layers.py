"""PyTorch's side of bench's ConvLayerBenchmark: one layer of the side-by-side CNN on a batch of 64.

Times F.conv2d without grad, forward + backward (input and weight gradients, as in training), and
ReLU + 2x2 max pooling of the layer's output, at one thread. Prints the best of 5 rounds of 100
calls, in ms:

    LD_LIBRARY_PATH=bench/target/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread \\
      OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch/conv_layers.py
"""
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)
LAYERS = {"cnn1": (1, 16, 28), "cnn2": (16, 32, 12)}

for name, (cin, cout, size) in LAYERS.items():
    # The first layer's input needs no gradient, as for the first layer of a model.
    x = torch.randn(64, cin, size, size, requires_grad=cin > 1)
    w = torch.randn(cout, cin, 5, 5, requires_grad=True)
    b = torch.randn(cout, requires_grad=True)
    g = torch.randn(64, cout, size - 4, size - 4)

    def forward():
        with torch.no_grad():
            return F.conv2d(x, w, b)

    def forward_backward():
        w.grad = None
        b.grad = None
        x.grad = None
        F.conv2d(x, w, b).backward(g)

    def relu_pool():
        with torch.no_grad():
            return F.max_pool2d(F.relu(g), 2)

    for fn, label in ((forward, "forward"), (forward_backward, "forwardBackward"), (relu_pool, "reluPool")):
        for _ in range(50):
            fn()
        best = float("inf")
        for _ in range(5):
            t = time.perf_counter()
            for _ in range(100):
                fn()
            best = min(best, (time.perf_counter() - t) / 100)
        print(f"{name} {label} {best * 1e3:.3f} ms")
