#!/usr/bin/env python3
"""Single-threaded float32 GEMM throughput of numpy's BLAS (and torch.mm when importable),
at the sizes of GemmBenchmark, for the side-by-side table in bench/RESULTS.md.

Run with one thread, e.g.:
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 python3 bench/scripts/sgemm_reference.py
"""
import sys
import time

import numpy as np

SIZES = [64, 128, 256, 512, 1024, 2048]


def best_gflops(fn, n, seconds=1.0, rounds=5):
    fn()
    reps = max(1, int(2e9 / (2 * n**3)))
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        done = 0
        while True:
            for _ in range(reps):
                fn()
            done += reps
            elapsed = time.perf_counter() - start
            if elapsed >= seconds / rounds:
                break
        best = max(best, 2 * n**3 * done / elapsed / 1e9)
    return best


def main():
    libs = []
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        libs.append(f"numpy {np.__version__} ({blas.get('name')} {blas.get('version')})")
    except Exception:  # older numpy: no dict mode
        libs.append(f"numpy {np.__version__}")
    print("# " + "; ".join(libs))
    torch = None
    if "--torch" in sys.argv:
        import torch  # noqa: F811

        torch.set_num_threads(1)
        print(f"# torch {torch.__version__}, threads={torch.get_num_threads()}")
    for n in SIZES:
        rng = np.random.default_rng(1)
        a = rng.random((n, n), dtype=np.float32) - 0.5
        b = rng.random((n, n), dtype=np.float32) - 0.5
        line = f"n={n} numpy {best_gflops(lambda: a @ b, n):.1f} GFLOPS"
        if torch is not None:
            ta = torch.from_numpy(a)
            tb = torch.from_numpy(b)
            line += f"  torch.mm {best_gflops(lambda: torch.mm(ta, tb), n):.1f} GFLOPS"
        print(line, flush=True)


if __name__ == "__main__":
    main()
