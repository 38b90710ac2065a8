package org.autograd4j.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.autograd4j.Tensor;
import org.autograd4j.autograd.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs gradcheck (and gradgradcheck for twice-differentiable ops) over every sample of every
 * registered op, in float64: the proof that each derivative matches its forward.
 */
class GradCheckAllOpsTest {

  static Stream<Arguments> samples() {
    List<Arguments> out = new ArrayList<>();
    for (OpInfo op : OpRegistry.all()) {
      List<List<Tensor>> samples = op.samples().get();
      for (int i = 0; i < samples.size(); i++) {
        int index = i;
        out.add(Arguments.of(op.name() + "#" + i, op, index));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void gradcheck(String label, OpInfo op, int index) {
    try {
      List<Tensor> args = op.samples().get().get(index);
      assertTrue(GradCheck.gradcheck(op.fn(), args), label);
      if (op.twice()) {
        List<Tensor> fresh = op.samples().get().get(index);
        assertTrue(GradCheck.gradgradcheck(op.fn(), fresh), label);
      }
    } catch (RuntimeException e) {
      throw new AssertionError(label + " " + describe(op.samples().get().get(index)) + ": " + e, e);
    }
  }

  private static String describe(List<Tensor> args) {
    StringBuilder sb = new StringBuilder("(");
    for (Tensor t : args) {
      sb.append(sb.length() > 1 ? ", " : "").append(t.dtype()).append(t.shape());
    }
    return sb.append(')').toString();
  }

  @Test
  void namesAreUnique() {
    Set<String> seen = new HashSet<>();
    for (OpInfo op : OpRegistry.all()) {
      assertTrue(seen.add(op.name()), "duplicate registry name " + op.name());
      assertTrue(!op.samples().get().isEmpty(), op.name() + " has no samples");
    }
  }
}
