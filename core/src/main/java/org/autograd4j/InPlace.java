package org.autograd4j;

import java.util.function.UnaryOperator;
import org.autograd4j.autograd.CopySlices;
import org.autograd4j.autograd.Edge;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.autograd.Node;
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
   * @param op the out-of-place form of the op, applied to {@code self} (or, when the graph is being
   *     recorded, to a copy, so that saved tensors keep the old values). Its result's grad_fn must
   *     take the op's self as input 0.
   * @param others the op's other tensor operands, to decide whether a graph must be recorded
   */
  static Tensor apply(Tensor self, UnaryOperator<Tensor> op, Tensor... others) {
    boolean recording = recording(self, others);
    if (recording) {
      checkInplace(self);
    }
    Tensor base = self.base;
    boolean onView = recording && base != null;
    Tensor source = recording ? historyCarryingCopy(self) : self;
    Tensor result;
    try (GradMode.Scope s = GradMode.scope(recording)) {
      result = op.apply(source);
    }
    checkWritable(self, result);
    Node fn = recording ? result.gradFn() : null;
    if (onView && fn != null && source.requiresGrad()) {
      Edge first = fn.nextFunctions().get(0);
      if (first.function() == null || first.function() != Op.gradientEdge(source).function()) {
        throw new IllegalStateException(
            "internal error: in-place op on a view must be a single node taking self as input 0");
      }
    }
    // Everything that can fail has been checked: from here on the write always completes.
    Edge baseEdge = onView ? Op.gradientEdge(base) : null;
    Kernels.copyInto(self, result);
    self.bumpVersion();
    if (fn != null) {
      if (onView) {
        // PyTorch's rebase_history on a view: the base's grad_fn becomes CopySlices, and the
        // view's grad_fn is regenerated from the base (AsStridedBackward0).
        base.setHistory(new CopySlices(baseEdge, base, geometry(self, base), fn), 0);
        AsStrided.regenerate(self, base);
      } else {
        self.rebaseHistory(result);
      }
    }
    return self;
  }

  /**
   * {@code self op= other}. An op that records no graph (an optimizer step under no_grad,
   * AccumulateGrad's sum) on a dense float {@code self} is computed straight into self's storage:
   * no result tensor, no copy back, no grad-mode scope. Everything else, including every error
   * case, takes {@link #apply}.
   *
   * @param outOfPlace the out-of-place op, for {@link #apply}
   */
  static Tensor binary(
      Tensor self, FastPaths.Binary op, Tensor other, UnaryOperator<Tensor> outOfPlace) {
    if (!recording(self, other)
        && Promotion.resultType(self, other) == self.dtype()
        && FastPaths.inPlace(op, self, other)) {
      self.bumpVersion();
      return self;
    }
    return apply(self, outOfPlace, other);
  }

  /**
   * {@code self op= value} for a Python float. Unrecorded, a contiguous float self is computed
   * where it lies, with the kernels and rounding of the out-of-place {@code self op value};
   * everything else takes {@link #apply}.
   *
   * @param outOfPlace the out-of-place op, for {@link #apply}
   */
  static Tensor scalar(
      Tensor self, FastPaths.Binary op, double value, UnaryOperator<Tensor> outOfPlace) {
    if (!recording(self) && FastPaths.scalarInPlace(op, self, value)) {
      self.bumpVersion();
      return self;
    }
    return apply(self, outOfPlace);
  }

  /** {@code self.fill_(value)}: unrecorded, a contiguous float self is filled where it lies. */
  static Tensor fill(Tensor self, double value, String name) {
    if (!recording(self) && FastPaths.fill(self, value)) {
      self.bumpVersion();
      return self;
    }
    return apply(self, s -> Elementwise.fill(s, value, name));
  }

  /** Whether an in-place op on {@code self} with these operands is recorded in the graph. */
  private static boolean recording(Tensor self, Tensor... others) {
    return GradMode.isEnabled() && (self.requiresGrad() || Op.needsGrad(others));
  }

  /** PyTorch's check_inplace, for an op that will be recorded. */
  private static void checkInplace(Tensor self) {
    if (self.base != null) {
      if (self.viewCreatedInNoGrad) {
        throw new IllegalStateException(
            "A view was created in no_grad mode and is being modified inplace with grad mode"
                + " enabled. Given that this use case is ambiguous and error-prone, it is"
                + " forbidden. You can clarify your code by moving both the view and the inplace"
                + " either both inside the no_grad block (if you don't want the inplace to be"
                + " tracked) or both outside (if you want the inplace to be tracked).");
      }
      if (self.requiresGrad() && self.base.isLeaf()) {
        throw new IllegalStateException(
            "a view of a leaf Variable that requires grad is being used in an in-place"
                + " operation.");
      }
    }
    if (self.requiresGrad() && self.isLeaf()) {
      throw new IllegalStateException(
          "a leaf Variable that requires grad is being used in an in-place operation.");
    }
  }

  /** A copy of {@code self}'s values that continues its graph: saved tensors see the old values. */
  private static Tensor historyCarryingCopy(Tensor self) {
    Tensor copy = Strided.copyContiguous(self, self.dtype());
    copy.rebaseHistory(self);
    return copy;
  }

  /** Where the view's elements sit in a buffer laid out like its base (offset 0). */
  private static CopySlices.Geometry geometry(Tensor view, Tensor base) {
    int[] shape = view.shape.clone();
    int[] strides = view.strides.clone();
    int relativeOffset = view.offset - base.offset;
    return new CopySlices.Geometry() {
      @Override
      public Tensor copyOfBaseGeometry(Tensor grad) {
        return AsStrided.emptyStridedCopy(base, grad);
      }

      @Override
      public Tensor viewIn(Tensor baseLike) {
        return AsStrided.view(baseLike, shape, strides, relativeOffset);
      }
    };
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
              + from.scalarTypeName()
              + " can't be cast to the desired output type "
              + to.scalarTypeName());
    }
  }
}
