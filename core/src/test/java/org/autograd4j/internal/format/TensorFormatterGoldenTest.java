package org.autograd4j.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case in golden/repr.tsv, written by tools/golden/gen_repr.py from a real PyTorch 1.13 run,
 * must print exactly as PyTorch printed it.
 */
class TensorFormatterGoldenTest {
  private static final String RESOURCE = "/golden/repr.tsv";

  /** One line of the golden file. */
  record GoldenCase(
      String name,
      DType dtype,
      int[] shape,
      List<String> suffixes,
      ArrayElements elements,
      String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return load().stream().map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsLikePyTorch(String name, GoldenCase c) {
    String actual = TensorFormatter.format(c.shape(), c.dtype(), c.elements(), c.suffixes());
    assertEquals(
        c.expected(), actual, () -> name + "\nexpected:\n" + c.expected() + "\nactual:\n" + actual);
  }

  @Test
  void goldenFileHasABroadSetOfCases() {
    assertTrue(load().size() >= 150, "golden cases: " + load().size());
  }

  static List<GoldenCase> load() {
    List<GoldenCase> cases = new ArrayList<>();
    try (InputStream in = TensorFormatterGoldenTest.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          cases.add(parse(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static GoldenCase parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 6) {
      throw new IllegalArgumentException("expected 6 tab-separated fields: " + line);
    }
    DType dtype = DType.valueOf(f[1].toUpperCase(Locale.ROOT));
    int[] shape =
        f[2].isEmpty()
            ? new int[0]
            : Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
    List<String> suffixes = f[3].isEmpty() ? List.of() : List.of(f[3].split(";"));
    String[] values = f[4].isEmpty() ? new String[0] : f[4].split(",");
    return new GoldenCase(
        f[0], dtype, shape, suffixes, ArrayElements.parse(dtype, values), unescape(f[5]));
  }

  /** Reverses the generator's escaping of backslash, newline and tab. */
  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = s.charAt(++i);
      out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
    }
    return out.toString();
  }
}
