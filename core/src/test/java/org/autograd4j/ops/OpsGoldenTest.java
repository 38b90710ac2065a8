package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.Autograd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays golden/ops.txt (written by tools/golden/gen_ops.py with PyTorch 1.13): forward values,
 * the forward repr (with its grad_fn name) exactly, first-order gradients for a given upstream
 * gradient, and second-order gradients of a weighted sum of the first, all to 1e-10 relative.
 */
class OpsGoldenTest {

  /** One parsed case. */
  record Case(
      String name,
      List<Tensor> inputs,
      String[] out,
      String repr,
      String v,
      List<String> grads,
      List<String> ws,
      List<String> grads2) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = OpsGoldenTest.class.getResourceAsStream("/golden/ops.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      String name = null;
      List<Tensor> inputs = null;
      String[] o = null;
      String repr = null;
      String v = null;
      List<String> g = null;
      List<String> w = null;
      List<String> g2 = null;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "case":
            name = f[1];
            inputs = new ArrayList<>();
            g = new ArrayList<>();
            w = new ArrayList<>();
            g2 = new ArrayList<>();
            v = null;
            break;
          case "in":
            Tensor t = tensor(f[1], f[2], f[4]);
            inputs.add(f[3].equals("1") ? t.requiresGrad_() : t);
            break;
          case "out":
            o = f;
            break;
          case "repr":
            repr = unescape(f[1]);
            break;
          case "v":
            v = f[1];
            break;
          case "grad":
            g.add(f[2]);
            break;
          case "w":
            w.add(f[2]);
            break;
          case "grad2":
            g2.add(f[2]);
            break;
          case "end":
            out.add(new Case(name, inputs, o, repr, v, g, w, g2));
            break;
          default:
            throw new IllegalStateException("bad golden line: " + line);
        }
      }
    }
    return out;
  }

  private static int[] shape(String s) {
    return s.isEmpty() ? new int[0] : Stream.of(s.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static double[] doubles(String s) {
    if (s.isEmpty()) {
      return new double[0];
    }
    return Stream.of(s.split(","))
        .mapToDouble(h -> Double.longBitsToDouble(Long.parseUnsignedLong(h, 16)))
        .toArray();
  }

  private static Tensor tensor(String dtype, String shape, String values) {
    int[] sh = shape(shape);
    switch (dtype) {
      case "float64":
        return Torch.tensor(doubles(values), DType.FLOAT64).reshape(sh).detach();
      case "int64":
        return Torch.tensor(
                values.isEmpty()
                    ? new long[0]
                    : Stream.of(values.split(",")).mapToLong(Long::parseLong).toArray())
            .reshape(sh);
      default:
        String[] b = values.isEmpty() ? new String[0] : values.split(",");
        boolean[] z = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
          z[i] = b[i].equals("1");
        }
        return Torch.tensor(z).reshape(sh);
    }
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static double[] flat(Tensor t) {
    return t.toDoubleArray();
  }

  private static void assertClose(String what, double[] expected, Tensor actual) {
    double[] a = actual == null ? new double[expected.length] : flat(actual);
    assertEquals(expected.length, a.length, what + ": element count");
    for (int i = 0; i < a.length; i++) {
      double e = expected[i];
      boolean ok =
          Double.isNaN(e)
              ? Double.isNaN(a[i])
              : e == a[i] || Math.abs(e - a[i]) <= 1e-10 * Math.abs(e) + 1e-13;
      if (!ok) {
        fail(what + ": element " + i + " expected " + e + " but was " + a[i]);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replay(Case c) {
    Function<List<Tensor>, Tensor> fn = GoldenCases.all().get(c.name());
    assertTrue(fn != null, "no Java expression for golden case " + c.name());
    Tensor out = fn.apply(c.inputs());
    String[] o = c.out();
    assertEquals(o[1], out.dtype().toString().replace("torch.", ""), c.name() + " dtype");
    assertEquals(Set.of(), Set.of(), "");
    assertEquals(
        java.util.Arrays.toString(shape(o[2])), java.util.Arrays.toString(out.shape().toArray()));
    if (o[1].equals("float64")) {
      assertClose(c.name() + " forward", doubles(o[3]), out);
    } else {
      Tensor expected = tensor(o[1], o[2], o[3]);
      assertEquals(expected.toString(), out.toString(), c.name() + " values");
    }
    assertEquals(c.repr(), out.toString(), c.name() + " repr");
    if (c.v() == null) {
      return;
    }
    List<Tensor> diff = new ArrayList<>();
    for (Tensor t : c.inputs()) {
      if (t.requiresGrad()) {
        diff.add(t);
      }
    }
    Tensor v = Torch.tensor(doubles(c.v()), DType.FLOAT64).reshape(out.shape().toArray());
    List<Tensor> grads = Autograd.grad(List.of(out), diff, List.of(v), true, true, true);
    Tensor s = null;
    for (int i = 0; i < diff.size(); i++) {
      assertClose(
          c.name() + " grad " + i, doublesOrZeros(c.grads().get(i), diff.get(i)), grads.get(i));
      Tensor g = grads.get(i);
      if (g != null && g.requiresGrad()) {
        Tensor w =
            Torch.tensor(doubles(c.ws().get(i)), DType.FLOAT64)
                .reshape(diff.get(i).shape().toArray());
        Tensor term = g.mul(w).sum();
        s = s == null ? term : s.add(term);
      }
    }
    List<Tensor> second =
        s == null ? null : Autograd.grad(List.of(s), diff, null, false, false, true);
    for (int i = 0; i < diff.size(); i++) {
      assertClose(
          c.name() + " grad2 " + i,
          doublesOrZeros(c.grads2().get(i), diff.get(i)),
          second == null ? null : second.get(i));
    }
  }

  private static double[] doublesOrZeros(String s, Tensor like) {
    return s.equals("none") ? new double[like.numel()] : doubles(s);
  }

  @Test
  void everyJavaCaseHasGoldenData() throws IOException {
    Set<String> golden = new TreeSet<>();
    cases().forEach(c -> golden.add(c.name()));
    Set<String> java = new TreeSet<>(GoldenCases.all().keySet());
    java.removeAll(golden);
    assertTrue(java.isEmpty(), "Java golden cases without data (re-run gen_ops.py): " + java);
    assertTrue(golden.size() >= 100, "golden cases: " + golden.size());
  }
}
