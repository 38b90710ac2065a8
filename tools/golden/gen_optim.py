#!/usr/bin/env python3
"""Golden trajectories of torch.optim optimizers and LR schedulers (PyTorch 1.13).

Writes core/src/test/resources/golden/optim.tsv, read by OptimGoldenTest and
LRSchedulerGoldenTest. Run with the system interpreter that has torch:

    /usr/bin/python3 tools/golden/gen_optim.py

Optimizer cases: two float64 parameters w [3, 4] and b [4] with fixed initial
values, trained on the loss  sum(sin(w) * A) + sum((b * B)^2) + sum(w[0] * b)
(gradients depend on the parameters, so errors compound), STEPS steps. Lines:

    opt <case> <key> <comma-separated values>

keys: w0, b0, A, B (inputs) and w<k>, b<k> (after step k, 1-based).
Scheduler cases: a float64 parameter and SGD(lr=0.1[, momentum]); after each
optimizer.step() the scheduler steps; we record get_last_lr()[0] (and the
momentum / beta1 the scheduler set). Lines:

    sched <case> lr <values>         (index 0 = after construction)
    sched <case> momentum <values>
"""
import math
import pathlib

import torch

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parents[2] / "core/src/test/resources/golden/optim.tsv"
STEPS = 6

g = torch.Generator().manual_seed(1234)
W0 = torch.randn(3, 4, generator=g)
B0 = torch.randn(4, generator=g)
A = torch.randn(3, 4, generator=g)
B = torch.rand(4, generator=g) + 0.5


def fmt(t):
    return ",".join(repr(float(x)) for x in t.reshape(-1).tolist())


def loss_fn(w, b):
    return (torch.sin(w) * A).sum() + ((b * B) ** 2).sum() + (w[0] * b).sum()


OPT_CASES = {
    "sgd": lambda p: torch.optim.SGD(p, lr=0.1),
    "sgd_momentum_wd_dampening": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01),
    "sgd_nesterov_maximize": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.8, nesterov=True, maximize=True),
    "adam": lambda p: torch.optim.Adam(p, lr=0.05),
    "adam_wd_betas": lambda p: torch.optim.Adam(p, lr=0.03, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1),
    "adam_amsgrad": lambda p: torch.optim.Adam(p, lr=0.05, amsgrad=True, weight_decay=0.01),
    "adam_maximize": lambda p: torch.optim.Adam(p, lr=0.05, maximize=True),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.05),
    "adamw_amsgrad_wd": lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.3, amsgrad=True),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01),
    "rmsprop_momentum_wd": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.7, weight_decay=0.05),
    "rmsprop_centered": lambda p: torch.optim.RMSprop(p, lr=0.01, centered=True, eps=1e-4),
    "rmsprop_centered_momentum": lambda p: torch.optim.RMSprop(p, lr=0.01, centered=True, momentum=0.5),
    "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1),
    "adagrad_decay_wd_init": lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.05, weight_decay=0.02, initial_accumulator_value=0.3, eps=1e-6),
    # Two groups: b with its own lr and betas.
    "adam_groups": lambda p: torch.optim.Adam([{"params": [p[0]]}, {"params": [p[1]], "lr": 0.2, "betas": (0.5, 0.9)}], lr=0.01),
}

lines = []
for name, make in OPT_CASES.items():
    w = W0.clone().requires_grad_()
    b = B0.clone().requires_grad_()
    opt = make([w, b])
    lines.append(f"opt\t{name}\tw0\t{fmt(W0)}")
    lines.append(f"opt\t{name}\tb0\t{fmt(B0)}")
    lines.append(f"opt\t{name}\tA\t{fmt(A)}")
    lines.append(f"opt\t{name}\tB\t{fmt(B)}")
    for k in range(1, STEPS + 1):
        opt.zero_grad()
        loss_fn(w, b).backward()
        opt.step()
        lines.append(f"opt\t{name}\tw{k}\t{fmt(w.detach())}")
        lines.append(f"opt\t{name}\tb{k}\t{fmt(b.detach())}")

SCHED_STEPS = 14
S = torch.optim.lr_scheduler


def sched_case(name, make_opt, make_scheds, momentum_key=None):
    p = torch.zeros(2, requires_grad=True)
    opt = make_opt([p])
    scheds = make_scheds(opt)
    lrs = [scheds[-1].get_last_lr()[0]]
    moms = []

    def mom():
        grp = opt.param_groups[0]
        return grp["betas"][0] if momentum_key == "betas" else grp["momentum"]

    if momentum_key:
        moms.append(mom())
    for _ in range(SCHED_STEPS):
        p.grad = torch.ones(2)
        opt.step()
        for s in scheds:
            s.step()
        lrs.append(scheds[-1].get_last_lr()[0])
        if momentum_key:
            moms.append(mom())
    lines.append(f"sched\t{name}\tlr\t{','.join(repr(float(x)) for x in lrs)}")
    if momentum_key:
        lines.append(f"sched\t{name}\tmomentum\t{','.join(repr(float(x)) for x in moms)}")


