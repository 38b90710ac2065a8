#!/usr/bin/env python3
"""Golden forward values and gradients of the nn losses, from PyTorch 1.13, float64.

    /usr/bin/python3 tools/golden/gen_nn_losses.py

Writes core/src/test/resources/golden/nn/losses.txt (format in nn_golden.py). For every case:
inputs (x, target, optional weight / pos_weight), the loss 'out', and the gradients 'gx' (and 'gt'
for the target where PyTorch differentiates it) of sum(out * ct) for a fixed cotangent ct (ct = 1
for reduced losses). Read by org.autograd4j.nn.LossGoldenTest.
"""

import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from nn_golden import Golden  # noqa: E402

torch.manual_seed(1234)
D = torch.float64
g = Golden("core/src/test/resources/golden/nn/losses.txt")


def run(cid, kind, fn, x, target, target_grad, extra, **opts):
    g.case(cid, kind, **opts)
    x = x.clone().requires_grad_()
    target = target.clone()
    if target_grad:
        target.requires_grad_()
    out = fn(x, target)
    ct = torch.randn(out.shape, dtype=D) if out.dim() > 0 else torch.tensor(1.0, dtype=D)
    (out * ct).sum().backward()
    g.t("x", x)
    g.t("target", target)
    for k, v in extra.items():
        g.t(k, v)
    g.t("out", out)
    g.t("ct", ct)
    g.t("gx", x.grad)
    if target_grad:
        g.t("gt", target.grad)


for red in ["mean", "sum", "none"]:
    x = torch.randn(3, 4, dtype=D)
    y = torch.randn(3, 4, dtype=D)
    # exact ties at the threshold are avoided by the random data
    run("mse_" + red, "mse", lambda a, b: F.mse_loss(a, b, reduction=red), x, y, True, {}, reduction=red)
    run("l1_" + red, "l1", lambda a, b: F.l1_loss(a, b, reduction=red), x, y, True, {}, reduction=red)
    run("smoothl1_" + red, "smoothl1",
        lambda a, b: F.smooth_l1_loss(a, b, reduction=red, beta=0.7), x, y, True, {}, reduction=red, beta=0.7)
    run("huber_" + red, "huber",
        lambda a, b: F.huber_loss(a, b, reduction=red, delta=0.6), x, y, True, {}, reduction=red, delta=0.6)

    p = torch.rand(3, 4, dtype=D) * 0.98 + 0.01
    q = torch.rand(3, 4, dtype=D)
    w = torch.rand(4, dtype=D) + 0.5
    run("bce_" + red, "bce", lambda a, b: F.binary_cross_entropy(a, b, reduction=red), p, q, True, {}, reduction=red)
    run("bcew_" + red, "bce",
        lambda a, b: F.binary_cross_entropy(a, b, weight=w, reduction=red), p, q, True, {"weight": w},
        reduction=red)
    z = torch.randn(3, 4, dtype=D) * 3
    pw = torch.rand(4, dtype=D) * 3
    run("bcelogits_" + red, "bcelogits",
        lambda a, b: F.binary_cross_entropy_with_logits(a, b, reduction=red), z, q, True, {}, reduction=red)
    run("bcelogitsw_" + red, "bcelogits",
        lambda a, b: F.binary_cross_entropy_with_logits(a, b, weight=w, pos_weight=pw, reduction=red),
        z, q, True, {"weight": w, "pos_weight": pw}, reduction=red)

    logits = torch.randn(5, 4, dtype=D)
    t = torch.tensor([0, 3, 1, -100, 2])
    cw = torch.rand(4, dtype=D) + 0.5
    run("ce_" + red, "ce", lambda a, b: F.cross_entropy(a, b, reduction=red), logits, t, False, {}, reduction=red)
    run("cew_" + red, "ce", lambda a, b: F.cross_entropy(a, b, weight=cw, reduction=red), logits, t, False,
        {"weight": cw}, reduction=red)
    run("ces_" + red, "ce",
        lambda a, b: F.cross_entropy(a, b, weight=cw, reduction=red, label_smoothing=0.2, ignore_index=3),
        logits, t.clamp(min=0), False, {"weight": cw}, reduction=red, smoothing=0.2, ignore=3)
    l3 = torch.randn(2, 3, 4, 2, dtype=D)
    t3 = torch.randint(0, 3, (2, 4, 2))
    run("ce4d_" + red, "ce", lambda a, b: F.cross_entropy(a, b, reduction=red, label_smoothing=0.1), l3, t3,
        False, {}, reduction=red, smoothing=0.1)
    probs = torch.softmax(torch.randn(5, 4, dtype=D), 1)
    run("ceprob_" + red, "ce",
        lambda a, b: F.cross_entropy(a, b, weight=cw, reduction=red, label_smoothing=0.1), logits, probs,
        False, {"weight": cw}, reduction=red, smoothing=0.1)
    lp = torch.log_softmax(logits, 1)
    run("nll_" + red, "nll", lambda a, b: F.nll_loss(a, b, weight=cw, reduction=red), lp, t, False,
        {"weight": cw}, reduction=red)
    run("nll3d_" + red, "nll", lambda a, b: F.nll_loss(a, b, reduction=red, ignore_index=1), l3,
        t3, False, {}, reduction=red, ignore=1)

for red in ["mean", "sum", "none", "batchmean"]:
    lp = torch.log_softmax(torch.randn(3, 4, dtype=D), 1)
    tp = torch.softmax(torch.randn(3, 4, dtype=D), 1)
    tp[0, 1] = 0.0
    run("kl_" + red, "kl", lambda a, b: F.kl_div(a, b, reduction=red), lp, tp, False, {}, reduction=red,
        log_target=False)
    run("kllog_" + red, "kl", lambda a, b: F.kl_div(a, b, reduction=red, log_target=True), lp, tp.clamp(min=1e-3).log(),
        True, {}, reduction=red, log_target=True)

# unbatched class target and an all-ignored batch (mean is nan)
run("ce1d_mean", "ce", lambda a, b: F.cross_entropy(a, b), torch.randn(4, dtype=D), torch.tensor(2), False, {},
    reduction="mean")
g.save()
print("wrote", g.path, len(g.lines), "lines")
