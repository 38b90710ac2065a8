package org.autograd4j.examples.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Running a seed and comparing its cells with the notebook's outputs. */
final class SeedTestSupport {
  private SeedTestSupport() {}

  /**
   * What PyTorch 1.13 writes to stderr on {@code y.grad} of a non-leaf in a script (the notebooks
   * show only the tail of it), without the file:line prefix and the "(Triggered internally ...)"
   * suffix.
   */
  static final String NON_LEAF_GRAD_WARNING =
      "UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed."
          + " Its .grad attribute won't be populated during autograd.backward(). If you indeed want"
          + " the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the"
          + " non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access"
          + " the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more"
          + " informations.\n";

  /** A float as PyTorch prints tensor elements: fixed with 4 decimals, or {@code 6.4465e-01}. */
  static final String NUMBER = "-?\\d+\\.\\d{4}(?:e[+-]\\d{2})?";

  /**
   * The repr of a 1-D float tensor of {@code n} elements, each right-aligned, with the given
   * suffix, e.g. {@code vectorRepr(3, ", requires_grad=True")}.
   */
  static String vectorRepr(int n, String suffix) {
    return "tensor\\(\\[ *"
        + NUMBER
        + "(?:, +"
        + NUMBER
        + "){"
        + (n - 1)
        + "}\\]"
        + Pattern.quote(suffix)
        + "\\)";
  }

  /** Expected outputs, given as label, text, label, text, ... */
  static List<CellOutput> cells(String... labelsAndTexts) {
    List<CellOutput> out = new ArrayList<>();
    for (int i = 0; i < labelsAndTexts.length; i += 2) {
      out.add(new CellOutput(labelsAndTexts[i], labelsAndTexts[i + 1]));
    }
    return out;
  }

  /** Every cell, in order, printed exactly the expected text. */
  static void assertCells(List<CellOutput> expected, List<CellOutput> actual) {
    assertEquals(labels(expected), labels(actual), "cells, in order");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(
          expected.get(i).text(), actual.get(i).text(), "cell [" + expected.get(i).label() + "]");
    }
  }

  static List<String> labels(List<CellOutput> outputs) {
    return outputs.stream().map(CellOutput::label).collect(Collectors.toList());
  }

  /** The text of the one cell labelled {@code label}. */
  static String text(List<CellOutput> outputs, String label) {
    List<CellOutput> matching =
        outputs.stream().filter(c -> c.label().equals(label)).collect(Collectors.toList());
    if (matching.size() != 1) {
      fail("expected one cell [" + label + "], found " + matching.size());
    }
    return matching.get(0).text();
  }

  /** Asserts {@code line} matches {@code regex} and returns the numbers printed in it, in order. */
  static List<String> numbersIn(String line, String regex) {
    assertTrue(line.matches(regex), () -> "'" + line + "' does not match " + regex);
    Matcher m = Pattern.compile(NUMBER).matcher(line);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group());
    }
    return values;
  }

  /**
   * A printed element ({@code 1.2345} or {@code 1.2345e-01}) is {@code expected} rounded to its
   * last digit: within half a unit of it (plus float32 noise).
   */
  static void assertPrinted(double expected, String printed, String what) {
    int e = printed.indexOf('e');
    double unit = 1e-4 * (e < 0 ? 1 : Math.pow(10, Integer.parseInt(printed.substring(e + 1))));
    double tolerance = unit / 2 + Math.abs(expected) * 1e-6;
    assertEquals(expected, Double.parseDouble(printed), tolerance, what + ": printed " + printed);
  }
}
