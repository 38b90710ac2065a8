#!/usr/bin/env python3
"""Golden values and gradients of the activation functions, from PyTorch 1.13, float64.

    /usr/bin/python3 tools/golden/gen_nn_activations.py

Writes core/src/test/resources/golden/nn/activations.txt (format in nn_golden.py): input x (with
large and tiny values), output 'out', cotangent 'ct' and the gradient 'gx' of sum(out * ct).
Read by org.autograd4j.nn.ActivationGoldenTest.
"""

import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from nn_golden import Golden  # noqa: E402

torch.manual_seed(7)
D = torch.float64
g = Golden("core/src/test/resources/golden/nn/activations.txt")
x0 = torch.cat([torch.randn(3, 5, dtype=D) * 3, torch.tensor([[-40.0, -7.0, 0.0, 7.5, 40.0]], dtype=D)])
fns = {
    "relu": F.relu,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.2),
    "gelu": F.gelu,
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softmax0": lambda x: F.softmax(x, 0),
    "softmax1": lambda x: F.softmax(x, 1),
    "log_softmax0": lambda x: F.log_softmax(x, 0),
    "log_softmax1": lambda x: F.log_softmax(x, -1),
}
for name, fn in fns.items():
    g.case(name, name)
    x = x0.clone().requires_grad_()
    out = fn(x)
    ct = torch.randn(out.shape, dtype=D)
    (out * ct).sum().backward()
    g.t("x", x)
    g.t("out", out)
    g.t("ct", ct)
    g.t("gx", x.grad)
g.save()
print("wrote", g.path)
