package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * The weight gradient of conv2d computed straight on the arrays when no graph is built: by GEMMs
 * over the input unfolded again (more than 64 rows of columns per group, where the forward keeps no
 * columns) and by dot products over the forward's columns (fewer). Each against the float32
 * differentiable path taken under create_graph, and against float64.
 */
class ConvWeightGradTest {

  /** {batch, inChannels, outChannels, size, kernel, stride, padding, dilation, groups}. */
  private static final int[][] CASES = {
    // The CNN's second layer on a batch of 23 (400 rows of columns).
    {23, 16, 32, 12, 5, 1, 0, 1, 1},
    // 72 rows: stride, padding and dilation, then two groups of 72.
    {5, 8, 6, 10, 3, 2, 1, 2, 1},
    {4, 16, 8, 9, 3, 1, 1, 1, 2},
    // 50 rows: the dot products over the kept columns.
    {6, 2, 4, 12, 5, 1, 0, 1, 1},
    // The direct kernel's (5 kernel columns, whole vectors of channels, 8-column strips): two
    // channel blocks with padding and two strips.
    {3, 32, 4, 16, 5, 1, 2, 1, 1},
  };

  @Test
  void directWeightGradientMatchesTheDifferentiablePaths() {
    for (int[] c : CASES) {
      Torch.manualSeed(c[0] * 31 + c[1]);
      Tensor x = Torch.randn(c[0], c[1], c[3], c[3]);
      Tensor w = Torch.randn(c[2], c[1] / c[8], c[4], c[4]);
      String what = java.util.Arrays.toString(c);
      Tensor w64 = w.double_().requiresGrad_();
      Tensor out64 = F.conv2d(x.double_(), w64, null, pair(c[5]), pair(c[6]), pair(c[7]), c[8]);
      Tensor g = Torch.randn(out64.size().toArray(), DType.FLOAT32);
      out64.backward(g.double_());

      Tensor w32 = w.detach().requiresGrad_();
      F.conv2d(x, w32, null, pair(c[5]), pair(c[6]), pair(c[7]), c[8]).backward(g);
      Golden.assertClose(w64.grad().float_(), w32.grad(), 1e-4, 1e-4, what + " direct");

      Tensor wGraph = w.detach().requiresGrad_();
      Tensor out = F.conv2d(x, wGraph, null, pair(c[5]), pair(c[6]), pair(c[7]), c[8]);
      out.backward(g, false, true);
      Golden.assertClose(wGraph.grad().detach(), w32.grad(), 1e-4, 1e-4, what + " create_graph");
      double direct = Golden.maxError(w64.grad(), w32.grad());
      double differentiable = Golden.maxError(w64.grad(), wGraph.grad().detach());
      assertTrue(
          direct <= 2 * differentiable + 1e-6,
          what + ": max error " + direct + " against the differentiable path's " + differentiable);
    }
  }

  private static int[] pair(int v) {
    return new int[] {v, v};
  }
}
