package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.Storage;
import org.junit.jupiter.api.Test;

/**
 * A leaf without a gradient takes the arriving gradient as its .grad when nothing else can
 * reference it (and it is large enough to be worth it), and copies it otherwise. Taking must never
 * make two tensors share memory: every case below mutates one .grad in place and checks that no
 * other tensor changed. The tensors have {@link AccumulateGrad#MIN_TAKEN_NUMEL} elements, so that
 * only the ownership rules decide. Every element of each tensor is equal, so sums tell the values.
 */
class GradientOwnershipTest {
  private static final int N = AccumulateGrad.MIN_TAKEN_NUMEL;

  private static Tensor leaf(int... shape) {
    return Torch.ones(shape).requiresGrad_();
  }

  /** The value of every element of {@code t}, all equal. */
  private static double each(Tensor t) {
    return t.sum().item() / t.numel();
  }

  /** Storages created by one backward of {@code (x * 2).sum()}. */
  private static long storagesCreatedByBackward(int numel, boolean hookOnLeaf) {
    Tensor x = leaf(numel);
    if (hookOnLeaf) {
      x.registerHook(g -> null);
    }
    Tensor loss = x.mul(2.0).sum();
    long before = Storage.createdSoFar();
    loss.backward();
    long created = Storage.createdSoFar() - before;
    assertEquals(2.0, each(x.grad()));
    return created;
  }

  @Test
  void aFreshGradientIsTakenNotCopied() {
    // A hook on the leaf is user code that may keep the gradient, so the leaf copies it: the one
    // storage more that this backward creates is the copy the hook-free backward does without.
    assertEquals(storagesCreatedByBackward(N, true) - 1, storagesCreatedByBackward(N, false));
  }

  @Test
  void aSmallGradientIsCopied() {
    assertEquals(storagesCreatedByBackward(N - 1, true), storagesCreatedByBackward(N - 1, false));
  }

  @Test
  void oneGradientHandedToTwoLeavesIsNotShared() {
    // AddBackward returns the same gradient tensor for both inputs.
    Tensor a = leaf(N);
    Tensor b = leaf(N);
    a.add(b).mul(5.0).sum().backward();
    a.grad().add_(1.0);
    assertEquals(6.0, each(a.grad()));
    assertEquals(5.0, each(b.grad()));
  }

  @Test
  void aViewAndItsBaseReachingTwoLeavesAreNotShared() {
    // b receives g and a receives g.view(2, N / 2): two dense tensors on one storage.
    Tensor a = leaf(2, N / 2);
    Tensor b = leaf(N);
    a.view(N).add(b).mul(2.0).sum().backward();
    b.grad().zero_();
    assertEquals(2.0, each(a.grad()));
    a.grad().zero_();
    b.grad().add_(3.0);
    assertEquals(3.0, each(b.grad()));
    assertEquals(0.0, each(a.grad()));
  }

  @Test
  void theCallersRootGradientIsNeverTaken() {
    Tensor x = leaf(2, N / 2);
    Tensor root = Torch.ones(N).mul(4.0);
    x.view(N).backward(root);
    x.grad().zero_();
    assertEquals(4.0, each(root));
  }

  @Test
  void aGradientAHookKeptIsNotTaken() {
    Tensor x = leaf(2, N / 2);
    Tensor z = x.view(N);
    Tensor[] kept = new Tensor[1];
    z.registerHook(
        g -> {
          kept[0] = g;
          return null;
        });
    z.mul(2.0).sum().backward();
    // z's gradient reaches x through ViewBackward as a view of the tensor the hook kept.
    x.grad().zero_();
    assertEquals(2.0, each(kept[0]));
  }

  @Test
  void aRetainedGradientIsNotShared() {
    Tensor x = leaf(2, N / 2);
    Tensor z = x.view(N);
    z.retainGrad();
    z.mul(4.0).sum().backward();
    x.grad().zero_();
    assertEquals(4.0, each(z.grad()));
  }

  /** Returns its incoming gradient and keeps a reference to it, as user code may. */
  static final class KeepingIdentity extends Function {
    Tensor kept;

    @Override
    public Tensor[] forward(FunctionCtx ctx, Tensor... inputs) {
      return new Tensor[] {inputs[0].clone()};
    }

    @Override
    public Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs) {
      kept = gradOutputs[0];
      return new Tensor[] {gradOutputs[0]};
    }
  }

  @Test
  void aGradientACustomFunctionKeptIsNotTaken() {
    Tensor x = leaf(N);
    KeepingIdentity fn = new KeepingIdentity();
    fn.apply(x).mul(7.0).sum().backward();
    x.grad().zero_();
    assertEquals(7.0, each(fn.kept));
  }

  @Test
  void aTakenGradientAccumulatesInPlaceOnTheNextBackward() {
    Tensor x = leaf(N);
    x.mul(x).sum().backward();
    Tensor first = x.grad();
    x.mul(3.0).sum().backward();
    assertEquals(5.0, each(x.grad()));
    assertEquals(5.0, each(first));
  }
}
