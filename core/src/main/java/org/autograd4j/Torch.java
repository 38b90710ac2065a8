package org.autograd4j;

import org.autograd4j.autograd.AutogradNamespace;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.internal.Generator;
import org.autograd4j.internal.kernels.Parallel;

/**
 * The {@code torch} namespace: factories and functions, static so that {@code import static
 * org.autograd4j.Torch.*} makes PyTorch code translate line by line.
 *
 * <pre>{@code
 * Tensor x = Torch.tensor(5.0).requiresGrad_();
 * Tensor z = Torch.sin(x.pow(2));
 * try (var g = Torch.noGrad()) { ... }
 * }</pre>
 */
public final class Torch {
  private Torch() {}

  /**
   * {@code torch.autograd}: {@code Torch.autograd.grad(y, x)}, {@code
   * Torch.autograd.detectAnomaly()}, {@code Torch.autograd.toDot(loss)}, {@code
   * Torch.autograd.functional.jacobian(f, x)}.
   */
  public static final AutogradNamespace autograd = new AutogradNamespace();

  // ---------------------------------------------------------------- from Java values

  /** {@code torch.tensor(5.0)}: a 0-d float32 tensor. */
  public static Tensor tensor(double value) {
    return Creation.scalar(value, DType.FLOAT32);
  }

  /** {@code torch.tensor(5.0, dtype=dtype)}. */
  public static Tensor tensor(double value, DType dtype) {
    return Creation.scalar(value, dtype);
  }

  /** {@code torch.tensor(5)}: a 0-d int64 tensor. */
  public static Tensor tensor(long value) {
    return Creation.scalarLong(value, DType.INT64);
  }

  /** {@code torch.tensor(True)}: a 0-d bool tensor. */
  public static Tensor tensor(boolean value) {
    return Creation.scalarLong(value ? 1 : 0, DType.BOOL);
  }

  /** {@code torch.tensor([1., 2., 3.])}: float32, as Python floats give the default dtype. */
  public static Tensor tensor(double[] values) {
    return Creation.fromDoubles(values, new int[] {values.length}, DType.FLOAT32);
  }

  /** {@code torch.tensor([...], dtype=dtype)}. */
  public static Tensor tensor(double[] values, DType dtype) {
    return Creation.fromDoubles(values, new int[] {values.length}, dtype);
  }

  /** A float32 tensor with exactly these float values. */
  public static Tensor tensor(float[] values) {
    return Creation.fromFloats(values, new int[] {values.length});
  }

  /** {@code torch.tensor([1, 2, 3])}: int64. */
  public static Tensor tensor(long[] values) {
    return Creation.fromLongs(values, new int[] {values.length}, DType.INT64);
  }

  /** {@code torch.tensor([1, 2, 3])}: int64. */
  public static Tensor tensor(int[] values) {
    long[] l = new long[values.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = values[i];
    }
    return tensor(l);
  }

  /** {@code torch.tensor([True, False])}. */
  public static Tensor tensor(boolean[] values) {
    return Creation.fromBools(values, new int[] {values.length});
  }

  /** {@code torch.tensor([[1., 2.], [3., 4.]])}: float32; rows must have equal lengths. */
  public static Tensor tensor(double[][] rows) {
    return tensor(rows, DType.FLOAT32);
  }

  /** {@code torch.tensor([[...]], dtype=dtype)}. */
  public static Tensor tensor(double[][] rows, DType dtype) {
    int[] shape = new int[2];
    double[] flat = Creation.flatten2(rows, shape);
    return Creation.fromDoubles(flat, shape, dtype);
  }

  /** A 3-level nested array as a float32 tensor. */
  public static Tensor tensor(double[][][] blocks) {
    return tensor(blocks, DType.FLOAT32);
  }

  /** A 3-level nested array with the given dtype. */
  public static Tensor tensor(double[][][] blocks, DType dtype) {
    int[] shape = new int[3];
    double[] flat = Creation.flatten3(blocks, shape);
    return Creation.fromDoubles(flat, shape, dtype);
  }

  // ---------------------------------------------------------------- filled

  /** {@code torch.zeros(*size)}. */
  public static Tensor zeros(int... size) {
    return Creation.full(size, 0, DType.FLOAT32);
  }

  /** {@code torch.zeros(size, dtype=dtype)}. */
  public static Tensor zeros(int[] size, DType dtype) {
    return Creation.full(size, 0, dtype);
  }

  /** {@code torch.ones(*size)}. */
  public static Tensor ones(int... size) {
    return Creation.full(size, 1, DType.FLOAT32);
  }

  /** {@code torch.ones(size, dtype=dtype)}. */
  public static Tensor ones(int[] size, DType dtype) {
    return Creation.full(size, 1, dtype);
  }

