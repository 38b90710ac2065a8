package org.autograd4j.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * The side-by-side harness's per-op workload ({@code SideBySide ops}; PyTorch's twin is {@code
 * bench/pytorch/op_sweep.py}): common tensor ops on 256 x 784 float32 operands, each timed alone on
 * one thread. Where a workload such as the MLP is fast because its few ops have kernels, this finds
 * the ops a user's own model would still wait on.
 *
 * <p>Each op is repeated in batches of 20 ms for at least a second and until ten batches in a row
 * bring no new best (the JIT has compiled it; at most 8 s), then timed as the best of five more
 * batches: the machine is shared and noise only ever adds time. Times are microseconds per call.
 * The second's minimum matters: ten quiet batches alone once stopped sigmoid's warm-up at 4.1 ms a
 * call, against 1.0 ms once C2 had compiled it.
 *
 * <pre>{@code
 * Map<String, Double> us = OpSweep.run(); // {"add": 71.3, "exp": 110.2, ...}
 * }</pre>
 */
final class OpSweep {
  private OpSweep() {}

  private static final long BATCH_NANOS = 20_000_000L;
  private static final long WARM_UP_MIN_NANOS = 1_000_000_000L;
  private static final long WARM_UP_LIMIT_NANOS = 8_000_000_000L;

  /**
   * Times every op.
   *
   * @return microseconds per call, by op name, in the order of {@link #ops()}
   */
  static Map<String, Double> run() {
    Map<String, Double> times = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<Object>> op : ops().entrySet()) {
      times.put(op.getKey(), time(op.getValue()));
    }
    return times;
  }

  /** The ops, by the names op_sweep.py uses for the same computation. */
  static Map<String, Supplier<Object>> ops() {
    Torch.manualSeed(0);
    Tensor x = Torch.randn(256, 784);
    Tensor y = Torch.randn(256, 784);
    Tensor b = Torch.randn(784);
    Tensor positive = x.abs().add(0.1);
    Tensor w = Torch.randn(784, 64);
    Tensor rows = Torch.randint(0, 256, new int[] {128});
    Tensor xg = Torch.randn(256, 784).requiresGrad_();
    Tensor tiny = Torch.randn(4).requiresGrad_();
    Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
    ops.put("add", () -> x.add(y));
    ops.put("mul", () -> x.mul(y));
    ops.put("div", () -> x.div(y));
    ops.put("add_row", () -> x.add(b));
    ops.put("mul_scalar", () -> x.mul(0.5));
    ops.put("mul_scalar_", () -> x.mul_(1.0));
    ops.put("neg", x::neg);
    ops.put("abs", x::abs);
    ops.put("square", x::square);
    ops.put("sqrt", positive::sqrt);
    ops.put("clamp", () -> x.clamp(-0.5, 0.5));
    ops.put("relu", () -> Torch.relu(x));
    ops.put("exp", () -> Torch.exp(x));
    ops.put("log", () -> Torch.log(positive));
    ops.put("sin", () -> Torch.sin(x));
    ops.put("tanh", () -> Torch.tanh(x));
    ops.put("sigmoid", () -> Torch.sigmoid(x));
    ops.put("gelu", () -> Torch.gelu(x));
    ops.put("gt", () -> x.gt(y));
    ops.put("eq", () -> x.eq(y));
    ops.put("where", () -> Torch.where(x.gt(0), x, y));
    ops.put("sum", x::sum);
    ops.put("mean", x::mean);
    ops.put("sum_dim0", () -> x.sum(0));
    ops.put("sum_dim1", () -> x.sum(1));
    ops.put("max_dim1", () -> x.max(1));
    ops.put("argmax_dim1", () -> x.argmax(1, false));
    ops.put("norm", x::norm);
    ops.put("var", x::var);
    ops.put("cumsum_dim1", () -> x.cumsum(1));
    ops.put("softmax_dim1", () -> Torch.softmax(x, 1));
    ops.put("log_softmax_dim1", () -> Torch.logSoftmax(x, 1));
    ops.put("logsumexp_dim1", () -> Torch.logsumexp(x, new int[] {1}, false));
    ops.put("t_contiguous", () -> x.t().contiguous());
    ops.put("permute_contiguous", () -> x.view(16, 16, 784).permute(2, 0, 1).contiguous());
    ops.put("clone", x::clone);
    ops.put("cat_dim0", () -> Torch.cat(List.of(x, y), 0));
    ops.put("cat_dim1", () -> Torch.cat(List.of(x, y), 1));
    ops.put("stack", () -> Torch.stack(List.of(x, y), 0));
    ops.put("index_select", () -> x.indexSelect(0, rows));
    ops.put("mm_256x784x64", () -> x.mm(w));
    ops.put("matmul_vector", () -> x.matmul(b));
    ops.put(
        "mse_forward_backward",
        () -> {
          xg.setGrad(null);
          Torch.mean(xg.sub(y).pow(2)).backward();
          return xg.grad();
        });
    ops.put(
        "tiny_forward_backward",
        () -> {
          tiny.setGrad(null);
          tiny.mul(2).add(1).pow(2).sum().backward();
          return tiny.grad();
        });
    return ops;
  }

  /** Best microseconds per call of five 20 ms batches, after the warm-up described above. */
  private static double time(Supplier<Object> op) {
    double best = Double.MAX_VALUE;
    int stale = 0;
    long start = System.nanoTime();
    while ((stale < 10 || System.nanoTime() - start < WARM_UP_MIN_NANOS)
        && System.nanoTime() - start < WARM_UP_LIMIT_NANOS) {
      double us = batch(op);
      if (us < best * 0.98) {
        best = us;
        stale = 0;
      } else {
        stale++;
      }
    }
    best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      best = Math.min(best, batch(op));
    }
    return best;
  }

  private static double batch(Supplier<Object> op) {
    int calls = 0;
    long t0 = System.nanoTime();
    long t;
    do {
      op.get();
      calls++;
      t = System.nanoTime();
    } while (t - t0 < BATCH_NANOS);
    return (t - t0) / 1e3 / calls;
  }
}
