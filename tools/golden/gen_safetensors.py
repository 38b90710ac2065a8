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
3. Runs a table of hand-made edge-case and hostile buffers through the
   reference parser (safetensors.deserialize) and records its verdicts in
   reference_verdicts.tsv; SafeTensorsGoldenTest requires ours to match, except
   for the few cases listed in STRICTER where we reject on purpose.

Needs the real `safetensors` package plus torch and numpy. Debian bookworm has
no python3-safetensors, so use a venv over the system torch/numpy:

    /usr/bin/python3 -m venv --system-site-packages /tmp/stvenv
    /tmp/stvenv/bin/pip install --no-index --no-deps /path/to/safetensors-*.whl
    /tmp/stvenv/bin/python tools/golden/gen_safetensors.py

Deliberately no fallback to a hand-written writer: the point is to compare
against the reference code, not against our own reading of the spec.
"""
import base64
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


def buf(header, data=b""):
    h = header.encode() if isinstance(header, str) else header
    return struct.pack("<Q", len(h)) + h + data


A = '"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}'
Z4 = b"\0" * 4

# name -> buffer. Valid oddities the reference accepts, and hostile inputs it rejects.
CASES = {
    "minimal": buf("{" + A + "}", Z4),
    "unpadded_header": buf('{"a":{"dtype":"BOOL","shape":[1],"data_offsets":[0,1]}}', b"\1"),
    "whitespace_everywhere": buf(' {"a" :\t{"dtype":"F32","shape":[ 1 ],"data_offsets":[0,4]}}\r\n', Z4),
    "unknown_field_skipped": buf('{"a":{"x":[1.5e3,{"y":null}],"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', Z4),
    "metadata_null": buf('{"__metadata__":null,' + A + "}", Z4),
    "metadata_shaped_like_tensor": buf('{"__metadata__":{"dtype":"F32","shape":"1"},' + A + "}", Z4),
    "escaped_name": buf('{"\\u0061":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', Z4),
    "surrogate_pair_escape": buf('{"__metadata__":{"k":"\\ud83d\\ude00"},' + A + "}", Z4),
    "scalar": buf('{"a":{"dtype":"F32","shape":[],"data_offsets":[0,4]}}', Z4),
    "zero_size_tensors": buf('{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', Z4),
    "empty_object": buf("{}"),
    "too_short": b"\0" * 7,
    "header_longer_than_file": struct.pack("<Q", 1000) + b"{}",
    "header_over_100MB": struct.pack("<Q", 100_000_001) + b"{}",
    "header_length_2^64-1": struct.pack("<Q", 2**64 - 1) + b"{}",
    "empty_header": buf(""),
    "not_an_object": buf("[1]"),
    "byte_order_mark": buf(b"\xef\xbb\xbf{}"),
    "invalid_utf8": buf(b'{"\xff":1}'),
    "trailing_json": buf("{" + A + "} x", Z4),
    "nul_padding": buf("{" + A + "}\0\0", Z4),
    "duplicate_tensor": buf("{" + A + "," + A.replace("[0,4]", "[4,8]") + "}", Z4 * 2),
    "duplicate_field": buf('{"a":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}', Z4),
    "duplicate_metadata": buf('{"__metadata__":{},"__metadata__":{}}'),
    "missing_shape": buf('{"a":{"dtype":"F32","data_offsets":[0,4]}}', Z4),
    "three_offsets": buf('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,4]}}', Z4),
    "gap": buf('{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', Z4 * 2),
    "overlap": buf('{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', Z4 * 2),
    "begin_after_end": buf('{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}', Z4),
    "offsets_past_end": buf("{" + A + "}", b"\0" * 2),
    "offset_2^64-1": buf('{"a":{"dtype":"F32","shape":[1],"data_offsets":[18446744073709551615,3]}}', Z4),
    "trailing_data": buf("{" + A + "}", Z4 * 2),
    "shape_disagrees": buf('{"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}', b"\0" * 20),
    "shape_overflow": buf('{"a":{"dtype":"F32","shape":[18446744073709551615,2],"data_offsets":[0,4]}}', Z4),
    "negative_dim": buf('{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}', Z4),
    "minus_zero_dim": buf('{"a":{"dtype":"F32","shape":[-0],"data_offsets":[0,4]}}', Z4),
    "fractional_dim": buf('{"a":{"dtype":"F32","shape":[1.0],"data_offsets":[0,4]}}', Z4),
    "exponent_dim": buf('{"a":{"dtype":"F32","shape":[1e0],"data_offsets":[0,4]}}', Z4),
    "leading_zero_dim": buf('{"a":{"dtype":"F32","shape":[01],"data_offsets":[0,4]}}', Z4),
    "unknown_dtype": buf('{"a":{"dtype":"Q32","shape":[1],"data_offsets":[0,4]}}', Z4),
    "metadata_value_not_string": buf('{"__metadata__":{"k":1},' + A + "}", Z4),
    "lone_surrogate_escape": buf('{"__metadata__":{"k":"\\ud800"},' + A + "}", Z4),
    "nesting_200_deep": buf('{"a":{"x":' + "[" * 200 + "]" * 200 + ',"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', Z4),
    # The reference accepts these; we reject them on purpose (see STRICTER).
    "duplicate_metadata_key": buf('{"__metadata__":{"k":"1","k":"2"},' + A + "}", Z4),
    "f16_dtype": buf('{"a":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}', b"\0" * 2),
    "dim_beyond_int32": buf('{"a":{"dtype":"F32","shape":[0,4294967296],"data_offsets":[0,0]}}'),
    "rank_2000": buf('{"a":{"dtype":"F32","shape":[' + "1," * 1999 + '1],"data_offsets":[0,4]}}', Z4),
    "nesting_100_deep": buf('{"a":{"x":' + "[" * 100 + "]" * 100 + ',"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', Z4),
}

# Where we are deliberately stricter than the reference, and why.
STRICTER = {
    "duplicate_metadata_key": "the reference silently keeps the last value; we refuse ambiguity",
    "f16_dtype": "valid file, but we support only F32/F64/I64/BOOL and say so",
    "dim_beyond_int32": "our shapes are int[]",
    "rank_2000": "we cap rank at 1024 as a hostile-input limit",
    "nesting_100_deep": "we cap JSON nesting at 64 (the reference at 128); real headers nest 3 deep",
}


def reference_verdict(data):
    try:
        safetensors.deserialize(data)
        return "OK"
    except Exception:  # SafetensorError, or anything the reference raises for bad input
        return "ERR"


def write_verdicts():
    rows = ["# case\treference\tautograd4j\tbase64\tnote"]
    for name, data in CASES.items():
        ref = reference_verdict(data)
        ours = "ERR" if name in STRICTER else ref
        if name in STRICTER:
            assert ref == "OK", f"{name}: expected the reference to accept it"
        rows.append("\t".join([name, ref, ours, base64.b64encode(data).decode(), STRICTER.get(name, "")]))
    out = GOLDEN / "reference_verdicts.tsv"
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)} ({len(CASES)} cases)")


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
    write_verdicts()
    record = GOLDEN / "java_written.python-check.txt"
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
