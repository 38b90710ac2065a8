package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Autograd;
import org.autograd4j.autograd.GradCheck;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * {@link F#maxPool2dOfRelu} against {@code F.maxPool2d(F.relu(x))} made in two calls: the same
 * value bits, the same gradient bits (also where the outgoing gradient is infinite under a window
 * with nothing positive), the same graph, and the same second-order gradient; on the vector
 * kernel's 2x2 windows and on the general loop's (stride, padding, dilation, ceil mode, overlapping
 * windows).
 */
class MaxPoolOfReluTest {

  /** {kernel, stride, padding, dilation, ceil}: the 2x2 kernel first, then the general loop's. */
  private static final int[][] POOLS = {
    {2, 2, 0, 1, 0}, {3, 2, 1, 1, 0}, {2, 1, 0, 1, 0}, {3, 2, 0, 2, 1}, {2, 3, 1, 1, 1}
  };

  /** Pre-activations with ties, signed zeros, NaNs and windows with nothing positive. */
  private static Tensor input(Random random, int[] shape, DType dtype) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    double[] v = new double[n];
    double[] specials = {0.0, -0.0, -1.0, 1.0, Double.NaN, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < n; i++) {
      v[i] =
          random.nextInt(6) == 0
              ? specials[random.nextInt(specials.length)]
              : Math.round(random.nextGaussian() * 4) / 4.0 - 0.3;
    }
    return Torch.tensor(v, dtype).reshape(shape);
  }

  private static Tensor fused(Tensor x, int[] p) {
    return F.maxPool2dOfRelu(x, pair(p[0]), pair(p[1]), pair(p[2]), pair(p[3]), p[4] == 1);
  }

  private static Tensor separate(Tensor x, int[] p) {
    return F.maxPool2d(F.relu(x), pair(p[0]), pair(p[1]), pair(p[2]), pair(p[3]), p[4] == 1);
  }

  private static int[] pair(int v) {
    return new int[] {v, v};
  }

  private static long[] bits(Tensor t) {
    double[] d = t.to(DType.FLOAT64).contiguous().toDoubleArray();
    long[] b = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      b[i] = Double.doubleToRawLongBits(d[i]);
    }
    return b;
  }

  @Test
  void valuesAndGradientsHaveTheBitsOfTheTwoCalls() {
    Random random = new Random(41);
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (int[] shape : new int[][] {{3, 4, 9, 10}, {2, 24, 24}, {1, 2, 7, 33}}) {
        for (int[] p : POOLS) {
          String where = dtype + " " + java.util.Arrays.toString(shape) + " pool " + p[0] + p[1];
          Tensor x = input(random, shape, dtype);
          Tensor a = x.clone().requiresGrad_();
          Tensor b = x.clone().requiresGrad_();
          Tensor ya = fused(a, p);
          Tensor yb = separate(b, p);
          assertArrayEquals(bits(yb), bits(ya), "values " + where);
          Tensor g = input(random, yb.shape().toArray(), dtype);
          // An infinite gradient under a window whose ReLU output is zero must still give zeros.
          g.view(-1).narrow(0, 0, 3).fill_(Double.POSITIVE_INFINITY);
          ya.backward(g);
          yb.backward(g);
          assertArrayEquals(bits(b.grad()), bits(a.grad()), "gradient " + where);
        }
      }
    }
  }

  @Test
  void theGraphIsTheTwoCallsGraph() {
    Tensor x = Torch.randn(1, 2, 6, 6).requiresGrad_();
    Tensor y = fused(x, POOLS[0]);
    assertEquals("MaxPool2DWithIndicesBackward0", y.gradFn().name());
    var relu = y.gradFn().nextFunctions().get(0).function();
    assertEquals("ReluBackward0", relu.name());
    assertEquals("AccumulateGrad", relu.nextFunctions().get(0).function().name());
    assertArrayEquals(new int[] {1, 2, 3, 3}, y.shape().toArray());
  }

  @Test
  void secondOrderGradientsMatchTheTwoCalls() {
    Random random = new Random(42);
    for (int[] p : new int[][] {POOLS[0], POOLS[2]}) {
      Tensor x = input(random, new int[] {2, 3, 8, 8}, DType.FLOAT64);
      Tensor h = Torch.randn(new int[] {2, 3, 8, 8}, DType.FLOAT64);
      Tensor[] dGrad = new Tensor[2];
      for (int k = 0; k < 2; k++) {
        Tensor in = x.clone().requiresGrad_();
        Tensor y = k == 0 ? fused(in, p) : separate(in, p);
        Tensor g = Torch.onesLike(y).requiresGrad_();
        Tensor gx = Autograd.grad(List.of(y), List.of(in), List.of(g), null, true, false).get(0);
        dGrad[k] = Autograd.grad(gx.mul(h).sum(), g);
      }
      assertArrayEquals(bits(dGrad[1]), bits(dGrad[0]), "d(grad)/d(g), pool " + p[0] + p[1]);
    }
  }

  @Test
  void gradcheckAndGradgradcheckInFloat64() {
    Torch.manualSeed(43);
    for (int[] p : new int[][] {POOLS[0], POOLS[1]}) {
      Tensor x = Torch.randn(new int[] {1, 2, 6, 6}, DType.FLOAT64).requiresGrad_();
      assertTrue(GradCheck.gradcheck(in -> fused(in.get(0), p), List.of(x)));
      assertTrue(GradCheck.gradgradcheck(in -> fused(in.get(0), p), List.of(x)));
    }
  }

  @Test
  void badArgumentsFailAsMaxPool2dDoesAndChangeNothing() {
    Tensor x = Torch.tensor(new double[] {-1, 2, -3, 4}).reshape(1, 1, 2, 2);
    IllegalArgumentException fused =
        assertThrows(
            IllegalArgumentException.class,
            () -> F.maxPool2dOfRelu(x, pair(3), null, pair(0), pair(1), false));
    IllegalArgumentException separate =
        assertThrows(
            IllegalArgumentException.class,
            () -> F.maxPool2d(x, pair(3), null, pair(0), pair(1), false));
    assertEquals(separate.getMessage(), fused.getMessage());
    assertEquals("tensor([[[[-1.,  2.],\n          [-3.,  4.]]]])", x.toString());
  }

  @Test
  void underNoGradNothingIsRecorded() {
    Tensor x = Torch.randn(1, 1, 4, 4).requiresGrad_();
    try (GradMode.Scope s = Torch.noGrad()) {
      Tensor y = fused(x, POOLS[0]);
      assertNull(y.gradFn());
      assertArrayEquals(bits(separate(x, POOLS[0])), bits(y));
    }
  }
}
