package org.autograd4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.autograd4j.Tensor;

/**
 * Renders an autograd graph as Graphviz DOT, laid out as torchviz's {@code make_dot}: backward
 * nodes as grey boxes named by their grad_fn, leaves that require grad as light blue boxes with
 * their (optional) name and shape, linked to their {@code AccumulateGrad}; the output in green;
 * tensors saved by custom Functions in orange; a view's base in dark green with a dotted edge.
 * Edges point the way the forward pass ran. Node ids are numbered in order of first appearance, so
 * the text is deterministic.
 *
 * <pre>{@code
 * Tensor loss = w.mul(x).add(b).sigmoid();
 * String dot = Torch.autograd.toDot(loss, Map.of(w, "w", b, "b"));
 * // render with: dot -Tpng graph.dot -o graph.png
 * }</pre>
 */
public final class GraphDot {
  private static final Pattern ID = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
  private static final Pattern NUMERAL = Pattern.compile("^-?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)$");
  private static final Set<String> KEYWORDS =
      Set.of("node", "edge", "graph", "digraph", "subgraph", "strict");

  private final Map<Tensor, String> names = new IdentityHashMap<>();
  private final Map<Object, Integer> ids = new IdentityHashMap<>();
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<String> body = new ArrayList<>();

  private GraphDot(Map<Tensor, String> names) {
    if (names != null) {
      // Identity, not equals: two tensors with equal values are still different variables.
      for (Map.Entry<Tensor, String> e : names.entrySet()) {
        this.names.put(e.getKey(), e.getValue());
      }
    }
  }

  /** The DOT text of the graph that produced {@code output}. */
  public static String toDot(Tensor output) {
    return toDot(output, null);
  }

  /**
   * The DOT text of the graph that produced {@code output}, labelling the tensors in {@code names}
   * (leaves, or the output) with their names, as torchviz's {@code params}.
   */
  public static String toDot(Tensor output, Map<Tensor, String> names) {
    GraphDot g = new GraphDot(names);
    g.addBaseTensor(output, "darkolivegreen1");
    return g.render();
  }

  private String render() {
    // torchviz's resize_graph: max(12, 0.15 inch per body line); Python prints the int 12 bare.
    double content = body.size() * 0.15;
    String sizeText = content > 12 ? Double.toString(content) : "12";
    StringBuilder sb = new StringBuilder("digraph {\n");
    sb.append("\tgraph [size=\"").append(sizeText).append(',').append(sizeText).append("\"]\n");
    sb.append(
        "\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box"
            + " style=filled]\n");
    for (String line : body) {
      sb.append('\t').append(line).append('\n');
    }
    return sb.append("}\n").toString();
  }

  private void addBaseTensor(Tensor var, String color) {
    ArrayDeque<Object[]> pending = new ArrayDeque<>();
    pending.push(new Object[] {var, color});
    // Iterative form of torchviz's recursion through a chain of view bases (at most one deep
    // here: a view's base is never itself a view).
    while (!pending.isEmpty()) {
      Object[] item = pending.pop();
      Tensor t = (Tensor) item[0];
      if (!seen.add(t)) {
        continue;
      }
      node(t, varLabel(t, null), "fillcolor=" + item[1]);
      Node fn = t.gradFn();
      if (fn != null) {
        addNodes(fn);
        edge(fn, t, null);
      }
      Tensor base = TensorAccess.get().baseOf(t);
      if (base != null) {
        // torchviz adds the base (recursively) before the dotted edge
        if (seen.add(base)) {
          node(base, varLabel(base, null), "fillcolor=darkolivegreen3");
          Node bfn = base.gradFn();
          if (bfn != null) {
            addNodes(bfn);
            edge(bfn, base, null);
          }
        }
        edge(base, t, "style=dotted");
      }
    }
  }

  /** torchviz's add_nodes, depth-first in the same order, with an explicit stack. */
  private void addNodes(Node root) {
    ArrayDeque<int[]> indices = new ArrayDeque<>();
    ArrayDeque<Node> stack = new ArrayDeque<>();
    if (!enter(root)) {
      return;
    }
    stack.push(root);
    indices.push(new int[] {0});
    while (!stack.isEmpty()) {
      Node fn = stack.peek();
      int[] idx = indices.peek();
      if (idx[0] < fn.next.length) {
        Edge e = fn.next[idx[0]++];
        if (e != null && e.function() != null) {
          edge(e.function(), fn, null);
          if (enter(e.function())) {
            stack.push(e.function());
            indices.push(new int[] {0});
          }
        }
        continue;
      }
      stack.pop();
      indices.pop();
      if (fn instanceof CustomFunctionNode) {
        for (Tensor t : ((CustomFunctionNode) fn).savedTensorsForDisplay()) {
          if (t != null) {
            seen.add(t);
            edge(t, fn, "dir=none");
            node(t, varLabel(t, null), "fillcolor=orange");
          }
        }
      }
    }
  }

  /** The part of add_nodes before recursing; false when the node was already seen. */
  private boolean enter(Node fn) {
    if (!seen.add(fn)) {
      return false;
    }
    if (fn instanceof AccumulateGrad) {
      Tensor var = ((AccumulateGrad) fn).variable();
      seen.add(var);
      node(var, varLabel(var, null), "fillcolor=lightblue");
      edge(var, fn, null);
    }
    node(fn, fn.name(), null);
    return true;
  }

  private String varLabel(Tensor t, String name) {
    String n = name != null ? name : names.getOrDefault(t, "");
    StringBuilder size = new StringBuilder("(");
    int[] shape = t.shape().toArray();
    for (int i = 0; i < shape.length; i++) {
      size.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return n + "\n " + size.append(')');
  }

  private int id(Object o) {
    return ids.computeIfAbsent(o, k -> ids.size());
  }

  private void node(Object o, String label, String attrs) {
    body.add(id(o) + " [label=" + quote(label) + (attrs == null ? "" : " " + attrs) + "]");
  }

  private void edge(Object from, Object to, String attrs) {
    body.add(id(from) + " -> " + id(to) + (attrs == null ? "" : " [" + attrs + "]"));
  }

  /** The python graphviz package's quoting: bare identifiers and numerals stay bare. */
  static String quote(String s) {
    if ((ID.matcher(s).matches() || NUMERAL.matcher(s).matches())
        && !KEYWORDS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
      return s;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
