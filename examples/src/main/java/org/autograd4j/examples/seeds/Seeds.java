package org.autograd4j.examples.seeds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The five seed notebooks, by number. */
public final class Seeds {
  private Seeds() {}

  /**
   * A fresh instance (a fresh kernel) of each seed, in order of number.
   *
   * <pre>{@code
   * Notebook nb = Seeds.all().get("004").get();
   * }</pre>
   */
  public static Map<String, Supplier<Notebook>> all() {
    Map<String, Supplier<Notebook>> seeds = new LinkedHashMap<>();
    seeds.put("000", Seed000AutogradBasics::new);
    seeds.put("001", Seed001HandlingGradients::new);
    seeds.put("002", Seed002AutomaticDifferentiation::new);
    seeds.put("003", Seed003AutogradPackage::new);
    seeds.put("004", Seed004AutogradWalkthrough::new);
    return seeds;
  }
}
