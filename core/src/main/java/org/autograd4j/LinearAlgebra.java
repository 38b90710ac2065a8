package org.autograd4j;

import org.autograd4j.autograd.Op;
import org.autograd4j.internal.ScratchArrays;
import org.autograd4j.internal.Storage;
import org.autograd4j.internal.kernels.Gemm;
import org.autograd4j.internal.kernels.Kernels;

/** Matrix products: dot, mv, mm, bmm and matmul's dispatch over them, with derivatives. */
final class LinearAlgebra {
  private LinearAlgebra() {}

  static Tensor mm(Tensor a, Tensor b) {
    if (a.dim() != 2) {
      throw new IllegalArgumentException("self must be a matrix");
    }
    if (b.dim() != 2) {
      throw new IllegalArgumentException("mat2 must be a matrix");
    }
    checkInner(
        a.shape[1], b.shape[0], a.shape[0] + "x" + a.shape[1], b.shape[0] + "x" + b.shape[1]);
    Tensor out =
        product(a, b, a.shape[0], a.shape[1], b.shape[1], 1, new int[] {a.shape[0], b.shape[1]});
    int[] bStrides = b.strides.clone();
    return Op.record(
        "MmBackward0",
        out,
        new Tensor[] {a, b},
        (ctx, g) ->
            new Tensor[] {
              ctx.needsInputGrad(0) ? g[0].mm(ctx.saved(1).t()) : null,
              ctx.needsInputGrad(1) ? mat2Grad(ctx.saved(0), g[0], bStrides) : null
            },
        b.requiresGrad() ? a : null,
        a.requiresGrad() ? b : null);
  }

  /** {@code beta * self + alpha * (m1 @ m2)}; the fused form nn.Linear uses on 2-D input. */
  static Tensor addmm(Tensor self, Tensor m1, Tensor m2, double beta, double alpha) {
    if (m1.dim() != 2 || m2.dim() != 2) {
      throw new IllegalArgumentException(
          "addmm: mat1 and mat2 must be matrices, got " + m1.dim() + "D and " + m2.dim() + "D");
    }
    checkInner(
        m1.shape[1], m2.shape[0], m1.shape[0] + "x" + m1.shape[1], m2.shape[0] + "x" + m2.shape[1]);
    int[] shape = {m1.shape[0], m2.shape[1]};
    Shapes.broadcast(self.shape, shape);
    int[] m2Strides = m2.strides.clone();
    Tensor prod = product(m1, m2, m1.shape[0], m1.shape[1], m2.shape[1], 1, shape);
    Tensor out;
    try (var g = org.autograd4j.autograd.GradMode.scope(false)) {
      if (alpha == 1
          && beta == 1
          && self.dtype() == prod.dtype()
          && FastPaths.addInPlace(prod, self)) {
        out = prod; // the bias added into the fresh product: no second result array
      } else {
        Tensor scaled = alpha == 1 ? prod : prod.mul(alpha);
        out = beta == 1 ? self.add(scaled) : beta == 0 ? scaled : self.mul(beta).add(scaled);
      }
    }
    return Op.record(
        "AddmmBackward0",
        out,
        new Tensor[] {self, m1, m2},
        (ctx, g) ->
            new Tensor[] {
              ctx.needsInputGrad(0) ? (beta == 1 ? g[0] : g[0].mul(beta)) : null,
              ctx.needsInputGrad(1) ? scale(g[0].mm(ctx.saved(1).t()), alpha) : null,
              ctx.needsInputGrad(2) ? scale(mat2Grad(ctx.saved(0), g[0], m2Strides), alpha) : null
            },
        m2.requiresGrad() ? m1 : null,
        m1.requiresGrad() ? m2 : null);
  }

  /**
   * The gradient of {@code m1 @ m2} with respect to m2, {@code m1ᵀ · g}, laid out like m2 as
   * PyTorch's mm_mat2_backward does: when m2 is a transposed view (Linear's {@code weight.t()}), it
   * is computed as {@code (gᵀ · m1)ᵀ}, so that after TBackward the weight's gradient is contiguous
   * and accumulating it is a plain array copy rather than a transposing one.
   */
  private static Tensor mat2Grad(Tensor m1, Tensor g, int[] m2Strides) {
    boolean columnMajor = m2Strides[0] == 1 && m2Strides[1] != 1;
    return columnMajor ? g.t().mm(m1).t() : m1.t().mm(g);
  }

