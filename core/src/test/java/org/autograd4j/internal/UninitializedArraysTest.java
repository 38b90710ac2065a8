package org.autograd4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Arrays the JVM does not zero. Every test of a product, a convolution or a pooling gradient runs
 * on them too, since those results come from {@link ScratchArrays#take}: an element their kernels
 * left unwritten would hold whatever the heap held there.
 */
class UninitializedArraysTest {

  @Test
  void theBuildsTestJvmSkipsTheZeroing() {
    // The surefire argLine passes --add-exports java.base/jdk.internal.misc=ALL-UNNAMED, as
    // tools/jvm-flags.sh does for the launcher: a lookup that stops working fails here instead of
    // quietly falling back to zeroed arrays.
    assertTrue(UninitializedArrays.available());
  }

  @Test
  void arraysHaveTheLengthAsked() {
    for (int length : new int[] {0, 1, 17, 1 << 20}) {
      assertEquals(length, UninitializedArrays.floats(length).length);
    }
  }
}
