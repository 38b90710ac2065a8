package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.autograd4j.examples.seeds.Notebook;
import org.autograd4j.examples.seeds.Seeds;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line: {@code demo} runs the seeds and prints each cell under its header. */
class MainTest {
  private static String run(String... args) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    CommandLine cli = Main.commandLine(out);
    cli.setErr(new PrintWriter(new StringWriter()));
    assertEquals(0, cli.execute(args));
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void demoOfOneSeedPrintsEachCellUnderItsHeader() {
    String out = run("demo", "--seed", "004");
    assertTrue(out.startsWith("=== seed 004 · cell [1] ===\n4\n\n=== seed 004 · cell [2] ===\n"));
    assertTrue(
        out.endsWith(
            "=== seed 004 · cell [33] ===\n"
                + "Epoch 0: w = 0.300, loss = 30.000\n"
                + "Epoch 10: w = 1.559, loss = 0.833\n"
                + "Epoch 20: w = 1.767, loss = 0.075\n"
                + "Epoch 30: w = 1.805, loss = 0.052\n"
                + "Epoch 40: w = 1.816, loss = 0.049\n"
                + "Epoch 50: w = 1.822, loss = 0.046\n"
                + "Epoch 60: w = 1.827, loss = 0.043\n"
                + "Epoch 70: w = 1.832, loss = 0.041\n"
                + "Epoch 80: w = 1.837, loss = 0.038\n"
                + "Epoch 90: w = 1.842, loss = 0.036\n"
                + "Final prediction: y = 1.846 * x + 0.452\n"),
        out);
    assertEquals(out, run("demo", "--seed", "4"), "3 and 003 name the same seed");
  }

  @Test
  void demoRunsEveryCellOfEverySeed() {
    String out = run("demo");
    int cells = 0;
    for (var seed : Seeds.all().values()) {
      Notebook nb = seed.get();
      cells += nb.cells().size();
      assertTrue(out.contains("=== seed " + nb.number() + " · cell [" + nb.cells().get(0).label()));
    }
    assertEquals(cells, out.split("=== seed ", -1).length - 1);
    assertTrue(out.contains("=== seed 002 · cell [27] ===\n"));
  }

  @Test
  void unknownSeedIsAUsageError() {
    CommandLine cli = Main.commandLine(new PrintStream(new ByteArrayOutputStream()));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("demo", "--seed", "7"));
    assertTrue(
        err.toString().startsWith("Unknown seed '7': expected one of 000, 001, 002, 003, 004"),
        err.toString());
  }
}