  /** {@code torch.full(size, 2.5)}: float32. */
  public static Tensor full(int[] size, double value) {
    return Creation.full(size, value, DType.FLOAT32);
  }

  /** {@code torch.full(size, 3)}: int64, as an integer fill value gives in PyTorch. */
  public static Tensor full(int[] size, long value) {
    return Creation.full(size, value, DType.INT64);
  }

  /** {@code torch.full(size, value, dtype=dtype)}. */
  public static Tensor full(int[] size, double value, DType dtype) {
    return Creation.full(size, value, dtype);
  }

  /** {@code torch.zeros_like(x)}. */
  public static Tensor zerosLike(Tensor x) {
    return Creation.full(x.shape, 0, x.dtype());
  }

  /** {@code torch.ones_like(x)}. */
  public static Tensor onesLike(Tensor x) {
    return Creation.full(x.shape, 1, x.dtype());
  }

  /** {@code torch.full_like(x, value)}. */
  public static Tensor fullLike(Tensor x, double value) {
    return Creation.full(x.shape, value, x.dtype());
  }

  // ---------------------------------------------------------------- ranges

  /** {@code torch.arange(5)}: int64 0..4. */
  public static Tensor arange(long end) {
    return Creation.arange(0, end, 1, DType.INT64);
  }

  /** {@code torch.arange(5.)}: float32. */
  public static Tensor arange(double end) {
    return Creation.arange(0, end, 1, DType.FLOAT32);
  }

  /** {@code torch.arange(start, end, step)} with integers: int64. */
  public static Tensor arange(long start, long end, long step) {
    return Creation.arange(start, end, step, DType.INT64);
  }

  /** {@code torch.arange(start, end, step)} with floats: float32. */
  public static Tensor arange(double start, double end, double step) {
    return Creation.arange(start, end, step, DType.FLOAT32);
  }

  /** {@code torch.linspace(start, end, steps)}. */
  public static Tensor linspace(double start, double end, int steps) {
    return Creation.linspace(start, end, steps, DType.FLOAT32);
  }

  // ---------------------------------------------------------------- random

  /** {@code torch.manual_seed(seed)}: reseeds the default generator. */
  public static void manualSeed(long seed) {
    Generator.defaultGenerator().manualSeed(seed);
  }

  /** {@code torch.rand(*size)}: uniform in [0, 1). */
  public static Tensor rand(int... size) {
    return Creation.rand(size, DType.FLOAT32, Generator.defaultGenerator());
  }

  /** {@code torch.rand(size, dtype=dtype)}. */
  public static Tensor rand(int[] size, DType dtype) {
    return Creation.rand(size, dtype, Generator.defaultGenerator());
  }

  /** {@code torch.randn(*size)}: standard normal. */
  public static Tensor randn(int... size) {
    return Creation.randn(size, DType.FLOAT32, Generator.defaultGenerator());
  }

  /** {@code torch.randn(size, dtype=dtype)}. */
  public static Tensor randn(int[] size, DType dtype) {
    return Creation.randn(size, dtype, Generator.defaultGenerator());
  }

  /** {@code torch.randint(low, high, size)}: int64 uniform in [low, high). */
  public static Tensor randint(long low, long high, int... size) {
    return Creation.randint(low, high, size, Generator.defaultGenerator());
  }

  /** {@code torch.randint(high, size)}. */
  public static Tensor randint(long high, int[] size) {
    return Creation.randint(0, high, size, Generator.defaultGenerator());
  }

  // ---------------------------------------------------------------- functions

  /** {@code torch.sin(x)}. */
  public static Tensor sin(Tensor x) {
    return x.sin();
  }

  /** {@code torch.cos(x)}. */
  public static Tensor cos(Tensor x) {
    return x.cos();
  }

  /** {@code torch.exp(x)}. */
  public static Tensor exp(Tensor x) {
    return x.exp();
  }

  /** {@code torch.log(x)}. */
  public static Tensor log(Tensor x) {
    return x.log();
  }

  /** {@code torch.tanh(x)}. */
  public static Tensor tanh(Tensor x) {
    return x.tanh();
  }

  /** {@code torch.sigmoid(x)}. */
  public static Tensor sigmoid(Tensor x) {
    return x.sigmoid();
  }

  /** {@code torch.sqrt(x)}. */
  public static Tensor sqrt(Tensor x) {
    return x.sqrt();
  }

  /** {@code torch.relu(x)}. */
  public static Tensor relu(Tensor x) {
    return x.relu();
  }

  /** {@code torch.clamp(x, min, max)}. */
  public static Tensor clamp(Tensor x, double min, double max) {
    return x.clamp(min, max);
  }

