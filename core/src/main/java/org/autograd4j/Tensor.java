package org.autograd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.autograd4j.autograd.AccumulateGrad;
import org.autograd4j.autograd.Autograd;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.autograd.Node;
import org.autograd4j.autograd.RemovableHandle;
import org.autograd4j.autograd.TensorAccess;
import org.autograd4j.internal.Storage;
import org.autograd4j.internal.TensorData;
import org.autograd4j.internal.Warnings;
import org.autograd4j.internal.format.TensorFormatter;

/**
 * An n-dimensional array that can record the operations applied to it and differentiate them, as
 * {@code torch.Tensor}. This class is a thin facade: the ops live in package-private op groups
 * ({@code Elementwise}, {@code Reductions}, {@code Views}, {@code LinearAlgebra}, ...), each of
 * which defines an op's forward, its derivative and its grad_fn name in one place.
 *
 * <p>This file holds the fields, metadata, autograd state and printing. The public op methods that
 * delegate to the op groups are declared in package-private superclasses, split by responsibility
 * ({@code TensorMathOps}, {@code TensorReductionOps}, {@code TensorShapeOps}, {@code
 * TensorInPlaceOps}); javac emits a public bridge for each in this class, so they are Tensor's
 * methods to callers, reflection and javadoc.
 *
 * <pre>{@code
 * Tensor x = Torch.tensor(3.0).requiresGrad_();
 * Tensor y = x.pow(2);   // tensor(9., grad_fn=<PowBackward0>)
 * y.backward();
 * x.grad();              // tensor(6.)
 * }</pre>
 */
public class Tensor extends TensorInPlaceOps {
  static {
    TensorAccess.install(new Access());
    TensorData.install(new Data());
  }

  final Storage storage;
  final int offset;
  final int[] shape;
  final int[] strides;

  /** Shared by all views of one storage (and by detach()), as PyTorch's version counter. */
  final int[] version;

  /** The tensor this one is a view of, or null. */
  final Tensor base;

  private boolean requiresGrad;
  private Node gradFn;
  private int outputNr;
  private Tensor grad;

  /**
   * Whether {@link #grad} was made by the library (a gradient only the autograd engine held, or a
   * copy) and has not been handed out since ({@link #grad()}, {@link #gradIfPresent()}). Nothing
   * outside the library can then reference its array, so clearing the gradient may give the array
   * back for reuse ({@link TensorData#zeroGrad}).
   */
  private boolean gradPrivate;

  /**
   * Gradients smaller than this are not given back when cleared: zeroing them costs little, and
   * arrays of many small lengths would only fill the pool's bounded space.
   */
  private static final int MIN_REUSED_GRAD_NUMEL = 1 << 15;

  // Volatile, so that once made it is read without the lock: Op.gradientEdge asks for it on every
  // leaf operand of every recorded op.
  private volatile AccumulateGrad accumulator;
  private boolean retainsGrad;
  private RemovableHandle retainGradHandle;

  /**
   * For a view: the version counter's value when this view's grad_fn was last set. When it differs
   * from the current version, the base (or another view of it) was modified in place and the
   * grad_fn is regenerated from the base, as PyTorch's {@code VariableHooks::grad_fn} does.
   */
  private int viewVersion;

  /** A view made while grad mode was off: PyTorch forbids recording an in-place op on it. */
  final boolean viewCreatedInNoGrad;

  Tensor(Storage storage, int offset, int[] shape, int[] strides, int[] version, Tensor base) {
    this.storage = storage;
    this.offset = offset;
    this.shape = shape;
    this.strides = strides;
    this.version = version;
    this.base = base;
    if (base != null) {
      this.viewVersion = version[0];
      this.viewCreatedInNoGrad = !GradMode.isEnabled();
    } else {
      this.viewCreatedInNoGrad = false;
    }
  }

  /**
   * A new leaf sharing {@code data}'s storage, layout and version counter; for subclasses such as
   * {@code nn.Parameter}.
   */
  protected Tensor(Tensor data) {
    this(data.storage, data.offset, data.shape, data.strides, data.version, data.base);
  }

  /** A fresh contiguous tensor over {@code storage}. */
  Tensor(Storage storage, int[] shape) {
    this(storage, 0, shape, Shapes.contiguousStrides(shape), new int[1], null);
  }

  @Override
  final Tensor self() {
    return this;
  }

  // ---------------------------------------------------------------- metadata

  /** The element type. */
  public DType dtype() {
    return storage.dtype();
  }

  /** The sizes, as {@code x.shape} / {@code x.size()}. */
  public Shape shape() {
    return Shape.of(shape);
  }

