package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.autograd4j.DType;
import org.autograd4j.Tensor;

/**
 * A backward function in the autograd graph ({@code grad_fn}): it turns the gradients of an
 * operation's outputs into gradients of its inputs, which flow along {@link #nextFunctions()}.
 *
 * <pre>{@code
 * Tensor y = x.pow(2);
 * y.gradFn().name();          // "PowBackward0"
 * y.gradFn().nextFunctions(); // [(<AccumulateGrad>, 0)]
 * }</pre>
 */
public abstract class Node {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final String name;
  private final long sequenceNr;
  final Edge[] next;
  // Shape and dtype of each forward input, so the engine can reduce broadcast gradients centrally.
  final int[][] inputShapes;
  final DType[] inputDtypes;
  // Shape and dtype of each forward output, to materialise zeros for outputs that got no gradient.
  int[][] outputShapes = NO_SHAPES;
  DType[] outputDtypes = NO_DTYPES;
  static final int[][] NO_SHAPES = new int[0][];
  static final DType[] NO_DTYPES = new DType[0];
  // Created on first registration: most nodes never get a hook, and a million-node graph should
  // not pay for an empty list per node. Tensor hooks and retain_grad share one list and run in
  // registration order, as in PyTorch 1.13.
  // Volatile so that runPrehooks can see "no hooks" without taking the lock, as for almost every
  // node: once made, the list is never dropped.
  private volatile List<SlotHook> preHooks;
  final String creationSite;

  // Scratch state of the backward pass (GraphTask) that currently holds this node.
  volatile Object taskOwner;
  int taskDeps;
  Tensor[] taskBuffer;

  /** A node named {@code name} whose inputs flow along {@code next}. */
  protected Node(String name, Edge[] next, int[][] inputShapes, DType[] inputDtypes) {
    this.name = name;
    this.next = next;
    this.inputShapes = inputShapes;
    this.inputDtypes = inputDtypes;
    this.sequenceNr = SEQUENCE.getAndIncrement();
    this.creationSite = AnomalyMode.isEnabled() ? AnomalyMode.callerSite() : null;
  }

  /** PyTorch's class name of this backward function, e.g. {@code MulBackward0}. */
  public String name() {
    return name;
  }

  /** The edges to the nodes that receive this node's input gradients, one per forward input. */
  public List<Edge> nextFunctions() {
    return Collections.unmodifiableList(Arrays.asList(next));
  }

  /** How many forward outputs (gradient slots) this node has. */
  public int numOutputs() {
    return outputShapes.length;
  }

  /** Order of creation; the engine runs later nodes first, as PyTorch does. */
  long sequenceNr() {
    return sequenceNr;
  }

  void setOutputs(int[][] shapes, DType[] dtypes) {
    this.outputShapes = shapes;
    this.outputDtypes = dtypes;
  }

  /**
   * Registers a hook that sees (and may replace) the gradient arriving for output {@code slot}
   * before this node runs. Tensor hooks are built on this.
   */
  public RemovableHandle registerPrehook(int slot, UnaryOperator<Tensor> hook) {
    return addHook(new SlotHook(slot, hook));
  }

  /**
   * Registers retain_grad's hook for {@code slot}. It is an ordinary pre-hook: a hook registered
   * before retain_grad() changes the retained gradient, one registered after does not (PyTorch
   * 1.13; PyTorch 2.x runs retain_grad last).
   */
  public RemovableHandle registerRetainGradHook(int slot, UnaryOperator<Tensor> hook) {
    return registerPrehook(slot, hook);
  }

  private synchronized RemovableHandle addHook(SlotHook h) {
    List<SlotHook> list = preHooks == null ? (preHooks = new ArrayList<>()) : preHooks;
    list.add(h);
    return () -> {
      synchronized (this) {
        list.remove(h);
      }
    };
  }

  /**
   * Runs the pre-hooks on the gradients of this node's outputs, in registration order.
   *
   * @return whether any hook was registered (and so may have kept a gradient)
   */
  final boolean runPrehooks(Tensor[] grads) {
    if (preHooks == null) {
      return false;
    }
    List<SlotHook> hooks;
    synchronized (this) {
      if (preHooks == null || preHooks.isEmpty()) {
        return false;
      }
      hooks = new ArrayList<>(preHooks);
    }
    for (SlotHook h : hooks) {
      if (grads[h.slot] != null) {
        Tensor replaced = h.hook.apply(grads[h.slot]);
        if (replaced != null) {
          grads[h.slot] = replaced;
        }
      }
    }
    return true;
  }

  /**
   * Computes the gradients of the forward inputs from the gradients of the outputs. Entries may be
   * null where an input needs no gradient.
   */
  protected abstract Tensor[] apply(Tensor[] gradOutputs);

  /** Whether outputs that received no gradient are passed to {@link #apply} as zeros (or null). */
  boolean materializesGrads() {
    return true;
  }

  /** Frees saved tensors once backward no longer needs them (unless the graph is retained). */
  protected void releaseVariables() {}

  /** Whether the gradient for forward input {@code i} is needed by anything downstream. */
  public boolean needsInputGrad(int i) {
    return i < next.length && next[i] != null && next[i].function() != null;
  }

  @Override
  public String toString() {
    return "<" + name + ">";
  }

  private static final class SlotHook {
    final int slot;
    final UnaryOperator<Tensor> hook;

    SlotHook(int slot, UnaryOperator<Tensor> hook) {
      this.slot = slot;
      this.hook = hook;
    }
  }
}
