"""The PyTorch half of the side-by-side harness (bench/side-by-side.sh).

Same arguments, shapes and hyper-parameters as org.autograd4j.bench.SideBySide; prints one line
`RESULT <name> <value> <unit>`. Run with Debian's python3-torch: /usr/bin/python3 workloads.py seed
"""
import gzip
import os
import sys
import time

import torch
from torch import nn

DATA = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
MEAN, STD = 0.2860, 0.3530


def result(name, value, unit):
    print(f"RESULT {name} {value:.6g} {unit}", flush=True)


def seed_step():
    """Seed 004, cell 33: l = ((w * x + b - y) ** 2).mean(); l.backward(); w -= lr * w.grad."""
    x = torch.tensor([1.0, 2.0, 3.0, 4.0])
    y = torch.tensor([2.0, 4.0, 6.0, 8.0])
    w = torch.tensor(0.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    steps, best = 2000, float("inf")
    for rnd in range(8):
        t0 = time.perf_counter()
        for _ in range(steps):
            l = ((w * x + b - y) ** 2).mean()
            l.backward()
            with torch.no_grad():
                w -= 0.01 * w.grad
                b -= 0.01 * b.grad
                w.grad.zero_()
                b.grad.zero_()
        t1 = time.perf_counter()
        if rnd >= 2:
            best = min(best, (t1 - t0) * 1e6 / steps)
    return best


def sgemm(n):
    torch.manual_seed(0)
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    flops = 2.0 * n * n * n
    reps = max(1, int(0.3e9 * 100 / flops))
    best = 0.0
    for rnd in range(8):
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.mm(a, b)
        t1 = time.perf_counter()
        if rnd >= 2:
            best = max(best, flops * reps / (t1 - t0) / 1e9)
    return best


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return torch.frombuffer(bytearray(raw[4 + 4 * ndim:]), dtype=torch.uint8).view(*dims)


def load_train():
    images = idx(os.path.join(DATA, "train-images-idx3-ubyte.gz")).float().div_(255)
    labels = idx(os.path.join(DATA, "train-labels-idx1-ubyte.gz")).long()
    images = (images.view(-1, 1, 28, 28) - MEAN) / STD  # ToTensor + Normalize, as FashionMNIST
    return images, labels


def train_steps(model, loss_fn, opt, images, labels, batch, max_steps):
    n, last, steps, start = images.shape[0], float("nan"), 0, 0
    while start < n and steps < max_steps:
        xb = images[start:start + batch]
        yb = labels[start:start + batch]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        if start + batch >= n:
            last = loss.item()
        start += batch
        steps += 1
    return last


def mlp_epochs(max_steps=1 << 30):
    """Seconds of two epochs after the warm-up steps (the second: SideBySide's mlp2 figure)."""
    images, labels = load_train()
    images = images.view(-1, 784)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                          nn.Linear(128, 10))
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    train_steps(model, loss_fn, opt, images, labels, 128, 50)  # the same warm-up as the Java side
    seconds = []
    for e in range(2):
        t0 = time.perf_counter()
        loss = train_steps(model, loss_fn, opt, images, labels, 128, max_steps)
        seconds.append(time.perf_counter() - t0)
        print(f"mlp epoch {e + 1} final batch loss {loss:.4f}", file=sys.stderr)
    return seconds


def cnn_epoch(max_steps=1 << 30):
    images, labels = load_train()
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(512, 10))
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    train_steps(model, loss_fn, opt, images, labels, 64, 50)
    t0 = time.perf_counter()
    loss = train_steps(model, loss_fn, opt, images, labels, 64, max_steps)
    secs = time.perf_counter() - t0
    print(f"cnn final batch loss {loss:.4f}", file=sys.stderr)
    return secs


def main(argv):
    what = argv[0]
    if what == "seed":
        torch.set_num_threads(1)
        result("seed", seed_step(), "us/step")
    elif what == "sgemm":
        n, threads = int(argv[1]), int(argv[2])
        torch.set_num_threads(threads)
        result(f"sgemm{n}_t{threads}", sgemm(n), "GFLOPS")
    elif what == "mlp":
        torch.set_num_threads(int(argv[1]))
        first, second = mlp_epochs(*map(int, argv[2:3]))
        result(f"mlp_t{argv[1]}", first, "s")
        result(f"mlp2_t{argv[1]}", second, "s")
    elif what == "cnn":
        torch.set_num_threads(int(argv[1]))
        result(f"cnn_t{argv[1]}", cnn_epoch(*map(int, argv[2:3])), "s")
    elif what == "ops":
        import op_sweep

        torch.set_num_threads(1)
        for name, us in op_sweep.run().items():
            result(f"op_{name}", us, "us")
    else:
        sys.exit(f"unknown workload {what}")


if __name__ == "__main__":
    main(sys.argv[1:])
