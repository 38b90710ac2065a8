package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.Storage;
import org.junit.jupiter.api.Test;

/**
 * A leaf without a gradient takes the arriving gradient as its .grad when nothing else can
 * reference it, and copies it otherwise. Taking must never make two tensors share memory: every
 * case below mutates one .grad in place and checks that no other tensor changed.
 */
class GradientOwnershipTest {

  private static Tensor leaf(double... values) {
    return Torch.tensor(values).requiresGrad_();
  }

  /** Storages created by one backward of {@code (x * 2).sum()}, with or without a leaf hook. */
  private static long storagesCreatedByBackward(boolean hookOnLeaf) {
    Tensor x = leaf(1, 2, 3);
    if (hookOnLeaf) {
      x.registerHook(g -> null);
    }
    Tensor loss = x.mul(2.0).sum();
    long before = Storage.createdSoFar();
    loss.backward();
    long created = Storage.createdSoFar() - before;
    assertEquals("tensor([2., 2., 2.])", x.grad().toString());
    return created;
  }

  @Test
  void aFreshGradientIsTakenNotCopied() {
    // A hook on the leaf is user code that may keep the gradient, so the leaf copies it: the one
    // storage more that this backward creates is the copy the hook-free backward does without.
    assertEquals(storagesCreatedByBackward(true) - 1, storagesCreatedByBackward(false));
  }

  @Test
  void oneGradientHandedToTwoLeavesIsNotShared() {
    // AddBackward returns the same gradient tensor for both inputs.
    Tensor a = leaf(1, 2);
    Tensor b = leaf(3, 4);
    a.add(b).mul(5.0).sum().backward();
    a.grad().add_(1.0);
    assertEquals("tensor([6., 6.])", a.grad().toString());
    assertEquals("tensor([5., 5.])", b.grad().toString());
  }

  @Test
  void aViewAndItsBaseReachingTwoLeavesAreNotShared() {
    // b receives g and a receives g.view(2, 3): two dense tensors on one storage.
    Tensor a = Torch.ones(2, 3).requiresGrad_();
    Tensor b = Torch.ones(6).requiresGrad_();
    a.view(6).add(b).mul(2.0).sum().backward();
    b.grad().zero_();
    assertEquals("tensor([[2., 2., 2.],\n        [2., 2., 2.]])", a.grad().toString());
    a.grad().zero_();
    assertEquals("tensor([0., 0., 0., 0., 0., 0.])", b.grad().toString());
  }

  @Test
  void theCallersRootGradientIsNeverTaken() {
    Tensor x = Torch.ones(2, 2).requiresGrad_();
    Tensor root = Torch.tensor(new double[] {1, 2, 3, 4});
    x.view(4).backward(root);
    x.grad().zero_();
    assertEquals("tensor([1., 2., 3., 4.])", root.toString());
  }

  @Test
  void aGradientAHookKeptIsNotTaken() {
    Tensor x = Torch.ones(2, 2).requiresGrad_();
    Tensor z = x.view(4);
    Tensor[] kept = new Tensor[1];
    z.registerHook(
        g -> {
          kept[0] = g;
          return null;
        });
    z.mul(2.0).sum().backward();
    // z's gradient reaches x through ViewBackward as a view of the tensor the hook kept.
    x.grad().zero_();
    assertEquals("tensor([2., 2., 2., 2.])", kept[0].toString());
  }

  @Test
  void aRetainedGradientIsNotShared() {
    Tensor x = Torch.ones(2, 2).requiresGrad_();
    Tensor z = x.view(4);
    z.retainGrad();
    z.mul(4.0).sum().backward();
    x.grad().zero_();
    assertEquals("tensor([4., 4., 4., 4.])", z.grad().toString());
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
    Tensor x = leaf(1, 2);
    KeepingIdentity fn = new KeepingIdentity();
    fn.apply(x).mul(7.0).sum().backward();
    x.grad().zero_();
    assertEquals("tensor([7., 7.])", fn.kept.toString());
  }

  @Test
  void aTakenGradientAccumulatesInPlaceOnTheNextBackward() {
    Tensor x = leaf(1, 2);
    x.mul(x).sum().backward();
    Tensor first = x.grad();
    x.mul(3.0).sum().backward();
    assertEquals("tensor([5., 7.])", x.grad().toString());
    assertEquals("tensor([5., 7.])", first.toString());
  }
}
