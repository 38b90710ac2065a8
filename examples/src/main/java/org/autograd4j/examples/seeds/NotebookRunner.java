package org.autograd4j.examples.seeds;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.autograd4j.internal.Warnings;

/**
 * Runs a notebook's cells in order and collects what each printed, including the warnings it raised
 * ({@code UserWarning: ...}, which a notebook shows under the cell) and, for a cell that fails on
 * purpose, the error line {@code RuntimeError: <message>}.
 */
public final class NotebookRunner {
  private NotebookRunner() {}

  /**
   * Runs every cell of {@code notebook} in document order.
   *
   * <pre>{@code
   * for (CellOutput c : NotebookRunner.run(new Seed000AutogradBasics())) {
   *   System.out.print(c.text());
   * }
   * }</pre>
   *
   * @return one output per cell, in order
   * @throws IllegalStateException if a cell that should fail does not
   * @throws RuntimeException whatever a cell that should not fail throws
   */
  public static List<CellOutput> run(Notebook notebook) {
    return run(notebook, c -> {});
  }

  /**
   * As {@link #run(Notebook)}, handing each cell's output to {@code onCell} as soon as the cell has
   * run.
   */
  public static List<CellOutput> run(Notebook notebook, Consumer<CellOutput> onCell) {
    List<CellOutput> outputs = new ArrayList<>();
    PrintStream[] current = new PrintStream[1];
    // A fresh notebook is a fresh Python process: each warning shows once, under its cell.
    Consumer<String> previous = Warnings.redirect(line -> current[0].println(line));
    try {
      for (Cell cell : notebook.cells()) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        current[0] = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        notebook.printTo(current[0]);
        runCell(notebook, cell, current[0]);
        current[0].flush();
        CellOutput output = new CellOutput(cell.label(), buffer.toString(StandardCharsets.UTF_8));
        outputs.add(output);
        onCell.accept(output);
      }
    } finally {
      Warnings.redirect(previous);
    }
    return outputs;
  }

  private static void runCell(Notebook notebook, Cell cell, PrintStream out) {
    if (!cell.raises()) {
      cell.body().run();
      return;
    }
    try {
      cell.body().run();
    } catch (RuntimeException e) {
      out.println(pythonErrorName(e) + ": " + e.getMessage());
      return;
    }
    throw new IllegalStateException(
        "seed "
            + notebook.number()
            + " cell ["
            + cell.label()
            + "] should have raised but did not");
  }

  /** The Python exception PyTorch raises where we throw {@code e}. */
  static String pythonErrorName(RuntimeException e) {
    if (e instanceof IndexOutOfBoundsException) {
      return "IndexError";
    }
    return "RuntimeError"; // PyTorch reports bad arguments and autograd-state errors alike
  }
}
