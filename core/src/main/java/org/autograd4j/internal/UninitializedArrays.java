package org.autograd4j.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * New float arrays that the JVM does not fill with zeros first, for callers that write every
 * element before anything reads it, as PyTorch's {@code torch.empty} leaves its memory as it finds
 * it. The JVM zeroes every new array, and a product's result is then written twice: sgemm 256 on
 * one thread, whose 256 KB result is a new array each time, ran 157-168 -> 164-175 GFLOPS on JDK 17
 * and 181 -> 187 on JDK 25 without the zeroing (one JVM alternating both, median of 12 rounds).
 *
 * <p>This uses the JDK's internal {@code jdk.internal.misc.Unsafe.allocateUninitializedArray},
 * which needs {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (set by {@code
 * tools/jvm-flags.sh}, and so by the launcher). Without that option, or on a JDK without the
 * method, {@link #floats} returns ordinary zeroed arrays.
 *
 * <pre>{@code
 * float[] c = UninitializedArrays.floats(m * n);   // any contents: write all of it first
 * }</pre>
 */
public final class UninitializedArrays {

  /** {@code (Class, int) -> float[]} on the internal Unsafe, or null where it is not reachable. */
  private static final MethodHandle ALLOCATE = lookUpAllocate();

  private UninitializedArrays() {}

  /**
   * An array of {@code length} floats with unspecified contents where the JDK allows it, else a
   * zeroed one.
   *
   * @param length the number of floats, at least 0
   * @return a new array whose every element the caller must write before reading it
   */
  public static float[] floats(int length) {
    if (ALLOCATE == null) {
      return new float[length];
    }
    try {
      return (float[]) ALLOCATE.invokeExact(float.class, length);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      // invokeExact declares Throwable; the method it calls throws no checked exception.
      throw new IllegalStateException(t);
    }
  }

  /**
   * Whether {@link #floats} skips the zeroing in this JVM.
   *
   * <pre>{@code
   * if (!UninitializedArrays.available()) { ... }   // started without the --add-exports option
   * }</pre>
   *
   * @return true if the JDK's uninitialized allocation is reachable
   */
  public static boolean available() {
    return ALLOCATE != null;
  }

  private static MethodHandle lookUpAllocate() {
    try {
      Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
      Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
      Method allocate = unsafeClass.getMethod("allocateUninitializedArray", Class.class, int.class);
      return MethodHandles.lookup()
          .unreflect(allocate)
          .bindTo(unsafe)
          .asType(MethodType.methodType(float[].class, Class.class, int.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // The package is not exported to us (IllegalAccessException), or this JDK lacks the method.
      return null;
    }
  }
}
