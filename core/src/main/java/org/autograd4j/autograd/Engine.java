package org.autograd4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.internal.Warnings;

/**
 * Runs backward over a graph of {@link Node}s. Iterative by design (dependency counts and a ready
 * queue, as PyTorch's engine), so a chain of a million nodes cannot overflow the stack. Gradients
 * arriving at one node input are summed, and gradients in a broadcast shape are reduced to the
 * input's shape here, once, so that no derivative rule needs to know about broadcasting.
 */
final class Engine {
  private Engine() {}

  /** Newest node first: PyTorch's order, which is also a valid topological order. */
  private static final Comparator<Node> READY_ORDER =
      Comparator.comparingLong(Node::sequenceNr).reversed();

  /**
   * Backpropagates {@code rootGrads} from {@code roots}.
   *
   * @param captures when non-null, only these edges' gradients are wanted: they are returned
   *     (aligned with {@code captures}) and nodes that lead to none of them are skipped
   * @param accumulate whether AccumulateGrad nodes run (backward) or not (autograd.grad)
   */
  static Tensor[] execute(
      Edge[] roots,
      Tensor[] rootGrads,
      boolean keepGraph,
      boolean createGraph,
      Edge[] captures,
      boolean accumulate) {
    // backward() without inputs captures nothing: an empty map then, not a 64-slot table per call.
    Map<Node, Boolean> captureNodes =
        captures == null ? Collections.emptyMap() : new IdentityHashMap<>();
    if (captures != null) {
      for (Edge e : captures) {
        if (e.function() != null) {
          captureNodes.put(e.function(), Boolean.TRUE);
        }
      }
    }
    Map<Node, Boolean> needed = captures == null ? null : neededNodes(roots, captureNodes);
    PriorityQueue<Node> ready = new PriorityQueue<>(READY_ORDER);
    Tensor[] captured = captures == null ? null : new Tensor[captures.length];

    try (GraphTask task = new GraphTask();
        GradMode.Scope mode = GradMode.scope(createGraph)) {
      if (captures != null) {
        // Captured gradients go back to the caller, who may keep them.
        task.userCodeRan();
      }
      countDependencies(task, roots, needed);
      List<Node> rootNodes = new ArrayList<>();
      for (int i = 0; i < roots.length; i++) {
        Node n = roots[i].function();
        if (n == null || (needed != null && !needed.containsKey(n))) {
          continue;
        }
        if (!task.hasBuffer(n)) {
          rootNodes.add(n);
        }
        task.accumulate(n, roots[i].inputNr(), rootGrads[i]);
      }
      for (Node n : rootNodes) {
        if (task.dependencies(n) == 0) {
          ready.add(n);
        }
      }
      while (!ready.isEmpty()) {
        Node node = ready.poll();
        Tensor[] grads = task.takeBuffer(node);
        // PyTorch 1.13 order: capture the raw incoming gradient (before any tensor hook), then
        // skip nodes that lead to no wanted gradient without running their hooks at all.
        if (captures != null && captureNodes.containsKey(node)) {
          for (int i = 0; i < captures.length; i++) {
            if (captures[i].function() == node) {
              captured[i] = grads[captures[i].inputNr()];
            }
          }
        }
        boolean isLeafNode = node instanceof AccumulateGrad;
        if (isLeafNode && !accumulate) {
          continue;
        }
        // backward(inputs=...) runs the input nodes themselves (so retain_grad fills .grad);
        // autograd.grad only runs nodes that lead further down to a wanted gradient.
        boolean runsAsInput = accumulate && captureNodes.containsKey(node);
        if (!isLeafNode && needed != null && !runsAsInput && !hasNeededChild(node, needed)) {
          continue;
        }
        materializeMissing(node, grads);
        if (node.runPrehooks(grads) || !isLibraryNode(node)) {
          task.userCodeRan();
        }
        // Decided before release: the buffer's own slot is the one reference a taken gradient may
        // have. Zeros materialised above and tensors a hook put in were never counted, and
        // release skips them.
        boolean take = isLeafNode && !createGraph && task.ownsExclusively(grads[0]);
        // A library derivative may write into the gradients it alone holds (OpContext.ownsGrad).
        long owned = !createGraph && node instanceof FunctionNode ? task.exclusiveSlots(grads) : 0L;
        task.release(grads);
        Tensor[] inputGrads =
            take
                ? ((AccumulateGrad) node).accumulate(grads[0], true)
                : callNode(node, grads, owned);
        if (!keepGraph) {
          node.releaseVariables();
        }
        for (int i = 0; i < node.next.length; i++) {
          Edge e = node.next[i];
          if (e == null || e.function() == null) {
            continue;
          }
          Node child = e.function();
          if (needed != null && !needed.containsKey(child)) {
            continue;
          }
          if (inputGrads[i] != null) {
            task.accumulate(child, e.inputNr(), inputGrads[i]);
          }
          if (task.removeDependency(child) == 0) {
            if (task.hasBuffer(child)) {
              ready.add(child);
            } else {
              // No gradient at all reached this node: everything below it gets nothing from here.
              propagateNothing(task, child, ready, needed);
            }
          }
        }
      }
    }
    return captured;
  }

