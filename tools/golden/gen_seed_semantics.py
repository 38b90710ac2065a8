"""Golden values for SeedSemanticsTest: float32 results the seed tutorials print in full.

The seeds print some float32 results through Python's float repr (f"{t}" of a 0-d tensor, or
t.item()), so every bit must match. This records PyTorch's values; the test compares ours with
==. Run with the system Python that has torch (PyTorch 1.13):

    /usr/bin/python3 tools/golden/gen_seed_semantics.py > core/src/test/resources/golden/seed_semantics.tsv
"""
import torch

rows = []

# sigmoid on 0-d float32 tensors (PyTorch's scalar path: 1 / (1 + exp(-x)) in float arithmetic)
for v in [6.7, -6.7, 0.5, -0.25, 1.0, 2.25, 3.3, -4.1, 10.0, 15.5, -15.3, 0.1, 7.9, 12.0]:
    rows.append((f"sigmoid\t{v!r}", repr(torch.sigmoid(torch.tensor(v)).item())))

# seed 001 cells 32-40 and seed 004 cell 6: the manual binary cross-entropy gradients
x = torch.tensor(6.7)
y = torch.tensor(0.0)
w = torch.tensor(1.0)
b = torch.tensor(0.0)


def bce(p, t):
    p = torch.clamp(p, 1e-8, 1 - 1e-8)
    return -(t * torch.log(p) + (1 - t) * torch.log(1 - p))


y_pred = torch.sigmoid(w * x + b)
d = (y_pred - y) / (y_pred * (1 - y_pred))
s = y_pred * (1 - y_pred)
rows.append(("manual\tdL_dw", repr((d * s * x).item())))
rows.append(("manual\tdL_db", repr((d * s * 1).item())))

# seed 001 cells 41-48 and seed 004 cell 7: the same through autograd
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
loss = bce(torch.sigmoid(w * x + b), y)
loss.backward()
rows.append(("autograd\tloss", repr(loss.item())))
rows.append(("autograd\tw.grad", repr(w.grad.item())))
rows.append(("autograd\tb.grad", repr(b.grad.item())))

# seed 004 cell 33: linear regression, lr 0.01, 100 epochs
x = torch.tensor([1.0, 2.0, 3.0, 4.0])
y_true = torch.tensor([2.0, 4.0, 6.0, 8.0])
w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
for epoch in range(100):
    l = ((w * x + b - y_true) ** 2).mean()
    l.backward()
    with torch.no_grad():
        w -= 0.01 * w.grad
        b -= 0.01 * b.grad
        w.grad.zero_()
        b.grad.zero_()
rows.append(("regression\tw", repr(w.item())))
rows.append(("regression\tb", repr(b.item())))

print("# kind\tcase\tPython repr of PyTorch's value (tools/golden/gen_seed_semantics.py)")
for key, value in rows:
    print(f"{key}\t{value}")
