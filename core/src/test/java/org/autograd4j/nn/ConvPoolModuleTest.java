package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Conv and pool modules: reprs, shapes, grad_fn names, initialisation and errors (PyTorch 1.13).
 */
class ConvPoolModuleTest {
  @Test
  void reprsMatchPyTorch() {
    Object[][] cases = {
      {new Conv2d(1, 16, 5), "Conv2d(1, 16, kernel_size=(5, 5), stride=(1, 1))"},
      {
        new Conv2d(2, 4, 3, 2, 1, 2, 2, false),
        "Conv2d(2, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), dilation=(2, 2), groups=2,"
            + " bias=False)"
      },
      {
        new Conv2d(1, 2, new int[] {3, 5}, new int[] {1, 1}, "same", new int[] {1, 1}, 1, true),
        "Conv2d(1, 2, kernel_size=(3, 5), stride=(1, 1), padding=same)"
      },
      {new Conv1d(2, 3, 3), "Conv1d(2, 3, kernel_size=(3,), stride=(1,))"},
      {
        new Conv1d(2, 4, 3, 2, 1, 1, 2, false),
        "Conv1d(2, 4, kernel_size=(3,), stride=(2,), padding=(1,), groups=2, bias=False)"
      },
      {new ConvTranspose2d(2, 3, 3), "ConvTranspose2d(2, 3, kernel_size=(3, 3), stride=(1, 1))"},
      {
        new ConvTranspose2d(2, 4, 3, 2, 1, 1, 2, false, 2),
        "ConvTranspose2d(2, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), dilation=(2, 2),"
            + " output_padding=(1, 1), groups=2, bias=False)"
      },
      {
        new MaxPool2d(2),
        "MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)"
      },
      {
        new MaxPool2d(3, 2, 1, 1, true),
        "MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=True)"
      },
      {
        new MaxPool2d(new int[] {2, 3}, null, new int[] {0, 0}, new int[] {1, 1}, false),
        "MaxPool2d(kernel_size=(2, 3), stride=(2, 3), padding=(0, 0), dilation=(1, 1),"
            + " ceil_mode=False)"
      },
      {new AvgPool2d(2), "AvgPool2d(kernel_size=2, stride=2, padding=0)"},
      {new AvgPool2d(3, 2, 1, true, false, 2), "AvgPool2d(kernel_size=3, stride=2, padding=1)"},
      {new AdaptiveAvgPool2d(new int[] {5, 7}), "AdaptiveAvgPool2d(output_size=(5, 7))"},
      {new AdaptiveAvgPool2d(1), "AdaptiveAvgPool2d(output_size=1)"},
    };
    for (Object[] c : cases) {
      assertEquals(c[1], c[0].toString());
    }
  }

  @Test
  void parametersShapesAndDefaultInitialisation() {
    Conv2d conv = new Conv2d(3, 8, 5);
    assertEquals(List.of("weight", "bias"), List.copyOf(conv.namedParameters().keySet()));
    assertEquals("torch.Size([8, 3, 5, 5])", conv.weight.shape().toString());
    double bound = 1 / Math.sqrt(3 * 25);
    for (double v : conv.weight.toDoubleArray()) {
      assertTrue(Math.abs(v) <= bound);
    }
    for (double v : conv.bias.toDoubleArray()) {
      assertTrue(Math.abs(v) <= bound);
    }
    Conv2d noBias = new Conv2d(4, 4, 3, 1, 0, 1, 2, false);
    assertEquals(List.of("weight"), List.copyOf(noBias.stateDict().keySet()));
    assertEquals("torch.Size([4, 2, 3, 3])", noBias.weight.shape().toString());
    ConvTranspose2d t = new ConvTranspose2d(4, 6, 3, 1, 0, 0, 2, true, 1);
    assertEquals("torch.Size([4, 3, 3, 3])", t.weight.shape().toString());
  }