  /** {@code torch.pow(x, exponent)}. */
  public static Tensor pow(Tensor x, double exponent) {
    return x.pow(exponent);
  }

  /** {@code torch.pow(x, exponent)} with a tensor exponent. */
  public static Tensor pow(Tensor x, Tensor exponent) {
    return x.pow(exponent);
  }

  /** {@code torch.pow(base, x)}: a scalar base (grad_fn {@code PowBackward2}). */
  public static Tensor pow(double base, Tensor x) {
    return Elementwise.pow(base, x);
  }

  /** {@code torch.sum(x)}. */
  public static Tensor sum(Tensor x) {
    return x.sum();
  }

  /** {@code torch.mean(x)}. */
  public static Tensor mean(Tensor x) {
    return x.mean();
  }

  /** {@code torch.matmul(a, b)}. */
  public static Tensor matmul(Tensor a, Tensor b) {
    return a.matmul(b);
  }

  /** {@code torch.mm(a, b)}. */
  public static Tensor mm(Tensor a, Tensor b) {
    return a.mm(b);
  }

  /** {@code torch.where(cond, a, b)}. */
  public static Tensor where(Tensor cond, Tensor a, Tensor b) {
    return Elementwise.where(cond, a, b);
  }

  /** {@code torch.add(a, b)}. */
  public static Tensor add(Tensor a, Tensor b) {
    return a.add(b);
  }

  /** {@code torch.mul(a, b)}. */
  public static Tensor mul(Tensor a, Tensor b) {
    return a.mul(b);
  }

  // ---------------------------------------------------------------- threads

  /**
   * {@code torch.set_num_threads(n)}: the size of the intra-op pool used by large kernels.
   *
   * <pre>{@code
   * Torch.setNumThreads(1); // single-threaded kernels
   * }</pre>
   */
  public static void setNumThreads(int n) {
    Parallel.setNumThreads(n);
  }

  /** {@code torch.get_num_threads()}: defaults to the number of available processors. */
  public static int getNumThreads() {
    return Parallel.getNumThreads();
  }

  // ---------------------------------------------------------------- grad mode

  /**
   * {@code with torch.no_grad():} as try-with-resources; thread-local and nestable.
   *
   * <pre>{@code
   * try (var g = Torch.noGrad()) {
   *   w.sub_(w.grad().mul(lr));
   * }
   * }</pre>
   */
  public static GradMode.Scope noGrad() {
    return GradMode.scope(false);
  }

  /** {@code with torch.enable_grad():}. */
  public static GradMode.Scope enableGrad() {
    return GradMode.scope(true);
  }

  /** {@code with torch.set_grad_enabled(mode):}. */
  public static GradMode.Scope setGradEnabled(boolean mode) {
    return GradMode.scope(mode);
  }

  /** {@code with torch.inference_mode():}. */
  public static GradMode.Scope inferenceMode() {
    return GradMode.inference(true);
  }

  /**
   * {@code with torch.inference_mode(mode):}: {@code inferenceMode(false)} inside an inference
   * scope records gradients again.
   */
  public static GradMode.Scope inferenceMode(boolean mode) {
    return GradMode.inference(mode);
  }

  /** {@code torch.is_inference_mode_enabled()}. */
  public static boolean isInferenceModeEnabled() {
    return GradMode.isInferenceMode();
  }

  /** {@code torch.is_grad_enabled()}. */
  public static boolean isGradEnabled() {
    return GradMode.isEnabled();
  }

  // ---------------------------------------------------------------- operator library

  /**
   * {@code torch.cat(tensors, dim)}.
   *
   * <pre>{@code
   * Tensor ab = Torch.cat(List.of(a, b), 0);
   * }</pre>
   */
  public static Tensor cat(java.util.List<Tensor> tensors, int dim) {
    return Joining.cat(tensors, dim);
  }

  /** {@code torch.cat(tensors)} along dim 0. */
  public static Tensor cat(java.util.List<Tensor> tensors) {
    return Joining.cat(tensors, 0);
  }

  /** {@code torch.stack(tensors, dim)}: joins along a new dim. */
  public static Tensor stack(java.util.List<Tensor> tensors, int dim) {
    return Joining.stack(tensors, dim);
  }

  /** {@code torch.stack(tensors)} along a new dim 0. */
  public static Tensor stack(java.util.List<Tensor> tensors) {
    return Joining.stack(tensors, 0);
  }

  /**
   * {@code torch.einsum(equation, operands)}, e.g. {@code "ij,jk->ik"}, {@code "ii->i"}, {@code
   * "bi,bi->b"} (no ellipsis).
   */
  public static Tensor einsum(String equation, Tensor... operands) {
    return Einsum.einsum(equation, java.util.Arrays.asList(operands));
  }

