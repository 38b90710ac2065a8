package org.autograd4j;

/**
 * How a GEMM reads a (batch of) r×c matrices from a tensor's layout: row-major with a leading
 * dimension, or column-major (a transposed view) read with the transpose flag. Anything else is
 * copied to a contiguous layout first.
 */
final class MatrixOperand {
  final Tensor tensor;
  final boolean transposed;
  final int ld;
  final int batchStride;

  private MatrixOperand(Tensor tensor, boolean transposed, int ld, int batchStride) {
    this.tensor = tensor;
    this.transposed = transposed;
    this.ld = ld;
    this.batchStride = batchStride;
  }

  /** Views {@code t} (1-D, 2-D or 3-D holding {@code batches} r×c matrices) for the GEMM. */
  static MatrixOperand of(Tensor t, int r, int c, int batches) {
    int dim = t.dim();
    if (dim >= 2) {
      int rowStride = t.strides[dim - 2];
      int colStride = t.strides[dim - 1];
      int batchStride = dim == 3 ? t.strides[0] : 0;
      // A batch stride of 0 (a matrix broadcast over the batch) is fine: operands are only read.
      boolean batchOk = dim <= 3;
      if (batchOk && (colStride == 1 || c == 1) && rowStride >= Math.max(1, c)) {
        return new MatrixOperand(t, false, Math.max(rowStride, 1), batchStride);
      }
      if (batchOk && (rowStride == 1 || r == 1) && colStride >= Math.max(1, r)) {
        return new MatrixOperand(t, true, Math.max(colStride, 1), batchStride);
      }
    }
    Tensor contiguous = t.contiguousData();
    int ld = dim == 1 && c == 1 ? 1 : c;
    return new MatrixOperand(contiguous, false, Math.max(ld, 1), r * c);
  }
}
