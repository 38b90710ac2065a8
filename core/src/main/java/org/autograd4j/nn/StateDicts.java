package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * {@code state_dict} / {@code load_state_dict}, following {@code torch.nn.Module}'s traversal (a
 * module's parameters, then buffers, then children, pre-order) so key order and error messages
 * match PyTorch. Unlike PyTorch, loading validates everything before copying anything, so a failed
 * load leaves the module as it was.
 */
final class StateDicts {
  private StateDicts() {}

  static void collect(Module m, String prefix, Map<String, Tensor> out) {
    for (Map.Entry<String, Parameter> e : m.ownParameters().entrySet()) {
      if (e.getValue() != null) {
        out.put(prefix + e.getKey(), e.getValue().detach());
      }
    }
    for (Map.Entry<String, Tensor> e : m.ownBuffers().entrySet()) {
      if (e.getValue() != null) {
        out.put(prefix + e.getKey(), e.getValue().detach());
      }
    }
    for (Map.Entry<String, Module> c : m.namedChildren().entrySet()) {
      if (c.getValue() != null) {
        collect(c.getValue(), prefix + c.getKey() + ".", out);
      }
    }
  }

  /** A pending copy: the module's tensor and the value to write into it. */
  private record Copy(Tensor target, Tensor source) {}

  static IncompatibleKeys load(Module root, Map<String, Tensor> stateDict, boolean strict) {
    List<String> missing = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Copy> copies = new ArrayList<>();
    visit(root, "", stateDict, missing, unexpected, errors, copies);
    if (strict) {
      if (!unexpected.isEmpty()) {
        errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
      }
      if (!missing.isEmpty()) {
        errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "Error(s) in loading state_dict for "
              + root.getClass().getSimpleName()
              + ":\n\t"
              + String.join("\n\t", errors));
    }
    try (var g = Torch.noGrad()) {
      for (Copy c : copies) {
        c.target().copy_(c.source());
      }
    }
    return new IncompatibleKeys(missing, unexpected);
  }

  private static void visit(
      Module m,
      String prefix,
      Map<String, Tensor> stateDict,
      List<String> missing,
      List<String> unexpected,
      List<String> errors,
      List<Copy> copies) {
    Map<String, Tensor> local = new java.util.LinkedHashMap<>();
    m.ownParameters().forEach((k, v) -> putIfPresent(local, k, v));
    m.ownBuffers().forEach((k, v) -> putIfPresent(local, k, v));
    for (Map.Entry<String, Tensor> e : local.entrySet()) {
      String key = prefix + e.getKey();
      Tensor source = stateDict.get(key);
      if (source == null) {
        missing.add(key);
        continue;
      }
      Tensor target = e.getValue();
      if (!source.shape().equals(target.shape())) {
        errors.add(
            "size mismatch for "
                + key
                + ": copying a param with shape "
                + source.shape()
                + " from checkpoint, the shape in current model is "
                + target.shape()
                + ".");
        continue;
      }
      copies.add(new Copy(target, source));
    }
    for (String key : stateDict.keySet()) {
      if (key.startsWith(prefix)) {
        String first = key.substring(prefix.length()).split("\\.", 2)[0];
        if (!m.namedChildren().containsKey(first) && !local.containsKey(first)) {
          unexpected.add(key);
        }
      }
    }
    for (Map.Entry<String, Module> c : m.namedChildren().entrySet()) {
      if (c.getValue() != null) {
        visit(
            c.getValue(),
            prefix + c.getKey() + ".",
            stateDict,
            missing,
            unexpected,
            errors,
            copies);
      }
    }
  }

  private static void putIfPresent(Map<String, Tensor> local, String k, Tensor v) {
    if (v != null) {
      local.put(k, v);
    }
  }

  private static String quoted(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(k).append('"');
    }
    return sb.toString();
  }
}
