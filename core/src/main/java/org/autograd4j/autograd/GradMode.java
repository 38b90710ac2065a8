package org.autograd4j.autograd;

/**
 * Thread-local switch that decides whether operations record a graph, as PyTorch's grad mode.
 *
 * <pre>{@code
 * try (var g = Torch.noGrad()) {
 *   Tensor y = x.mul(2); // y.requiresGrad() == false
 * }
 * }</pre>
 */
public final class GradMode {
  private static final ThreadLocal<boolean[]> STATE =
      ThreadLocal.withInitial(() -> new boolean[] {true, false});

  private GradMode() {}

  /** Whether operations on this thread currently record gradients. */
  public static boolean isEnabled() {
    return STATE.get()[0];
  }

  /** Whether this thread is inside an inference-mode scope. */
  public static boolean isInferenceMode() {
    return STATE.get()[1];
  }

  /** Sets grad mode for this thread (prefer the scoped forms). */
  public static void setEnabled(boolean enabled) {
    STATE.get()[0] = enabled;
  }

  /**
   * Opens a scope with grad mode set to {@code enabled}; closing it restores the previous mode.
   *
   * <pre>{@code
   * try (var g = GradMode.scope(false)) { ... }
   * }</pre>
   */
  public static Scope scope(boolean enabled) {
    return scope(enabled, isInferenceMode());
  }

  /**
   * Opens an inference-mode scope. As PyTorch's {@code InferenceMode(mode)} guard, it sets grad
   * mode to {@code !mode}: {@code inference(true)} records nothing, {@code inference(false)}
   * (inside an inference scope) records again.
   */
  public static Scope inference(boolean mode) {
    return scope(!mode, mode);
  }

  private static Scope scope(boolean enabled, boolean inference) {
    boolean[] state = STATE.get();
    Scope s = new Scope(state[0], state[1]);
    state[0] = enabled;
    state[1] = inference;
    return s;
  }

  /** A try-with-resources scope that restores the grad mode it replaced. */
  public static final class Scope implements AutoCloseable {
    private final boolean previous;
    private final boolean previousInference;
    private boolean closed;

    private Scope(boolean previous, boolean previousInference) {
      this.previous = previous;
      this.previousInference = previousInference;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        boolean[] state = STATE.get();
        state[0] = previous;
        state[1] = previousInference;
      }
    }
  }
}
