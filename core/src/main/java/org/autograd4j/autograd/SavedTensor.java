package org.autograd4j.autograd;

import org.autograd4j.Tensor;

/**
 * A tensor saved for backward, with the version it had when saved, so that an in-place change
 * before backward is detected instead of silently producing a wrong gradient.
 */
final class SavedTensor {
  private Tensor tensor;
  private final int savedVersion;
  private final Node savedBy;
  private final boolean isOutput;

  SavedTensor(Tensor tensor, Node savedBy, boolean isOutput) {
    this.tensor = tensor;
    this.savedVersion = tensor.version();
    this.savedBy = savedBy;
    this.isOutput = isOutput;
  }

  Tensor unpack() {
    Tensor t = tensor;
    if (t == null) {
      throw new IllegalStateException(
          "Trying to backward through the graph a second time (or directly access saved tensors"
              + " after they have already been freed). Saved intermediate values of the graph are"
              + " freed when you call .backward() or autograd.grad(). Specify retain_graph=True if"
              + " you need to backward through the graph a second time or if you need to access"
              + " saved tensors after calling backward.");
    }
    int current = t.version();
    if (current != savedVersion) {
      StringBuilder m = new StringBuilder();
      m.append("one of the variables needed for gradient computation has been modified by an")
          .append(" inplace operation: [")
          .append(t.dtype().legacyTypeName())
          .append(' ')
          .append(sizes(t.shape().toArray()))
          .append(']');
      // PyTorch names the node that produced the tensor: the saving node for a saved output,
      // the tensor's current grad_fn for a saved input.
      Node fn = isOutput ? savedBy : t.gradFn();
      if (fn != null) {
        m.append(", which is output ")
            .append(isOutput ? t.outputNr() : t.outputNr())
            .append(" of ")
            .append(fn.name())
            .append(',');
      }
      m.append(" is at version ")
          .append(current)
          .append("; expected version ")
          .append(savedVersion)
          .append(" instead.");
      if (AnomalyMode.isEnabled()) {
        m.append(
            " Hint: the backtrace further above shows the operation that failed to compute its"
                + " gradient. The variable in question was changed in there or anywhere later."
                + " Good luck!");
      } else {
        m.append(
            " Hint: enable anomaly detection to find the operation that failed to compute its"
                + " gradient, with torch.autograd.set_detect_anomaly(True).");
      }
      throw new IllegalStateException(m.toString());
    }
    return t;
  }

  /** The saved tensor without checks, or null once freed. */
  Tensor peek() {
    return tensor;
  }

  /**
   * Frees the saved tensor: a second backward through the graph now fails with PyTorch's message,
   * and a scratch storage (a convolution's columns, which nothing else references) is reused.
   */
  void release() {
    if (tensor != null) {
      TensorAccess.get().recycleScratch(tensor);
    }
    tensor = null;
  }

  private static String sizes(int[] shape) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append(']').toString();
  }
}