  /** Same as {@link #shape()}. */
  public Shape size() {
    return shape();
  }

  /** The size of dimension {@code dim} (negative counts from the end). */
  public int size(int dim) {
    return shape[Shapes.wrapDim(dim, shape.length)];
  }

  /** The number of dimensions. */
  public int dim() {
    return shape.length;
  }

  /** The number of elements. */
  public int numel() {
    return Shapes.numel(shape);
  }

  /** The strides, in elements. */
  public int[] stride() {
    return strides.clone();
  }

  /** Whether the elements are laid out row-major without gaps. */
  public boolean isContiguous() {
    return Strided.isContiguous(shape, strides);
  }

  /** How many in-place changes this tensor's storage has seen ({@code x._version}). */
  public int version() {
    return version[0];
  }

  /**
   * The value of a one-element tensor as a double ({@code x.item()}).
   *
   * <pre>{@code
   * Torch.tensor(2.5).item(); // 2.5
   * }</pre>
   */
  public double item() {
    if (numel() != 1) {
      throw new IllegalStateException(
          "a Tensor with " + numel() + " elements cannot be converted to Scalar");
    }
    return storage.getDouble(offset);
  }

  /**
   * A copy of the elements in row-major order, converted to float ({@code x.numpy()} for float32).
   *
   * <pre>{@code
   * Torch.tensor(new double[] {1, 2}).toFloatArray(); // [1.0, 2.0]
   * }</pre>
   */
  public float[] toFloatArray() {
    return Strided.copyContiguous(this, DType.FLOAT32).storage.floats();
  }

  /**
   * A copy of the elements in row-major order, converted to double.
   *
   * <pre>{@code
   * Torch.ones(2, 2).toDoubleArray(); // [1.0, 1.0, 1.0, 1.0]
   * }</pre>
   */
  public double[] toDoubleArray() {
    return Strided.copyContiguous(this, DType.FLOAT64).storage.doubles();
  }

  /**
   * A copy of the elements in row-major order, converted to long (floats truncate toward zero).
   *
   * <pre>{@code
   * Torch.tensor(new long[] {3, 1}).toLongArray(); // [3, 1]
   * }</pre>
   */
  public long[] toLongArray() {
    return Strided.copyContiguous(this, DType.INT64).storage.longs();
  }

  /** The value of a one-element int64 or bool tensor as a long, exactly. */
  public long itemLong() {
    if (numel() != 1) {
      throw new IllegalStateException(
          "a Tensor with " + numel() + " elements cannot be converted to Scalar");
    }
    return storage.getLong(offset);
  }

  // ---------------------------------------------------------------- autograd state

  /** Whether gradients are computed for this tensor. */
  public boolean requiresGrad() {
    if (base != null) {
      // As PyTorch's view meta: a view requires grad when its base does, even a view made under
      // no_grad (which then is a leaf), and it may have gained history through its base.
      return gradFn() != null || requiresGrad || base.requiresGrad();
    }
    return requiresGrad;
  }

  /** {@code x.requires_grad_()}: starts recording operations on this leaf. */
  public Tensor requiresGrad_() {
    return requiresGrad_(true);
  }

  /**
   * {@code x.requires_grad_(flag)} with PyTorch's rules: only floating-point tensors can require
   * grad; a non-leaf can be switched on (a no-op) but not off.
   */
  public Tensor requiresGrad_(boolean flag) {
    if (!isLeaf()) {
      if (!flag) {
        throw new IllegalStateException(
            "you can only change requires_grad flags of leaf variables. If you want to use a"
                + " computed variable in a subgraph that doesn't require differentiation use"
                + " var_no_grad = var.detach().");
      }
      return this;
    }
    if (flag && !dtype().isFloatingPoint()) {
      throw new IllegalStateException("only Tensors of floating point dtype can require gradients");
    }
    requiresGrad = flag;
    return this;
  }

  /** Whether this tensor is a leaf: it has no grad_fn. */
  public boolean isLeaf() {
    return gradFn() == null;
  }

  /**
   * The backward node that produced this tensor, or null for a leaf. For a view whose base was
   * modified in place since, this is a fresh {@code AsStridedBackward0} from the base's current
   * history (PyTorch's behaviour), so the view's gradient sees the modification.
   */
  public Node gradFn() {
    if (base != null && viewVersion != version[0] && !viewCreatedInNoGrad) {
      if (gradFn != null || base.requiresGrad()) {
        AsStrided.regenerate(this, base);
      }
    }
    return gradFn;
  }

  /** Which output of {@link #gradFn()} this tensor is. */
  public int outputNr() {
    return outputNr;
  }