  /**
   * Nodes whose derivative is the library's own, which never keeps a reference to a gradient it
   * returns (a custom Function's backward is user code and may).
   */
  private static boolean isLibraryNode(Node node) {
    return node instanceof FunctionNode
        || node instanceof AccumulateGrad
        || node instanceof CopySlices;
  }

  private static Tensor[] callNode(Node node, Tensor[] grads, long owned) {
    if (!AnomalyMode.isEnabled()) {
      return checkedApply(node, grads, owned);
    }
    try {
      return checkedApply(node, grads, owned);
    } catch (RuntimeException e) {
      // PyTorch warns with the forward traceback of the failing node, then re-raises.
      Warnings.warnOnce(AnomalyMode.errorDetected(node));
      throw e;
    }
  }

  private static Tensor[] checkedApply(Node node, Tensor[] grads, long owned) {
    Tensor[] out = owned != 0 ? ((FunctionNode) node).applyOwning(grads, owned) : node.apply(grads);
    if (out.length != node.next.length) {
      throw new IllegalStateException(
          "function "
              + node.name()
              + " returned an incorrect number of gradients (expected "
              + node.next.length
              + ", got "
              + out.length
              + ")");
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null || node.next[i] == null || node.next[i].function() == null) {
        out[i] = node.next[i] == null || node.next[i].function() == null ? null : out[i];
        continue;
      }
      out[i] = validate(node, i, out[i]);
      if (AnomalyMode.isEnabled() && hasNan(out[i])) {
        throw new IllegalStateException(
            "Function '"
                + node.name()
                + "' returned nan values in its "
                + i
                + "th output.\n"
                + AnomalyMode.errorDetected(node));
      }
    }
    return out;
  }

  private static boolean hasNan(Tensor t) {
    try (GradMode.Scope s = GradMode.scope(false)) {
      return t.isnan().any().item() != 0;
    }
  }

  /** Reduces a broadcast gradient to the input's shape and casts it to the input's dtype. */
  static Tensor validate(Node node, int i, Tensor g) {
    int[] expected = node.inputShapes[i];
    int[] got = TensorAccess.get().shapeOf(g);
    if (!Arrays.equals(expected, got)) {
      if (!expandableTo(expected, got)) {
        throw new IllegalStateException(
            "Function "
                + node.name()
                + " returned an invalid gradient at index "
                + i
                + " - got "
                + Arrays.toString(got)
                + " but expected shape compatible with "
                + Arrays.toString(expected));
      }
      g = g.sumToSize(expected);
    }
    if (g.dtype() != node.inputDtypes[i]) {
      g = g.to(node.inputDtypes[i]);
    }
    return g;
  }

  /** Whether {@code small} broadcasts to {@code big}, i.e. big's gradient can be summed to it. */
  private static boolean expandableTo(int[] small, int[] big) {
    if (small.length > big.length) {
      return false;
    }
    for (int i = 0; i < small.length; i++) {
      int s = small[small.length - 1 - i];
      int b = big[big.length - 1 - i];
      if (s != b && s != 1) {
        return false;
      }
    }
    return true;
  }

  /** Outputs that received no gradient get zeros, as PyTorch materialises them. */
  private static void materializeMissing(Node node, Tensor[] grads) {
    if (!node.materializesGrads()) {
      return;
    }
    for (int i = 0; i < grads.length; i++) {
      if (grads[i] == null && i < node.outputShapes.length) {
        grads[i] = Torch.zeros(node.outputShapes[i], node.outputDtypes[i]);
      }
    }
  }

  private static void propagateNothing(
      GraphTask task, Node start, PriorityQueue<Node> ready, Map<Node, Boolean> needed) {
    ArrayDeque<Node> stack = new ArrayDeque<>();
    stack.push(start);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      for (Edge e : n.next) {
        if (e == null || e.function() == null) {
          continue;
        }
        Node child = e.function();
        if (needed != null && !needed.containsKey(child)) {
          continue;
        }
        if (task.removeDependency(child) == 0) {
          if (task.hasBuffer(child)) {
            ready.add(child);
          } else {
            stack.push(child);
          }
        }
      }
    }
  }

  private static boolean hasNeededChild(Node node, Map<Node, Boolean> needed) {
    for (Edge e : node.next) {
      if (e != null && e.function() != null && needed.containsKey(e.function())) {
        return true;
      }
    }
    return false;
  }

  /** Counts, for every node reachable from the roots, how many edges lead into it. */
  private static void countDependencies(GraphTask task, Edge[] roots, Map<Node, Boolean> needed) {
    ArrayDeque<Node> stack = new ArrayDeque<>();
    for (Edge r : roots) {
      Node n = r.function();
      if (n != null && (needed == null || needed.containsKey(n)) && task.register(n)) {
        stack.push(n);
      }
    }
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      for (Edge e : n.next) {
        if (e == null || e.function() == null) {
          continue;
        }
        Node child = e.function();
        if (needed != null && !needed.containsKey(child)) {
          continue;
        }
        if (task.register(child)) {
          stack.push(child);
        }
        task.addDependency(child);
      }
    }
  }

  /**
   * The nodes that lie on some path from a root to a capture target, found with an iterative
   * post-order walk (no recursion).
   */
  private static Map<Node, Boolean> neededNodes(Edge[] roots, Map<Node, Boolean> targets) {
    Map<Node, Boolean> needed = new IdentityHashMap<>();
    Map<Node, Boolean> visited = new IdentityHashMap<>();
    ArrayDeque<Object[]> stack = new ArrayDeque<>(); // {node, next child index}
    List<Node> starts = new ArrayList<>();
    for (Edge r : roots) {
      if (r.function() != null) {
        starts.add(r.function());
      }
    }
    for (Node s : starts) {
      if (visited.containsKey(s)) {
        continue;
      }
      visited.put(s, Boolean.TRUE);
      stack.push(new Object[] {s, 0});
      while (!stack.isEmpty()) {
        Object[] frame = stack.peek();
        Node n = (Node) frame[0];
        int idx = (Integer) frame[1];
        if (idx < n.next.length) {
          frame[1] = idx + 1;
          Edge e = n.next[idx];
          if (e != null && e.function() != null && !visited.containsKey(e.function())) {
            visited.put(e.function(), Boolean.TRUE);
            stack.push(new Object[] {e.function(), 0});
          }
          continue;
        }
        stack.pop();
        boolean isNeeded = targets.containsKey(n);
        for (Edge e : n.next) {
          isNeeded |= e != null && e.function() != null && needed.containsKey(e.function());
        }
        if (isNeeded) {
          needed.put(n, Boolean.TRUE);
        }
      }
    }
    return needed;
  }
}