sgd = lambda p: torch.optim.SGD(p, lr=0.1)
sgd_m = lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)
adam = lambda p: torch.optim.Adam(p, lr=0.1)
sched_case("step", sgd, lambda o: [S.StepLR(o, step_size=3, gamma=0.5)])
sched_case("multistep", sgd, lambda o: [S.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3)])
sched_case("exponential", sgd, lambda o: [S.ExponentialLR(o, gamma=0.9)])
sched_case("cosine", sgd, lambda o: [S.CosineAnnealingLR(o, T_max=4, eta_min=0.01)])
sched_case("cosine_default", sgd, lambda o: [S.CosineAnnealingLR(o, T_max=10)])
sched_case("linear", sgd, lambda o: [S.LinearLR(o, start_factor=0.2, end_factor=0.9, total_iters=4)])
sched_case("linear_default", sgd, lambda o: [S.LinearLR(o)])
sched_case("onecycle", sgd_m, lambda o: [S.OneCycleLR(o, max_lr=1.0, total_steps=SCHED_STEPS)], "momentum")
sched_case("onecycle_three_phase_linear_adam", adam,
           lambda o: [S.OneCycleLR(o, max_lr=0.5, total_steps=SCHED_STEPS + 2, pct_start=0.25,
                                   anneal_strategy="linear", three_phase=True,
                                   base_momentum=0.8, max_momentum=0.9, div_factor=10.0,
                                   final_div_factor=100.0)], "betas")
sched_case("chained_step_exponential", sgd,
           lambda o: [S.StepLR(o, step_size=4, gamma=0.1), S.ExponentialLR(o, gamma=0.95)])

# Closed forms: scheduler.step(epoch) jumps (deprecated API, still supported).
for name, make in [("step", lambda o: S.StepLR(o, step_size=3, gamma=0.5)),
                   ("multistep", lambda o: S.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3)),
                   ("exponential", lambda o: S.ExponentialLR(o, gamma=0.9)),
                   ("cosine", lambda o: S.CosineAnnealingLR(o, T_max=4, eta_min=0.01)),
                   ("linear", lambda o: S.LinearLR(o, start_factor=0.2, end_factor=0.9, total_iters=4))]:
    import warnings
    warnings.simplefilter("ignore")
    p = torch.zeros(2, requires_grad=True)
    o = sgd([p])
    s = make(o)
    vals = []
    for e in [7, 2, 10, 0, 5]:
        s.step(e)
        vals.append(s.get_last_lr()[0])
    lines.append(f"closed\t{name}\tlr\t{','.join(repr(float(x)) for x in vals)}")

# clip_grad_norm_ / clip_grad_value_ on two float64 gradients. Lines:
#     clip <case> g0 / g1 (input grads), total, c0 / c1 (clipped grads)
cg = torch.Generator().manual_seed(99)
G0 = torch.randn(3, 4, generator=cg) * 2
G1 = torch.randn(5, generator=cg)
for name, max_norm, norm_type in [("l2", 1.0, 2.0), ("l2_noclip", 100.0, 2.0), ("l1", 2.0, 1.0),
                                  ("inf", 0.5, float("inf")), ("p3", 1.5, 3.0), ("p0_5", 4.0, 0.5)]:
    ps = [torch.zeros(3, 4, requires_grad=True), torch.zeros(5, requires_grad=True)]
    ps[0].grad = G0.clone()
    ps[1].grad = G1.clone()
    total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type)
    lines.append(f"clip\t{name}\tg0\t{fmt(G0)}")
    lines.append(f"clip\t{name}\tg1\t{fmt(G1)}")
    lines.append(f"clip\t{name}\targs\t{max_norm!r},{norm_type!r}")
    lines.append(f"clip\t{name}\ttotal\t{float(total)!r}")
    lines.append(f"clip\t{name}\tc0\t{fmt(ps[0].grad)}")
    lines.append(f"clip\t{name}\tc1\t{fmt(ps[1].grad)}")
ps = [torch.zeros(3, 4, requires_grad=True)]
ps[0].grad = G0.clone()
torch.nn.utils.clip_grad_value_(ps, 0.7)
lines.append(f"clip\tvalue\tc0\t{fmt(ps[0].grad)}")

OUT.write_text("\n".join(lines) + "\n")
print(f"wrote {len(lines)} lines to {OUT}")