  /** {@code torch.outer(a, b)} of two vectors (grad_fn {@code MulBackward0}, as PyTorch). */
  public static Tensor outer(Tensor a, Tensor b) {
    if (a.dim() != 1) {
      throw new IllegalArgumentException(
          "outer: Expected 1-D argument self, but got " + a.dim() + "-D");
    }
    if (b.dim() != 1) {
      throw new IllegalArgumentException(
          "outer: Expected 1-D argument vec2, but got " + b.dim() + "-D");
    }
    return a.unsqueeze(1).mul(b);
  }

  /** {@code torch.addmm(input, mat1, mat2)}. */
  public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) {
    return input.addmm(mat1, mat2);
  }

  /** {@code torch.softmax(x, dim)}. */
  public static Tensor softmax(Tensor x, int dim) {
    return x.softmax(dim);
  }

  /** {@code torch.log_softmax(x, dim)}. */
  public static Tensor logSoftmax(Tensor x, int dim) {
    return x.logSoftmax(dim);
  }

  /** {@code torch.maximum(a, b)}. */
  public static Tensor maximum(Tensor a, Tensor b) {
    return a.maximum(b);
  }

  /** {@code torch.minimum(a, b)}. */
  public static Tensor minimum(Tensor a, Tensor b) {
    return a.minimum(b);
  }

  /** {@code torch.clamp(x, min, max)} with tensor bounds (either may be null). */
  public static Tensor clamp(Tensor x, Tensor min, Tensor max) {
    return x.clamp(min, max);
  }

  /** {@code torch.abs(x)}. */
  public static Tensor abs(Tensor x) {
    return x.abs();
  }

  /** {@code torch.erf(x)}. */
  public static Tensor erf(Tensor x) {
    return x.erf();
  }

  /** {@code torch.logsumexp(x, dims, keepdim)}. */
  public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
    return x.logsumexp(dims, keepdim);
  }

  /** {@code torch.cumsum(x, dim)}. */
  public static Tensor cumsum(Tensor x, int dim) {
    return x.cumsum(dim);
  }

  /** {@code torch.prod(x)}. */
  public static Tensor prod(Tensor x) {
    return x.prod();
  }

  /** {@code torch.max(x)}. */
  public static Tensor max(Tensor x) {
    return x.max();
  }

  /** {@code torch.min(x)}. */
  public static Tensor min(Tensor x) {
    return x.min();
  }

  /** {@code torch.argmax(x)}. */
  public static Tensor argmax(Tensor x) {
    return x.argmax();
  }

  /** {@code torch.var(x)}. */
  public static Tensor var(Tensor x) {
    return x.var();
  }

  /** {@code torch.std(x)}. */
  public static Tensor std(Tensor x) {
    return x.std();
  }

  /** {@code torch.norm(x)}. */
  public static Tensor norm(Tensor x) {
    return x.norm();
  }

  /** {@code torch.flatten(x)}. */
  public static Tensor flatten(Tensor x) {
    return x.flatten();
  }

  /** {@code torch.flip(x, dims)}. */
  public static Tensor flip(Tensor x, int... dims) {
    return x.flip(dims);
  }

  /** {@code torch.tril(x)}. */
  public static Tensor tril(Tensor x) {
    return x.tril();
  }

  /** {@code torch.triu(x)}. */
  public static Tensor triu(Tensor x) {
    return x.triu();
  }

  /** {@code torch.gather(x, dim, index)}. */
  public static Tensor gather(Tensor x, int dim, Tensor index) {
    return x.gather(dim, index);
  }

  /** {@code torch.index_select(x, dim, index)}. */
  public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
    return x.indexSelect(dim, index);
  }

  /** {@code torch.masked_select(x, mask)}. */
  public static Tensor maskedSelect(Tensor x, Tensor mask) {
    return x.maskedSelect(mask);
  }

  /** {@code torch.logical_xor(a, b)}. */
  public static Tensor logicalXor(Tensor a, Tensor b) {
    return a.logicalXor(b);
  }

  /**
   * {@code F.dropout(x, p, training)}: zeroes elements with probability p using the default
   * generator and scales the rest by 1/(1-p); the identity when not training.
   */
  public static Tensor dropout(Tensor x, double p, boolean training) {
    return Activations.dropout(x, p, training);
  }

  /** {@code F.one_hot(x, num_classes)}: int64; -1 infers the class count. */
  public static Tensor oneHot(Tensor x, int numClasses) {
    return Activations.oneHot(x, numClasses);
  }

  /** {@code F.gelu(x)} (exact). */
  public static Tensor gelu(Tensor x) {
    return x.gelu();
  }
}
