package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * Convolution and max pooling split a batch over the kernel threads. What each sample owns (the
 * output, the input gradient, the pooled values and their indices) must come out bit for bit as on
 * one thread; the weight and bias gradients, sums over samples added per range, within float
 * rounding. Everything comes out bit for bit again on a second run, when C2 may have compiled
 * kernels that ran in the Vector API's Java fallback the first time: lane sums have one fixed order
 * in both (LaneSums).
 */
class ConvThreadsTest {

  /** {batch, inChannels, outChannels, size}: the CNN's two layers (5x5 kernels), and odd ones. */
  private static final int[][] CASES = {
    {64, 16, 32, 12}, {64, 1, 16, 28}, {37, 3, 8, 15}, {5, 16, 32, 12},
  };

  @Test
  void convolutionAndPoolingGiveTheSameResultsOnOneAndTwoThreads() {
    for (int[] c : CASES) {
      String what = java.util.Arrays.toString(c);
      Tensor[] one = run(c, 1);
      Tensor[] two = run(c, 2);
      Tensor[] again = run(c, 2);
      // Output, pooled values and indices, input gradient: exactly.
      for (int i : new int[] {0, 1, 2, 3}) {
        assertArrayEquals(one[i].toDoubleArray(), two[i].toDoubleArray(), what + " result " + i);
      }
      // Weight and bias gradients: the same sum in another order.
      Golden.assertClose(one[4], two[4], 1e-4, 1e-5, what + " weight gradient");
      Golden.assertClose(one[5], two[5], 1e-4, 1e-5, what + " bias gradient");
      for (int i = 0; i < one.length; i++) {
        assertArrayEquals(
            two[i].toDoubleArray(), again[i].toDoubleArray(), what + " run to run " + i);
      }
    }
  }

  /** conv2d, ReLU, 2x2 max pool and backward on {@code threads} threads. */
  private static Tensor[] run(int[] c, int threads) {
    int old = Torch.getNumThreads();
    Torch.setNumThreads(threads);
    try {
      Torch.manualSeed(c[0] * 31 + c[1]);
      Tensor x = Torch.randn(c[0], c[1], c[3], c[3]);
      if (c[1] > 1) {
        x.requiresGrad_();
      }
      Tensor w = Torch.randn(c[2], c[1], 5, 5).requiresGrad_();
      Tensor b = Torch.randn(c[2]).requiresGrad_();
      Tensor conv = F.conv2d(x, w, b);
      int[] two = {2, 2};
      Tensor[] pooled =
          F.maxPool2dWithIndices(F.relu(conv), two, two, new int[] {0, 0}, new int[] {1, 1}, false);
      Tensor g = Torch.randn(pooled[0].size().toArray(), DType.FLOAT32);
      pooled[0].backward(g);
      Tensor xGrad = x.grad() != null ? x.grad() : Torch.zeros(1);
      return new Tensor[] {conv.detach(), pooled[0].detach(), pooled[1], xGrad, w.grad(), b.grad()};
    } finally {
      Torch.setNumThreads(old);
    }
  }
}
