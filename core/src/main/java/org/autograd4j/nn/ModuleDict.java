package org.autograd4j.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code nn.ModuleDict}: modules by name, in insertion order; it has no {@code forward} of its own.
 *
 * <pre>{@code
 * ModuleDict heads = new ModuleDict();
 * heads.put("cls", new Linear(8, 10));
 * heads.get("cls").forward(features);
 * }</pre>
 */
public class ModuleDict extends Module {
  /** An empty dict. */
  public ModuleDict() {}

  /** The given modules, in the map's iteration order. */
  public ModuleDict(Map<String, ? extends Module> modules) {
    modules.forEach(this::put);
  }

  /** Adds or replaces the module under {@code key}; returns this. */
  public ModuleDict put(String key, Module module) {
    registerModule(key, module);
    return this;
  }

  /** The module under {@code key}, or null. */
  public Module get(String key) {
    return namedChildren().get(key);
  }

  /** Whether {@code key} is present. */
  public boolean containsKey(String key) {
    return namedChildren().containsKey(key);
  }

  /** The keys, in insertion order. */
  public Set<String> keySet() {
    return namedChildren().keySet();
  }

  /** A copy of the entries, in insertion order. */
  public Map<String, Module> asMap() {
    return new LinkedHashMap<>(namedChildren());
  }

  /** Number of modules. */
  public int size() {
    return namedChildren().size();
  }
}
