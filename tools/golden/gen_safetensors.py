#!/usr/bin/env python3
"""Cross-checks autograd4j's safetensors code against the reference implementation.

1. Writes core/src/test/resources/golden/python_reference.safetensors with
   safetensors.torch.save_file (F32, F64, I64, BOOL, a scalar, an empty tensor,
   metadata). SafeTensorsGoldenTest reads it and checks our writer reproduces
   it byte for byte.
2. Loads java_written.safetensors (written by our Java writer, see
   GoldenSafeTensors.main) with safetensors.torch.load_file, safe_open and
   safetensors.numpy.load, checks every value, dtype, shape and the metadata,
   and checks the reference writer lays out the same tensors identically.
   The outcome is recorded in java_written.python-check.txt.

Needs the real `safetensors` package plus torch and numpy. Debian bookworm has
no python3-safetensors, so use a venv over the system torch/numpy:

    /usr/bin/python3 -m venv --system-site-packages /tmp/stvenv
    /tmp/stvenv/bin/pip install --no-index --no-deps /path/to/safetensors-*.whl
    /tmp/stvenv/bin/python tools/golden/gen_safetensors.py

Deliberately no fallback to a hand-written writer: the point is to compare
against the reference code, not against our own reading of the spec.
"""
import json
import pathlib
import struct
import sys

try:
    import safetensors
    import safetensors.numpy
    import safetensors.torch
    import torch
except ImportError as e:  # pragma: no cover - environment problem, say how to fix it
    sys.exit(f"needs the reference safetensors package and torch: {e}\n{__doc__}")

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "core/src/test/resources/golden"


def python_reference_tensors():
    # Mirrors GoldenSafeTensors.pythonReferenceTensors() on the Java side.
    return {
        "embed.weight": torch.arange(12, dtype=torch.float32).reshape(3, 4) / 4 - 1,
        "scale": torch.tensor([0.1, -2.5, 1e300], dtype=torch.float64),
        "positions": torch.tensor([[0, -1, 2**40], [7, 8, -(2**62)]], dtype=torch.int64),
        "mask": torch.tensor([True, False, True, True, False]),
        "step": torch.tensor(1234, dtype=torch.int64),
        "empty": torch.zeros((0, 3), dtype=torch.float32),
    }


def java_written_expected():
    # Mirrors GoldenSafeTensors.javaWrittenTensors() / javaWrittenMetadata().
    tensors = {
        "layer.0.w": torch.tensor([[1.5, -2.0], [0.0, 3.25]], dtype=torch.float32),
        "layer.0.b": torch.tensor([0.5, -0.5], dtype=torch.float32),
        "ünïcode.μ": torch.tensor([2.718281828459045, -1e-300], dtype=torch.float64),
        "count": torch.tensor(2**63 - 1, dtype=torch.int64),
        "flags": torch.tensor([[False, True, True]]),
        "none": torch.zeros((2, 0), dtype=torch.int64),
    }
    metadata = {
        "format": "pt",
        "writer": "autograd4j",
        "tricky": "quote \" backslash \\ newline \n tab \t ctrl \u0001 emoji \U0001F389",
    }
    return tensors, metadata


def split(raw):
    n = struct.unpack("<Q", raw[:8])[0]
    return json.loads(raw[8 : 8 + n]), raw[8 + n :]


def check_java_written(lines):
    path = GOLDEN / "java_written.safetensors"
    raw = path.read_bytes()
    expected, expected_meta = java_written_expected()

    loaded = safetensors.torch.load_file(str(path))
    assert set(loaded) == set(expected), (sorted(loaded), sorted(expected))
    for name, want in expected.items():
        got = loaded[name]
        assert got.dtype == want.dtype, (name, got.dtype, want.dtype)
        assert tuple(got.shape) == tuple(want.shape), (name, got.shape, want.shape)
        assert torch.equal(got, want), (name, got, want)
        lines.append(f"torch.load_file: {name!r} {got.dtype} {tuple(got.shape)} values equal")

    with safetensors.safe_open(str(path), framework="pt") as f:
        assert f.metadata() == expected_meta, f.metadata()
        lines.append(f"safe_open: metadata equal ({len(expected_meta)} keys)")

    as_numpy = safetensors.numpy.load(raw)
    assert set(as_numpy) == set(expected)
    lines.append("safetensors.numpy.load: loads all tensors")

    # The reference writer must lay out the same tensors exactly as ours did. Metadata is left
    # out of the byte comparison: the reference keeps it in a hash map, so its key order varies.
    ours_header, ours_data = split(raw)
    ref_header, ref_data = split(safetensors.torch.save(expected, metadata=expected_meta))
    assert ours_data == ref_data, "tensor data bytes differ"
    ours_tensors = {k: v for k, v in ours_header.items() if k != "__metadata__"}
    ref_tensors = {k: v for k, v in ref_header.items() if k != "__metadata__"}
    assert list(ours_tensors) == list(ref_tensors), (list(ours_tensors), list(ref_tensors))
    assert ours_tensors == ref_tensors, (ours_tensors, ref_tensors)
    assert next(iter(ours_header)) == "__metadata__", "metadata must come first, as the reference writes it"
    lines.append("reference writer: same tensor order, offsets and data bytes as ours")
    no_meta = safetensors.torch.save(expected)
    ours_no_meta = raw_without_metadata(ours_header, ours_data)
    assert no_meta == ours_no_meta, "byte-identical check without metadata failed"
    lines.append("reference writer without metadata: byte-identical to ours re-padded")


def raw_without_metadata(header, data):
    # Rebuilds our file without __metadata__ following the reference rules (compact JSON, spaces
    # to a multiple of 8), to compare whole files byte for byte with safetensors.torch.save.
    h = {k: v for k, v in header.items() if k != "__metadata__"}
    text = json.dumps(h, separators=(",", ":"), ensure_ascii=False).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + data


def main():
    GOLDEN.mkdir(parents=True, exist_ok=True)
    out = GOLDEN / "python_reference.safetensors"
    safetensors.torch.save_file(python_reference_tensors(), str(out), metadata={"format": "pt"})
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size} bytes)")

    lines = [
        "# Written by tools/golden/gen_safetensors.py: the reference implementation reading",
        "# java_written.safetensors, produced by autograd4j's SafeTensors.write.",
        f"safetensors {safetensors.__version__}, torch {torch.__version__}, python {sys.version.split()[0]}",
    ]
    check_java_written(lines)
    lines.append("RESULT: OK")
    record = GOLDEN / "java_written.python-check.txt"
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
