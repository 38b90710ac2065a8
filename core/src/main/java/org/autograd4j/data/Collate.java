package org.autograd4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Turns a list of samples into a batch ({@code collate_fn}). {@link #tensors()} is the default for
 * {@code Tensor[]} samples: position {@code k} of the batch stacks position {@code k} of every
 * sample along a new first dimension, as PyTorch's {@code default_collate} does for tuples.
 *
 * <pre>{@code
 * Collate<Tensor[], Tensor[]> c = Collate.tensors();
 * Tensor[] batch = c.collate(List.of(ds.get(0), ds.get(1))); // {x [2, ...], y [2]}
 * }</pre>
 *
 * @param <T> the sample type
 * @param <B> the batch type
 */
@FunctionalInterface
public interface Collate<T, B> {
  /** Builds one batch from {@code samples} (never empty). */
  B collate(List<T> samples);

  /** The default collate for {@code Tensor[]} samples. */
  static Collate<Tensor[], Tensor[]> tensors() {
    return samples -> {
      int width = samples.get(0).length;
      Tensor[] out = new Tensor[width];
      for (int k = 0; k < width; k++) {
        List<Tensor> column = new ArrayList<>(samples.size());
        for (Tensor[] s : samples) {
          if (s.length != width) {
            throw new IllegalArgumentException(
                "each element in list of batch should be of equal size");
          }
          column.add(s[k]);
        }
        out[k] = stack(column);
      }
      return out;
    };
  }

  /**
   * {@code torch.stack(tensors)} for collation: equal shapes and dtypes, a new contiguous tensor
   * that does not require grad.
   */
  static Tensor stack(List<Tensor> tensors) {
    Tensor first = tensors.get(0);
    int[] shape = first.shape().toArray();
    DType dtype = first.dtype();
    int n = first.numel();
    for (int i = 1; i < tensors.size(); i++) {
      Tensor t = tensors.get(i);
      if (!Arrays.equals(t.shape().toArray(), shape)) {
        throw new IllegalArgumentException(
            "stack expects each tensor to be equal size, but got "
                + Arrays.toString(shape)
                + " at entry 0 and "
                + Arrays.toString(t.shape().toArray())
                + " at entry "
                + i);
      }
      if (t.dtype() != dtype) {
        throw new IllegalArgumentException(
            "stack expects tensors of one dtype, but got "
                + dtype.torchName()
                + " at entry 0 and "
                + t.dtype().torchName()
                + " at entry "
                + i);
      }
    }
    int[] outShape = new int[shape.length + 1];
    outShape[0] = tensors.size();
    System.arraycopy(shape, 0, outShape, 1, shape.length);
    int total = n * tensors.size();
    switch (dtype) {
      case FLOAT32:
        {
          float[] flat = new float[total];
          for (int i = 0; i < tensors.size(); i++) {
            System.arraycopy(tensors.get(i).toFloatArray(), 0, flat, i * n, n);
          }
          return Torch.tensor(flat).view(outShape);
        }
      case FLOAT64:
        {
          double[] flat = new double[total];
          for (int i = 0; i < tensors.size(); i++) {
            System.arraycopy(tensors.get(i).toDoubleArray(), 0, flat, i * n, n);
          }
          return Torch.tensor(flat, DType.FLOAT64).view(outShape);
        }
      case INT64:
        {
          long[] flat = new long[total];
          for (int i = 0; i < tensors.size(); i++) {
            System.arraycopy(tensors.get(i).toLongArray(), 0, flat, i * n, n);
          }
          return Torch.tensor(flat).view(outShape);
        }
      default:
        {
          boolean[] flat = new boolean[total];
          for (int i = 0; i < tensors.size(); i++) {
            long[] v = tensors.get(i).toLongArray();
            for (int j = 0; j < n; j++) {
              flat[i * n + j] = v[j] != 0;
            }
          }
          return Torch.tensor(flat).view(outShape);
        }
    }
  }
}
