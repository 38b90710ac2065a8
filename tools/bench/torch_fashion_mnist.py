#!/usr/bin/env python3
"""The models of `./autograd4j train` in PyTorch 1.13, as a reference for accuracy and speed.

    /usr/bin/python3 tools/bench/torch_fashion_mnist.py --model cnn --optimizer sgd --lr 0.05 \
        --momentum 0.9 --batch-size 64 --epochs 3 [--threads 2] [--normalize]

Reads the same IDX files (/usr/share/datasets/fashion-mnist), scales pixels to [0, 1] as
ToTensor() (optionally normalised), shuffles each epoch, and prints the same per-epoch line.
"""
import argparse
import gzip
import time

import numpy as np
import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument("--model", default="mlp")
p.add_argument("--optimizer", default="adam")
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--momentum", type=float, default=0.9)
p.add_argument("--batch-size", type=int, default=128)
p.add_argument("--epochs", type=int, default=5)
p.add_argument("--seed", type=int, default=0)
p.add_argument("--threads", type=int, default=0)
p.add_argument("--normalize", action="store_true")
p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
a = p.parse_args()
if a.threads:
    torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)


def idx(name):
    with gzip.open(f"{a.data}/{name}", "rb") as f:
        raw = f.read()
    nd = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(nd)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * nd).reshape(dims)


def images(name):
    x = torch.from_numpy(idx(name).copy()).float().div(255).unsqueeze(1)
    return (x - 0.2860) / 0.3530 if a.normalize else x


xtr, ytr = images("train-images-idx3-ubyte.gz"), torch.from_numpy(idx("train-labels-idx1-ubyte.gz").astype(np.int64))
xte, yte = images("t10k-images-idx3-ubyte.gz"), torch.from_numpy(idx("t10k-labels-idx1-ubyte.gz").astype(np.int64))

if a.model == "mlp":
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
else:
    model = nn.Sequential(nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5), nn.ReLU(),
                          nn.MaxPool2d(2), nn.Flatten(), nn.Linear(512, 10))
opt = {"sgd": lambda: torch.optim.SGD(model.parameters(), lr=a.lr, momentum=a.momentum),
       "adam": lambda: torch.optim.Adam(model.parameters(), lr=a.lr),
       "adamw": lambda: torch.optim.AdamW(model.parameters(), lr=a.lr)}[a.optimizer]()
loss_fn = nn.CrossEntropyLoss()
for epoch in range(1, a.epochs + 1):
    model.train()
    t0 = time.time()
    perm = torch.randperm(len(xtr))
    total, seen = 0.0, 0
    for i in range(0, len(xtr), a.batch_size):
        b = perm[i:i + a.batch_size]
        opt.zero_grad()
        loss = loss_fn(model(xtr[b]), ytr[b])
        loss.backward()
        opt.step()
        total += loss.item() * len(b)
        seen += len(b)
    secs = time.time() - t0
    model.eval()
    with torch.no_grad():
        correct = sum((model(xte[i:i + 1000]).argmax(1) == yte[i:i + 1000]).sum().item() for i in range(0, len(xte), 1000))
    print(f"epoch {epoch}/{a.epochs}  train loss {total / seen:.4f}  test accuracy {100 * correct / len(xte):.2f}%"
          f"  ({secs:.1f} s, {len(xtr) / secs:.0f} img/s)", flush=True)
