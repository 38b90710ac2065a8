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
        out.add(Arguments.of(op.name() + "#" + i, op, samples.get(i)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void gradcheck(String label, OpInfo op, List<Tensor> args) {
    // Samples are never modified: in-place entries work on a non-leaf copy and gradcheck uses
    // autograd.grad, which leaves .grad alone; so one set serves both checks.
    try {
      assertTrue(GradCheck.gradcheck(op.fn(), args), label);
      if (op.twice()) {
        assertTrue(GradCheck.gradgradcheck(op.fn(), args), label);
      }
    } catch (RuntimeException e) {
      throw new AssertionError(label + " " + describe(args) + ": " + e, e);
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
