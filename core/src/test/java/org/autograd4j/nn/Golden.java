package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/** Reads the nn golden files written by tools/golden/gen_nn_*.py (format in nn_golden.py). */
final class Golden {
  private Golden() {}

  /** One case: what to call, its options, and its tensors by name. */
  record Case(String id, String kind, Map<String, String> opts, Map<String, Tensor> tensors) {
    Tensor t(String name) {
      Tensor t = tensors.get(name);
      if (t == null) {
        throw new IllegalArgumentException(id + " has no tensor " + name);
      }
      return t;
    }

    Tensor opt(String name) {
      return tensors.get(name);
    }

    String s(String key) {
      return opts.get(key);
    }

    double d(String key, double dflt) {
      return opts.containsKey(key) ? Double.parseDouble(opts.get(key)) : dflt;
    }

    int i(String key, int dflt) {
      return opts.containsKey(key) ? Integer.parseInt(opts.get(key)) : dflt;
    }

    boolean b(String key) {
      return "True".equals(opts.get(key));
    }

    int[] ints(String key) {
      String[] p = opts.get(key).split(",");
      int[] out = new int[p.length];
      for (int k = 0; k < p.length; k++) {
        out[k] = Integer.parseInt(p[k]);
      }
      return out;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  static List<Case> load(String file) {
    List<Case> cases = new ArrayList<>();
    var in = Golden.class.getResourceAsStream("/golden/nn/" + file);
    if (in == null) {
      throw new IllegalStateException("missing golden file " + file);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Case cur = null;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(" ");
        if (f[0].equals("case")) {
          Map<String, String> opts = new LinkedHashMap<>();
          for (int k = 3; k < f.length; k++) {
            int eq = f[k].indexOf('=');
            opts.put(f[k].substring(0, eq), f[k].substring(eq + 1));
          }
          cur = new Case(f[1], f[2], opts, new LinkedHashMap<>());
          cases.add(cur);
        } else {
          String name = f[0].substring(f[0].indexOf('.') + 1);
          cur.tensors().put(name, parse(f[1], f[2], f[3]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static Tensor parse(String dtype, String shapeText, String valuesText) {
    int[] shape = new int[0];
    if (!shapeText.equals("-")) {
      String[] p = shapeText.split(",");
      shape = new int[p.length];
      for (int k = 0; k < p.length; k++) {
        shape[k] = Integer.parseInt(p[k]);
      }
    }
    String[] v = valuesText.equals("-") ? new String[0] : valuesText.split(",");
    if (dtype.equals("int64")) {
      long[] l = new long[v.length];
      for (int k = 0; k < v.length; k++) {
        l[k] = Long.parseLong(v[k]);
      }
      return Torch.tensor(l).reshape(shape);
    }
    double[] d = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      d[k] = Double.parseDouble(v[k]);
    }
    Tensor t = Torch.tensor(d, DType.FLOAT64).reshape(shape);
    return dtype.equals("float32") ? t.to(DType.FLOAT32) : t;
  }

  /**
   * The largest absolute difference between a float64 reference and a float32 result, to compare
   * how close two float32 paths come to the same reference.
   */
  static double maxError(Tensor expected, Tensor actual) {
    double[] e = expected.contiguous().toDoubleArray();
    float[] a = actual.contiguous().toFloatArray();
    double max = 0;
    for (int i = 0; i < e.length; i++) {
      max = Math.max(max, Math.abs(e[i] - a[i]));
    }
    return max;
  }

  /** Asserts same shape and elementwise |a - e| <= atol + rtol·|e| (nan matches nan). */
  static void assertClose(Tensor expected, Tensor actual, double atol, double rtol, String what) {
    assertArrayEquals(
        expected.shape().toArray(), actual.shape().toArray(), what + ": shape " + actual.shape());
    double[] e = expected.detach().to(DType.FLOAT64).toDoubleArray();
    double[] a = actual.detach().to(DType.FLOAT64).toDoubleArray();
    for (int k = 0; k < e.length; k++) {
      double ev = e[k];
      double av = a[k];
      if (Double.isNaN(ev) && Double.isNaN(av)) {
        continue;
      }
      if (!(Math.abs(ev - av) <= atol + rtol * Math.abs(ev))) {
        assertEquals(ev, av, atol + rtol * Math.abs(ev), what + ": element " + k);
      }
    }
  }
}
