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
 * <pre>{@code
 * Tensor x = Torch.tensor(3.0).requiresGrad_();
 * Tensor y = x.pow(2);   // tensor(9., grad_fn=<PowBackward0>)
 * y.backward();
 * x.grad();              // tensor(6.)
 * }</pre>
 */
public class Tensor {
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
    return grad;
  }

  /** The gradient without the non-leaf warning (for library code). */
  public Tensor gradIfPresent() {
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
    public AccumulateGrad gradAccumulator(Tensor leaf) {
      return leaf.gradAccumulatorNode();
    }
  }

  // ---------------------------------------------------------------- arithmetic

  /** {@code x + other} with broadcasting. */
  public Tensor add(Tensor other) {
    return Elementwise.add(this, other, 1);
  }

  /** {@code torch.add(x, other, alpha=alpha)}: {@code x + alpha * other}. */
  public Tensor add(Tensor other, double alpha) {
    return Elementwise.add(this, other, alpha);
  }

  /** {@code x + 2.5}. */
  public Tensor add(double other) {
    return Elementwise.scalarOp(FastPaths.Binary.ADD, this, other);
  }

  /** {@code x + 2} (an integer keeps integer tensors integral). */
  public Tensor add(long other) {
    return Elementwise.add(this, Promotion.wrapScalar(this, other, true), 1);
  }

  /** {@code x - other} with broadcasting. */
  public Tensor sub(Tensor other) {
    return Elementwise.sub(this, other, 1);
  }

  /** {@code torch.sub(x, other, alpha=alpha)}. */
  public Tensor sub(Tensor other, double alpha) {
    return Elementwise.sub(this, other, alpha);
  }

  /** {@code x - 2.5}. */
  public Tensor sub(double other) {
    return Elementwise.scalarOp(FastPaths.Binary.SUB, this, other);
  }

  /** {@code x - 2}. */
  public Tensor sub(long other) {
    return Elementwise.sub(this, Promotion.wrapScalar(this, other, true), 1);
  }

  /**
   * {@code scalar - x} (Python's {@code 1 - x}, grad_fn {@code RsubBackward1}).
   *
   * <pre>{@code
   * Tensor oneMinusP = p.rsub(1); // 1 - p
   * }</pre>
   */
  public Tensor rsub(double scalar) {
    return Elementwise.rsub(this, scalar, false);
  }

  /** {@code 1 - x} with an integer scalar. */
  public Tensor rsub(long scalar) {
    return Elementwise.rsub(this, scalar, true);
  }

  /** {@code x * other} with broadcasting. */
  public Tensor mul(Tensor other) {
    return Elementwise.mul(this, other);
  }

  /** {@code x * 2.5}. */
  public Tensor mul(double other) {
    return Elementwise.scalarOp(FastPaths.Binary.MUL, this, other);
  }

  /** {@code x * 2}. */
  public Tensor mul(long other) {
    return Elementwise.mul(this, Promotion.wrapScalar(this, other, true));
  }

  /** {@code x / other} (true division) with broadcasting. */
  public Tensor div(Tensor other) {
    return Elementwise.div(this, other);
  }

  /** {@code x / 2.5}. */
  public Tensor div(double other) {
    return Elementwise.scalarOp(FastPaths.Binary.DIV, this, other);
  }

  /** {@code x / 2}. */
  public Tensor div(long other) {
    return Elementwise.div(this, Promotion.wrapScalar(this, other, true));
  }

  /** {@code scalar / x}. */
  public Tensor rdiv(double scalar) {
    return Elementwise.div(Promotion.wrapScalar(this, scalar, false), this);
  }

  /** {@code -x}. */
  public Tensor neg() {
    return Elementwise.neg(this);
  }

  /** {@code x ** exponent} for a scalar exponent (grad_fn {@code PowBackward0}). */
  public Tensor pow(double exponent) {
    return Elementwise.pow(this, exponent);
  }

  /** {@code x ** exponent} elementwise (grad_fn {@code PowBackward1}). */
  public Tensor pow(Tensor exponent) {
    return Elementwise.pow(this, exponent);
  }

  // ---------------------------------------------------------------- math functions

  /** {@code torch.exp(x)}. */
  public Tensor exp() {
    return Elementwise.exp(this);
  }

  /** {@code torch.log(x)}, the natural logarithm. */
  public Tensor log() {
    return Elementwise.log(this);
  }

  /** {@code torch.sin(x)}. */
  public Tensor sin() {
    return Elementwise.sin(this);
  }

  /** {@code torch.cos(x)}. */
  public Tensor cos() {
    return Elementwise.cos(this);
  }

  /** {@code torch.tanh(x)}. */
  public Tensor tanh() {
    return Elementwise.tanh(this);
  }

  /** {@code torch.sigmoid(x)}. */
  public Tensor sigmoid() {
    return Elementwise.sigmoid(this);
  }

  /** {@code torch.sqrt(x)}. */
  public Tensor sqrt() {
    return Elementwise.sqrt(this);
  }

  /** {@code torch.relu(x)}. */
  public Tensor relu() {
    return Elementwise.relu(this);
  }

  /** {@code torch.clamp(x, min, max)}; pass {@code Double.NaN} for a missing bound. */
  public Tensor clamp(double min, double max) {
    return Elementwise.clamp(this, min, max);
  }

  /** {@code x.clamp(min=min)}. */
  public Tensor clampMin(double min) {
    return Elementwise.clamp(this, min, Double.NaN);
  }

  /** {@code x.clamp(max=max)}. */
  public Tensor clampMax(double max) {
    return Elementwise.clamp(this, Double.NaN, max);
  }

  // ---------------------------------------------------------------- comparisons and logic

  /** {@code x == other} elementwise, as a bool tensor. */
  public Tensor eq(Tensor other) {
    return Elementwise.compare(this, other, (a, b) -> a == b ? 1 : 0);
  }

  /** {@code x == value}. */
  public Tensor eq(double value) {
    return eq(Promotion.wrapScalar(this, value, false));
  }

  /** {@code x != other}. */
  public Tensor ne(Tensor other) {
    return Elementwise.compare(this, other, (a, b) -> a != b ? 1 : 0);
  }

  /** {@code x != value}. */
  public Tensor ne(double value) {
    return ne(Promotion.wrapScalar(this, value, false));
  }

  /** {@code x < other}. */
  public Tensor lt(Tensor other) {
    return Elementwise.compare(this, other, (a, b) -> a < b ? 1 : 0);
  }

  /** {@code x < value}. */
  public Tensor lt(double value) {
    return lt(Promotion.wrapScalar(this, value, false));
  }

  /** {@code x <= other}. */
  public Tensor le(Tensor other) {
    return Elementwise.compare(this, other, (a, b) -> a <= b ? 1 : 0);
  }

  /** {@code x <= value}. */
  public Tensor le(double value) {
    return le(Promotion.wrapScalar(this, value, false));
  }

  /** {@code x > other}. */
  public Tensor gt(Tensor other) {
    return Elementwise.compare(this, other, (a, b) -> a > b ? 1 : 0);
  }

  /** {@code x > value}. */
  public Tensor gt(double value) {
    return gt(Promotion.wrapScalar(this, value, false));
  }

  /** {@code x >= other}. */
  public Tensor ge(Tensor other) {
    return Elementwise.compare(this, other, (a, b) -> a >= b ? 1 : 0);
  }

  /** {@code x >= value}. */
  public Tensor ge(double value) {
    return ge(Promotion.wrapScalar(this, value, false));
  }

  /** {@code torch.isnan(x)}. */
  public Tensor isnan() {
    return Elementwise.isnan(this);
  }

  /** {@code torch.logical_and(x, other)}. */
  public Tensor logicalAnd(Tensor other) {
    return Elementwise.logicalAnd(this, other);
  }

  /** {@code torch.logical_or(x, other)}. */
  public Tensor logicalOr(Tensor other) {
    return Elementwise.logicalOr(this, other);
  }

  /** {@code torch.logical_not(x)}. */
  public Tensor logicalNot() {
    return Elementwise.logicalNot(this);
  }

  // ---------------------------------------------------------------- reductions

  /** {@code x.sum()} over all elements. */
  public Tensor sum() {
    return Reductions.sum(this);
  }

  /** {@code x.sum(dim)}. */
  public Tensor sum(int dim) {
    return Reductions.sum(this, new int[] {dim}, false);
  }

  /** {@code x.sum(dims, keepdim)}. */
  public Tensor sum(int[] dims, boolean keepdim) {
    return Reductions.sum(this, dims, keepdim);
  }

  /** {@code x.mean()} over all elements. */
  public Tensor mean() {
    return Reductions.mean(this);
  }

  /** {@code x.mean(dim)}. */
  public Tensor mean(int dim) {
    return Reductions.mean(this, new int[] {dim}, false);
  }

  /** {@code x.mean(dims, keepdim)}. */
  public Tensor mean(int[] dims, boolean keepdim) {
    return Reductions.mean(this, dims, keepdim);
  }

  /** {@code x.sum_to_size(shape)}: sums broadcast dims away. */
  public Tensor sumToSize(int... shape) {
    return Reductions.sumToSize(this, shape);
  }

  /** {@code x.any()}. */
  public Tensor any() {
    return Reductions.any(this);
  }

  /** {@code x.all()}. */
  public Tensor all() {
    return Reductions.all(this);
  }

  // ---------------------------------------------------------------- linear algebra

  /** {@code x @ other}: dot, matrix-vector, matrix-matrix or batched product by rank. */
  public Tensor matmul(Tensor other) {
    return LinearAlgebra.matmul(this, other);
  }

  /** {@code x.addmm(mat1, mat2, beta, alpha)}: {@code beta * x + alpha * (mat1 @ mat2)}. */
  public Tensor addmm(Tensor mat1, Tensor mat2, double beta, double alpha) {
    return LinearAlgebra.addmm(this, mat1, mat2, beta, alpha);
  }

  /** {@code x.addmm(mat1, mat2)}: {@code x + mat1 @ mat2} (grad_fn {@code AddmmBackward0}). */
  public Tensor addmm(Tensor mat1, Tensor mat2) {
    return LinearAlgebra.addmm(this, mat1, mat2, 1, 1);
  }

  /** {@code x.mm(other)} for two matrices. */
  public Tensor mm(Tensor other) {
    return LinearAlgebra.mm(this, other);
  }

  /** {@code x.bmm(other)} for two batches of matrices. */
  public Tensor bmm(Tensor other) {
    return LinearAlgebra.bmm(this, other);
  }

  /** {@code x.mv(vec)}. */
  public Tensor mv(Tensor vec) {
    return LinearAlgebra.mv(this, vec);
  }

  /** {@code x.dot(other)} for two vectors. */
  public Tensor dot(Tensor other) {
    return LinearAlgebra.dot(this, other);
  }

  // ---------------------------------------------------------------- shapes and views

  /** {@code x.view(shape)}: same storage, new shape (one entry may be -1). */
  public Tensor view(int... shape) {
    return Views.view(this, shape);
  }

  /** {@code x.reshape(shape)}: a view when possible, else a copy. */
  public Tensor reshape(int... shape) {
    return Views.reshape(this, shape);
  }

  /** {@code x.t()} for tensors of at most 2 dims. */
  public Tensor t() {
    return Views.t(this);
  }

  /** {@code x.transpose(d0, d1)}. */
  public Tensor transpose(int d0, int d1) {
    return Views.transpose(this, d0, d1);
  }

  /** {@code x.permute(dims)}. */
  public Tensor permute(int... dims) {
    return Views.permute(this, dims);
  }

  /** {@code x.expand(sizes)}: a broadcast view (-1 keeps a size). */
  public Tensor expand(int... sizes) {
    return Views.expand(this, sizes);
  }

  /** {@code x.unsqueeze(dim)}. */
  public Tensor unsqueeze(int dim) {
    return Views.unsqueeze(this, dim);
  }

  /** {@code x.squeeze(dim)}. */
  public Tensor squeeze(int dim) {
    return Views.squeeze(this, dim);
  }

  /** {@code x.squeeze()}: drops every size-1 dim. */
  public Tensor squeeze() {
    return Views.squeeze(this);
  }

  /** {@code x.select(dim, index)}, as {@code x[:, index]}. */
  public Tensor select(int dim, int index) {
    return Views.select(this, dim, index);
  }

  /** {@code x[..., start:end:step]} along {@code dim}. */
  public Tensor slice(int dim, int start, int end, int step) {
    return Views.slice(this, dim, start, end, step);
  }

  /** {@code x.narrow(dim, start, length)}. */
  public Tensor narrow(int dim, int start, int length) {
    return Views.slice(this, dim, start, start + length, 1);
  }

  /** {@code x.contiguous()}. */
  public Tensor contiguous() {
    return Views.contiguous(this);
  }

  /** {@code x.clone()}: a copy that stays in the graph. */
  @Override
  public Tensor clone() {
    return Views.clone(this);
  }

  /** {@code x.to(dtype)}. */
  public Tensor to(DType dtype) {
    return Elementwise.to(this, dtype);
  }

  /** {@code x.float()}. */
  public Tensor float_() {
    return to(DType.FLOAT32);
  }

  /** {@code x.double()}. */
  public Tensor double_() {
    return to(DType.FLOAT64);
  }

  /** {@code x.long()}. */
  public Tensor long_() {
    return to(DType.INT64);
  }

  // ---------------------------------------------------------------- in place

  /** {@code x += other}. */
  public Tensor add_(Tensor other) {
    return InPlace.binary(this, FastPaths.Binary.ADD, other, s -> s.add(other));
  }

  /** {@code x += alpha * other}. */
  public Tensor add_(Tensor other, double alpha) {
    return InPlace.apply(this, s -> s.add(other, alpha), other);
  }

  /** {@code x += value}. */
  public Tensor add_(double value) {
    return InPlace.apply(this, s -> s.add(value));
  }

  /**
   * {@code x -= other}, e.g. a gradient-descent step under {@code noGrad()}.
   *
   * <pre>{@code
   * try (var g = Torch.noGrad()) {
   *   w.sub_(w.grad().mul(0.01));
   * }
   * }</pre>
   */
  public Tensor sub_(Tensor other) {
    return InPlace.binary(this, FastPaths.Binary.SUB, other, s -> s.sub(other));
  }

  /** {@code x -= value}. */
  public Tensor sub_(double value) {
    return InPlace.apply(this, s -> s.sub(value));
  }

  /** {@code x *= other}. */
  public Tensor mul_(Tensor other) {
    return InPlace.binary(this, FastPaths.Binary.MUL, other, s -> s.mul(other));
  }

  /** {@code x *= value}. */
  public Tensor mul_(double value) {
    return InPlace.apply(this, s -> s.mul(value));
  }

  /** {@code x /= other}. */
  public Tensor div_(Tensor other) {
    return InPlace.binary(this, FastPaths.Binary.DIV, other, s -> s.div(other));
  }

  /** {@code x /= value}. */
  public Tensor div_(double value) {
    return InPlace.apply(this, s -> s.div(value));
  }

  /** {@code x.clamp_(min, max)}. */
  public Tensor clamp_(double min, double max) {
    return InPlace.apply(this, s -> s.clamp(min, max));
  }

  /** {@code x.zero_()}: fills with zeros and returns {@code x}. */
  public Tensor zero_() {
    return InPlace.fill(this, 0, "ZeroBackward0");
  }

  /** {@code x.fill_(value)}. */
  public Tensor fill_(double value) {
    return InPlace.fill(this, value, "FillBackward2");
  }

  /** {@code x.copy_(src)}: copies {@code src}'s values (broadcast) into {@code x}. */
  public Tensor copy_(Tensor src) {
    return InPlace.apply(this, s -> Elementwise.copyFrom(s, src), src);
  }

  // ---------------------------------------------------------------- more math (ElementwiseMath)

  /** {@code x.abs()} (grad_fn {@code AbsBackward0}). */
  public Tensor abs() {
    return ElementwiseMath.abs(this);
  }

  /** {@code x.sign()}: -1, 0 or 1; zero gradient. */
  public Tensor sign() {
    return ElementwiseMath.sign(this);
  }

  /** {@code x.expm1()}: {@code exp(x) - 1}, accurate near 0. */
  public Tensor expm1() {
    return ElementwiseMath.expm1(this);
  }

  /** {@code x.log1p()}: {@code log(1 + x)}, accurate near 0. */
  public Tensor log1p() {
    return ElementwiseMath.log1p(this);
  }

  /** {@code x.log2()}. */
  public Tensor log2() {
    return ElementwiseMath.log2(this);
  }

  /** {@code x.rsqrt()}: {@code 1 / sqrt(x)}. */
  public Tensor rsqrt() {
    return ElementwiseMath.rsqrt(this);
  }

  /** {@code x.square()}: {@code x ** 2} (grad_fn {@code PowBackward0}, as PyTorch). */
  public Tensor square() {
    return pow(2.0);
  }

  /** {@code x.reciprocal()}: {@code 1 / x}. */
  public Tensor reciprocal() {
    return ElementwiseMath.reciprocal(this);
  }

  /** {@code x.tan()}. */
  public Tensor tan() {
    return ElementwiseMath.tan(this);
  }

  /** {@code x.asin()}. */
  public Tensor asin() {
    return ElementwiseMath.asin(this);
  }

  /** {@code x.acos()}. */
  public Tensor acos() {
    return ElementwiseMath.acos(this);
  }

  /** {@code x.atan()}. */
  public Tensor atan() {
    return ElementwiseMath.atan(this);
  }

  /** {@code x.sinh()}. */
  public Tensor sinh() {
    return ElementwiseMath.sinh(this);
  }

  /** {@code x.cosh()}. */
  public Tensor cosh() {
    return ElementwiseMath.cosh(this);
  }

  /** {@code x.erf()}, the error function. */
  public Tensor erf() {
    return ElementwiseMath.erf(this);
  }

  /** {@code x.floor()}; zero gradient. */
  public Tensor floor() {
    return ElementwiseMath.floor(this);
  }

  /** {@code x.ceil()}; zero gradient. */
  public Tensor ceil() {
    return ElementwiseMath.ceil(this);
  }

  /** {@code x.round()}: half to even, as PyTorch; zero gradient. */
  public Tensor round() {
    return ElementwiseMath.round(this);
  }

  /** {@code torch.maximum(x, other)}: ties share the gradient equally. */
  public Tensor maximum(Tensor other) {
    return ElementwiseMath.maximum(this, other);
  }

  /** {@code torch.minimum(x, other)}. */
  public Tensor minimum(Tensor other) {
    return ElementwiseMath.minimum(this, other);
  }

  /**
   * {@code x.clamp(min, max)} with tensor bounds (either may be null), grad_fn {@code
   * ClampBackward0}.
   *
   * <pre>{@code
   * x.clamp(lo, hi); // min(max(x, lo), hi), broadcast
   * }</pre>
   */
  public Tensor clamp(Tensor min, Tensor max) {
    return ElementwiseMath.clamp(this, min, max, "ClampBackward0");
  }

  /** {@code x.clamp_min(min)} with a tensor bound. */
  public Tensor clampMin(Tensor min) {
    return ElementwiseMath.clamp(this, min, null, "ClampMinBackward1");
  }

  /** {@code x.clamp_max(max)} with a tensor bound. */
  public Tensor clampMax(Tensor max) {
    return ElementwiseMath.clamp(this, null, max, "ClampMaxBackward1");
  }

  /** {@code torch.logical_xor(x, other)}. */
  public Tensor logicalXor(Tensor other) {
    return ElementwiseMath.logicalXor(this, other);
  }

  // ---------------------------------------------------------------- activations

  /** {@code F.gelu(x)}, the exact (erf) form. */
  public Tensor gelu() {
    return Activations.gelu(this);
  }

  /**
   * {@code F.gelu(x, approximate=approximate)}: {@code "none"} (exact) or {@code "tanh"}.
   *
   * <pre>{@code
   * x.gelu("tanh");
   * }</pre>
   */
  public Tensor gelu(String approximate) {
    switch (approximate) {
      case "none":
        return Activations.gelu(this);
      case "tanh":
        return Activations.geluTanh(this);
      default:
        throw new IllegalArgumentException("approximate argument must be either none or tanh.");
    }
  }

  /** {@code F.silu(x)}: {@code x * sigmoid(x)}. */
  public Tensor silu() {
    return Activations.silu(this);
  }

  /** {@code F.softplus(x)} with beta 1, threshold 20. */
  public Tensor softplus() {
    return Activations.softplus(this, 1, 20);
  }

  /** {@code F.softplus(x, beta, threshold)}. */
  public Tensor softplus(double beta, double threshold) {
    return Activations.softplus(this, beta, threshold);
  }

  /** {@code F.leaky_relu(x, negative_slope)}. */
  public Tensor leakyRelu(double negativeSlope) {
    return Activations.leakyRelu(this, negativeSlope);
  }

  /** {@code F.leaky_relu(x)} with slope 0.01. */
  public Tensor leakyRelu() {
    return Activations.leakyRelu(this, 0.01);
  }

  /** {@code F.elu(x, alpha)}. */
  public Tensor elu(double alpha) {
    return Activations.elu(this, alpha);
  }

  /** {@code F.elu(x)} with alpha 1. */
  public Tensor elu() {
    return Activations.elu(this, 1);
  }

  /**
   * {@code x.softmax(dim)}, computed stably.
   *
   * <pre>{@code
   * Tensor p = logits.softmax(-1); // rows sum to 1, grad_fn=<SoftmaxBackward0>
   * }</pre>
   */
  public Tensor softmax(int dim) {
    return Activations.softmax(this, dim);
  }

  /** {@code x.log_softmax(dim)}, computed stably. */
  public Tensor logSoftmax(int dim) {
    return Activations.logSoftmax(this, dim);
  }

  // ---------------------------------------------------------------- more reductions

  /** {@code x.prod()}. */
  public Tensor prod() {
    return Statistics.prod(this);
  }

  /** {@code x.prod(dim, keepdim)}. */
  public Tensor prod(int dim, boolean keepdim) {
    return Statistics.prod(this, dim, keepdim);
  }

  /** {@code x.prod(dim)}. */
  public Tensor prod(int dim) {
    return Statistics.prod(this, dim, false);
  }

  /** {@code x.max()}: ties share the gradient evenly (grad_fn {@code MaxBackward1}). */
  public Tensor max() {
    return Extrema.extremum(this, true);
  }

  /** {@code x.min()}. */
  public Tensor min() {
    return Extrema.extremum(this, false);
  }

  /**
   * {@code x.max(dim, keepdim)}: values and indices.
   *
   * <pre>{@code
   * ValuesIndices m = x.max(1, false);
   * }</pre>
   */
  public ValuesIndices max(int dim, boolean keepdim) {
    return Extrema.extremumDim(this, dim, keepdim, true);
  }

  /** {@code x.max(dim)}. */
  public ValuesIndices max(int dim) {
    return Extrema.extremumDim(this, dim, false, true);
  }

  /** {@code x.min(dim, keepdim)}. */
  public ValuesIndices min(int dim, boolean keepdim) {
    return Extrema.extremumDim(this, dim, keepdim, false);
  }

  /** {@code x.min(dim)}. */
  public ValuesIndices min(int dim) {
    return Extrema.extremumDim(this, dim, false, false);
  }

  /** {@code torch.max(x, other)}, the same as {@link #maximum}. */
  public Tensor max(Tensor other) {
    return maximum(other);
  }

  /** {@code torch.min(x, other)}, the same as {@link #minimum}. */
  public Tensor min(Tensor other) {
    return minimum(other);
  }

  /** {@code x.amax(dims, keepdim)}; an empty dims array reduces everything. */
  public Tensor amax(int[] dims, boolean keepdim) {
    return Extrema.amax(this, dims, keepdim, true);
  }

  /** {@code x.amax()} over all elements. */
  public Tensor amax() {
    return Extrema.amax(this, new int[0], false, true);
  }

  /** {@code x.amin(dims, keepdim)}. */
  public Tensor amin(int[] dims, boolean keepdim) {
    return Extrema.amax(this, dims, keepdim, false);
  }

  /** {@code x.amin()} over all elements. */
  public Tensor amin() {
    return Extrema.amax(this, new int[0], false, false);
  }

  /** {@code x.argmax()} of the flattened tensor. */
  public Tensor argmax() {
    return Extrema.argExtremum(this, true);
  }

  /** {@code x.argmax(dim, keepdim)}. */
  public Tensor argmax(int dim, boolean keepdim) {
    return Extrema.argExtremum(this, dim, keepdim, true);
  }

  /** {@code x.argmin()}. */
  public Tensor argmin() {
    return Extrema.argExtremum(this, false);
  }

  /** {@code x.argmin(dim, keepdim)}. */
  public Tensor argmin(int dim, boolean keepdim) {
    return Extrema.argExtremum(this, dim, keepdim, false);
  }

  /** {@code x.var()}: unbiased (correction 1). */
  public Tensor var() {
    return Statistics.var(this, null, 1, false);
  }

  /** {@code x.var(dims, correction=correction, keepdim=keepdim)}. */
  public Tensor var(int[] dims, double correction, boolean keepdim) {
    return Statistics.var(this, dims, correction, keepdim);
  }

  /** {@code x.std()}: unbiased (correction 1). */
  public Tensor std() {
    return Statistics.std(this, null, 1, false);
  }

  /** {@code x.std(dims, correction=correction, keepdim=keepdim)}. */
  public Tensor std(int[] dims, double correction, boolean keepdim) {
    return Statistics.std(this, dims, correction, keepdim);
  }

  /** {@code x.norm()}: the 2-norm of all elements. */
  public Tensor norm() {
    return Statistics.norm(this, 2, null, false);
  }

  /** {@code x.norm(p)}: p may be 1, 2, any positive value or {@code Double.POSITIVE_INFINITY}. */
  public Tensor norm(double p) {
    return Statistics.norm(this, p, null, false);
  }

  /** {@code x.norm(p, dims, keepdim)}. */
  public Tensor norm(double p, int[] dims, boolean keepdim) {
    return Statistics.norm(this, p, dims, keepdim);
  }

  /** {@code x.logsumexp(dims, keepdim)}, computed stably. */
  public Tensor logsumexp(int[] dims, boolean keepdim) {
    return Statistics.logsumexp(this, dims, keepdim);
  }

  /** {@code x.logsumexp(dim)}. */
  public Tensor logsumexp(int dim) {
    return Statistics.logsumexp(this, new int[] {dim}, false);
  }

  /** {@code x.cumsum(dim)}. */
  public Tensor cumsum(int dim) {
    return Statistics.cumsum(this, dim);
  }

  /** {@code x.any(dim, keepdim)}. */
  public Tensor any(int dim, boolean keepdim) {
    return Statistics.anyAll(this, dim, keepdim, true);
  }

  /** {@code x.all(dim, keepdim)}. */
  public Tensor all(int dim, boolean keepdim) {
    return Statistics.anyAll(this, dim, keepdim, false);
  }

  // ---------------------------------------------------------------- shapes

  /** {@code x.flatten()}. */
  public Tensor flatten() {
    return Reshaping.flatten(this, 0, -1);
  }

  /** {@code x.flatten(start_dim, end_dim)}. */
  public Tensor flatten(int startDim, int endDim) {
    return Reshaping.flatten(this, startDim, endDim);
  }

  /** {@code x.unflatten(dim, sizes)}. */
  public Tensor unflatten(int dim, int... sizes) {
    return Reshaping.unflatten(this, dim, sizes);
  }

  /** {@code x.repeat(reps)}: tiles the tensor. */
  public Tensor repeat(int... reps) {
    return Reshaping.repeat(this, reps);
  }

  /** {@code x.flip(dims)}. */
  public Tensor flip(int... dims) {
    return Reshaping.flip(this, dims);
  }

  /** {@code x.tril(diagonal)}. */
  public Tensor tril(int diagonal) {
    return Reshaping.triangle(this, diagonal, true);
  }

  /** {@code x.tril()}. */
  public Tensor tril() {
    return tril(0);
  }

  /** {@code x.triu(diagonal)}. */
  public Tensor triu(int diagonal) {
    return Reshaping.triangle(this, diagonal, false);
  }

  /** {@code x.triu()}. */
  public Tensor triu() {
    return triu(0);
  }

  /** {@code x.expand_as(other)}. */
  public Tensor expandAs(Tensor other) {
    return expand(other.shape);
  }

  /** {@code x.split(size, dim)}: pieces of {@code size} (grad_fn {@code SplitBackward0}). */
  public List<Tensor> split(int size, int dim) {
    return Joining.split(this, size, dim);
  }

  /** {@code x.split(size)} along dim 0. */
  public List<Tensor> split(int size) {
    return Joining.split(this, size, 0);
  }

  /** {@code x.split([sizes], dim)} (grad_fn {@code SplitWithSizesBackward0}). */
  public List<Tensor> split(int[] sizes, int dim) {
    return Joining.splitWithSizes(this, sizes, dim, "SplitWithSizesBackward0");
  }

  /** {@code x.chunk(chunks, dim)}. */
  public List<Tensor> chunk(int chunks, int dim) {
    return Joining.chunk(this, chunks, dim);
  }

  /** {@code x.chunk(chunks)} along dim 0. */
  public List<Tensor> chunk(int chunks) {
    return Joining.chunk(this, chunks, 0);
  }

  /** {@code x.unbind(dim)}. */
  public List<Tensor> unbind(int dim) {
    return Joining.unbind(this, dim);
  }

  // ---------------------------------------------------------------- indexing

  /**
   * {@code x[items]}: integers, {@link Index#slice}, {@link Index#NONE}, {@link Index#ELLIPSIS},
   * bool masks and int64 index tensors, as Python subscripts.
   *
   * <pre>{@code
   * x.index(Index.slice(0, 3), Index.NONE, 1); // x[0:3, None, 1]
   * x.index(mask);                            // x[mask]
   * }</pre>
   */
  public Tensor index(Object... items) {
    return Indexing.index(this, items);
  }

  /** {@code x.index_select(dim, index)}. */
  public Tensor indexSelect(int dim, Tensor index) {
    return Indexing.indexSelect(this, dim, index);
  }

  /** {@code x.gather(dim, index)}. */
  public Tensor gather(int dim, Tensor index) {
    return Indexing.gather(this, dim, index);
  }

  /** {@code x.scatter(dim, index, src)}. */
  public Tensor scatter(int dim, Tensor index, Tensor src) {
    return Indexing.scatter(this, dim, index, src, false);
  }

  /** {@code x.scatter(dim, index, value)}. */
  public Tensor scatter(int dim, Tensor index, double value) {
    return Indexing.scatter(this, dim, index, value);
  }

  /** {@code x.scatter_add(dim, index, src)}. */
  public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
    return Indexing.scatter(this, dim, index, src, true);
  }

  /** {@code x.masked_fill(mask, value)}. */
  public Tensor maskedFill(Tensor mask, double value) {
    return Indexing.maskedFill(this, mask, value);
  }

  /** {@code x.masked_fill(mask, value)} with a 0-d tensor value (differentiable in it). */
  public Tensor maskedFill(Tensor mask, Tensor value) {
    return Indexing.maskedFill(this, mask, value);
  }

  /** {@code x.masked_select(mask)}: a 1-D tensor of the selected elements. */
  public Tensor maskedSelect(Tensor mask) {
    return Indexing.maskedSelect(this, mask);
  }

  /** {@code x.index_put(indices, values, accumulate)}. */
  public Tensor indexPut(Tensor[] indices, Tensor values, boolean accumulate) {
    return Indexing.indexPut(this, indices, values, accumulate);
  }

  /** {@code x.index_put(indices, values)}. */
  public Tensor indexPut(Tensor[] indices, Tensor values) {
    return Indexing.indexPut(this, indices, values, false);
  }

  // ---------------------------------------------------------------- more in place

  /** {@code x.exp_()}. */
  public Tensor exp_() {
    return InPlace.apply(this, Tensor::exp);
  }

  /** {@code x.log_()}. */
  public Tensor log_() {
    return InPlace.apply(this, Tensor::log);
  }

  /** {@code x.relu_()}. */
  public Tensor relu_() {
    return InPlace.apply(this, Tensor::relu);
  }

  /** {@code x.sigmoid_()}. */
  public Tensor sigmoid_() {
    return InPlace.apply(this, Tensor::sigmoid);
  }

  /** {@code x.tanh_()}. */
  public Tensor tanh_() {
    return InPlace.apply(this, Tensor::tanh);
  }

  /** {@code x.neg_()}. */
  public Tensor neg_() {
    return InPlace.apply(this, Tensor::neg);
  }

  /** {@code x.abs_()}. */
  public Tensor abs_() {
    return InPlace.apply(this, Tensor::abs);
  }

  /** {@code x.sqrt_()}. */
  public Tensor sqrt_() {
    return InPlace.apply(this, Tensor::sqrt);
  }

  /** {@code x.pow_(exponent)}. */
  public Tensor pow_(double exponent) {
    return InPlace.apply(this, s -> s.pow(exponent));
  }

  /** {@code x.clamp_(min, max)} with tensor bounds. */
  public Tensor clamp_(Tensor min, Tensor max) {
    return InPlace.apply(this, s -> s.clamp(min, max), min, max);
  }

  /** {@code x.masked_fill_(mask, value)}. */
  public Tensor maskedFill_(Tensor mask, double value) {
    return InPlace.apply(this, s -> s.maskedFill(mask, value));
  }

  /**
   * {@code x.index_put_(indices, values, accumulate)}, as {@code x[indices] = values}.
   *
   * <pre>{@code
   * x.indexPut_(new Tensor[] {mask}, Torch.tensor(0.0)); // x[mask] = 0
   * }</pre>
   */
  public Tensor indexPut_(Tensor[] indices, Tensor values, boolean accumulate) {
    return InPlace.apply(this, s -> s.indexPut(indices, values, accumulate), values);
  }

  /** {@code x.index_put_(indices, values)}. */
  public Tensor indexPut_(Tensor[] indices, Tensor values) {
    return indexPut_(indices, values, false);
  }

  /** {@code x.scatter_(dim, index, src)}. */
  public Tensor scatter_(int dim, Tensor index, Tensor src) {
    return InPlace.apply(this, s -> s.scatter(dim, index, src), src);
  }

  /** {@code x.scatter_add_(dim, index, src)}. */
  public Tensor scatterAdd_(int dim, Tensor index, Tensor src) {
    return InPlace.apply(this, s -> s.scatterAdd(dim, index, src), src);
  }
}