  /**
   * The accumulated gradient ({@code x.grad}), or null. Reading it on a non-leaf that does not
   * retain its gradient warns once, as PyTorch does, and returns null.
   */
  public Tensor grad() {
    if (!isLeaf() && !retainsGrad && grad == null) {
      Warnings.warnOnce(
          "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad"
              + " attribute won't be populated during autograd.backward(). If you indeed want the"
              + " .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the"
              + " non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you"
              + " access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for"
              + " more informations.");
    }
    gradPrivate = false;
    return grad;
  }

  /** The gradient without the non-leaf warning (for library code). */
  public Tensor gradIfPresent() {
    gradPrivate = false;
    return grad;
  }

  /** {@code x.grad = g}: replaces the gradient (null clears it). */
  public void setGrad(Tensor g) {
    if (g != null && !Shapes.same(g.shape, shape)) {
      throw new IllegalArgumentException(
          "assigned grad has data of a different size: expected "
              + Shapes.str(shape)
              + ", got "
              + Shapes.str(g.shape));
    }
    this.grad = g;
    this.gradPrivate = false;
  }

  /** Whether this non-leaf keeps its gradient in {@code .grad} ({@code x.retains_grad}). */
  public boolean retainsGrad() {
    return retainsGrad;
  }

  /** {@code x.retain_grad()}: a non-leaf keeps its gradient in {@code .grad}; no-op on leaves. */
  public Tensor retainGrad() {
    if (!requiresGrad()) {
      throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
    }
    if (isLeaf() || retainsGrad) {
      return this;
    }
    retainsGrad = true;
    retainGradHandle = gradFn().registerRetainGradHook(outputNr, this::retainGradHook);
    return this;
  }

  private Tensor retainGradHook(Tensor g) {
    grad = grad == null ? g.clone() : grad.add(g);
    return g;
  }

  /**
   * {@code x.register_hook(fn)}: {@code fn} sees the gradient of this tensor during backward and
   * may return a replacement (or null to keep it).
   *
   * <pre>{@code
   * RemovableHandle h = x.registerHook(g -> g.mul(2)); // doubles x's gradient
   * }</pre>
   */
  public RemovableHandle registerHook(UnaryOperator<Tensor> hook) {
    if (!requiresGrad()) {
      throw new IllegalStateException(
          "cannot register a hook on a tensor that doesn't require gradient");
    }
    return isLeaf()
        ? gradAccumulatorNode().registerPrehook(0, hook)
        : gradFn().registerPrehook(outputNr, hook);
  }

  /** {@code x.backward()}: gradient of a one-element tensor into the leaves' {@code .grad}. */
  public void backward() {
    Autograd.backward(List.of(this), null, null, false, null);
  }

  /** {@code x.backward(gradient)}: vector-Jacobian product with {@code gradient}. */
  public void backward(Tensor gradient) {
    Autograd.backward(List.of(this), listOf(gradient), null, false, null);
  }

