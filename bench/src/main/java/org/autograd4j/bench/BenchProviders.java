package org.autograd4j.bench;

import org.autograd4j.internal.kernels.KernelProvider;
import org.autograd4j.internal.kernels.Kernels;

/** Maps a benchmark's {@code provider} parameter to a kernel provider. */
final class BenchProviders {
  private BenchProviders() {}

  /**
   * Returns the provider named {@code name}: {@code vector}, {@code scalar} or {@code auto}.
   *
   * @param name the parameter value
   * @return the provider
   * @throws IllegalStateException if the vector provider is asked for but unavailable
   */
  static KernelProvider byName(String name) {
    switch (name) {
      case "scalar":
        return Kernels.scalar();
      case "vector":
        return Kernels.vector()
            .orElseThrow(
                () ->
                    new IllegalStateException("no vector kernels: is jdk.incubator.vector added?"));
      default:
        return Kernels.get();
    }
  }
}
