#!/usr/bin/env python3
"""Writes PyTorch's tensor reprs as golden data for TensorFormatterGoldenTest.

Run with a Python that has PyTorch 1.13 (on the build machine: /usr/bin/python3):

    /usr/bin/python3 tools/golden/gen_repr.py [core/src/test/resources/golden/repr.tsv]

Output: one case per line, tab-separated, lines starting with '#' are comments:

    name  dtype  shape  suffixes  values  repr

  name      unique, readable case name
  dtype     float32 | float64 | int64 | bool
  shape     comma-separated sizes, empty for a 0-d scalar
  suffixes  the items PyTorch appends after its own dtype/size items (grad_fn=<...> or
            requires_grad=True), joined by ';', empty if none
  values    row-major elements, comma-separated: float32 as the 8 hex digits of its bits,
            float64 as the 16 hex digits of its bits (so nothing is lost, nan signs included),
            int64 in decimal, bool as 0/1
  repr      repr(tensor) with '\\' -> '\\\\', newline -> '\\n', tab -> '\\t'
"""

import math
import sys

import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else "core/src/test/resources/golden/repr.tsv"
DTYPES = {
    torch.float32: "float32",
    torch.float64: "float64",
    torch.int64: "int64",
    torch.bool: "bool",
}

cases = []
names = set()


def add(name, t):
    """Records one case: the tensor's elements, its autograd suffix and its repr."""
    assert name not in names, name
    assert "\t" not in name and " " not in name, name
    names.add(name)
    suffixes = []
    if t.grad_fn is not None:
        suffixes.append("grad_fn=<{}>".format(type(t.grad_fn).__name__))
    elif t.requires_grad:
        suffixes.append("requires_grad=True")
    flat = t.detach().contiguous().reshape(-1)
    if t.dtype == torch.float32:
        values = ["%08x" % (b & 0xFFFFFFFF) for b in flat.view(torch.int32).tolist()]
    elif t.dtype == torch.float64:
        values = ["%016x" % (b & 0xFFFFFFFFFFFFFFFF) for b in flat.view(torch.int64).tolist()]
    elif t.dtype == torch.int64:
        values = [str(v) for v in flat.tolist()]
    elif t.dtype == torch.bool:
        values = ["1" if v else "0" for v in flat.tolist()]
    else:
        raise ValueError(t.dtype)
    text = repr(t)
    for s in suffixes:
        assert s in text, (name, s, text)
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    cases.append(
        "\t".join(
            [
                name,
                DTYPES[t.dtype],
                ",".join(str(s) for s in t.shape),
                ";".join(suffixes),
                ",".join(values),
                escaped,
            ]
        )
    )


f32, f64, i64, b8 = torch.float32, torch.float64, torch.int64, torch.bool
nan, inf = math.nan, math.inf
T = torch.tensor

# ---- 0-d scalars: every mode, signs, non-finite, both float dtypes -------------------------
scalars = {
    "ten": 10.0, "pi": 3.14159265, "9_912": 9.912, "zero": 0.0, "neg_zero": -0.0,
    "nan": nan, "inf": inf, "neg_inf": -inf, "1e9": 1e9, "1e5": 100000.0, "1e8": 1e8,
    "123456789": 123456789.0, "half_even_03125": 0.03125, "half_even_09375": 0.09375,
    "1e-5": 1e-5, "neg_1e-5": -1e-5, "1e-4": 1e-4, "half": 0.5, "neg_2_5": -2.5,
    "neg_int": -7.0, "tiny_round_to_zero_neg": -0.00004, "big_fraction": 12345.678,
    "1e30": 1e30, "neg_1e-30": -1e-30, "0_99995": 0.99995, "9_99996e-5": 9.99996e-5,
}
for n, v in scalars.items():
    add("scalar_f32_" + n, T(v))
    add("scalar_f64_" + n, T(v, dtype=f64))
add("scalar_f64_1e300", T(1e300, dtype=f64))
add("scalar_f64_1e-300", T(1e-300, dtype=f64))
add("scalar_f32_denormal", T(1e-45))
for n, v in {"zero": 0, "neg": -5, "big": 2**62, "min": -(2**63), "max": 2**63 - 1}.items():
    add("scalar_i64_" + n, T(v))
