package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Provider selection. */
class KernelsTest {

  @Test
  void selectsAProviderAndHonoursTheForcingProperty() {
    KernelProvider provider = Kernels.get();
    assertNotNull(provider);
    String forced = System.getProperty(Kernels.PROPERTY, System.getenv(Kernels.ENV));
    if ("scalar".equalsIgnoreCase(forced)) {
      assertEquals("scalar", provider.name());
    } else if (Kernels.vector().isPresent()) {
      assertTrue(provider.name().startsWith("vector"), provider.name());
    }
  }

  @Test
  void vectorProviderIsAvailableWhenTheModuleIs() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    assertEquals(module, Kernels.vector().isPresent());
    assertEquals("scalar", Kernels.scalar().name());
  }

  @Test
  void threadCountIsConfigurable() {
    int old = Parallel.getNumThreads();
    try {
      Parallel.setNumThreads(3);
      assertEquals(3, Parallel.getNumThreads());
      int[] hits = new int[1000];
      Parallel.parallelFor(
          0,
          hits.length,
          10,
          (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
              hits[i]++;
            }
          });
      for (int h : hits) {
        assertEquals(1, h);
      }
      Parallel.setNumThreads(1);
      assertEquals(1, Parallel.getNumThreads());
    } finally {
      Parallel.setNumThreads(old);
    }
  }
}
