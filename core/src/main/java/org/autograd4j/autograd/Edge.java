package org.autograd4j.autograd;

/**
 * One entry of a node's {@code next_functions}: the node that receives a gradient, and which of its
 * inputs the gradient is for. A {@code null} function means the input needs no gradient.
 *
 * <pre>{@code
 * y.gradFn().nextFunctions().get(0).function().name(); // "AccumulateGrad"
 * }</pre>
 */
public final class Edge {
  /** The edge of an input that needs no gradient: {@code (None, 0)}. */
  public static final Edge NONE = new Edge(null, 0);

  private final Node function;
  private final int inputNr;

  /** An edge to input {@code inputNr} of {@code function}. */
  public Edge(Node function, int inputNr) {
    this.function = function;
    this.inputNr = inputNr;
  }

  /** The node at the end of the edge, or null. */
  public Node function() {
    return function;
  }

  /** Which gradient slot of {@code function} this edge feeds. */
  public int inputNr() {
    return inputNr;
  }

  /** Renders like PyTorch's tuple: {@code (<AccumulateGrad>, 0)} or {@code (None, 0)}. */
  @Override
  public String toString() {
    return "(" + (function == null ? "None" : function.toString()) + ", " + inputNr + ")";
  }
}
