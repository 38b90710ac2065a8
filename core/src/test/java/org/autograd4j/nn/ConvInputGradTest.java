package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * The float32 input gradient of conv2d, computed straight on the arrays a few samples at a time
 * when no graph is built (through columns, or the direct kernel where the provider has one),
 * against the differentiable float64 path (which gradcheck and ConvGoldenTest hold to PyTorch), and
 * as accurate as the float32 differentiable path taken under create_graph.
 */
class ConvInputGradTest {

  /** {batch, inChannels, outChannels, size, kernel, stride, padding, dilation, groups}. */
  private static final int[][] CASES = {
    // The CNN's second layer on a batch of 23: chunks of 10, 10 and 3 samples.
    {23, 16, 32, 12, 5, 1, 0, 1, 1},
    // Groups, stride, padding and dilation, over several chunks too.
    {11, 4, 6, 22, 7, 1, 0, 1, 2},
    {3, 4, 4, 9, 3, 2, 1, 2, 2},
    {2, 3, 5, 8, 3, 1, 1, 1, 1},
    // An empty batch.
    {0, 3, 5, 8, 3, 1, 1, 1, 1},
    // 5 kernel columns and whole vectors of input channels, the direct kernel's: two channel
    // blocks with "same" padding (14 gradient columns: a strip of 8 and 6 more), three strips
    // and one more column.
    {3, 32, 8, 14, 5, 1, 2, 1, 1},
    {2, 16, 3, 29, 5, 1, 0, 1, 1},
  };

  /** {batch, inChannels, outChannels, height, width, kernelH, kernelW, padH, padW}, stride 1. */
  private static final int[][] RECTANGULAR = {
    {2, 16, 4, 9, 13, 3, 5, 1, 0},
    {2, 16, 4, 6, 20, 1, 5, 0, 2},
    {2, 4, 4, 6, 20, 5, 3, 0, 1},
  };

  @Test
  void directInputGradientMatchesTheDifferentiablePaths() {
    for (int[] c : CASES) {
      Torch.manualSeed(c[0] * 31 + c[1]);
      Tensor x = Torch.randn(c[0], c[1], c[3], c[3]);
      Tensor w = Torch.randn(c[2], c[1] / c[8], c[4], c[4]);
      String what = java.util.Arrays.toString(c);
      check(x, w, pair(c[5]), pair(c[6]), pair(c[7]), c[8], what);
    }
  }

  @Test
  void rectangularKernelsAndPadding() {
    for (int[] c : RECTANGULAR) {
      Torch.manualSeed(c[3] * 7 + c[5]);
      Tensor x = Torch.randn(c[0], c[1], c[3], c[4]);
      Tensor w = Torch.randn(c[2], c[1], c[5], c[6]);
      check(x, w, pair(1), new int[] {c[7], c[8]}, pair(1), 1, java.util.Arrays.toString(c));
    }
  }

  /**
   * The input gradient without a graph against float64, and no further from it than the float32
   * differentiable path (which sums in another order) is, give or take a factor of 2.
   */
  private static void check(
      Tensor x, Tensor w, int[] stride, int[] padding, int[] dilation, int groups, String what) {
    Tensor x64 = x.double_().requiresGrad_();
    Tensor out64 = F.conv2d(x64, w.double_(), null, stride, padding, dilation, groups);
    Tensor g = Torch.randn(out64.size().toArray(), DType.FLOAT32);
    out64.backward(g.double_());
    Tensor expected = x64.grad().float_();

    Tensor x32 = x.detach().requiresGrad_();
    F.conv2d(x32, w, null, stride, padding, dilation, groups).backward(g);
    Golden.assertClose(expected, x32.grad(), 1e-4, 1e-4, what + " direct");

    Tensor xGraph = x.detach().requiresGrad_();
    Tensor out = F.conv2d(xGraph, w, null, stride, padding, dilation, groups);
    out.backward(g, false, true);
    Golden.assertClose(expected, xGraph.grad().detach(), 1e-4, 1e-4, what + " create_graph");
    double direct = Golden.maxError(x64.grad(), x32.grad());
    double differentiable = Golden.maxError(x64.grad(), xGraph.grad().detach());
    assertTrue(
        direct <= 2 * differentiable + 1e-7,
        what + ": max error " + direct + " against the differentiable path's " + differentiable);
  }

  /**
   * An infinite weight gives infinities and NaNs exactly where the differentiable path has them:
   * the stride-1 path's zero padding entries (∞ · 0 = NaN) must not reach other pixels. Through
   * columns (3 channels, 3 x 3) and through the direct kernel (16 channels, 5 x 5).
   */
  @Test
  void infiniteWeightSpreadsOnlyWhereItsTapsReach() {
    for (int shape = 0; shape < 4; shape++) {
      int padding = shape % 2;
      int channels = shape < 2 ? 3 : 16;
      int kernel = shape < 2 ? 3 : 5;
      Torch.manualSeed(5 + shape);
      Tensor x = Torch.randn(2, channels, 12, 12).requiresGrad_();
      Tensor w = Torch.randn(4, channels, kernel, kernel);
      w.select(0, 1).select(0, 2).select(0, 1).select(0, 0).fill_(Double.POSITIVE_INFINITY);
      Tensor out = F.conv2d(x, w, null, pair(1), pair(padding), pair(1), 1);
      Tensor g = Torch.randn(out.size().toArray(), DType.FLOAT32);
      out.backward(g);
      Tensor xGraph = x.detach().requiresGrad_();
      F.conv2d(xGraph, w, null, pair(1), pair(padding), pair(1), 1).backward(g, false, true);
      float[] direct = x.grad().toFloatArray();
      float[] reference = xGraph.grad().detach().toFloatArray();
      int nonFinite = 0;
      for (int i = 0; i < direct.length; i++) {
        String where = "shape " + shape + " element " + i;
        if (Float.isFinite(reference[i])) {
          assertEquals(reference[i], direct[i], 1e-4f * (1 + Math.abs(reference[i])), where);
        } else {
          nonFinite++;
          assertEquals(Float.floatToIntBits(reference[i]), Float.floatToIntBits(direct[i]), where);
        }
      }
      assertTrue(nonFinite > 0 && nonFinite < direct.length / 3, "non-finite: " + nonFinite);
    }
  }

  private static int[] pair(int v) {
    return new int[] {v, v};
  }
}