  private static Tensor scale(Tensor t, double alpha) {
    return alpha == 1 ? t : t.mul(alpha);
  }

  static Tensor bmm(Tensor a, Tensor b) {
    if (a.dim() != 3 || b.dim() != 3) {
      throw new IllegalArgumentException("batch1 and batch2 must be 3D tensors");
    }
    if (a.shape[0] != b.shape[0] || a.shape[2] != b.shape[1]) {
      throw new IllegalArgumentException(
          "Expected size for first two dimensions of batch2 tensor to be: ["
              + a.shape[0]
              + ", "
              + a.shape[2]
              + "] but got: ["
              + b.shape[0]
              + ", "
              + b.shape[1]
              + "].");
    }
    Tensor out =
        product(
            a,
            b,
            a.shape[1],
            a.shape[2],
            b.shape[2],
            a.shape[0],
            new int[] {a.shape[0], a.shape[1], b.shape[2]});
    return Op.record(
        "BmmBackward0",
        out,
        new Tensor[] {a, b},
        (ctx, g) ->
            new Tensor[] {
              ctx.needsInputGrad(0) ? g[0].bmm(ctx.saved(1).transpose(1, 2)) : null,
              ctx.needsInputGrad(1) ? ctx.saved(0).transpose(1, 2).bmm(g[0]) : null
            },
        b.requiresGrad() ? a : null,
        a.requiresGrad() ? b : null);
  }

  static Tensor mv(Tensor a, Tensor v) {
    if (a.dim() != 2 || v.dim() != 1) {
      throw new IllegalArgumentException(
          "vector + matrix @ vector expected, got 1, " + a.dim() + ", " + v.dim());
    }
    if (a.shape[1] != v.shape[0]) {
      throw new IllegalArgumentException(
          "size mismatch, got input ("
              + a.shape[0]
              + "), mat ("
              + a.shape[0]
              + "x"
              + a.shape[1]
              + "), vec ("
              + v.shape[0]
              + ")");
    }
    Tensor out = product(a, v, a.shape[0], a.shape[1], 1, 1, new int[] {a.shape[0]});
    return Op.record(
        "MvBackward0",
        out,
        new Tensor[] {a, v},
        (ctx, g) ->
            new Tensor[] {
              ctx.needsInputGrad(0) ? g[0].unsqueeze(1).mul(ctx.saved(1).unsqueeze(0)) : null,
              ctx.needsInputGrad(1) ? ctx.saved(0).t().mv(g[0]) : null
            },
        v.requiresGrad() ? a : null,
        a.requiresGrad() ? v : null);
  }