  @Test
  void shapesAndGradFns() {
    Tensor x = Torch.randn(2, 3, 9, 9).requiresGrad_();
    Tensor y = new Conv2d(3, 4, 3, 2, 1, 1, 1, true).forward(x);
    assertEquals("torch.Size([2, 4, 5, 5])", y.shape().toString());
    assertEquals("ConvolutionBackward0", y.gradFn().name());
    assertEquals(
        "ConvolutionBackward0",
        new Conv1d(3, 2, 3).forward(Torch.randn(2, 3, 9).requiresGrad_()).gradFn().name());
    Tensor up = new ConvTranspose2d(3, 2, 3, 2, 1, 1, 1, true, 1).forward(x);
    assertEquals("torch.Size([2, 2, 18, 18])", up.shape().toString());
    assertEquals("ConvolutionBackward0", up.gradFn().name());
    assertEquals("MaxPool2DWithIndicesBackward0", new MaxPool2d(2).forward(x).gradFn().name());
    assertEquals("AvgPool2DBackward0", new AvgPool2d(2).forward(x).gradFn().name());
    assertEquals(
        "AdaptiveAvgPool2DBackward0",
        new AdaptiveAvgPool2d(new int[] {2, 2}).forward(x).gradFn().name());
    assertEquals("MeanBackward1", new AdaptiveAvgPool2d(1).forward(x).gradFn().name());
    Tensor unbatched =
        F.conv2d(Torch.randn(3, 5, 5).requiresGrad_(), Torch.randn(2, 3, 3, 3), null);
    assertEquals("torch.Size([2, 3, 3])", unbatched.shape().toString());
    Tensor cols =
        F.unfold(x, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1});
    assertEquals("Im2ColBackward0", cols.gradFn().name());
    assertEquals(
        "Col2ImBackward0",
        F.fold(
                cols,
                new int[] {9, 9},
                new int[] {2, 2},
                new int[] {1, 1},
                new int[] {0, 0},
                new int[] {1, 1})
            .gradFn()
            .name());
  }

  private static void assertMessage(String expected, Executable e) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  @Test
  void errorsUsePyTorchsMessages() {
    Tensor x = Torch.randn(1, 4, 5, 5);
    assertMessage(
        "Given groups=1, weight of size [3, 2, 3, 3], expected input[1, 4, 5, 5] to have 2"
            + " channels, but got 4 channels instead",
        () -> F.conv2d(x, Torch.randn(3, 2, 3, 3), null));
    assertMessage(
        "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size"
            + " can't be greater than actual input size",
        () -> F.conv2d(Torch.randn(1, 4, 2, 2), Torch.randn(3, 4, 3, 3), null));
    assertMessage(
        "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [5, 5]",
        () -> F.conv2d(Torch.randn(5, 5), Torch.randn(3, 4, 3, 3), null));
    assertMessage(
        "padding='same' is not supported for strided convolutions",
        () ->
            F.conv2d(
                x, Torch.randn(3, 4, 3, 3), null, new int[] {2, 2}, "same", new int[] {1, 1}, 1));
    assertMessage(
        "Given weight of size [3, 4, 3, 3], expected bias to be 1-dimensional with 3 elements, but"
            + " got bias of size [2] instead",
        () -> F.conv2d(x, Torch.randn(3, 4, 3, 3), Torch.randn(2)));
    assertMessage(
        "output padding must be smaller than either stride or dilation, but got"
            + " output_padding_height: 1 output_padding_width: 1 stride_height: 1 stride_width: 1"
            + " dilation_height: 1 dilation_width: 1",
        () ->
            F.convTranspose2d(
                x,
                Torch.randn(4, 2, 3, 3),
                null,
                new int[] {1, 1},
                new int[] {0, 0},
                new int[] {1, 1},
                1,
                new int[] {1, 1}));
    assertMessage(
        "pad should be at most half of kernel size, but got pad=2 and kernel_size=3",
        () -> F.maxPool2d(x, new int[] {3, 3}, null, new int[] {2, 2}, new int[] {1, 1}, false));
    assertMessage(
        "Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small",
        () -> F.maxPool2d(Torch.randn(1, 1, 2, 2), 3));
    assertMessage(
        "non-empty 3D or 4D (batch mode) tensor expected for input",
        () -> F.maxPool2d(Torch.randn(5, 5), 2));
    assertMessage(
        "\"max_pool2d\" not implemented for 'Long'",
        () -> F.maxPool2d(Torch.ones(new int[] {1, 1, 2, 2}, org.autograd4j.DType.INT64), 2));
  }

  @Test
  void maxPoolPropagatesNanAndPicksTheFirstOfTies() {
    Tensor x = Torch.tensor(new double[][] {{1, 1}, {Double.NaN, 0}}).reshape(1, 1, 2, 2);
    Tensor[] r =
        F.maxPool2dWithIndices(
            x, new int[] {2, 2}, null, new int[] {0, 0}, new int[] {1, 1}, false);
    assertTrue(Double.isNaN(r[0].item()));
    assertEquals(2, r[1].itemLong());
    Tensor ties = Torch.ones(1, 1, 2, 2);
    assertEquals(
        0,
        F.maxPool2dWithIndices(
            ties, new int[] {2, 2}, null, new int[] {0, 0}, new int[] {1, 1}, false)[1]
            .itemLong());
  }

  @Test
  void float32TwoByTwoPoolFollowsPyTorchOnNanTiesAndInfinities() {
    // F.max_pool2d(x, 2, return_indices=True) in PyTorch 1.13 on these two 2x4 planes gives
    // values [nan, 5.] with indices [5, 2] (the last NaN; the first of tied maxima), and
    // [-inf, 2.] with indices [0, 7].
    float nan = Float.NaN;
    float inf = Float.POSITIVE_INFINITY;
    Tensor x =
        Torch.tensor(
                new float[] {1, nan, 5, 5, 3, nan, 5, 5, -inf, -inf, 0, -0f, -inf, -inf, -0f, 2})
            .reshape(2, 1, 2, 4);
    Tensor[] r =
        F.maxPool2dWithIndices(
            x, new int[] {2, 2}, null, new int[] {0, 0}, new int[] {1, 1}, false);
    float[] values = r[0].flatten().toFloatArray();
    assertTrue(Float.isNaN(values[0]));
    assertEquals(5f, values[1]);
    assertEquals(-inf, values[2]);
    assertEquals(2f, values[3]);
    assertArrayEquals(new long[] {5, 2, 0, 7}, r[1].flatten().toLongArray());
  }

  @Test
  void float32TwoByTwoPoolKeepsTheFirstOfSignedZeros() {
    // PyTorch 1.13: max_pool2d of [[-0., 0.], [-1., -1.]] is -0. at index 0, of [[-1., 0.], [-0.,
    // -1.]] is 0. at index 1 (0. > -0. is false, so the first zero stays).
    Tensor x = Torch.tensor(new float[] {-0f, 0f, -1, -1, -1, 0f, -0f, -1}).reshape(2, 1, 2, 2);
    Tensor[] r =
        F.maxPool2dWithIndices(
            x, new int[] {2, 2}, null, new int[] {0, 0}, new int[] {1, 1}, false);
    float[] values = r[0].flatten().toFloatArray();
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(values[0]));
    assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(values[1]));
    assertArrayEquals(new long[] {0, 1}, r[1].flatten().toLongArray());
  }

  @Test
  void float32WeightGradientsAgreeWithFloat64OnEveryPath() {
    // float32 weight gradients take two direct paths (dot products for few column rows, a GEMM
    // for many) and float64 a third; all must give the same gradient. {channels, outChannels,
    // groups}: 2 x 3 x 3 = 18 rows per group (dot products, grouped), 8 x 9 = 72 rows (GEMM).
    int[][] cases = {{4, 6, 2}, {8, 4, 1}, {3, 6, 3}};
    for (int[] c : cases) {
      Torch.manualSeed(11);
      Tensor x = Torch.randn(3, c[0], 10, 9);
      Tensor w = Torch.randn(c[1], c[0] / c[2], 3, 3);
      Tensor g = Torch.randn(3, c[1], 8, 7);
      Tensor w32 = w.detach().requiresGrad_();
      F.conv2d(x, w32, null, 1, 0, 1, c[2]).backward(g);
      Tensor w64 = w.to(DType.FLOAT64).detach().requiresGrad_();
      F.conv2d(x.to(DType.FLOAT64), w64, null, 1, 0, 1, c[2]).backward(g.to(DType.FLOAT64));
      double[] expected = w64.grad().toDoubleArray();
      float[] actual = w32.grad().toFloatArray();
      for (int i = 0; i < expected.length; i++) {
        assertEquals(
            expected[i],
            actual[i],
            1e-4 * (1 + Math.abs(expected[i])),
            java.util.Arrays.toString(c) + " at " + i);
      }
    }
  }
}
