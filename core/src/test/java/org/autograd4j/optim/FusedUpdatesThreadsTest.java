package org.autograd4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.function.Function;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.kernels.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fused updates split large parameters over threads; the split must not change a bit. */
class FusedUpdatesThreadsTest {
  private final int threads = Parallel.getNumThreads();

  @AfterEach
  void restoreThreads() {
    Parallel.setNumThreads(threads);
  }

  /** Three steps of {@code opt} on a parameter of 100,003 elements (an odd tail), at n threads. */
  private static double[] train(int n, DType dtype, Function<List<Tensor>, Optimizer> optimizer) {
    Parallel.setNumThreads(n);
    Torch.manualSeed(7);
    Tensor p = Torch.randn(new int[] {100_003}, dtype).requiresGrad_();
    Tensor target = Torch.randn(new int[] {100_003}, dtype);
    Optimizer opt = optimizer.apply(List.of(p));
    for (int step = 0; step < 3; step++) {
      opt.zeroGrad();
      p.sub(target).pow(2).sum().backward();
      opt.step();
    }
    return p.detach().to(DType.FLOAT64).toDoubleArray();
  }

  @Test
  void adamAndSgdGiveTheSameBitsOnOneAndThreeThreads() {
    List<Function<List<Tensor>, Optimizer>> optimizers =
        List.of(ps -> new Adam(ps, 1e-2), ps -> new AdamW(ps, 1e-2), ps -> new SGD(ps, 1e-3, 0.9));
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (Function<List<Tensor>, Optimizer> optimizer : optimizers) {
        assertArrayEquals(train(1, dtype, optimizer), train(3, dtype, optimizer));
      }
    }
  }
}
