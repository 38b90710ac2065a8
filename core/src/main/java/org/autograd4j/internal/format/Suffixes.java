package org.autograd4j.internal.format;

import java.util.List;

/** Appends the {@code , key=value} items and the closing parenthesis as {@code _add_suffixes}. */
final class Suffixes {
  private Suffixes() {}

  /**
   * Joins {@code head} and the suffixes, moving a suffix to its own line (indented by {@code
   * indent}) when it would pass the line width.
   *
   * <pre>{@code
   * Suffixes.append("tensor(2.", List.of("requires_grad=True"), 7);
   * // "tensor(2., requires_grad=True)"
   * }</pre>
   */
  static String append(String head, List<String> suffixes, int indent) {
    StringBuilder out = new StringBuilder(head);
    // PyTorch computes len - rfind("\n") + 1, which over-counts the last line by two; kept on
    // purpose since it decides where PyTorch wraps.
    int lastLineLength = head.length() - head.lastIndexOf('\n') + 1;
    for (String suffix : suffixes) {
      if (lastLineLength + suffix.length() + 2 > PrintOptions.LINE_WIDTH) {
        out.append(",\n").append(" ".repeat(indent)).append(suffix);
        lastLineLength = indent + suffix.length();
      } else {
        out.append(", ").append(suffix);
        lastLineLength += suffix.length() + 2;
      }
    }
    return out.append(')').toString();
  }
}
