package org.autograd4j.autograd;

import org.autograd4j.DType;
import org.autograd4j.Tensor;

/** A node built by {@link Op#record}: saved tensors plus a {@link BackwardFunction}. */
final class FunctionNode extends Node implements OpContext {
  private final BackwardFunction backward;
  private static final SavedTensor[] NONE = new SavedTensor[0];
  private SavedTensor[] saved = NONE;

  /** Bit i: the engine owns gradient i during the current apply (see {@link #ownsGrad}). */
  private long ownedGrads;

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

  @Override
  public boolean ownsGrad(int i) {
    return i < Long.SIZE && (ownedGrads & (1L << i)) != 0;
  }

  /** Runs the derivative with gradients {@code owned} (bit i for gradient i) the engine's alone. */
  Tensor[] applyOwning(Tensor[] gradOutputs, long owned) {
    ownedGrads = owned;
    try {
      return apply(gradOutputs);
    } finally {
      ownedGrads = 0;
    }
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
