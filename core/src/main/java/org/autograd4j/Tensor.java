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
  private AccumulateGrad accumulator;
  private boolean retainsGrad;

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
    gradFn()
        .registerRetainGradHook(
            outputNr,
            g -> {
              grad = grad == null ? g.clone() : grad.add(g);
              return g;
            });
    return this;
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
    gradFn = null;
    outputNr = 0;
    requiresGrad = false;
    return this;
  }

  AccumulateGrad gradAccumulatorNode() {
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
    this.gradFn = fn;
    this.outputNr = outputNr;
    this.requiresGrad = true;
    this.viewVersion = version[0];
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

  private static final class Access extends TensorAccess {
    @Override
    public void setHistory(Tensor t, Node fn, int outputNr) {
      t.setHistory(fn, outputNr);
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
    return Elementwise.add(this, Promotion.wrapScalar(this, other, false), 1);
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
    return Elementwise.sub(this, Promotion.wrapScalar(this, other, false), 1);
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
    return Elementwise.mul(this, Promotion.wrapScalar(this, other, false));
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
    return Elementwise.div(this, Promotion.wrapScalar(this, other, false));
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
    return InPlace.apply(this, s -> s.add(other), other);
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
    return InPlace.apply(this, s -> s.sub(other), other);
  }

  /** {@code x -= value}. */
  public Tensor sub_(double value) {
    return InPlace.apply(this, s -> s.sub(value));
  }

  /** {@code x *= other}. */
  public Tensor mul_(Tensor other) {
    return InPlace.apply(this, s -> s.mul(other), other);
  }

  /** {@code x *= value}. */
  public Tensor mul_(double value) {
    return InPlace.apply(this, s -> s.mul(value));
  }

  /** {@code x /= other}. */
  public Tensor div_(Tensor other) {
    return InPlace.apply(this, s -> s.div(other), other);
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
    return fill_(0);
  }

  /** {@code x.fill_(value)}. */
  public Tensor fill_(double value) {
    return InPlace.apply(this, s -> Elementwise.fill(s, value));
  }

  /** {@code x.copy_(src)}: copies {@code src}'s values (broadcast) into {@code x}. */
  public Tensor copy_(Tensor src) {
    return InPlace.apply(this, s -> Elementwise.copyFrom(s, src), src);
  }
}
