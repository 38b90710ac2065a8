package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** no_grad / enable_grad / set_grad_enabled / inference_mode, and concurrent graphs. */
class GradModeTest {
  @Test
  void noGradStopsRecordingAndRestores() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    try (var g = Torch.noGrad()) {
      Tensor y = x.pow(2);
      assertFalse(y.requiresGrad());
      assertNull(y.gradFn());
      assertEquals("tensor(4.)", y.toString());
    }
    assertTrue(Torch.isGradEnabled());
    assertEquals("tensor(4., grad_fn=<PowBackward0>)", x.pow(2).toString());
  }

  @Test
  void scopesNest() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    try (var a = Torch.noGrad()) {
      try (var b = Torch.enableGrad()) {
        assertTrue(x.mul(2.0).requiresGrad());
        try (var c = Torch.setGradEnabled(false)) {
          assertFalse(x.mul(2.0).requiresGrad());
          try (var d = Torch.setGradEnabled(true)) {
            assertTrue(x.mul(2.0).requiresGrad());
          }
          assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
      }
      assertFalse(Torch.isGradEnabled());
    }
    assertTrue(Torch.isGradEnabled());
  }

  @Test
  void setGradEnabledWithoutScopeStaysSet() {
    // torch.set_grad_enabled(False) used as a plain call
    Torch.setGradEnabled(false);
    try {
      assertFalse(Torch.isGradEnabled());
      assertFalse(Torch.tensor(1.0).requiresGrad_().mul(2.0).requiresGrad());
    } finally {
      Torch.setGradEnabled(true);
    }
    assertTrue(Torch.isGradEnabled());
  }

  @Test
  void inferenceModeDisablesGradAndNests() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    assertFalse(GradMode.isInferenceMode());
    try (var i = Torch.inferenceMode()) {
      assertTrue(GradMode.isInferenceMode());
      assertFalse(Torch.isGradEnabled());
      assertFalse(x.mul(2.0).requiresGrad());
      try (var j = Torch.inferenceMode(false)) {
        // InferenceMode(false) re-enables grad, as PyTorch's guard does
        assertFalse(GradMode.isInferenceMode());
        assertTrue(x.mul(2.0).requiresGrad());
      }
      assertTrue(GradMode.isInferenceMode());
    }
    assertFalse(GradMode.isInferenceMode());
    assertTrue(Torch.isGradEnabled());
  }

  @Test
  void gradModeIsThreadLocal() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    boolean[] otherThreadSaw = new boolean[1];
    Thread other =
        new Thread(
            () -> {
              try {
                inside.await();
                otherThreadSaw[0] = Torch.isGradEnabled();
                checked.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    other.start();
    try (var g = Torch.noGrad()) {
      inside.countDown();
      checked.await();
      assertFalse(Torch.isGradEnabled());
    }
    other.join();
    assertTrue(otherThreadSaw[0]);
  }

  /** A small graph with broadcasting, reuse and a saved output; returns "loss|dw|db". */
  private static String smallGraph(int seed) {
    double s = seed;
    Tensor w = Torch.tensor(new double[] {0.1 * s, -0.2, 0.3}, DType.FLOAT64).requiresGrad_();
    Tensor b = Torch.tensor(0.05 * (seed % 7), DType.FLOAT64).requiresGrad_();
    Tensor x = Torch.tensor(new double[][] {{1, 2, 3}, {4, 5, s}}, DType.FLOAT64);
    Tensor z = x.mul(w).sum(1).add(b);
    Tensor loss = z.sigmoid().mul(z).mean();
    loss.backward();
    return loss.item() + "|" + w.grad() + "|" + b.grad();
  }

  @Test
  void concurrentGraphsMatchSequentialResults() throws Exception {
    int threads = 4;
    int perThread = 100;
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < threads * perThread; i++) {
      expected.add(smallGraph(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        boolean noGradNoise = t % 2 == 1;
        Callable<List<String>> job =
            () -> {
              start.await();
              List<String> out = new ArrayList<>();
              for (int i = first; i < first + perThread; i++) {
                if (noGradNoise) {
                  // another thread flipping its own grad mode must not affect the others
                  try (var g = Torch.noGrad()) {
                    Torch.tensor(1.0).requiresGrad_().mul(2.0);
                  }
                }
                out.add(smallGraph(i));
              }
              return out;
            };
        futures.add(pool.submit(job));
      }
      start.countDown();
      List<String> actual = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        actual.addAll(f.get());
      }
      assertEquals(expected, actual);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void threadsAccumulatingIntoOneLeafLoseNothing() throws Exception {
    Tensor w = Torch.tensor(new double[] {1, 2}, DType.FLOAT64).requiresGrad_();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    w.mul(2.0).sum().backward();
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals("tensor([800., 800.], dtype=torch.float64)", w.grad().toString());
  }
}