add("scalar_bool_true", T(True))
add("scalar_bool_false", T(False))
add("scalar_f64_requires_grad", T(2.0, dtype=f64, requires_grad=True))
add("scalar_f32_requires_grad", T(2.0, requires_grad=True))
x = T(3.0, requires_grad=True)
add("scalar_pow_backward", x**2)
add("scalar_sum_backward", (T([1.0, 2.0], requires_grad=True) * 3).sum())
add("scalar_mean_backward_f64", T([1.0, 2.5], dtype=f64, requires_grad=True).mean())

# ---- 1-D: modes and alignment ----------------------------------------------------------------
vectors = {
    "thirds": [2 / 3, 4 / 3, 2.0],
    "seen_sci": [0.64465, 15.289, 0.009957],
    "int_mode_mixed_width": [1.0, -20.0, 300.0],
    "nan_one_inf": [nan, 1.0, inf],
    "all_nonfinite": [nan, -inf, inf],
    "zeros": [0.0, 0.0, 0.0],
    "zero_neg_zero": [0.0, -0.0],
    "neg_zero_fixed": [-0.0, 1.5],
    "neg_zero_int": [-0.0, 1000.0],
    "neg_zero_sci": [-0.0, 1e-5, 1.0],
    "nan_fixed": [nan, 0.5, -1.25],
    "nan_sci": [nan, 1e-5, -1.0],
    "inf_int": [-inf, 2.0, 30.0],
    "sci_ratio": [1.0, 1001.0, 0.5],
    "int_ratio_just_1000": [1.0, 1000.0],
    "int_ratio_over_1000": [1.0, 1001.0],
    "int_over_1e8": [1e8 + 16, 1.0],
    "int_exact_1e8": [1e8, 2e7],
    "fixed_min_1e-4": [1e-4, 0.1],
    "fixed_ratio_999": [0.001, 0.999],
    "negative_sci": [-1e-5, 1e5, -3.0],
    "half_even_ties": [0.03125, 0.09375, 0.15625, 1.03125, 2.96875],
    "half_even_ties_sci": [1.03125, 2.96875, 1e-5],
    "round_carry": [0.99995, 9.99995, 0.00005 + 0.5],
    "round_carry_sci": [9.99996e-5, 9.99995, 99999.5],
    "huge_exponents": [1e-30, 1e30, -1e38],
    "rounds_to_zero": [-0.00004, 0.5, 0.25],
    "mixed_everything": [nan, -inf, -0.0, 0.0, 1.5, -2.25, inf],
}
for n, v in vectors.items():
    add("vec_f32_" + n, T(v))
    add("vec_f64_" + n, T(v, dtype=f64))
add("vec_f64_exponent_3_digits", T([1e-300, 1e300, 1.0], dtype=f64))
add("vec_f32_denormals", T([1e-45, 1e-40, 1.0]))
add("vec_i64_mixed", T([1, -20, 300]))
add("vec_i64_extremes", T([-(2**63), 0, 2**63 - 1]))
add("vec_bool", T([True, False]))
add("vec_bool_all_true", T([True, True, True]))
add("vec_single_f32", T([1.5]))
add("vec_single_i64", T([7]))
add("vec_linspace", torch.linspace(-1, 1, 9))
add("vec_fractions_5dp", (torch.arange(0, 40, dtype=f64) * 0.00005 + 0.5))
add("vec_fractions_5dp_f32", (torch.arange(0, 40, dtype=f32) * 0.00005 + 0.5))

# ---- 1-D wrapping at linewidth 80 -------------------------------------------------------------
for n in (10, 11, 12, 13, 30, 100):
    add("wrap_arange_f32_%d" % n, torch.arange(float(n)))
add("wrap_arange_i64_50", torch.arange(50))
add("wrap_arange_i64_neg_60", torch.arange(-30, 30) * 7)
add("wrap_bool_40", torch.arange(40) % 3 == 0)
add("wrap_linspace_37", torch.linspace(-1, 1, 37))
add("wrap_sci_20", torch.logspace(-6, 6, 20))
add("wrap_sci_f64_25", torch.logspace(-200, 200, 25, dtype=f64))
add("wrap_arange_1000_not_summarised", torch.arange(1000.0))

# ---- suffix wrapping: walk vector lengths across the 80-column boundary --------------------
for n in range(1, 13):
    add("suffix_requires_grad_f32_%d" % n, torch.arange(float(n)).requires_grad_())
    add("suffix_requires_grad_f64_%d" % n,
        (torch.arange(float(n), dtype=f64) / 3).requires_grad_())
    add("suffix_mul_backward_%d" % n, torch.arange(float(n), requires_grad=True) * 1.5)
    add("suffix_add_backward_f64_%d" % n, torch.arange(float(n), dtype=f64, requires_grad=True) + 1)


