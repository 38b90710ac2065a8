package org.autograd4j.autograd;

/**
 * Returned by hook registration; {@link #remove()} unregisters the hook.
 *
 * <pre>{@code
 * RemovableHandle h = x.registerHook(g -> g.mul(2));
 * h.remove();
 * }</pre>
 */
@FunctionalInterface
public interface RemovableHandle {
  /** Unregisters the hook; calling it twice is harmless. */
  void remove();
}
