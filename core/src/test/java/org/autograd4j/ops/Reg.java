package org.autograd4j.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.autograd4j.Tensor;

/** A small builder for registry entries, so each op reads as one line of intent. */
final class Reg {
  private final List<OpInfo> entries = new ArrayList<>();

  /** A twice-differentiable op. {@code covers} is a space-separated list of Tensor method names. */
  Reg op(
      String name,
      String covers,
      Function<List<Tensor>, Tensor> fn,
      Supplier<List<List<Tensor>>> samples) {
    entries.add(new OpInfo(name, names(covers), fn, samples, true));
    return this;
  }

  /** An op whose derivative is not itself differentiable: gradcheck only. */
  Reg once(
      String name,
      String covers,
      Function<List<Tensor>, Tensor> fn,
      Supplier<List<List<Tensor>>> samples) {
    entries.add(new OpInfo(name, names(covers), fn, samples, false));
    return this;
  }

  List<OpInfo> build() {
    return entries;
  }

  private static LinkedHashSet<String> names(String covers) {
    return new LinkedHashSet<>(
        covers.isBlank() ? List.of() : Arrays.asList(covers.trim().split("\\s+")));
  }
}
