package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Arrays;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.ScratchArrays;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * A convolution's backward gives the output gradient it alone received back to the scratch pool,
 * and a max pool's backward takes its zeroed output from there: the gradients stay right, and a
 * gradient someone else holds is never given back. Each test uses sizes no other test uses, since
 * the pool is shared.
 */
class GradientRecyclingTest {
  private static final int[] TWO = {2, 2};
  private static final int[] ONE = {1, 1};
  private static final int[] ZERO = {0, 0};

  @Test
  void aPoolingGradientTakenFromThePoolStartsFromZeros() {
    Torch.manualSeed(51);
    Tensor x = Torch.randn(1, 3, 6, 10).requiresGrad_(); // 180 floats
    float[] junk = poolBackwardFromJunk(x);
    assertNotSame(junk, ScratchArrays.take(180), "the backward took the junk");
  }

  @Test
  void aPoolingGradientSplitOverThreadsStartsFromZerosInEveryPart() {
    Torch.manualSeed(55);
    Tensor x = Torch.randn(8, 16, 32, 34).requiresGrad_(); // 139264 floats: two parts on 2 threads
    int old = Torch.getNumThreads();
    Torch.setNumThreads(2);
    try {
      poolBackwardFromJunk(x);
    } finally {
      Torch.setNumThreads(old);
    }
  }

  /**
   * Max-pools {@code x} backward once, then again after giving the pool a NaN-filled array of x's
   * size: the gradients must agree. Returns the junk array.
   */
  private static float[] poolBackwardFromJunk(Tensor x) {
    F.maxPool2d(x, 2).sum().backward();
    float[] expected = x.grad().toFloatArray();
    x.grad().zero_();
    float[] junk = new float[x.numel()];
    Arrays.fill(junk, Float.NaN);
    ScratchArrays.give(junk);
    F.maxPool2d(x, 2).sum().backward();
    assertArrayEquals(expected, x.grad().toFloatArray());
    return junk;
  }

  @Test
  void aConvolutionGivesBackTheOutputGradientItAloneHeld() {
    Torch.manualSeed(52);
    // The engine tracks who holds a gradient from 32768 elements on (AccumulateGrad's threshold).
    Conv2d conv = new Conv2d(1, 4, 3);
    Tensor x = Torch.randn(2, 1, 66, 70); // output 2 x 4 x 64 x 68 = 34816 floats
    Tensor z = conv.forward(x);
    z.retainGrad();
    F.maxPool2d(F.relu(z), 2).sum().backward();
    float[] expected = z.grad().toFloatArray();
    conv.zeroGrad(true);
    backwardThroughPoolOfRelu(conv.forward(x));
    assertArrayEquals(expected, ScratchArrays.take(expected.length), "the gradient given back");
  }

  @Test
  void aRetainedGradientIsNotGivenBack() {
    Torch.manualSeed(53);
    Conv2d conv = new Conv2d(1, 4, 3);
    Tensor x = Torch.randn(1, 1, 90, 98); // output 1 x 4 x 88 x 96 = 33792 floats
    Tensor z = conv.forward(x);
    z.retainGrad();
    backwardThroughPoolOfRelu(z);
    float[] kept = z.grad().toFloatArray();
    reuseThePool(x);
    assertArrayEquals(kept, z.grad().toFloatArray());
  }

  @Test
  void aGradientAHookKeptIsNotGivenBack() {
    Torch.manualSeed(54);
    Conv2d conv = new Conv2d(1, 4, 3);
    Tensor x = Torch.randn(1, 1, 94, 90); // output 1 x 4 x 92 x 88 = 32384 floats
    Tensor z = conv.forward(x);
    Tensor[] captured = new Tensor[1];
    z.registerHook(
        g -> {
          captured[0] = g;
          return null;
        });
    backwardThroughPoolOfRelu(z);
    float[] kept = captured[0].toFloatArray();
    reuseThePool(x);
    assertArrayEquals(kept, captured[0].toFloatArray());
  }

  /**
   * Another convolution of x's size, forward and backward, then pooled: it takes the pool's arrays
   * of those sizes, so it would overwrite a gradient wrongly given back.
   */
  private static void reuseThePool(Tensor x) {
    Tensor other = Torch.randn(x.shape().toArray()).requiresGrad_();
    backwardThroughPoolOfRelu(new Conv2d(1, 4, 3).forward(other));
  }

  /** {@code F.maxPool2dOfRelu(z, 2).sum().backward()}. */
  private static void backwardThroughPoolOfRelu(Tensor z) {
    F.maxPool2dOfRelu(z, TWO, null, ZERO, ONE, false).sum().backward();
  }
}
