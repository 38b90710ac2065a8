package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autograd4j.Tensor;

/**
 * The {@code ctx} of a custom {@link Function}: what forward leaves for backward. Tensors go
 * through {@link #saveForBackward} (so in-place changes and freed graphs are detected); other
 * values through {@link #put}.
 *
 * <pre>{@code
 * public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
 *   ctx.saveForBackward(in[0]);
 *   return new Tensor[] {in[0].exp()};
 * }
 * public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
 *   return new Tensor[] {g[0].mul(ctx.savedTensors()[0].exp())};
 * }
 * }</pre>
 */
public final class FunctionCtx {
  private final boolean[] needsInputGrad;
  private Tensor[] toSave = new Tensor[0];
  private SavedTensor[] saved;
  private final Set<Tensor> dirty = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Tensor> nonDifferentiable = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, Object> values = new HashMap<>();
  private boolean materializeGrads = true;
  private boolean inForward = true;

  FunctionCtx(boolean[] needsInputGrad) {
    this.needsInputGrad = needsInputGrad;
  }

  /**
   * {@code ctx.save_for_backward(*tensors)}: keeps tensors (inputs, outputs or intermediates; null
   * allowed) for backward. Call it in forward only; a later call replaces the earlier list.
   */
  public void saveForBackward(Tensor... tensors) {
    checkForward("saveForBackward");
    toSave = tensors.clone();
  }

  /**
   * {@code ctx.saved_tensors}, in the order given to {@link #saveForBackward}. Fails with PyTorch's
   * messages when the graph was already freed by an earlier backward, or when a saved tensor was
   * modified in place since.
   */
  public Tensor[] savedTensors() {
    if (saved == null) {
      return toSave.clone();
    }
    Tensor[] out = new Tensor[saved.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = saved[i] == null ? null : saved[i].unpack();
    }
    return out;
  }

  /** {@code ctx.needs_input_grad[i]}: whether forward input {@code i} requires grad. */
  public boolean needsInputGrad(int i) {
    return needsInputGrad[i];
  }

  /**
   * {@code ctx.mark_dirty(*tensors)}: these inputs were modified in place by forward and are
   * returned as outputs; they take this function as their grad_fn.
   */
  public void markDirty(Tensor... tensors) {
    checkForward("markDirty");
    dirty.addAll(Arrays.asList(tensors));
  }

  /**
   * {@code ctx.mark_non_differentiable(*tensors)}: these outputs get no grad_fn; backward still
   * receives a (zero) gradient for them.
   */
  public void markNonDifferentiable(Tensor... tensors) {
    checkForward("markNonDifferentiable");
    nonDifferentiable.addAll(Arrays.asList(tensors));
  }

  /**
   * {@code ctx.set_materialize_grads(value)}: when false, backward receives null instead of zeros
   * for outputs that got no gradient.
   */
  public void setMaterializeGrads(boolean value) {
    materializeGrads = value;
  }

  /** Keeps a non-tensor value for backward (PyTorch's {@code ctx.name = value}). */
  public void put(String name, Object value) {
    values.put(name, value);
  }

  /** A value kept with {@link #put}. */
  @SuppressWarnings("unchecked")
  public <T> T get(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("no value named '" + name + "' was put in the context");
    }
    return (T) values.get(name);
  }

  private void checkForward(String what) {
    if (!inForward) {
      throw new IllegalStateException(what + "() can only be called from forward");
    }
  }

  boolean isDirty(Tensor t) {
    return dirty.contains(t);
  }

  boolean isNonDifferentiable(Tensor t) {
    return nonDifferentiable.contains(t);
  }

  boolean materializeGrads() {
    return materializeGrads;
  }

  /** Ends forward: saved tensors are now checked against their versions at this point. */
  void freeze(Node node, Tensor[] outputs) {
    inForward = false;
    List<SavedTensor> list = new ArrayList<>(toSave.length);
    for (Tensor t : toSave) {
      boolean isOutput = false;
      for (Tensor o : outputs) {
        isOutput |= o == t;
      }
      list.add(t == null ? null : new SavedTensor(t, node, isOutput));
    }
    saved = list.toArray(new SavedTensor[0]);
    toSave = null;
  }

  Tensor[] savedForDisplay() {
    if (saved == null) {
      return new Tensor[0];
    }
    List<Tensor> out = new ArrayList<>();
    for (SavedTensor s : saved) {
      Tensor t = s == null ? null : s.peek();
      if (t != null) {
        out.add(t);
      }
    }
    return out.toArray(new Tensor[0]);
  }

  void release() {
    if (saved != null) {
      for (SavedTensor s : saved) {
        if (s != null) {
          s.release();
        }
      }
    }
  }
}
