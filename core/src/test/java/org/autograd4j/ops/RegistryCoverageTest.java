package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/**
 * An op is not done until it is registered: every public Tensor method is either covered by a
 * registry entry or listed here as not differentiable, with the reason.
 */
class RegistryCoverageTest {

  /** Public Tensor methods that are not differentiable ops, grouped by why. */
  private static final Set<String> NOT_DIFFERENTIABLE =
      Set.of(
          // metadata and element access: no graph involved
          "dtype",
          "shape",
          "size",
          "dim",
          "numel",
          "stride",
          "isContiguous",
          "version",
          "item",
          "itemLong",
          "toFloatArray",
          "toDoubleArray",
          "toLongArray",
          "toString",
          // autograd state and hooks, tested by the engine's own tests
          "requiresGrad",
          "requiresGrad_",
          "isLeaf",
          "gradFn",
          "outputNr",
          "grad",
          "gradIfPresent",
          "setGrad",
          "retainsGrad",
          "retainGrad",
          "registerHook",
          "backward",
          "detach",
          "detach_",
          // comparisons, logic and predicates return bool tensors: no gradient in PyTorch either
          "eq",
          "ne",
          "lt",
          "le",
          "gt",
          "ge",
          "isnan",
          "logicalAnd",
          "logicalOr",
          "logicalNot",
          "logicalXor",
          "any",
          "all",
          // integer results: indices, one-hot
          "argmax",
          "argmin",
          "oneHot",
          // integer casts have no gradient (the float casts are registered under "to")
          "long_");

  @Test
  void everyDifferentiableTensorMethodIsRegistered() {
    Set<String> covered = new TreeSet<>();
    OpRegistry.all().forEach(op -> covered.addAll(op.covers()));
    Set<String> missing = new TreeSet<>();
    for (Method m : Tensor.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String name = m.getName();
      if (!NOT_DIFFERENTIABLE.contains(name) && !covered.contains(name)) {
        missing.add(name);
      }
    }
    assertTrue(
        missing.isEmpty(),
        "Tensor methods without an op registry entry (register them in OpRegistry, or list them"
            + " in NOT_DIFFERENTIABLE with a reason): "
            + missing);
  }

  @Test
  void registryNamesOnlyRealMethods() {
    Set<String> real = new TreeSet<>();
    for (Method m : Tensor.class.getMethods()) {
      real.add(m.getName());
    }
    for (Method m : Torch.class.getMethods()) {
      real.add(m.getName());
    }
    Set<String> unknown = new TreeSet<>();
    OpRegistry.all()
        .forEach(op -> op.covers().stream().filter(c -> !real.contains(c)).forEach(unknown::add));
    assertTrue(unknown.isEmpty(), "registry covers unknown methods: " + unknown);
  }
}
