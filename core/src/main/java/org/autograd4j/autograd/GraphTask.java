package org.autograd4j.autograd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.internal.Storage;
import org.autograd4j.internal.TensorData;

/**
 * The per-backward bookkeeping of the engine: each node's count of not-yet-processed incoming edges
 * and its input buffer (gradients summed per output slot). A node's state lives in fields of the
 * node itself while this task holds it, which keeps a million-node backward free of million-entry
 * hash maps; a node that another backward (another thread, or a backward inside a hook) currently
 * holds falls back to maps private to this task, so concurrent backward passes over a shared graph
 * stay independent.
 */
final class GraphTask implements AutoCloseable {
  private static final VarHandle OWNER;

  static {
    try {
      OWNER = MethodHandles.lookup().findVarHandle(Node.class, "taskOwner", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final List<Node> claimed = new ArrayList<>();
  private Map<Node, int[]> sharedDeps;
  private Map<Node, Tensor[]> sharedBuffers;

  // Gradient ownership, so that AccumulateGrad can take a gradient as the leaf's .grad instead of
  // copying it, as PyTorch does when nothing else references the gradient (its use_count), and a
  // library derivative can write its result into its incoming gradient (OpContext.ownsGrad). Java
  // has no reference counts, so the task counts them itself, per storage: how many input-buffer
  // slots hold a tensor on it. A gradient is this task's alone when its storage was created during
  // the task (so no tensor from before, such as a user's root gradient or a saved tensor, shares
  // it), by the library's own derivatives (no user code ran that could have kept a reference), and
  // exactly one buffer slot holds it.
  private final long storagesBefore = Storage.createdSoFar();
  // A HashMap: Storage hashes its serial, cheaper than the identity hash of a fresh object.
  private final Map<Storage, int[]> bufferedStorages = new HashMap<>();
  private boolean userCodeRan;

  /** Records {@code n} with no dependencies; false if this task already knows it. */
  boolean register(Node n) {
    if (n.taskOwner == this || (sharedDeps != null && sharedDeps.containsKey(n))) {
      return false;
    }
    if (OWNER.compareAndSet(n, null, this)) {
      n.taskDeps = 0;
      n.taskBuffer = null;
      claimed.add(n);
    } else {
      if (sharedDeps == null) {
        sharedDeps = new IdentityHashMap<>();
        sharedBuffers = new IdentityHashMap<>();
      }
      sharedDeps.put(n, new int[1]);
    }
    return true;
  }

  void addDependency(Node n) {
    if (n.taskOwner == this) {
      n.taskDeps++;
    } else {
      sharedDeps.get(n)[0]++;
    }
  }

  /** Decrements and returns the remaining dependency count of a registered node. */
  int removeDependency(Node n) {
    if (n.taskOwner == this) {
      return --n.taskDeps;
    }
    return --sharedDeps.get(n)[0];
  }

  int dependencies(Node n) {
    return n.taskOwner == this ? n.taskDeps : sharedDeps.get(n)[0];
  }

  boolean hasBuffer(Node n) {
    return n.taskOwner == this ? n.taskBuffer != null : sharedBuffers.containsKey(n);
  }

  /** Adds {@code g} into slot {@code slot} of {@code n}'s input buffer. */
  void accumulate(Node n, int slot, Tensor g) {
    Tensor[] buf;
    if (n.taskOwner == this) {
      buf = n.taskBuffer;
      if (buf == null) {
        buf = n.taskBuffer = new Tensor[Math.max(1, n.numOutputs())];
      }
    } else {
      buf = sharedBuffers.computeIfAbsent(n, k -> new Tensor[Math.max(1, k.numOutputs())]);
    }
    buf[slot] = buf[slot] == null ? g : buf[slot].add(g);
    // A replaced partial sum stays counted: over-counting only ever costs a copy.
    Storage s = TensorData.get().storage(buf[slot]);
    if (takeable(s)) {
      bufferedStorages.computeIfAbsent(s, k -> new int[1])[0]++;
    }
  }

  /**
   * Whether AccumulateGrad could ever take a gradient on {@code s}. It copies every gradient of
   * fewer than MIN_TAKEN_NUMEL elements, so smaller storages need no count: a tiny graph's backward
   * then does no map operation at all (the seed step: 1.60 -> 1.51 us).
   */
  private static boolean takeable(Storage s) {
    return s.size() >= AccumulateGrad.MIN_TAKEN_NUMEL;
  }

  /** The gradients of a taken buffer no longer occupy its slots. */
  void release(Tensor[] grads) {
    for (Tensor g : grads) {
      if (g == null) {
        continue;
      }
      Storage s = TensorData.get().storage(g);
      int[] count = takeable(s) ? bufferedStorages.get(s) : null;
      if (count != null && --count[0] == 0) {
        bufferedStorages.remove(s);
      }
    }
  }

  /**
   * Notes that code outside the library's derivatives (a hook, a custom Function, a capture for
   * autograd.grad) saw gradients of this task: from now on it takes none of them.
   */
  void userCodeRan() {
    userCodeRan = true;
  }

  /**
   * Whether {@code g}, still in the buffer just taken, is referenced by nothing else: see the
   * fields above. It must also be dense (contiguous, spanning its whole storage), so that taking it
   * keeps no larger block alive and gives .grad the layout a copy would have.
   */
  boolean ownsExclusively(Tensor g) {
    if (userCodeRan || g == null || !g.isContiguous()) {
      return false;
    }
    TensorData d = TensorData.get();
    Storage s = d.storage(g);
    int[] count = takeable(s) ? bufferedStorages.get(s) : null;
    return s.serial() > storagesBefore
        && count != null
        && count[0] == 1
        && d.offset(g) == 0
        && s.size() == g.numel();
  }

  /**
   * The gradients of a buffer just taken that this task owns exclusively ({@link
   * #ownsExclusively}), as bit i for gradient i (the first 64).
   */
  long exclusiveSlots(Tensor[] grads) {
    if (userCodeRan || bufferedStorages.isEmpty()) {
      // Nothing counted, nothing owned: a tiny graph's backward (the seed step) stops here.
      return 0;
    }
    long owned = 0;
    for (int i = 0; i < Math.min(grads.length, Long.SIZE); i++) {
      if (ownsExclusively(grads[i])) {
        owned |= 1L << i;
      }
    }
    return owned;
  }

  /** Removes and returns {@code n}'s input buffer. */
  Tensor[] takeBuffer(Node n) {
    if (n.taskOwner == this) {
      Tensor[] buf = n.taskBuffer;
      n.taskBuffer = null;
      return buf;
    }
    return sharedBuffers.remove(n);
  }

  /** Hands every held node back, so later backward passes can use their fields. */
  @Override
  public void close() {
    for (Node n : claimed) {
      n.taskBuffer = null;
      n.taskDeps = 0;
      OWNER.setRelease(n, null);
    }
    claimed.clear();
  }
}
