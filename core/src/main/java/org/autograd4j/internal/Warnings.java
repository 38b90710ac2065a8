package org.autograd4j.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Python-style warnings: each distinct message is shown once per process, on standard error by
 * default, as {@code UserWarning: <text>}. Tests may redirect the sink to capture them.
 */
public final class Warnings {
  private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();
  private static volatile Consumer<String> sink = line -> System.err.println(line);

  private Warnings() {}

  /** Shows {@code UserWarning: text} unless the same text was shown before. */
  public static void warnOnce(String text) {
    if (SHOWN.add(text)) {
      sink.accept("UserWarning: " + text);
    }
  }

  /** Replaces where warnings go and forgets which were shown; returns the previous sink. */
  public static Consumer<String> redirect(Consumer<String> newSink) {
    Consumer<String> old = sink;
    sink = newSink;
    SHOWN.clear();
    return old;
  }
}
