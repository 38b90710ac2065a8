#!/usr/bin/env python3
"""Golden values and gradients of convolution, pooling, unfold/fold, from PyTorch 1.13.

    /usr/bin/python3 tools/golden/gen_nn_conv.py

Writes core/src/test/resources/golden/nn/conv.txt (format in nn_golden.py). Functional cases are
float64: inputs, 'out', cotangent 'ct' and the gradients (gx, gw, gb) of sum(out * ct). Module
cases ('module' kind) are float32: the module's state dict as exported weights, the input, output
and gradients, for a Java module loaded with loadStateDict. Read by org.autograd4j.nn.ConvGoldenTest.
"""

import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from nn_golden import Golden  # noqa: E402

torch.manual_seed(42)
D = torch.float64
g = Golden("core/src/test/resources/golden/nn/conv.txt")


def fmt(v):
    return ",".join(str(i) for i in v) if isinstance(v, (tuple, list)) else str(v)


def record(cid, kind, fn, tensors, opts):
    g.case(cid, kind, **{k: fmt(v) for k, v in opts.items()})
    leaves = {k: v.clone().requires_grad_() if v.is_floating_point() else v for k, v in tensors.items()}
    out = fn(**leaves)
    if isinstance(out, tuple):
        out, idx = out
        g.t("indices", idx)
    ct = torch.randn(out.shape, dtype=out.dtype)
    (out * ct).sum().backward()
    for k, v in leaves.items():
        g.t(k, v)
    g.t("out", out)
    g.t("ct", ct)
    for k, v in leaves.items():
        if v.is_floating_point():
            g.t("g" + k, v.grad)


def conv2d_case(cid, x, w, b, stride=1, padding=0, dilation=1, groups=1):
    t = {"x": x, "w": w}
    if b is not None:
        t["b"] = b
    record(cid, "conv2d",
           lambda x, w, b=None: F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups),
           t, {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups})


conv2d_case("conv2d_basic", torch.randn(2, 3, 6, 5, dtype=D), torch.randn(4, 3, 3, 3, dtype=D), torch.randn(4, dtype=D))
conv2d_case("conv2d_strided_grouped", torch.randn(2, 4, 7, 6, dtype=D), torch.randn(6, 2, 3, 2, dtype=D), None,
            stride=(2, 1), padding=(1, 2), dilation=(2, 1), groups=2)
conv2d_case("conv2d_same_even", torch.randn(1, 2, 5, 6, dtype=D), torch.randn(3, 2, 2, 4, dtype=D), torch.randn(3, dtype=D),
            padding="same", dilation=(1, 1))
conv2d_case("conv2d_same_dilated", torch.randn(1, 2, 5, 6, dtype=D), torch.randn(3, 2, 3, 3, dtype=D), None,
            padding="same", dilation=(2, 1))
conv2d_case("conv2d_unbatched", torch.randn(2, 4, 4, dtype=D), torch.randn(3, 2, 2, 2, dtype=D), torch.randn(3, dtype=D),
            stride=(2, 2))


def conv1d_case(cid, x, w, b, stride=1, padding=0, dilation=1, groups=1):
    t = {"x": x, "w": w}
    if b is not None:
        t["b"] = b
    record(cid, "conv1d",
           lambda x, w, b=None: F.conv1d(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups),
           t, {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups})


conv1d_case("conv1d_basic", torch.randn(2, 3, 7, dtype=D), torch.randn(4, 3, 3, dtype=D), torch.randn(4, dtype=D))
conv1d_case("conv1d_strided", torch.randn(2, 4, 9, dtype=D), torch.randn(6, 2, 3, dtype=D), None, stride=2, padding=1,
            dilation=2, groups=2)
conv1d_case("conv1d_same", torch.randn(1, 2, 6, dtype=D), torch.randn(3, 2, 4, dtype=D), torch.randn(3, dtype=D),
            padding="same")


