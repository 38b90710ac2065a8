package org.autograd4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.autograd4j.Tensor;
import org.autograd4j.optim.Optimizer;

/**
 * A training checkpoint in one safetensors file: a model's state dict, optionally an optimizer's,
 * and string metadata (epoch, seeds, ...). No Java serialization is involved: tensors are
 * safetensors entries, everything else is JSON in {@code __metadata__}.
 *
 * <p>Layout: model tensors under {@code model.<name>}; optimizer state tensors under {@code
 * optimizer.state.<param index>.<key>}; the optimizer's numeric state (e.g. {@code step}) and its
 * {@code param_groups} as JSON in the metadata key {@code optimizer}; caller metadata as given.
 *
 * <pre>{@code
 * Checkpoint.save(path, model.stateDict(), optimizer.stateDict(), Map.of("epoch", "3"));
 * Checkpoint ck = Checkpoint.load(path);
 * model.loadStateDict(ck.model());
 * optimizer.loadStateDict(ck.optimizer());
 * int epoch = Integer.parseInt(ck.metadata().get("epoch"));
 * }</pre>
 */
public final class Checkpoint {
  static final String MODEL = "model.";
  static final String OPT_STATE = "optimizer.state.";
  static final String OPT_META = "optimizer";
  static final String FORMAT_KEY = "autograd4j.checkpoint";

  private final Map<String, Tensor> model;
  private final Optimizer.StateDict optimizer;
  private final Map<String, String> metadata;

  private Checkpoint(
      Map<String, Tensor> model, Optimizer.StateDict optimizer, Map<String, String> metadata) {
    this.model = model;
    this.optimizer = optimizer;
    this.metadata = metadata;
  }