class AVeryLongCustomFunctionNameThatForcesSuffixWrapping(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        return t * 2

    @staticmethod
    def backward(ctx, g):
        return g * 2


add("suffix_custom_long_name_scalar",
    AVeryLongCustomFunctionNameThatForcesSuffixWrapping.apply(T(1.0, requires_grad=True)))
add("suffix_custom_long_name_f64_vec",
    AVeryLongCustomFunctionNameThatForcesSuffixWrapping.apply(
        T([1.0, 2.0], dtype=f64, requires_grad=True)))
torch.manual_seed(7)
w = torch.randn(3, 4, requires_grad=True)
add("suffix_2d_t_backward", w.t())
add("suffix_2d_view_backward_f64", torch.randn(2, 6, dtype=f64, requires_grad=True).view(3, 4))
add("suffix_2d_exp_backward", w.exp())
add("suffix_2d_sigmoid_backward", torch.sigmoid(w))
add("suffix_3d_requires_grad_f64", torch.randn(2, 2, 3, dtype=f64, requires_grad=True))
add("suffix_summarised_mul_backward", torch.arange(2000.0, requires_grad=True) * 2)
add("suffix_summarised_2d_f64_rg", torch.randn(40, 40, dtype=f64, requires_grad=True))

# ---- empty tensors -------------------------------------------------------------------------
add("empty_f32", T([]))
add("empty_f32_0x3", torch.empty(0, 3))
add("empty_f32_2x0x3", torch.empty(2, 0, 3))
add("empty_i64", torch.empty(0, dtype=i64))
add("empty_i64_3x0", torch.empty(3, 0, dtype=i64))
add("empty_bool", torch.empty(0, dtype=b8))
add("empty_f64", torch.empty(0, dtype=f64))
add("empty_f32_requires_grad", torch.empty(0, requires_grad=True))
add("empty_f64_0x3_requires_grad", torch.empty(0, 3, dtype=f64, requires_grad=True))

# ---- 2-D -------------------------------------------------------------------------------------
add("mat_arange_2x3", torch.arange(6.0).reshape(2, 3))
add("mat_f64_2x2", T([[1.5, -2.0], [0.25, 4.0]], dtype=f64))
add("mat_i64_neg", T([[1, -200], [30, 4]]))
add("mat_bool_3x3", torch.eye(3, dtype=b8))
add("mat_eye_3", torch.eye(3))
add("mat_zeros_2x3", torch.zeros(2, 3))
add("mat_nonfinite", T([[nan, 1.0], [inf, -0.0]]))
add("mat_1x1", T([[5.0]]))
add("mat_5x1", torch.arange(5.0).reshape(5, 1))
add("mat_1x5", torch.arange(5.0).reshape(1, 5))
add("mat_wide_3x30", torch.arange(90.0).reshape(3, 30))
add("mat_wide_sci_2x15", torch.logspace(-5, 5, 30).reshape(2, 15))
add("mat_wide_i64_2x40", torch.arange(80).reshape(2, 40) * 1000)
add("mat_sci_f64_3x3", T([[1e-10, 1.0, -3.5], [2e10, 0.0, nan], [1.0, 2.0, 3.0]], dtype=f64))

# ---- 3-D, 4-D, 5-D -----------------------------------------------------------------------------
add("t3_arange_2x3x4", torch.arange(24.0).reshape(2, 3, 4))
add("t3_i64_2x2x2", torch.arange(-4, 4).reshape(2, 2, 2))
add("t3_bool_2x2x3", (torch.arange(12) % 2 == 0).reshape(2, 2, 3))
add("t3_3x1x2", T([[[0.5, 1.0]], [[1.5, 2.0]], [[2.5, -3.0]]]))
add("t3_1x1x1", T([[[1.0]]]))
add("t3_wide_2x2x25", torch.arange(100.0).reshape(2, 2, 25) / 7)
add("t4_arange_2x2x2x2", torch.arange(16.0).reshape(2, 2, 2, 2))
add("t4_f64_2x1x2x3", torch.arange(12.0, dtype=f64).reshape(2, 1, 2, 3) / 4)
add("t5_2x1x2x1x2", torch.arange(8).reshape(2, 1, 2, 1, 2))

add("t4_wide_2x1x2x30", torch.arange(120.0).reshape(2, 1, 2, 30) / 9)
add("t4_i64_wide_2x2x1x20", (torch.arange(80) - 40).reshape(2, 2, 1, 20) * 10**9)
add("t3_f64_mixed_nonfinite", T([[[nan, -0.0], [1e-7, 2.0]], [[inf, 3.0], [-inf, 0.0]]], dtype=f64))

# ---- summarised (numel > 1000) --------------------------------------------------------------
add("sum_arange_1001", torch.arange(1001.0))
add("sum_arange_2000", torch.arange(2000.0))
add("sum_arange_2000_f64", torch.arange(2000.0, dtype=f64))
add("sum_arange_i64_2000", torch.arange(2000))
add("sum_bool_2000", torch.arange(2000) % 2 == 1)
add("sum_2d_40x50", torch.arange(2000.0).reshape(40, 50))
add("sum_2d_1001x1", torch.arange(1001.0).reshape(1001, 1))
add("sum_2d_1x1001", torch.arange(1001.0).reshape(1, 1001))
add("sum_2d_i64_50x50", torch.arange(2500).reshape(50, 50) - 1250)
add("sum_2d_bool_40x40", (torch.arange(1600) % 7 == 0).reshape(40, 40))
add("sum_2d_6x200_no_row_cut", torch.arange(1200.0).reshape(6, 200))
add("sum_2d_7x200", torch.arange(1400.0).reshape(7, 200) / 3)
add("sum_3d_10x11x12", torch.arange(1320.0).reshape(10, 11, 12))
add("sum_3d_3x20x20", torch.arange(1200.0).reshape(3, 20, 20) * 0.5)
add("sum_4d_7x7x7x7", torch.arange(2401.0).reshape(7, 7, 7, 7))
add("sum_3d_2x600x2_middle_cut", torch.arange(2400.0).reshape(2, 600, 2))
add("sum_3d_1001x1x1", torch.arange(1001.0).reshape(1001, 1, 1) - 500)
add("sum_i64_wide_values", torch.arange(2000) * 10**12)
add("sum_5d_3x3x3x3x50", torch.arange(4050.0).reshape(3, 3, 3, 3, 50) / 1e6)
hidden = torch.zeros(50, 50)
hidden[25, 25] = 0.5
add("sum_mode_ignores_hidden_fraction", hidden)
shown = torch.zeros(50, 50)
shown[0, 0] = 0.5
add("sum_mode_uses_edge_fraction", shown)
spike = torch.ones(2000)
spike[1000] = 1e-9
add("sum_mode_ignores_hidden_tiny", spike)
spike_edge = torch.ones(2000)
spike_edge[-1] = 1e-9
add("sum_mode_uses_edge_tiny", spike_edge)
wide = torch.ones(2000, dtype=i64)
wide[1000] = 10**15
add("sum_int_width_ignores_hidden", wide)
add("sum_nan_edges", torch.cat([T([nan, -inf]), torch.arange(1998.0) / 8]))

# ---- torch.randn with fixed seeds -------------------------------------------------------
torch.manual_seed(0)
add("randn_5", torch.randn(5))
add("randn_3x4", torch.randn(3, 4))
add("randn_2x3x4", torch.randn(2, 3, 4))
add("randn_2x2x2x3", torch.randn(2, 2, 2, 3))
add("randn_20", torch.randn(20))
add("randn_scaled_1000", torch.randn(8) * 1000)
add("randn_scaled_1e-3", torch.randn(8) * 1e-3)
add("randn_f64_6", torch.randn(6, dtype=f64))
add("randn_50x50", torch.randn(50, 50))
add("randn_5000", torch.randn(5000))
add("randn_12x12x12", torch.randn(12, 12, 12))
add("randn_rounding_stress", torch.round(torch.randn(30) * 1e6) / 1e5)
torch.manual_seed(42)
add("randn_seed42_4x5_rg", torch.randn(4, 5, requires_grad=True))
add("randn_seed42_relu", torch.relu(torch.randn(4, 5, requires_grad=True)))

with open(OUT, "w") as out:
    out.write("# Golden PyTorch %s tensor reprs; written by tools/golden/gen_repr.py.\n"
              % torch.__version__)
    out.write("# name\tdtype\tshape\tsuffixes\tvalues\trepr\n")
    for line in cases:
        out.write(line + "\n")
print("wrote %d cases to %s" % (len(cases), OUT))
