package org.autograd4j.nn;

import java.util.List;

/**
 * What {@link Module#loadStateDict(java.util.Map, boolean)} could not match: keys the module has
 * but the state dict lacks, and keys the state dict has but the module lacks.
 *
 * <pre>{@code
 * IncompatibleKeys r = net.loadStateDict(partial, false);
 * r.missingKeys(); // [fc.bias]
 * }</pre>
 *
 * @param missingKeys dotted names absent from the state dict, in module order
 * @param unexpectedKeys state-dict keys that match nothing in the module
 */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
  /** Copies the lists. */
  public IncompatibleKeys {
    missingKeys = List.copyOf(missingKeys);
    unexpectedKeys = List.copyOf(unexpectedKeys);
  }

  /**
   * PyTorch's repr: {@code <All keys matched successfully>} or {@code
   * _IncompatibleKeys(missing_keys=['fc.bias'], unexpected_keys=[])}.
   */
  @Override
  public String toString() {
    if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) {
      return "<All keys matched successfully>";
    }
    return "_IncompatibleKeys(missing_keys="
        + pyList(missingKeys)
        + ", unexpected_keys="
        + pyList(unexpectedKeys)
        + ")";
  }

  private static String pyList(List<String> keys) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < keys.size(); i++) {
      sb.append(i == 0 ? "'" : ", '").append(keys.get(i)).append('\'');
    }
    return sb.append(']').toString();
  }
}
