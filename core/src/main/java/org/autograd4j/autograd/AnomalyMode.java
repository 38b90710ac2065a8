package org.autograd4j.autograd;

/**
 * Thread-local anomaly detection: nodes remember the user code that created them and backward fails
 * on NaN gradients, naming that place.
 *
 * <pre>{@code
 * try (var a = Torch.autograd.detectAnomaly()) {
 *   loss.backward(); // RuntimeException naming the node and where it was created
 * }
 * }</pre>
 */
public final class AnomalyMode {
  private static final ThreadLocal<boolean[]> ENABLED =
      ThreadLocal.withInitial(() -> new boolean[1]);

  private AnomalyMode() {}

  /** Whether anomaly detection is on for this thread. */
  public static boolean isEnabled() {
    return ENABLED.get()[0];
  }

  /** Opens an anomaly-detection scope; closing it restores the previous setting. */
  public static AutoCloseable scope(boolean enabled) {
    boolean[] state = ENABLED.get();
    boolean previous = state[0];
    state[0] = enabled;
    return () -> state[0] = previous;
  }

  /** The first stack frame outside autograd4j itself: the user's call that built the node. */
  static String callerSite() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !isLibraryFrame(f.getClassName()))
                    .findFirst()
                    .map(StackWalker.StackFrame::toStackTraceElement)
                    .map(StackTraceElement::toString)
                    .orElse("<unknown>"));
  }

  private static boolean isLibraryFrame(String className) {
    return className.startsWith("org.autograd4j.")
        && !className.startsWith("org.autograd4j.examples.")
        && !className.contains("Test");
  }
}
