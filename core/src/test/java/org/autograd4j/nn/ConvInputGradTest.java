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
 * when no graph is built, against the differentiable float64 path (which gradcheck and
 * ConvGoldenTest hold to PyTorch), and against the float32 differentiable path taken under
 * create_graph.
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
  };

  @Test
  void directInputGradientMatchesTheDifferentiablePaths() {
    for (int[] c : CASES) {
      Torch.manualSeed(c[0] * 31 + c[1]);
      Tensor x = Torch.randn(c[0], c[1], c[3], c[3]);
      Tensor w = Torch.randn(c[2], c[1] / c[8], c[4], c[4]);
      String what = java.util.Arrays.toString(c);
      Tensor x64 = x.double_().requiresGrad_();
      Tensor out64 = F.conv2d(x64, w.double_(), null, pair(c[5]), pair(c[6]), pair(c[7]), c[8]);
      Tensor g = Torch.randn(out64.size().toArray(), DType.FLOAT32);
      out64.backward(g.double_());

      Tensor x32 = x.detach().requiresGrad_();
      F.conv2d(x32, w, null, pair(c[5]), pair(c[6]), pair(c[7]), c[8]).backward(g);
      Golden.assertClose(x64.grad().float_(), x32.grad(), 1e-4, 1e-4, what + " direct");

      Tensor xGraph = x.detach().requiresGrad_();
      Tensor out = F.conv2d(xGraph, w, null, pair(c[5]), pair(c[6]), pair(c[7]), c[8]);
      out.backward(g, false, true);
      Golden.assertClose(xGraph.grad().detach(), x32.grad(), 1e-5, 1e-5, what + " create_graph");
    }
  }

  /**
   * An infinite weight gives infinities and NaNs exactly where the differentiable path has them:
   * the stride-1 path's zero padding entries (∞ · 0 = NaN) must not reach other pixels.
   */
  @Test
  void infiniteWeightSpreadsOnlyWhereItsTapsReach() {
    for (int padding = 0; padding <= 1; padding++) {
      Torch.manualSeed(5 + padding);
      Tensor x = Torch.randn(2, 3, 8, 8).requiresGrad_();
      Tensor w = Torch.randn(4, 3, 3, 3);
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
        String where = "padding " + padding + " element " + i;
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
