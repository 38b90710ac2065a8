package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.autograd4j.internal.kernels.Conv2dGeometry;
import org.autograd4j.internal.kernels.Kernels;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * A float32 convolution's forward unfolds and multiplies a block of samples at a time
 * (NnConvOps.convolveInBlocks): it must give the bits of the batch-wide unfold, product and bias
 * add, for every geometry, with and without bias, on one and two threads. Where the kernel provider
 * has a direct forward (Convolutions.hasForward: the CNN's second layer), which sums in its own
 * order, it must instead be as close to the float64 convolution as the batch-wide path is.
 */
class ConvForwardInBlocksTest {

  /** {batch, in, out, size, kernel, stride, padding, dilation}. */
  private static final int[][] CASES = {
    {64, 1, 16, 28, 5, 1, 0, 1},
    {64, 16, 32, 12, 5, 1, 0, 1},
    {37, 3, 8, 15, 3, 2, 1, 1},
    {5, 16, 32, 12, 5, 1, 2, 1},
    {9, 4, 6, 13, 3, 1, 1, 2},
    {300, 2, 3, 7, 3, 1, 0, 1},
  };

  @Test
  void blocksGiveTheBitsOfTheBatchWidePath() {
    int threads = Torch.getNumThreads();
    try {
      for (int t = 1; t <= 2; t++) {
        Torch.setNumThreads(t);
        for (int[] c : CASES) {
          check(c, true);
          check(c, false);
        }
      }
    } finally {
      Torch.setNumThreads(threads);
    }
  }

  private static void check(int[] c, boolean withBias) {
    String what =
        Arrays.toString(c) + (withBias ? " with bias" : "") + ", " + Torch.getNumThreads();
    Torch.manualSeed(Arrays.hashCode(c));
    Tensor x = Torch.randn(c[0], c[1], c[3], c[3]);
    Tensor w = Torch.randn(c[2], c[1], c[4], c[4]);
    Tensor b = withBias ? Torch.randn(c[2]) : null;
    NnConvOps.Window win = new NnConvOps.Window(c[4], c[4], c[5], c[5], c[6], c[6], c[7], c[7]);
    Tensor expected = NnConvOps.conv(x, w, win, 1);
    if (withBias) {
      expected = expected.add(b.view(1, -1, 1, 1));
    }
    Tensor actual;
    try (var g = Torch.noGrad()) {
      actual = F.conv2d(x, w, b, c[5], c[6], c[7], 1);
    }
    Conv2dGeometry g = win.geometry(c[1], c[3], c[3]);
    if (!Kernels.get().convolutions().hasForward(g, c[2])) {
      assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 0f, what);
      return;
    }
    Tensor exact = NnConvOps.conv(x.double_(), w.double_(), win, 1);
    if (withBias) {
      exact = exact.add(b.double_().view(1, -1, 1, 1));
    }
    double direct = maxError(exact, actual);
    double columns = maxError(exact, expected);
    assertTrue(
        direct <= 2 * columns + 1e-6,
        what + ": max error " + direct + " against the batch-wide path's " + columns);
  }

  private static double maxError(Tensor exact, Tensor actual) {
    double[] e = exact.contiguous().toDoubleArray();
    float[] a = actual.toFloatArray();
    double max = 0;
    for (int i = 0; i < e.length; i++) {
      max = Math.max(max, Math.abs(e[i] - a[i]));
    }
    return max;
  }
}
