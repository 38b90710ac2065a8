package org.autograd4j.autograd;

/**
 * Thread-local anomaly detection ({@code torch.autograd.detect_anomaly}): while it is on, nodes
 * remember the user code that created them, and backward fails on NaN gradients naming the node and
 * that place.
 *
 * <pre>{@code
 * try (var a = Torch.autograd.detectAnomaly()) {
 *   Tensor y = x.sqrt();
 *   y.mul(0.0).sum().backward(); // IllegalStateException:
 *   // Function 'SqrtBackward0' returned nan values in its 0th output.
 *   // Error detected in SqrtBackward0. Traceback of forward call that caused the error:
 *   //   at MyTest.run(MyTest.java:12)
 * }
 * }</pre>
 */
public final class AnomalyMode {
  private static final ThreadLocal<boolean[]> ENABLED =
      ThreadLocal.withInitial(() -> new boolean[1]);

  // Whether any thread ever turned anomaly detection on. Until one does, isEnabled() answers
  // without a thread-local lookup: every new node and the engine ask, about 20 times per step of
  // the seed's linear regression.
  private static volatile boolean everEnabled;

  private AnomalyMode() {}

  /** Whether anomaly detection is on for this thread. */
  public static boolean isEnabled() {
    return everEnabled && ENABLED.get()[0];
  }

  /** Turns anomaly detection on or off for this thread ({@code set_detect_anomaly(mode)}). */
  public static void setEnabled(boolean enabled) {
    noteEnabled(enabled);
    ENABLED.get()[0] = enabled;
  }

  /**
   * Opens an anomaly-detection scope; closing it restores the previous setting.
   *
   * <pre>{@code
   * try (var a = AnomalyMode.scope(true)) { ... }
   * }</pre>
   */
  public static Scope scope(boolean enabled) {
    noteEnabled(enabled);
    boolean[] state = ENABLED.get();
    Scope s = new Scope(state, state[0]);
    state[0] = enabled;
    return s;
  }

  private static void noteEnabled(boolean enabled) {
    if (enabled) {
      everEnabled = true;
    }
  }

  /** A try-with-resources scope that restores the previous anomaly setting. */
  public static final class Scope implements AutoCloseable {
    private final boolean[] state;
    private final boolean previous;

    private Scope(boolean[] state, boolean previous) {
      this.state = state;
      this.previous = previous;
    }

    @Override
    public void close() {
      state[0] = previous;
    }
  }

  /** The text PyTorch prints before a failing node's forward traceback. */
  static String errorDetected(Node node) {
    return "Error detected in "
        + node.name()
        + ". Traceback of forward call that caused the error:\n  at "
        + (node.creationSite == null ? "<unknown>" : node.creationSite);
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
