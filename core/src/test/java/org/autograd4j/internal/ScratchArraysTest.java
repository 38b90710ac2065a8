package org.autograd4j.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Autograd;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The pool of reused arrays, and the one user of it that outlives a call: a convolution's saved
 * columns, recycled when the backward frees them and never while anything can still read them.
 * Isolated: the pool is process-wide, and other tests' convolutions would move its counts.
 */
@Isolated
class ScratchArraysTest {
  /** A length no other test's convolution unfolds to. */
  private static final int ODD = 1_234_567;

  @Test
  void aGivenArrayIsTakenAgainAndOtherwiseANewOne() {
    float[] first = ScratchArrays.take(ODD);
    float[] second = ScratchArrays.take(ODD);
    assertNotSame(first, second);
    ScratchArrays.give(first);
    assertSame(first, ScratchArrays.take(ODD));
    assertEquals(ODD, ScratchArrays.take(ODD + 1).length - 1);
  }

  @Test
  void thePoolKeepsAtMostItsLimits() {
    long before = ScratchArrays.pooledFloats();
    int length = ODD + 2;
    for (int i = 0; i < ScratchArrays.MAX_PER_LENGTH + 3; i++) {
      ScratchArrays.give(new float[length]);
    }
    assertEquals(
        before + (long) ScratchArrays.MAX_PER_LENGTH * length, ScratchArrays.pooledFloats());
    for (int i = 0; i < ScratchArrays.MAX_PER_LENGTH; i++) {
      ScratchArrays.take(length);
    }
    assertEquals(before, ScratchArrays.pooledFloats());
    ScratchArrays.give(new float[(int) ScratchArrays.MAX_FLOATS + 1]);
    assertEquals(before, ScratchArrays.pooledFloats());
  }

  @Test
  void aScratchStorageIsRecycledOnceAndOtherStoragesNever() {
    long before = ScratchArrays.pooledFloats();
    Storage scratch = Storage.scratch(ODD + 3);
    scratch.recycle();
    scratch.recycle();
    Storage.of(new float[ODD + 3]).recycle();
    assertEquals(before + ODD + 3, ScratchArrays.pooledFloats());
    assertSame(scratch.floats(), ScratchArrays.take(ODD + 3));
  }

  @Test
  void aConvolutionRecyclesItsColumnsWhenTheBackwardFreesThem() {
    Torch.manualSeed(1);
    // 3 x 3 taps of 2 channels over 9 x 9 positions, 5 samples: 810 floats of columns per sample.
    Tensor x = Torch.randn(5, 2, 11, 11);
    Tensor w = Torch.randn(4, 2, 3, 3).requiresGrad_();
    int columns = 5 * 2 * 9 * 81;
    drain(columns);
    Tensor out = F.conv2d(x, w, null);
    assertEquals(0, countPooled(columns), "saved for the backward, not pooled");
    out.sum().backward(null, true, false);
    assertEquals(0, countPooled(columns), "retain_graph keeps them for a second backward");
    out.sum().backward();
    assertEquals(1, countPooled(columns), "freed by the last backward");
    try (var g = Torch.noGrad()) {
      F.conv2d(x, w, null);
    }
    assertEquals(1, countPooled(columns), "without a backward, recycled at once");
  }

  @Test
  void reusedColumnsGiveTheGradientsOfFreshOnes() {
    Torch.manualSeed(2);
    Tensor w = Torch.randn(6, 3, 3, 3).requiresGrad_();
    // Unfolded, both are 4 x 27 x 100 floats: the first without padding, so that the array it
    // leaves behind holds image values where the second's padding must read 0.
    Tensor first = Torch.randn(4, 3, 12, 12);
    Tensor second = Torch.randn(4, 3, 10, 10).mul(5);
    // Differentiable (create_graph) gradients unfold the input again and never reuse columns.
    float[] expected = weightGrad(second, 1, w, true);
    weightGrad(first, 0, w, false);
    float[] reused = weightGrad(second, 1, w, false);
    float scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    // Another summation order than the direct kernels: equal to float rounding, not bit for bit.
    assertArrayEquals(expected, reused, 1e-5f * scale);
    // Two graphs in flight at once hold two column arrays.
    Tensor a = F.conv2d(first, w, null, 1, 0, 1, 1).pow(2).sum();
    Tensor b = F.conv2d(second, w, null, 1, 1, 1, 1).pow(2).sum();
    float[] fromA = Autograd.grad(a, w).toFloatArray();
    float[] fromB = Autograd.grad(b, w).toFloatArray();
    assertArrayEquals(weightGrad(first, 0, w, false), fromA, 0f);
    assertArrayEquals(reused, fromB, 0f);
  }

  private static float[] weightGrad(Tensor x, int padding, Tensor w, boolean createGraph) {
    Tensor loss = F.conv2d(x, w, null, 1, padding, 1, 1).pow(2).sum();
    List<Tensor> g = Autograd.grad(List.of(loss), List.of(w), null, null, createGraph, false);
    return g.get(0).detach().toFloatArray();
  }

  private static void drain(int length) {
    while (countPooled(length) > 0) {
      ScratchArrays.take(length);
    }
  }

  /** How many arrays of {@code length} the pool holds, without disturbing them. */
  private static int countPooled(int length) {
    long before = ScratchArrays.pooledFloats();
    int count = 0;
    java.util.ArrayList<float[]> taken = new java.util.ArrayList<>();
    while (true) {
      long pooled = ScratchArrays.pooledFloats();
      float[] a = ScratchArrays.take(length);
      if (ScratchArrays.pooledFloats() == pooled) {
        break;
      }
      taken.add(a);
      count++;
    }
    for (float[] a : taken) {
      ScratchArrays.give(a);
    }
    assertEquals(before, ScratchArrays.pooledFloats());
    return count;
  }
}
