package org.autograd4j.autograd;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.TensorData;

/**
 * The node at a leaf that requires grad: it adds the arriving gradient into the leaf's {@code
 * .grad}. Without create_graph the sum is done in place and detached; with it, out of place so the
 * accumulated gradient keeps its own graph.
 */
public final class AccumulateGrad extends Node {
  /**
   * Gradients of fewer elements are copied even when the engine may hand them over. Copying one
   * costs microseconds; taking the CNN's (at most 12,800 elements each) saved nothing and made its
   * backward slower on JDK 25, 2.11-2.24 against 2.27-2.33 s per 469 steps, for a reason not
   * established. The MLP's large weight gradients are where taking pays (64.8 to 0.7 us a step).
   */
  static final int MIN_TAKEN_NUMEL = 1 << 15;

  private final Tensor variable;

  /** The edge into this node, shared by every op on the leaf (an Edge is immutable). */
  final Edge edge = new Edge(this, 0);

  AccumulateGrad(Tensor variable) {
    super("AccumulateGrad", new Edge[0], new int[0][], new DType[0]);
    this.variable = variable;
    setOutputs(new int[][] {variable.shape().toArray()}, new DType[] {variable.dtype()});
  }

  /** Creates the accumulator for a leaf; use {@link TensorAccess#gradAccumulator} to share it. */
  public static AccumulateGrad forLeaf(Tensor leaf) {
    return new AccumulateGrad(leaf);
  }

  /** The leaf this node accumulates into. */
  public Tensor variable() {
    return variable;
  }

  @Override
  protected Tensor[] apply(Tensor[] gradOutputs) {
    return accumulate(gradOutputs[0], false);
  }

  /**
   * Adds {@code g} into the leaf's {@code .grad}.
   *
   * @param owned whether the engine knows that nothing else references {@code g} (see GraphTask): a
   *     leaf without a gradient then takes {@code g} itself, as PyTorch steals a gradient whose use
   *     count allows it, instead of copying it
   */
  // Synchronized: backward passes running on several threads may reach the same leaf (PyTorch
  // locks its AccumulateGrad the same way).
  synchronized Tensor[] accumulate(Tensor g, boolean owned) {
    TensorData data = TensorData.get();
    Tensor current = data.gradForUpdate(variable);
    boolean createGraph = GradMode.isEnabled();
    if (current == null) {
      if (createGraph) {
        // Under create_graph the copy is recorded as PyTorch's copy_ (grad_fn CopyBackwards).
        variable.setGrad(Torch.zeros(g.shape().toArray(), g.dtype()).copy_(g));
      } else if (owned && variable.isContiguous() && g.numel() >= MIN_TAKEN_NUMEL) {
        data.setPrivateGrad(variable, g.detach());
      } else {
        // The same gradient tensor may have been handed to several leaves, or kept by a hook.
        data.setPrivateGrad(variable, g.detach().clone());
      }
    } else if (createGraph) {
      variable.setGrad(current.add(g));
    } else {
      try (GradMode.Scope s = GradMode.scope(false)) {
        current.add_(g);
      }
    }
    return new Tensor[0];
  }
}
