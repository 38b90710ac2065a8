package org.autograd4j;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.autograd.Op;

/** cat, stack, split, chunk and unbind, with their derivatives. */
final class Joining {
  private Joining() {}

  static Tensor cat(List<Tensor> tensors, int dim) {
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
    }
    // PyTorch skips 1-D empty tensors (legacy behaviour) when choosing the shape.
    Tensor ref = null;
    for (Tensor t : tensors) {
      if (!(t.dim() == 1 && t.numel() == 0)) {
        ref = t;
        break;
      }
    }
    if (ref == null) {
      ref = tensors.get(0);
    }
    if (ref.dim() == 0) {
      throw new IllegalArgumentException(
          "zero-dimensional tensor (at position 0) cannot be concatenated");
    }
    int d = Shapes.wrapDim(dim, ref.dim());
    DType type = tensors.get(0).dtype();
    int total = 0;
    for (int i = 0; i < tensors.size(); i++) {
      Tensor t = tensors.get(i);
      type = DType.promote(type, t.dtype());
      if (t.dim() == 1 && t.numel() == 0 && ref.dim() != 1) {
        continue;
      }
      if (t.dim() != ref.dim()) {
        throw new IllegalArgumentException(
            "Tensors must have same number of dimensions: got " + ref.dim() + " and " + t.dim());
      }
      for (int a = 0; a < ref.dim(); a++) {
        if (a != d && t.shape[a] != ref.shape[a]) {
          throw new IllegalArgumentException(
              "Sizes of tensors must match except in dimension "
                  + d
                  + ". Expected size "
                  + ref.shape[a]
                  + " but got size "
                  + t.shape[a]
                  + " for tensor number "
                  + i
                  + " in the list.");
        }
      }
      total += t.shape[d];
    }
    int[] shape = ref.shape.clone();
    shape[d] = total;
    Tensor out = Creation.full(shape, 0, type);
    int[] starts = new int[tensors.size()];
    int[] sizes = new int[tensors.size()];
    int pos = 0;
    for (int i = 0; i < tensors.size(); i++) {
      Tensor t = tensors.get(i);
      starts[i] = pos;
      if (t.dim() == 1 && t.numel() == 0 && ref.dim() != 1) {
        sizes[i] = -1; // skipped: its gradient is an empty tensor
        continue;
      }
      sizes[i] = t.shape[d];
      Kernels.copyInto(Views.sliceRaw(out, d, pos, pos + sizes[i], 1), t);
      pos += sizes[i];
    }
    Tensor[] inputs = tensors.toArray(new Tensor[0]);
    return Op.record(
        "CatBackward0",
        out,
        inputs,
        (ctx, g) -> {
          Tensor[] grads = new Tensor[inputs.length];
          for (int i = 0; i < inputs.length; i++) {
            if (ctx.needsInputGrad(i)) {
              grads[i] =
                  sizes[i] < 0
                      ? Torch.zeros(new int[] {0}, g[0].dtype())
                      : g[0].narrow(d, starts[i], sizes[i]);
            }
          }
          return grads;
        });
  }

  static Tensor stack(List<Tensor> tensors, int dim) {
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("stack expects a non-empty TensorList");
    }
    int[] first = tensors.get(0).shape;
    int d = Shapes.wrapDim(dim, first.length + 1);
    List<Tensor> parts = new ArrayList<>();
    for (int i = 0; i < tensors.size(); i++) {
      Tensor t = tensors.get(i);
      if (!Shapes.same(t.shape, first)) {
        throw new IllegalArgumentException(
            "stack expects each tensor to be equal size, but got "
                + Shapes.str(first)
                + " at entry 0 and "
                + Shapes.str(t.shape)
                + " at entry "
                + i);
      }
      parts.add(t.detach().unsqueeze(d));
    }
    Tensor out;
    try (var g = org.autograd4j.autograd.GradMode.scope(false)) {
      out = cat(parts, d);
    }
    Tensor[] inputs = tensors.toArray(new Tensor[0]);
    return Op.record(
        "StackBackward0",
        out,
        inputs,
        (ctx, g) -> {
          Tensor[] grads = new Tensor[inputs.length];
          for (int i = 0; i < inputs.length; i++) {
            grads[i] = ctx.needsInputGrad(i) ? g[0].select(d, i) : null;
          }
          return grads;
        });
  }

  /** Splits along {@code dim} into pieces of the given sizes (copies; one multi-output node). */
  static List<Tensor> splitWithSizes(Tensor x, int[] sizes, int dim, String name) {
    if (x.dim() == 0) {
      throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
    }
    int d = Shapes.wrapDim(dim, x.dim());
    int sum = 0;
    for (int s : sizes) {
      if (s < 0) {
        throw new IllegalArgumentException(
            "split_with_sizes expects split_sizes have only non-negative entries, but got"
                + " split_sizes="
                + Shapes.str(sizes));
      }
      sum += s;
    }
    if (sum != x.shape[d]) {
      throw new IllegalArgumentException(
          "split_with_sizes expects split_sizes to sum exactly to "
              + x.shape[d]
              + " (input tensor's size at dimension "
              + d
              + "), but got split_sizes="
              + Shapes.str(sizes));
    }
    Tensor[] outs = new Tensor[sizes.length];
    int[] starts = new int[sizes.length];
    int pos = 0;
    for (int i = 0; i < sizes.length; i++) {
      starts[i] = pos;
      outs[i] = Strided.copyContiguous(Views.sliceRaw(x, d, pos, pos + sizes[i], 1), x.dtype());
      pos += sizes[i];
    }
    Op.record(name, outs, new Tensor[] {x}, (ctx, g) -> new Tensor[] {cat(List.of(g), d)});
    return List.of(outs);
  }

  /** {@code x.split(size, dim)}: pieces of {@code size}, the last one smaller. */
  static List<Tensor> split(Tensor x, int size, int dim) {
    if (x.dim() == 0) {
      throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
    }
    if (size < 0) {
      throw new IllegalArgumentException(
          "split expects split_size be non-negative, but got split_size=" + size);
    }
    int d = Shapes.wrapDim(dim, x.dim());
    int n = x.shape[d];
    int count = size == 0 ? 1 : Math.max(1, (n + size - 1) / size);
    int[] sizes = new int[count];
    for (int i = 0; i < count; i++) {
      sizes[i] = Math.min(size, n - i * size);
    }
    if (size == 0) {
      sizes[0] = n;
    }
    return splitWithSizes(x, sizes, d, "SplitBackward0");
  }

  /** {@code x.chunk(chunks, dim)}: PyTorch's split with size ceil(n / chunks). */
  static List<Tensor> chunk(Tensor x, int chunks, int dim) {
    if (chunks <= 0) {
      throw new IllegalArgumentException(
          "chunk expects `chunks` to be greater than 0, got: " + chunks);
    }
    int d = Shapes.wrapDim(dim, x.dim());
    int size = (x.shape[d] + chunks - 1) / chunks;
    return split(x, size, d);
  }

  /** {@code x.unbind(dim)}: the slices along {@code dim}, as one multi-output node. */
  static List<Tensor> unbind(Tensor x, int dim) {
    int d = Shapes.wrapDim(dim, x.dim());
    int n = x.shape[d];
    Tensor[] outs = new Tensor[n];
    for (int i = 0; i < n; i++) {
      outs[i] = Strided.copyContiguous(Views.selectRaw(x, d, i), x.dtype());
    }
    Op.record(
        "UnbindBackward0", outs, new Tensor[] {x}, (ctx, g) -> new Tensor[] {stack(List.of(g), d)});
    return List.of(outs);
  }
}
