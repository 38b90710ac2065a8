"""Golden Graphviz DOT for Torch.autograd.toDot, from real PyTorch 1.13 graphs.

Walks grad_fn graphs with the layout rules of torchviz's make_dot (node and edge order, labels,
colours, resize_graph) and lets the `graphviz` Python package quote and format the text. Python
object ids are replaced by numbers in order of first appearance, as GraphDot numbers its nodes, so
the output is deterministic and comparable. torchviz itself is not needed.

Run: PYTHONPATH=/path/with/graphviz /usr/bin/python3 tools/golden/gen_dot.py
Writes core/src/test/resources/golden/dot/*.dot
"""
import os
import re

import torch
from graphviz import Digraph

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "core", "src", "test", "resources",
                   "golden", "dot")


def graph_dot(output, names=None):
    names = {id(t): n for t, n in (names or {}).items()}
    dot = Digraph(node_attr=dict(style="filled", shape="box", align="left", fontsize="10",
                                 ranksep="0.1", height="0.2", fontname="monospace"),
                  graph_attr=dict(size="12,12"))
    seen = set()
    keep = []  # keep objects alive so ids stay unique

    def key(o):
        keep.append(o)
        return "K%d" % id(o)

    def label(t):
        shape = "(" + ", ".join("%d" % d for d in t.size()) + ")"
        return "%s\n %s" % (names.get(id(t), ""), shape)

    def visit(fn):
        if fn in seen:
            return
        seen.add(fn)
        if hasattr(fn, "variable"):
            v = fn.variable
            seen.add(v)
            dot.node(key(v), label(v), fillcolor="lightblue")
            dot.edge(key(v), key(fn))
        dot.node(key(fn), type(fn).__name__)
        for nxt, _ in fn.next_functions:
            if nxt is not None:
                dot.edge(key(nxt), key(fn))
                visit(nxt)
        if hasattr(fn, "saved_tensors"):
            for t in fn.saved_tensors:
                seen.add(t)
                dot.edge(key(t), key(fn), dir="none")
                dot.node(key(t), label(t), fillcolor="orange")

    def base_tensor(t, color="darkolivegreen1"):
        if t in seen:
            return
        seen.add(t)
        dot.node(key(t), label(t), fillcolor=color)
        if t.grad_fn:
            visit(t.grad_fn)
            dot.edge(key(t.grad_fn), key(t))
        if t._is_view():
            base_tensor(t._base, color="darkolivegreen3")
            dot.edge(key(t._base), key(t), style="dotted")

    base_tensor(output)
    size = max(12, len(dot.body) * 0.15)
    dot.graph_attr.update(size=str(size) + "," + str(size))
    numbers = {}
    return re.sub(r"K\d+", lambda m: str(numbers.setdefault(m.group(0), len(numbers))), dot.source)


def seed004():
    # /work/shared/seeds/004: z = w*x + b, y_pred = sigmoid(z), loss = BCE via clamp and log
    x = torch.tensor(6.7)
    y = torch.tensor(0.0)
    w = torch.tensor(1.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    z = w * x + b
    y_pred = torch.sigmoid(z)
    epsilon = 1e-8
    p = torch.clamp(y_pred, epsilon, 1 - epsilon)
    loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p))
    return w, b, loss


def write(name, text):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    w, b, loss = seed004()
    write("seed004.dot", graph_dot(loss))
    write("seed004_named.dot", graph_dot(loss, {w: "w", b: "b", loss: "loss"}))

    # a view output with a modified base, an expanded (broadcast) input and a reused leaf
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    v = torch.tensor([1.0, 2.0], requires_grad=True)
    c = a.clone()
    c.narrow(0, 0, 1).mul_(2)
    out = (c * v + a).sum(0).narrow(0, 1, 1)
    write("views.dot", graph_dot(out, {a: "a", v: "v"}))


if __name__ == "__main__":
    main()
