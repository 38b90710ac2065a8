package org.autograd4j.optim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads golden/optim.tsv, written by tools/golden/gen_optim.py from PyTorch 1.13: lines {@code kind
 * case key values}.
 */
public final class GoldenOptim {
  private static Map<String, double[]> table;

  private GoldenOptim() {}

  /** The values of {@code kind/case/key}, failing loudly if absent. */
  public static synchronized double[] get(String kind, String name, String key) {
    if (table == null) {
      table = load();
    }
    double[] v = table.get(kind + "/" + name + "/" + key);
    if (v == null) {
      throw new AssertionError("no golden entry " + kind + "/" + name + "/" + key);
    }
    return v;
  }

  private static Map<String, double[]> load() {
    try (InputStream in = GoldenOptim.class.getResourceAsStream("/golden/optim.tsv")) {
      if (in == null) {
        throw new AssertionError("golden/optim.tsv missing; run tools/golden/gen_optim.py");
      }
      Map<String, double[]> out = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        String[] parts = f[3].split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          v[i] = Double.parseDouble(parts[i].replace("inf", "Infinity"));
        }
        out.put(f[0] + "/" + f[1] + "/" + f[2], v);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
