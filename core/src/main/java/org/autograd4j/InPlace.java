package org.autograd4j;

import java.util.function.UnaryOperator;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.autograd.Op;

/**
 * In-place ops ({@code add_}, {@code mul_}, ...) as "compute out of place, write back, rebase
 * history": one mechanism for every op, with PyTorch's checks before anything is written, so a
 * failed in-place op leaves the tensor as it was.
 */
final class InPlace {
  private InPlace() {}

  /**
   * Replaces {@code self}'s values with {@code op(self)}.
   *
   * @param op the out-of-place form of the op, applied to {@code self} (or to a copy carrying its
   *     history when the graph is being recorded, so saved tensors keep the old values)
   * @param others the op's other tensor operands, to decide whether a graph must be recorded
   */
  static Tensor apply(Tensor self, UnaryOperator<Tensor> op, Tensor... others) {
    boolean recording = GradMode.isEnabled() && (self.requiresGrad() || Op.needsGrad(others));
    if (GradMode.isEnabled() && self.isLeaf() && self.requiresGrad()) {
      throw new IllegalStateException(
          "a leaf Variable that requires grad is being used in an in-place operation.");
    }
    if (recording && self.base != null && self.base.requiresGrad()) {
      throw new UnsupportedOperationException(
          "in-place operations on a view of a tensor that requires grad are not supported yet;"
              + " use the out-of-place op (e.g. x = x.add(y)) instead");
    }
    Tensor source = recording ? historyCarryingCopy(self) : self;
    Tensor result;
    try (GradMode.Scope s = GradMode.scope(recording)) {
      result = op.apply(source);
    }
    checkWritable(self, result);
    Kernels.copyInto(self, result);
    self.bumpVersion();
    if (recording) {
      self.rebaseHistory(result);
    }
    return self;
  }

  /** A copy of {@code self}'s values that continues its graph: saved tensors see the old values. */
  private static Tensor historyCarryingCopy(Tensor self) {
    Tensor copy = Strided.copyContiguous(self, self.dtype());
    copy.rebaseHistory(self);
    return copy;
  }

  private static void checkWritable(Tensor self, Tensor result) {
    if (!Shapes.same(Shapes.broadcast(result.shape, self.shape), self.shape)) {
      throw new IllegalArgumentException(
          "output with shape "
              + Shapes.str(self.shape)
              + " doesn't match the broadcast shape "
              + Shapes.str(Shapes.broadcast(result.shape, self.shape)));
    }
    DType from = result.dtype();
    DType to = self.dtype();
    boolean lossyKind =
        (from.isFloatingPoint() && !to.isFloatingPoint())
            || (from == DType.INT64 && to == DType.BOOL);
    if (lossyKind) {
      throw new IllegalArgumentException(
          "result type "
              + kindName(from)
              + " can't be cast to the desired output type "
              + kindName(to));
    }
  }

  private static String kindName(DType t) {
    switch (t) {
      case FLOAT32:
        return "Float";
      case FLOAT64:
        return "Double";
      case INT64:
        return "Long";
      default:
        return "Bool";
    }
  }
}
