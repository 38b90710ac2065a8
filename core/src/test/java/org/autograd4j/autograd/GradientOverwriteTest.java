package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;
import org.junit.jupiter.api.Test;

/**
 * ReLU's derivative writes its result into the incoming gradient when the engine owns that gradient
 * alone ({@link OpContext#ownsGrad}), and into a fresh tensor otherwise. Overwriting must never
 * change a tensor anyone else can see: each case below keeps a gradient that reaches a ReLU in some
 * way (a hook, retain_grad, a second consumer, a capture, the caller's root gradient, a custom
 * Function) and checks that it still holds the unmasked values. The ReLU inputs alternate -1 and
 * +1, so a masked gradient has half its elements zero; the tensors have {@link
 * AccumulateGrad#MIN_TAKEN_NUMEL} elements, the least the engine counts.
 */
class GradientOverwriteTest {
  private static final int N = AccumulateGrad.MIN_TAKEN_NUMEL;

  /** A leaf of N elements alternating -1 and +1, so ReLU passes the gradient at every other one. */
  private static Tensor signs() {
    double[] values = new double[N];
    for (int i = 0; i < N; i++) {
      values[i] = i % 2 == 0 ? -1 : 1;
    }
    return Torch.tensor(values).requiresGrad_();
  }

  private static double sum(Tensor t) {
    return t.sum().item();
  }

  /** What an identity op's derivative saw: its gradient's storage and whether it owned it. */
  private static final class Probe {
    long serial;
    boolean owned;

    /** {@code x} again, through an op whose derivative records into this probe. */
    Tensor on(Tensor x) {
      return Op.record(
          "ProbeBackward",
          x.detach().clone(),
          new Tensor[] {x},
          (ctx, g) -> {
            serial = TensorData.get().storage(g[0]).serial();
            owned = ctx.ownsGrad(0);
            return new Tensor[] {g[0]};
          });
    }
  }

  @Test
  void reluWritesIntoTheGradientItOwns() {
    Tensor x = signs();
    Probe above = new Probe();
    Probe below = new Probe();
    above.on(below.on(x.mul(1.0)).relu()).mul(3.0).sum().backward();
    assertTrue(above.owned);
    assertTrue(below.owned);
    assertEquals(above.serial, below.serial);
    assertEquals(3.0 * N / 2, sum(x.grad()));
  }

  @Test
  void reluWritesAFreshTensorWhenItDoesNotOwnTheGradient() {
    Tensor x = signs();
    Probe above = new Probe();
    Probe below = new Probe();
    Tensor r = above.on(below.on(x.mul(1.0)).relu());
    r.registerHook(g -> null);
    r.mul(3.0).sum().backward();
    assertFalse(above.owned);
    assertNotEquals(above.serial, below.serial);
    assertEquals(3.0 * N / 2, sum(x.grad()));
  }

  @Test
  void aSmallGradientIsNotOwned() {
    Probe probe = new Probe();
    probe.on(Torch.ones(N - 1).requiresGrad_().mul(1.0)).mul(3.0).sum().backward();
    assertFalse(probe.owned);
  }

  @Test
  void aGradientAHookKeptIsNotOverwritten() {
    Tensor x = signs();
    Tensor r = x.mul(1.0).relu();
    Tensor[] kept = new Tensor[1];
    r.registerHook(
        g -> {
          kept[0] = g;
          return null;
        });
    r.mul(3.0).sum().backward();
    assertEquals(3.0 * N, sum(kept[0]));
    assertEquals(3.0 * N / 2, sum(x.grad()));
  }

  @Test
  void aRetainedGradientIsNotOverwritten() {
    Tensor x = signs();
    Tensor r = x.mul(1.0).relu();
    r.retainGrad();
    r.mul(3.0).sum().backward();
    assertEquals(3.0 * N, sum(r.grad()));
    assertEquals(3.0 * N / 2, sum(x.grad()));
  }

  @Test
  void aGradientAlsoHandedToAnotherInputIsNotOverwritten() {
    // AddBackward returns the same gradient tensor for both inputs: ReLU's and b's. The engine
    // runs the newer node first, so with b's branch recorded first ReLU would overwrite the
    // gradient before b's derivative reads it.
    for (boolean reluFirst : new boolean[] {true, false}) {
      Tensor x = signs();
      Tensor b = Torch.ones(N).requiresGrad_();
      Tensor scaled = reluFirst ? null : b.mul(1.0);
      Tensor r = x.mul(1.0).relu();
      Tensor sum = reluFirst ? r.add(b.mul(1.0)) : scaled.add(r);
      sum.mul(3.0).sum().backward();
      assertEquals(3.0 * N, sum(b.grad()));
      assertEquals(3.0 * N / 2, sum(x.grad()));
    }
  }

  @Test
  void aCapturedGradientIsNotOverwritten() {
    Tensor x = signs();
    Tensor r = x.mul(1.0).relu();
    List<Tensor> grads =
        Autograd.grad(List.of(r.mul(3.0).sum()), List.of(r, x), null, null, false, false);
    assertEquals(3.0 * N, sum(grads.get(0)));
    assertEquals(3.0 * N / 2, sum(grads.get(1)));
  }

  @Test
  void theCallersRootGradientIsNotOverwritten() {
    Tensor x = signs();
    Tensor root = Torch.ones(N).mul(3.0);
    x.mul(1.0).relu().backward(root);
    assertEquals(3.0 * N, sum(root));
    assertEquals(3.0 * N / 2, sum(x.grad()));
  }

  @Test
  void aGradientACustomFunctionKeptIsNotOverwritten() {
    Tensor x = signs();
    GradientOwnershipTest.KeepingIdentity fn = new GradientOwnershipTest.KeepingIdentity();
    fn.apply(x.mul(1.0).relu()).mul(3.0).sum().backward();
    assertEquals(3.0 * N, sum(fn.kept));
    assertEquals(3.0 * N / 2, sum(x.grad()));
  }

  @Test
  void aGraphBeingBuiltKeepsItsGradients() {
    // create_graph: ReLU's derivative is recorded on the incoming gradient, which must survive
    // for the second derivative. d/dx of sum(relu(x)^2) is 2 relu(x); its sum's gradient is 2
    // [x>0].
    Tensor x = signs();
    Tensor r = x.mul(1.0).relu();
    Tensor gx = Autograd.grad(r.mul(r).sum(), x, true);
    assertEquals(2.0 * N / 2, sum(gx));
    gx.sum().backward();
    assertEquals(2.0 * N / 2, sum(x.grad()));
  }
}
