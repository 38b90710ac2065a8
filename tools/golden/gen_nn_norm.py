#!/usr/bin/env python3
"""Golden values and gradients of batch_norm, layer_norm, embedding, BatchNorm/LSTM/GRU modules.

    /usr/bin/python3 tools/golden/gen_nn_norm.py

Writes core/src/test/resources/golden/nn/norm.txt (format in nn_golden.py). Functional cases are
float64 (inputs, 'out', cotangent 'ct', gradients g<name>, and running statistics after the call);
module cases are float32 with PyTorch's exported state dict. Read by org.autograd4j.nn.NormGoldenTest.
"""

import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from nn_golden import Golden  # noqa: E402

torch.manual_seed(5)
D = torch.float64
g = Golden("core/src/test/resources/golden/nn/norm.txt")


def fmt(v):
    return ",".join(str(i) for i in v) if isinstance(v, (tuple, list)) else v


def record(cid, kind, fn, tensors, after=None, **opts):
    g.case(cid, kind, **{k: fmt(v) for k, v in opts.items()})
    leaves = {}
    for k, v in tensors.items():
        if v is None:
            continue
        g.t(k, v)
        leaves[k] = v.clone().requires_grad_() if v.is_floating_point() and not k.startswith("r") else v.clone()
    out = fn(**leaves)
    ct = torch.randn(out.shape, dtype=out.dtype)
    (out * ct).sum().backward()
    g.t("out", out)
    g.t("ct", ct)
    for k, v in leaves.items():
        if v.requires_grad:
            g.t("g" + k, v.grad)
        elif k.startswith("r"):
            g.t(k + "_after", v)


def bn(training, momentum=0.1, eps=1e-5):
    def f(x, rm=None, rv=None, w=None, b=None):
        return F.batch_norm(x, rm, rv, w, b, training=training, momentum=momentum, eps=eps)
    return f


for shape in [(6, 3), (4, 3, 5), (2, 3, 4, 5)]:
    x = torch.randn(*shape, dtype=D) * 2 + 1
    c = shape[1]
    name = "bn%dd" % len(shape)
    record(name + "_train", "bn", bn(True, 0.3, 1e-3),
           {"x": x, "rm": torch.randn(c, dtype=D), "rv": torch.rand(c, dtype=D) + 0.5,
            "w": torch.randn(c, dtype=D), "b": torch.randn(c, dtype=D)}, training=True, momentum=0.3, eps=0.001)
    record(name + "_eval", "bn", bn(False),
           {"x": x, "rm": torch.randn(c, dtype=D), "rv": torch.rand(c, dtype=D) + 0.5,
            "w": torch.randn(c, dtype=D), "b": torch.randn(c, dtype=D)}, training=False, momentum=0.1, eps=1e-5)
    record(name + "_train_plain", "bn", bn(True), {"x": x}, training=True, momentum=0.1, eps=1e-5)

x = torch.randn(2, 3, 4, dtype=D)
record("ln_last", "ln", lambda x, w, b: F.layer_norm(x, (4,), w, b, 1e-5),
       {"x": x, "w": torch.randn(4, dtype=D), "b": torch.randn(4, dtype=D)}, shape=4, eps=1e-5)
record("ln_two", "ln", lambda x, w, b: F.layer_norm(x, (3, 4), w, b, 1e-3),
       {"x": x, "w": torch.randn(3, 4, dtype=D), "b": torch.randn(3, 4, dtype=D)}, shape=(3, 4), eps=1e-3)
record("ln_plain", "ln", lambda x: F.layer_norm(x, (4,), eps=1e-5), {"x": x}, shape=4, eps=1e-5)
record("emb", "emb", lambda idx, w: F.embedding(idx, w),
       {"idx": torch.tensor([[1, 3, 1], [0, 4, 3]]), "w": torch.randn(5, 3, dtype=D)})
record("emb_pad", "emb", lambda idx, w: F.embedding(idx, w, padding_idx=1),
       {"idx": torch.tensor([[1, 3, 1], [0, 4, 3]]), "w": torch.randn(5, 3, dtype=D)}, padding=1)


def state(m, prefix="sd."):
    for k, v in m.state_dict().items():
        g.t(prefix + k, v)


# BatchNorm2d module: two training steps, then eval; buffers after each.
for cid, m in [("mod_bn2d", nn.BatchNorm2d(3)), ("mod_bn2d_cma", nn.BatchNorm2d(3, momentum=None, eps=1e-3))]:
    with torch.no_grad():
        m.weight.normal_()
        m.bias.normal_()
    g.case(cid, "bnmodule", momentum="None" if m.momentum is None else m.momentum, eps=m.eps)
    state(m)
    for step, train in enumerate([True, True, False]):
        m.train(train)
        x = (torch.randn(2, 3, 4, 4) * 3 + 2).requires_grad_()
        out = m(x)
        ct = torch.randn(out.shape)
        (out * ct).sum().backward()
        g.t("x%d" % step, x)
        g.t("out%d" % step, out)
        g.t("ct%d" % step, ct)
        g.t("gx%d" % step, x.grad)
        state(m, "after%d." % step)
    g.t("gweight", m.weight.grad)
    g.t("gbias", m.bias.grad)


def rnn_case(cid, m, x, h0=None, c0=None):
    g.case(cid, "rnn", spec=cid)
    state(m)
    x = x.clone().requires_grad_()
    args = []
    if h0 is not None:
        h0 = h0.clone().requires_grad_()
        g.t("h0", h0)
    if c0 is not None:
        c0 = c0.clone().requires_grad_()
        g.t("c0", c0)
    if isinstance(m, nn.LSTM):
        out, (hn, cn) = m(x, None if h0 is None else (h0, c0))
    else:
        out, hn = m(x, h0)
        cn = None
    ct = torch.randn(out.shape)
    cth = torch.randn(hn.shape)
    loss = (out * ct).sum() + (hn * cth).sum()
    if cn is not None:
        ctc = torch.randn(cn.shape)
        loss = loss + (cn * ctc).sum()
        g.t("cn", cn)
        g.t("ctc", ctc)
    loss.backward()
    g.t("x", x)
    g.t("out", out)
    g.t("hn", hn)
    g.t("ct", ct)
    g.t("cth", cth)
    g.t("gx", x.grad)
    if h0 is not None:
        g.t("gh0", h0.grad)
    if c0 is not None:
        g.t("gc0", c0.grad)
    for k, p in m.named_parameters():
        g.t("g." + k, p.grad)


rnn_case("lstm", nn.LSTM(3, 4), torch.randn(5, 2, 3))
rnn_case("lstm2_bf", nn.LSTM(3, 4, num_layers=2, batch_first=True), torch.randn(2, 5, 3), torch.randn(2, 2, 4),
         torch.randn(2, 2, 4))
rnn_case("gru", nn.GRU(3, 4), torch.randn(5, 2, 3), torch.randn(1, 2, 4))
rnn_case("gru2_nobias_bf", nn.GRU(3, 4, num_layers=2, bias=False, batch_first=True), torch.randn(2, 4, 3))
rnn_case("lstm_unbatched", nn.LSTM(3, 2), torch.randn(4, 3))
g.save()
print("wrote", g.path)
