package org.autograd4j.data;

import org.autograd4j.Tensor;

/**
 * {@code TensorDataset}: sample {@code i} is {@code {t[i] for t in tensors}}, each tensor indexed
 * along its first dimension.
 *
 * <pre>{@code
 * TensorDataset ds = new TensorDataset(Torch.randn(100, 4), Torch.randint(0, 3, 100));
 * ds.get(7); // {x[7] (shape [4]), y[7] (a scalar)}
 * }</pre>
 */
public class TensorDataset implements Dataset<Tensor[]> {
  private final Tensor[] tensors;

  /** Wraps tensors that share their first dimension. */
  public TensorDataset(Tensor... tensors) {
    if (tensors.length == 0) {
      throw new IllegalArgumentException("TensorDataset needs at least one tensor");
    }
    for (Tensor t : tensors) {
      if (t.dim() == 0) {
        throw new IllegalArgumentException(
            "TensorDataset tensors need a first dimension, got a scalar");
      }
      if (t.size(0) != tensors[0].size(0)) {
        throw new IllegalArgumentException("Size mismatch between tensors");
      }
    }
    this.tensors = tensors.clone();
  }

  @Override
  public Tensor[] get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(
          "index " + index + " is out of bounds for a dataset of size " + size());
    }
    Tensor[] out = new Tensor[tensors.length];
    for (int i = 0; i < tensors.length; i++) {
      out[i] = tensors[i].select(0, index);
    }
    return out;
  }

  @Override
  public int size() {
    return tensors[0].size(0);
  }

  /** The wrapped tensors (a copy of the array). */
  public Tensor[] tensors() {
    return tensors.clone();
  }
}