  static Tensor dot(Tensor a, Tensor b) {
    if (a.dim() != 1 || b.dim() != 1) {
      throw new IllegalArgumentException(
          "1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
    }
    if (a.shape[0] != b.shape[0]) {
      throw new IllegalArgumentException(
          "inconsistent tensor size, expected tensor ["
              + a.shape[0]
              + "] and src ["
              + b.shape[0]
              + "] to have the same number of elements, but got "
              + a.shape[0]
              + " and "
              + b.shape[0]
              + " elements respectively");
    }
    Tensor out = product(a, b, 1, a.shape[0], 1, 1, new int[0]);
    return Op.record(
        "DotBackward0",
        out,
        new Tensor[] {a, b},
        (ctx, g) ->
            new Tensor[] {
              ctx.needsInputGrad(0) ? ctx.saved(1).mul(g[0]) : null,
              ctx.needsInputGrad(1) ? ctx.saved(0).mul(g[0]) : null
            },
        b.requiresGrad() ? a : null,
        a.requiresGrad() ? b : null);
  }

  /** {@code torch.matmul}: dot, mv, mm, or a broadcast batched product, by the operands' ranks. */
  static Tensor matmul(Tensor a, Tensor b) {
    int da = a.dim();
    int db = b.dim();
    if (da == 0 || db == 0) {
      throw new IllegalArgumentException(
          "both arguments to matmul need to be at least 1D, but they are "
              + da
              + "D and "
              + db
              + "D");
    }
    if (da == 1 && db == 1) {
      return dot(a, b);
    }
    if (da == 2 && db == 1) {
      return mv(a, b);
    }
    if (da == 1 && db == 2) {
      return mm(a.unsqueeze(0), b).squeeze(0);
    }
    if (da == 2 && db == 2) {
      return mm(a, b);
    }
    // Batched: promote vectors to matrices, broadcast the batch dims, multiply, then drop the
    // dims the vectors added.
    Tensor x = da == 1 ? a.unsqueeze(0) : a;
    Tensor y = db == 1 ? b.unsqueeze(1) : b;
    int n = x.size(-2);
    int k = x.size(-1);
    int m = y.size(-1);
    if (y.size(-2) != k) {
      throw new IllegalArgumentException(
          "Expected size for first two dimensions of batch2 tensor to be: [?, "
              + k
              + "] but got: [?, "
              + y.size(-2)
              + "].");
    }
    int[] batchA = java.util.Arrays.copyOf(x.shape, x.dim() - 2);
    int[] batchB = java.util.Arrays.copyOf(y.shape, y.dim() - 2);
    int[] batch = Shapes.broadcast(batchA, batchB);
    int count = Shapes.numel(batch);
    Tensor xs = x.expand(concat(batch, n, k)).reshape(count, n, k);
    Tensor ys = y.expand(concat(batch, k, m)).reshape(count, k, m);
    // PyTorch reshapes the bmm result with _unsafe_view: grad_fn UnsafeViewBackward0.
    Tensor out = Views.unsafeView(xs.bmm(ys), concat(batch, n, m));
    if (da == 1) {
      out = out.squeeze(-2);
    }
    if (db == 1) {
      out = out.squeeze(-1);
    }
    return out;
  }

  private static int[] concat(int[] batch, int r, int c) {
    int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
    s[batch.length] = r;
    s[batch.length + 1] = c;
    return s;
  }

  private static void checkInner(int k1, int k2, String sa, String sb) {
    if (k1 != k2) {
      throw new IllegalArgumentException(
          "mat1 and mat2 shapes cannot be multiplied (" + sa + " and " + sb + ")");
    }
  }

  /**
   * {@code batches} products of an (n×k) and a (k×m) matrix into a fresh row-major result. Operands
   * whose last two dims are row-major or column-major (e.g. a transposed view) go to the GEMM as
   * they are, with a transpose flag, instead of being copied.
   */
  private static Tensor product(Tensor a, Tensor b, int n, int k, int m, int batches, int[] shape) {
    if (a.dtype() != b.dtype()) {
      throw new IllegalArgumentException(
          "expected scalar type "
              + a.dtype().scalarTypeName()
              + " but found "
              + b.dtype().scalarTypeName());
    }
    DType t = a.dtype();
    // Float32 results come from ScratchArrays when it holds one of their length (a gradient that
    // zero_grad freed): the product writes every element (a GEMM with beta 0 never reads C), so the
    // JVM need not zero a new array first. The MLP's first weight gradient is 800 KB a step.
    Storage out =
        t == DType.FLOAT32
            ? Storage.of(ScratchArrays.take(batches * n * m))
            : Storage.allocate(t, batches * n * m);
    if (!t.isFloatingPoint()) {
      Tensor x = a.contiguousData();
      Tensor y = b.contiguousData();
      for (int p = 0; p < batches; p++) {
        MatrixKernels.gemm(
            x.storage,
            x.offset + p * n * k,
            y.storage,
            y.offset + p * k * m,
            out,
            p * n * m,
            n,
            k,
            m);
      }
      return new Tensor(out, shape);
    }
    MatrixOperand x = MatrixOperand.of(a, n, k, batches);
    MatrixOperand y = MatrixOperand.of(b, k, m, batches);
    Gemm gemm = Kernels.get().gemm();
    if (t == DType.FLOAT32) {
      gemm.sgemmBatched(
          x.transposed,
          y.transposed,
          n,
          m,
          k,
          1f,
          x.tensor.storage.floats(),
          x.tensor.offset,
          x.ld,
          x.batchStride,
          y.tensor.storage.floats(),
          y.tensor.offset,
          y.ld,
          y.batchStride,
          0f,
          out.floats(),
          0,
          m,
          n * m,
          batches);
    } else {
      gemm.dgemmBatched(
          x.transposed,
          y.transposed,
          n,
          m,
          k,
          1.0,
          x.tensor.storage.doubles(),
          x.tensor.offset,
          x.ld,
          x.batchStride,
          y.tensor.storage.doubles(),
          y.tensor.offset,
          y.ld,
          y.batchStride,
          0.0,
          out.doubles(),
          0,
          m,
          n * m,
          batches);
    }
    return new Tensor(out, shape);
  }
}