def convt_case(cid, x, w, b, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    t = {"x": x, "w": w}
    if b is not None:
        t["b"] = b
    record(cid, "convt2d",
           lambda x, w, b=None: F.conv_transpose2d(x, w, b, stride=stride, padding=padding,
                                                   output_padding=output_padding, groups=groups, dilation=dilation),
           t, {"stride": stride, "padding": padding, "output_padding": output_padding, "groups": groups,
               "dilation": dilation})


convt_case("convt_basic", torch.randn(2, 2, 3, 4, dtype=D), torch.randn(2, 3, 3, 3, dtype=D), torch.randn(3, dtype=D))
convt_case("convt_strided_grouped", torch.randn(1, 4, 3, 3, dtype=D), torch.randn(4, 2, 3, 2, dtype=D), None,
           stride=(2, 3), padding=(1, 0), output_padding=(1, 2), groups=2, dilation=(2, 1))


def pool_case(cid, kind, fn, x, **opts):
    record(cid, kind, lambda x: fn(x), {"x": x}, opts)


x = torch.randn(2, 3, 7, 6, dtype=D)
pool_case("maxpool_k2", "maxpool", lambda x: F.max_pool2d(x, 2, return_indices=True), x, kernel=(2, 2))
pool_case("maxpool_ceil", "maxpool",
          lambda x: F.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True, return_indices=True), x,
          kernel=(3, 3), stride=(2, 2), padding=(1, 1), ceil_mode=True)
pool_case("maxpool_dilated", "maxpool",
          lambda x: F.max_pool2d(x, (2, 3), stride=(1, 2), padding=(1, 1), dilation=(2, 1), return_indices=True),
          x, kernel=(2, 3), stride=(1, 2), padding=(1, 1), dilation=(2, 1))
pool_case("maxpool_unbatched", "maxpool", lambda x: F.max_pool2d(x, 2, return_indices=True),
          torch.randn(3, 5, 5, dtype=D), kernel=(2, 2))
pool_case("avgpool_k2", "avgpool", lambda x: F.avg_pool2d(x, 2), x, kernel=(2, 2))
pool_case("avgpool_ceil_nopad", "avgpool",
          lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), x,
          kernel=(3, 3), stride=(2, 2), padding=(1, 1), ceil_mode=True, count_include_pad=False)
pool_case("avgpool_pad_divisor", "avgpool",
          lambda x: F.avg_pool2d(x, (3, 2), stride=(2, 1), padding=(1, 1), divisor_override=5), x,
          kernel=(3, 2), stride=(2, 1), padding=(1, 1), divisor=5)
pool_case("avgpool_countpad", "avgpool",
          lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True), x,
          kernel=(3, 3), stride=(2, 2), padding=(1, 1), ceil_mode=True)
pool_case("adaptive_2x3", "adaptive", lambda x: F.adaptive_avg_pool2d(x, (2, 3)), x, size=(2, 3))
pool_case("adaptive_4x4", "adaptive", lambda x: F.adaptive_avg_pool2d(x, (4, 4)), x, size=(4, 4))
pool_case("adaptive_1", "adaptive", lambda x: F.adaptive_avg_pool2d(x, 1), x, size=(1, 1))
pool_case("unfold", "unfold", lambda x: F.unfold(x, (2, 3), dilation=(1, 2), padding=(1, 0), stride=(2, 1)), x,
          kernel=(2, 3), dilation=(1, 2), padding=(1, 0), stride=(2, 1))
pool_case("fold", "fold", lambda x: F.fold(x, (5, 4), (2, 2), dilation=1, padding=(1, 0), stride=(1, 2)),
          torch.randn(2, 12, 12, dtype=D), size=(5, 4), kernel=(2, 2), dilation=(1, 1), padding=(1, 0), stride=(1, 2))


def module_case(cid, m, x, spec):
    g.case(cid, "module", spec=spec)
    for k, v in m.state_dict().items():
        g.t("sd." + k, v)
    x = x.clone().requires_grad_()
    out = m(x)
    ct = torch.randn(out.shape)
    (out * ct).sum().backward()
    g.t("x", x)
    g.t("out", out)
    g.t("ct", ct)
    g.t("gx", x.grad)
    for k, p in m.named_parameters():
        g.t("g." + k, p.grad)
    g.lines.append("# repr " + repr(m).replace("\n", "\\n"))


module_case("mod_conv2d", nn.Conv2d(3, 4, 3, stride=2, padding=1), torch.randn(2, 3, 8, 8), "conv2d")
module_case("mod_conv1d", nn.Conv1d(2, 4, 3, padding=1, groups=2, bias=False), torch.randn(2, 2, 6), "conv1d")
module_case("mod_convt2d", nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1), torch.randn(1, 3, 4, 4),
            "convt2d")
module_case("mod_lenet", nn.Sequential(nn.Conv2d(1, 4, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 6, 3), nn.ReLU(),
                                       nn.AdaptiveAvgPool2d((2, 2)), nn.Flatten(), nn.Linear(24, 10)),
            torch.randn(3, 1, 16, 16), "lenet")
g.save()
print("wrote", g.path)
