#!/usr/bin/env python3
"""State-dict interchange through safetensors, and a small model trained in PyTorch 1.13.

Needs torch and the `safetensors` package (see README.md in this directory for the venv):

    /tmp/stvenv/bin/python tools/golden/gen_train_golden.py

Writes into core/src/test/resources/golden/:

1. torch_small_model.safetensors: the state dict of
   nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)) (seed 0), saved with
   safetensors.torch.save_file; and torch_small_model.values.tsv with its values
   as Python reprs, so the Java test checks what it loads against PyTorch's numbers.
2. train_batches.safetensors: five fixed batches x [5, 8, 4] (float32) and
   y [5, 8] (int64, classes 0..1).
3. train_small.<sgd_momentum|adam>.safetensors: after training the model above
   for five steps (CrossEntropyLoss, one batch per step) the final state dict,
   plus "losses" [5], the loss before each step.
4. java_state_dict.python-check.txt: loads java_state_dict.safetensors (written
   by GoldenStateDict.main in the Java tests) into the same Sequential with
   load_state_dict(strict=True) and records the forward pass on a fixed input.
"""
import pathlib

import torch
from safetensors.torch import load_file, save_file

GOLDEN = pathlib.Path(__file__).resolve().parents[2] / "core/src/test/resources/golden"


def model():
    return torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2))


torch.manual_seed(0)
m0 = model()
init = {k: v.detach().clone() for k, v in m0.state_dict().items()}
save_file(init, str(GOLDEN / "torch_small_model.safetensors"), metadata={"format": "pt"})
with open(GOLDEN / "torch_small_model.values.tsv", "w") as f:
    for k, v in init.items():
        f.write(f"{k}\t{list(v.shape)}\t{','.join(repr(float(x)) for x in v.reshape(-1).tolist())}\n")

g = torch.Generator().manual_seed(7)
x = torch.randn(5, 8, 4, generator=g)
y = torch.randint(0, 2, (5, 8), generator=g)
save_file({"x": x, "y": y}, str(GOLDEN / "train_batches.safetensors"))

OPTIMIZERS = {
    "sgd_momentum": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "adam": lambda p: torch.optim.Adam(p, lr=0.01),
}
for name, make in OPTIMIZERS.items():
    m = model()
    m.load_state_dict(load_file(str(GOLDEN / "torch_small_model.safetensors")))
    opt = make(m.parameters())
    loss_fn = torch.nn.CrossEntropyLoss()
    losses = []
    for step in range(5):
        opt.zero_grad()
        loss = loss_fn(m(x[step]), y[step])
        losses.append(loss.item())
        loss.backward()
        opt.step()
    out = {k: v.detach().clone() for k, v in m.state_dict().items()}
    out["losses"] = torch.tensor(losses, dtype=torch.float32)
    save_file(out, str(GOLDEN / f"train_small.{name}.safetensors"))
    print(name, losses)

java_file = GOLDEN / "java_state_dict.safetensors"
if java_file.exists():
    m = model()
    m.load_state_dict(load_file(str(java_file)), strict=True)
    inp = torch.arange(8, dtype=torch.float32).reshape(2, 4) / 10 - 0.3
    out = m(inp).detach()
    (GOLDEN / "java_state_dict.python-check.txt").write_text(
        "forward of arange(8).reshape(2, 4) / 10 - 0.3 with java_state_dict.safetensors loaded"
        " by torch.nn.Module.load_state_dict(strict=True):\n"
        + ",".join(repr(float(v)) for v in out.reshape(-1).tolist()) + "\n")
    print("checked", java_file)
else:
    print("run GoldenStateDict.main first to write", java_file)
