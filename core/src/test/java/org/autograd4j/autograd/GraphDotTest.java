package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * Torch.autograd.toDot against DOT generated from real PyTorch 1.13 graphs by
 * tools/golden/gen_dot.py (torchviz's make_dot layout).
 */
class GraphDotTest {
  private static String golden(String name) throws IOException {
    try (InputStream in = GraphDotTest.class.getResourceAsStream("/golden/dot/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Seed 004: z = w*x + b, y_pred = sigmoid(z), loss = BCE via clamp and log. */
  private static Tensor[] seed004() {
    Tensor x = Torch.tensor(6.7);
    Tensor y = Torch.tensor(0.0);
    Tensor w = Torch.tensor(1.0).requiresGrad_();
    Tensor b = Torch.tensor(0.0).requiresGrad_();
    Tensor z = w.mul(x).add(b);
    Tensor yPred = Torch.sigmoid(z);
    double epsilon = 1e-8;
    Tensor p = Torch.clamp(yPred, epsilon, 1 - epsilon);
    Tensor loss = y.mul(Torch.log(p)).add(y.rsub(1).mul(Torch.log(p.rsub(1)))).neg();
    return new Tensor[] {w, b, loss};
  }

  @Test
  void seed004Graph() throws IOException {
    Tensor[] t = seed004();
    assertEquals(golden("seed004.dot"), Torch.autograd.toDot(t[2]));
  }

  @Test
  void seed004GraphWithNames() throws IOException {
    Tensor[] t = seed004();
    Map<Tensor, String> names = new IdentityHashMap<>();
    names.put(t[0], "w");
    names.put(t[1], "b");
    names.put(t[2], "loss");
    String dot = Torch.autograd.toDot(t[2], names);
    assertEquals(golden("seed004_named.dot"), dot);
    assertEquals(dot, Torch.autograd.toDot(t[2], names)); // deterministic
  }

  @Test
  void viewsCopySlicesAndReusedLeaves() throws IOException {
    Tensor a = Torch.tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad_();
    Tensor v = Torch.tensor(new double[] {1, 2}).requiresGrad_();
    Tensor c = a.clone();
    c.narrow(0, 0, 1).mul_(2.0);
    Tensor out = c.mul(v).add(a).sum(0).narrow(0, 1, 1);
    Map<Tensor, String> names = new IdentityHashMap<>();
    names.put(a, "a");
    names.put(v, "v");
    assertEquals(golden("views.dot"), Torch.autograd.toDot(out, names));
  }

  @Test
  void leafAndCustomFunctionSavedTensors() {
    Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
    assertEquals(
        "digraph {\n"
            + "\tgraph [size=\"12,12\"]\n"
            + "\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1"
            + " shape=box style=filled]\n"
            + "\t0 [label=\"\n (2)\" fillcolor=darkolivegreen1]\n"
            + "}\n",
        Torch.autograd.toDot(x));
    Tensor y = new FunctionTest.Cube().apply(x);
    String dot = Torch.autograd.toDot(y);
    // torchviz draws tensors saved by custom Functions in orange, linked without arrowhead
    assertEquals(
        "digraph {\n"
            + "\tgraph [size=\"12,12\"]\n"
            + "\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1"
            + " shape=box style=filled]\n"
            + "\t0 [label=\"\n (2)\" fillcolor=darkolivegreen1]\n"
            + "\t1 [label=CubeBackward]\n"
            + "\t2 -> 1\n"
            + "\t3 [label=\"\n (2)\" fillcolor=lightblue]\n"
            + "\t3 -> 2\n"
            + "\t2 [label=AccumulateGrad]\n"
            + "\t3 -> 1 [dir=none]\n"
            + "\t3 [label=\"\n (2)\" fillcolor=orange]\n"
            + "\t1 -> 0\n"
            + "}\n",
        dot);
  }

  @Test
  void quoting() {
    assertEquals("AddBackward0", GraphDot.quote("AddBackward0"));
    assertEquals("12", GraphDot.quote("12"));
    assertEquals("\"node\"", GraphDot.quote("node"));
    assertEquals("\"a \\\"b\\\"\"", GraphDot.quote("a \"b\""));
    assertEquals("\"w\n ()\"", GraphDot.quote("w\n ()"));
  }

  @Test
  void largeGraphsGrowTheDrawingSize() {
    Tensor x = Torch.tensor(1.0).requiresGrad_();
    Tensor y = x;
    for (int i = 0; i < 60; i++) {
      y = y.mul(2.0);
    }
    // 125 body entries (63 nodes, 62 edges): 0.15 each is 18.75 (PyTorch + torchviz: the same)
    String dot = Torch.autograd.toDot(y);
    assertEquals(125, dot.split("\n\t").length - 3); // minus "digraph {", graph and node
    assertEquals("\tgraph [size=\"18.75,18.75\"]", dot.lines().skip(1).findFirst().get());
  }
}