  /**
   * Writes a checkpoint atomically: on failure the previous file at {@code path}, if any, is
   * intact.
   *
   * @param optimizer the optimizer's state dict, or null
   * @param metadata extra strings (not {@code format}, {@code optimizer} or {@code
   *     autograd4j.checkpoint}, which the checkpoint uses itself)
   */
  public static void save(
      Path path,
      Map<String, Tensor> model,
      Optimizer.StateDict optimizer,
      Map<String, String> metadata)
      throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : model.entrySet()) {
      tensors.put(MODEL + e.getKey(), e.getValue());
    }
    Map<String, String> meta = new TreeMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      if (e.getKey().equals("format")
          || e.getKey().equals(OPT_META)
          || e.getKey().equals(FORMAT_KEY)) {
        throw new IllegalArgumentException(
            "checkpoint metadata key \"" + e.getKey() + "\" is reserved");
      }
      meta.put(e.getKey(), e.getValue());
    }
    meta.put("format", "pt");
    meta.put(FORMAT_KEY, "1");
    if (optimizer != null) {
      meta.put(OPT_META, MiniJson.write(flattenOptimizer(optimizer, tensors)));
    }
    SafeTensorsTorch.saveFile(tensors, path, meta);
  }

  private static Map<String, Object> flattenOptimizer(
      Optimizer.StateDict sd, Map<String, Tensor> tensors) {
    Map<String, Object> numbers = new LinkedHashMap<>();
    for (Map.Entry<Integer, Map<String, Object>> e : sd.state().entrySet()) {
      Map<String, Object> scalars = new LinkedHashMap<>();
      for (Map.Entry<String, Object> s : e.getValue().entrySet()) {
        String key = s.getKey();
        if (key.contains(".")) {
          throw new IllegalArgumentException("optimizer state key \"" + key + "\" contains '.'");
        }
        if (s.getValue() instanceof Tensor t) {
          tensors.put(OPT_STATE + e.getKey() + "." + key, t);
        } else {
          scalars.put(key, s.getValue());
        }
      }
      numbers.put(String.valueOf(e.getKey()), scalars);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("param_groups", sd.paramGroups());
    json.put("state", numbers);
    return json;
  }

  /**
   * Reads a checkpoint written by {@link #save}.
   *
   * @throws SafeTensorsException if the file is not a valid safetensors file or not a checkpoint
   */
  public static Checkpoint load(Path path) throws IOException {
    SafeTensorsFile f = SafeTensors.read(path);
    Map<String, String> meta = new LinkedHashMap<>(f.metadata());
    if (!"1".equals(meta.get(FORMAT_KEY))) {
      throw new SafeTensorsException(
          path + ": not an autograd4j checkpoint (no \"" + FORMAT_KEY + "\" metadata)");
    }
    Map<String, Tensor> all = SafeTensorsTorch.fromEntries(f.tensors());
    Map<String, Tensor> model = new LinkedHashMap<>();
    Map<String, Tensor> optTensors = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : all.entrySet()) {
      if (e.getKey().startsWith(MODEL)) {
        model.put(e.getKey().substring(MODEL.length()), e.getValue());
      } else if (e.getKey().startsWith(OPT_STATE)) {
        optTensors.put(e.getKey().substring(OPT_STATE.length()), e.getValue());
      } else {
        throw new SafeTensorsException(path + ": unexpected tensor \"" + e.getKey() + "\"");
      }
    }
    String optJson = meta.remove(OPT_META);
    Optimizer.StateDict opt = null;
    if (optJson != null) {
      try {
        opt = unflattenOptimizer(optJson, optTensors);
      } catch (RuntimeException e) {
        throw new SafeTensorsException(path + ": bad optimizer state: " + e.getMessage(), e);
      }
    } else if (!optTensors.isEmpty()) {
      throw new SafeTensorsException(path + ": optimizer tensors without optimizer metadata");
    }
    meta.remove(FORMAT_KEY);
    return new Checkpoint(
        Collections.unmodifiableMap(model), opt, Collections.unmodifiableMap(meta));
  }

  @SuppressWarnings("unchecked")
  private static Optimizer.StateDict unflattenOptimizer(
      String jsonText, Map<String, Tensor> tensors) {
    Map<String, Object> json = (Map<String, Object>) MiniJson.parse(jsonText);
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Object g : (List<Object>) json.get("param_groups")) {
      Map<String, Object> group = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) g).entrySet()) {
        group.put(e.getKey(), groupValue(e.getKey(), e.getValue()));
      }
      groups.add(group);
    }
    Map<Integer, Map<String, Object>> state = new TreeMap<>();
    for (Map.Entry<String, Object> e : ((Map<String, Object>) json.get("state")).entrySet()) {
      Map<String, Object> st = new LinkedHashMap<>();
      for (Map.Entry<String, Object> s : ((Map<String, Object>) e.getValue()).entrySet()) {
        Object v = s.getValue();
        st.put(s.getKey(), v instanceof Long l ? (Object) l.doubleValue() : v);
      }
      state.put(Integer.parseInt(e.getKey()), st);
    }
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      int dot = e.getKey().indexOf('.');
      if (dot < 0) {
        throw new IllegalArgumentException("bad optimizer tensor name " + e.getKey());
      }
      int id = Integer.parseInt(e.getKey().substring(0, dot));
      state
          .computeIfAbsent(id, k -> new LinkedHashMap<>())
          .put(e.getKey().substring(dot + 1), e.getValue());
    }
    return new Optimizer.StateDict(new LinkedHashMap<>(state), groups);
  }

  private static Object groupValue(String key, Object v) {
    if ("params".equals(key)) {
      List<Integer> ids = new ArrayList<>();
      for (Object o : (List<?>) v) {
        ids.add(Math.toIntExact((Long) o));
      }
      return ids;
    }
    if (v instanceof List<?> l) {
      double[] d = new double[l.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = ((Number) l.get(i)).doubleValue();
      }
      return d;
    }
    if (v instanceof Long l) {
      return l.doubleValue();
    }
    return v;
  }

  /** The model's state dict (names without the {@code model.} prefix). */
  public Map<String, Tensor> model() {
    return model;
  }

  /** The optimizer's state dict, or null if none was saved. */
  public Optimizer.StateDict optimizer() {
    return optimizer;
  }

  /** The caller's metadata (plus {@code format}). */
  public Map<String, String> metadata() {
    return metadata;
  }
}
