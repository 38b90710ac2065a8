package org.autograd4j.autograd;

import org.autograd4j.DType;
import org.autograd4j.Tensor;

/** A node built by {@link Op#record}: saved tensors plus a {@link BackwardFunction}. */
final class FunctionNode extends Node implements OpContext {
  private final BackwardFunction backward;
  private static final SavedTensor[] NONE = new SavedTensor[0];
  private SavedTensor[] saved = NONE;

  FunctionNode(
      String name, Edge[] next, int[][] inputShapes, DType[] inputDtypes, BackwardFunction fn) {
    super(name, next, inputShapes, inputDtypes);
    this.backward = fn;
  }

  void save(Tensor[] tensors, Tensor[] outputs) {
    if (tensors.length == 0) {
      return;
    }
    saved = new SavedTensor[tensors.length];
    for (int i = 0; i < tensors.length; i++) {
      Tensor t = tensors[i];
      boolean isOutput = false;
      for (Tensor o : outputs) {
        isOutput |= o == t;
      }
      saved[i] = t == null ? null : new SavedTensor(t, this, isOutput);
    }
  }

  @Override
  public Tensor saved(int i) {
    return saved[i] == null ? null : saved[i].unpack();
  }

  /**
   * Runs the derivative with gradients {@code owned} (bit i for gradient i) the engine's alone. The
   * context that says so is this call's own, not a field of the node: two backward passes over a
   * shared graph may run this node at once.
   */
  Tensor[] applyOwning(Tensor[] gradOutputs, long owned) {
    OpContext node = this;
    OpContext ctx =
        new OpContext() {
          @Override
          public Tensor saved(int i) {
            return node.saved(i);
          }

          @Override
          public boolean needsInputGrad(int i) {
            return node.needsInputGrad(i);
          }

          @Override
          public boolean ownsGrad(int i) {
            return i < Long.SIZE && (owned & (1L << i)) != 0;
          }
        };
    return backward.apply(ctx, gradOutputs);
  }

  @Override
  protected Tensor[] apply(Tensor[] gradOutputs) {
    return backward.apply(this, gradOutputs);
  }

  @Override
  protected void releaseVariables() {
    for (SavedTensor s : saved) {
      if (s != null) {
        s.release();
      }
    }
  }
}
