package org.autograd4j.internal.kernels;

import java.util.ArrayList;
import java.util.List;

/** The providers under test: always the scalar one, and the vector one when this JVM has it. */
final class Providers {
  private Providers() {}

  static List<KernelProvider> all() {
    List<KernelProvider> list = new ArrayList<>();
    list.add(Kernels.scalar());
    Kernels.vector().ifPresent(list::add);
    return list;
  }

  /** Runs {@code body} with {@code threads} kernel threads, restoring the previous setting. */
  static void withThreads(int threads, Runnable body) {
    int old = Parallel.getNumThreads();
    Parallel.setNumThreads(threads);
    try {
      body.run();
    } finally {
      Parallel.setNumThreads(old);
    }
  }
}