  /**
   * {@code x.backward(gradient, retain_graph, create_graph)}.
   *
   * @param gradient may be null for a one-element tensor
   */
  public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
    Autograd.backward(List.of(this), listOf(gradient), retainGraph, createGraph, null);
  }

  /** {@code x.backward(gradient, retain_graph, create_graph, inputs)}. */
  public void backward(
      Tensor gradient, Boolean retainGraph, boolean createGraph, List<Tensor> inputs) {
    Autograd.backward(List.of(this), listOf(gradient), retainGraph, createGraph, inputs);
  }

  private static List<Tensor> listOf(Tensor t) {
    List<Tensor> l = new ArrayList<>(1);
    l.add(t);
    return l;
  }

  // Overrides of Object's methods (this one and toString) stay here, not in the op-group classes.

  /** {@code x.clone()}: a copy that stays in the graph. */
  @Override
  public Tensor clone() {
    return Views.clone(this);
  }

  /** {@code x.detach()}: a leaf sharing storage and version counter, not requiring grad. */
  public Tensor detach() {
    // Not a view for autograd purposes (PyTorch: x.detach()._is_view() is False), so no base.
    return new Tensor(storage, offset, shape, strides, version, null);
  }

  /** {@code x.detach_()}: detaches this tensor in place; refuses on views, as PyTorch does. */
  public Tensor detach_() {
    if (base != null) {
      throw new IllegalStateException(
          "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel"
              + " (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views"
              + " of DDP buckets, and hence detach_() cannot be called on these gradients. To fix"
              + " this error, please refer to the Optimizer.zero_grad() function in"
              + " torch/optim/optimizer.py as the solution.");
    }
    if (retainsGrad) {
      retainGradHandle.remove();
      retainsGrad = false;
    }
    gradFn = null;
    outputNr = 0;
    requiresGrad = false;
    return this;
  }

  AccumulateGrad gradAccumulatorNode() {
    AccumulateGrad made = accumulator;
    if (made != null) {
      return made;
    }
    synchronized (this) {
      if (accumulator == null) {
        accumulator = AccumulateGrad.forLeaf(this);
      }
      return accumulator;
    }
  }

  /** Installs a new history after an in-place op (PyTorch's rebase_history). */
  void rebaseHistory(Tensor result) {
    if (result.gradFn() != null) {
      takeHistory(result);
    }
  }

  /** Makes this tensor share {@code other}'s grad_fn and output number. */
  void takeHistory(Tensor other) {
    setHistory(other.gradFn, other.outputNr);
  }

  /** Makes this tensor output {@code outputNr} of {@code fn}. */
  void setHistory(Node fn, int outputNr) {
    Node old = this.gradFn;
    this.gradFn = fn;
    this.outputNr = outputNr;
    this.requiresGrad = true;
    this.viewVersion = version[0];
    if (retainsGrad && old != fn) {
      // retain_grad follows the tensor to its new grad_fn (PyTorch 1.13); hooks registered
      // with registerHook stay on the old one.
      retainGradHandle.remove();
      retainGradHandle = fn.registerRetainGradHook(outputNr, this::retainGradHook);
    }
  }

  /** Bumps the shared version counter after an in-place write. */
  void bumpVersion() {
    version[0]++;
  }

  // ---------------------------------------------------------------- printing

  /** PyTorch's repr, character for character, e.g. {@code tensor([1., 2.], requires_grad=True)}. */
  @Override
  public String toString() {
    List<String> suffixes = new ArrayList<>(1);
    Node fn = gradFn();
    if (fn != null) {
      suffixes.add("grad_fn=<" + fn.name() + ">");
    } else if (requiresGrad()) {
      suffixes.add("requires_grad=True");
    }
    Tensor c = contiguousData();
    return TensorFormatter.format(
        shape,
        dtype(),
        new TensorFormatter.Elements() {
          @Override
          public double getDouble(long i) {
            return c.storage.getDouble(c.offset + (int) i);
          }

          @Override
          public long getLong(long i) {
            return c.storage.getLong(c.offset + (int) i);
          }

          @Override
          public boolean getBool(long i) {
            return c.storage.getLong(c.offset + (int) i) != 0;
          }
        },
        suffixes);
  }

  /** This tensor's elements in a contiguous layout, without recording anything. */
  Tensor contiguousData() {
    return isContiguous() ? this : Strided.copyContiguous(this, dtype());
  }

  private static final class Data extends TensorData {
    @Override
    public Storage storage(Tensor t) {
      return t.storage;
    }

    @Override
    public int offset(Tensor t) {
      return t.offset;
    }

    @Override
    public void bumpVersion(Tensor t) {
      t.bumpVersion();
    }

    @Override
    public Tensor gradForUpdate(Tensor leaf) {
      return leaf.grad;
    }

    @Override
    public void setPrivateGrad(Tensor leaf, Tensor g) {
      leaf.setGrad(g);
      leaf.gradPrivate = true;
    }

    @Override
    public void zeroGrad(Tensor leaf, boolean setToNone) {
      Tensor g = leaf.grad;
      if (g == null) {
        return;
      }
      if (!setToNone) {
        try (var noGrad = Torch.noGrad()) {
          g.detach().zero_();
        }
        return;
      }
      boolean reuse = leaf.gradPrivate && g.gradFn == null && g.numel() >= MIN_REUSED_GRAD_NUMEL;
      leaf.grad = null;
      leaf.gradPrivate = false;
      if (reuse) {
        NnOps.recycleUnshared(g);
      }
    }
  }

  private static final class Access extends TensorAccess {
    @Override
    public void setHistory(Tensor t, Node fn, int outputNr) {
      t.setHistory(fn, outputNr);
    }

    @Override
    public void bumpVersion(Tensor t) {
      t.bumpVersion();
    }

    @Override
    public Tensor baseOf(Tensor t) {
      return t.base;
    }

    @Override
    public boolean isView(Tensor t) {
      return t.base != null;
    }

    @Override
    public int[] shapeOf(Tensor t) {
      return t.shape;
    }

    @Override
    public void recycleScratch(Tensor t) {
      if (t.base == null) {
        t.storage.recycle();
      }
    }

    @Override
    public AccumulateGrad gradAccumulator(Tensor leaf) {
      return leaf.gradAccumulatorNode();
    }
  }
}
