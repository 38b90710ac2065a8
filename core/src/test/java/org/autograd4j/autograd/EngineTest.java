package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** The backward engine; expected values and texts are PyTorch 1.13's (see comments). */
class EngineTest {
  static final String FREED =
      "Trying to backward through the graph a second time (or directly access saved tensors after"
          + " they have already been freed). Saved intermediate values of the graph are freed when"
          + " you call .backward() or autograd.grad(). Specify retain_graph=True if you need to"
          + " backward through the graph a second time or if you need to access saved tensors after"
          + " calling backward.";

  /** Runs {@code body} on a thread with a small stack (256 KiB, below the JVM's 1 MiB default). */
  static void onSmallStack(Runnable body) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                body.run();
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "small-stack",
            256 * 1024);
    t.start();
    t.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  @Test
  void millionNodeChainBackwardAndCollectionDoNotOverflow() throws InterruptedException {
    onSmallStack(
        () -> {
          Tensor x = Torch.tensor(0.5).requiresGrad_();
          Tensor y = x;
          for (int i = 0; i < 1_000_000; i++) {
            y = y.add(1.0);
          }
          y.backward();
          assertEquals("tensor(1.)", x.grad().toString());
          // y = x + 1e6 in float32 steps of 1: exact.
          assertEquals(1_000_000.5, y.item());
          // Dropping the only reference to the chain and collecting must not recurse either.
          y = null;
          System.gc();
          x.mul(3.0).backward();
          assertEquals("tensor(4.)", x.grad().toString());
        });
  }

  @Test
  void gradientsArrivingAtOneTensorAreSummed() {
    // x = 3; y = x*x + x; dy/dx = 2x + 1 = 7
    Tensor x = Torch.tensor(3.0).requiresGrad_();
    x.mul(x).add(x).backward();
    assertEquals("tensor(7.)", x.grad().toString());
  }

  @Test
  void broadcastGradientsAreReducedToEachInputShape() {
    Tensor a = Torch.ones(2, 3).requiresGrad_();
    Tensor b = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Tensor c = Torch.ones(1, 3).requiresGrad_();
    a.mul(b).add(c).mul(2.0).sum().backward();
    assertEquals("tensor([[2., 4., 6.],\n        [2., 4., 6.]])", a.grad().toString());
    assertEquals("tensor([4., 4., 4.])", b.grad().toString());
    assertEquals("tensor([[4., 4., 4.]])", c.grad().toString());
  }

  @Test
  void secondBackwardFailsOnlyWhereASavedTensorIsNeeded() {
    Tensor x = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Tensor l = x.pow(2).sum();
    l.backward();
    IllegalStateException e = assertThrows(IllegalStateException.class, l::backward);
    assertEquals(FREED, e.getMessage());

    x.setGrad(null);
    Tensor m = x.add(1.0).sum();
    m.backward();
    m.backward();
    assertEquals("tensor([2., 2., 2.])", x.grad().toString());
  }

  @Test
  void retainGraphAllowsASecondBackward() {
    Tensor x = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Tensor l = x.pow(2).sum();
    l.backward(null, true, false);
    l.backward();
    assertEquals("tensor([ 4.,  8., 12.])", x.grad().toString());
    assertThrows(IllegalStateException.class, l::backward);
  }

  @Test
  void createGraphToAnyOrder() {
    // PyTorch: 12 (MulBackward0), 12 (MulBackward0), 6 (MulBackward0), then 0.
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    Tensor g1 = Autograd.grad(x.pow(3), x, true);
    assertEquals("tensor(12., grad_fn=<MulBackward0>)", g1.toString());
    Tensor g2 = Autograd.grad(g1, x, true);
    assertEquals("tensor(12., grad_fn=<MulBackward0>)", g2.toString());
    Tensor g3 = Autograd.grad(g2, x, true);
    assertEquals("tensor(6., grad_fn=<MulBackward0>)", g3.toString());
    assertEquals("tensor(0.)", Autograd.grad(g3, x, true).toString());
    assertNull(x.grad());
  }

  @Test
  void backwardWithCreateGraphAccumulatesOutOfPlace() {
    // PyTorch: tensor(12., grad_fn=<CopyBackwards>) with next ((None, 0), (MulBackward0, 0));
    // a second create_graph backward: tensor(24., grad_fn=<AddBackward0>).
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    x.pow(3).backward(null, true, true);
    Tensor first = x.grad();
    assertEquals("tensor(12., grad_fn=<CopyBackwards>)", first.toString());
    assertEquals("[(None, 0), (<MulBackward0>, 0)]", first.gradFn().nextFunctions().toString());
    x.pow(3).backward(null, true, true);
    assertEquals("tensor(24., grad_fn=<AddBackward0>)", x.grad().toString());
    assertEquals("tensor(12., grad_fn=<CopyBackwards>)", first.toString());
    // The accumulated gradient is itself differentiable: d/dx (3x^2 + 3x^2) = 12x = 24.
    assertEquals("tensor(24.)", Autograd.grad(x.grad(), x).toString());
  }

  @Test
  void createGraphWithConstantGradientHasNoHistory() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    x.mul(2.0).backward(null, true, true);
    assertEquals("tensor(2.)", x.grad().toString());
  }

  @Test
  void withoutCreateGraphAccumulatesInPlace() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    x.pow(2).backward();
    Tensor g = x.grad();
    x.pow(2).backward();
    assertEquals("tensor(8.)", g.toString());
    assertEquals(g, x.grad());
  }

  @Test
  void backwardInputsOnLeaves() {
    // (x*w).backward(inputs=[x]): x.grad 3, w.grad None
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    Tensor w = Torch.tensor(3.0).requiresGrad_();
    x.mul(w).backward(null, null, false, List.of(x));
    assertEquals("tensor(3.)", x.grad().toString());
    assertNull(w.grad());
  }

  @Test
  void backwardInputsOnNonLeafRetainsItsGradient() {
    // h = x*3; (h*h).sum().backward(inputs=[h]) -> h.grad [6, 12], x.grad None, h.retains_grad
    Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
    Tensor h = x.mul(3.0);
    h.mul(h).sum().backward(null, null, false, List.of(h));
    assertEquals("tensor([ 6., 12.])", h.grad().toString());
    assertNull(x.grad());
    assertEquals(true, h.retainsGrad());
  }

  @Test
  void backwardInputsMustRequireGrad() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> x.mul(2.0).backward(null, null, false, List.of(Torch.tensor(1.0))));
    assertEquals("One of the differentiated Tensors does not require grad", e.getMessage());
  }

  @Test
  void explicitGradientMustMatchTheOutputShape() {
    Tensor x = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Tensor y = x.mul(2.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> y.backward(Torch.tensor(1.0)));
    assertEquals(
        "Mismatch in shape: grad_output[0] has a shape of torch.Size([]) and output[0] has a"
            + " shape of torch.Size([3]).",
        e.getMessage());
    IllegalStateException s = assertThrows(IllegalStateException.class, y::backward);
    assertEquals("grad can be implicitly created only for scalar outputs", s.getMessage());
    y.backward(Torch.tensor(new double[] {1, 0, 2}));
    assertEquals("tensor([2., 0., 4.])", x.grad().toString());
  }

  @Test
  void backwardOnATensorWithoutGradFails() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Torch.tensor(2.0).pow(2).backward());
    assertEquals(
        "element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
  }

  @Test
  void backwardOnALeafAccumulatesOnes() {
    Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
    x.backward(Torch.tensor(new double[] {3, 4}));
    assertEquals("tensor([3., 4.])", x.grad().toString());
  }

  @Test
  void severalRootsSharingAGraph() {
    // torch.autograd.backward([(x*x).sum(), (x*3).sum()]) -> 2x + 3
    Tensor x = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Autograd.backward(List.of(x.mul(x).sum(), x.mul(3.0).sum()), null, null, false, null);
    assertEquals("tensor([5., 7., 9.])", x.grad().toString());
  }

  @Test
  void backwardInsideAHookOnTheSameGraph() {
    // The inner pass meets nodes the outer pass holds and must keep its own bookkeeping.
    Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
    Tensor y = x.mul(x);
    Tensor z = y.mul(3.0);
    Tensor ys = y.sum(); // built outside: hooks run with grad mode = create_graph (off here)
    List<String> inner = new java.util.ArrayList<>();
    z.registerHook(
        g -> {
          inner.add(Autograd.grad(List.of(ys), List.of(x), null, true, false, false).toString());
          return g;
        });
    z.sum().backward(null, true, false);
    assertEquals(List.of("[tensor([2., 4.])]"), inner);
    assertEquals("tensor([ 6., 12.])", x.grad().toString());
  }

  @Test
  void concurrentBackwardPassesOverOneSharedGraph() throws Exception {
    Tensor x = Torch.tensor(new double[] {1, 2, 3}).requiresGrad_();
    Tensor loss = x.pow(3).mul(x.sin()).sum();
    String expected = Autograd.grad(List.of(loss), List.of(x), null, true, false, false).toString();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(
            pool.submit(
                () ->
                    Autograd.grad(List.of(loss), List.of(x), null, true, false, false).toString()));
      }
      for (java.util.concurrent.Future<String> r : results) {
        assertEquals(expected, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
