package org.autograd4j.examples.seeds;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs seed notebooks and prints each cell's output under a header naming the seed and the cell:
 *
 * <pre>
 * === seed 004 · cell [33] ===
 * Epoch 0: w = 0.300, loss = 30.000
 * ...
 * </pre>
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the given notebooks in order, printing to {@code out}.
   *
   * <pre>{@code
   * Demo.run(List.of(new Seed000AutogradBasics()), System.out);
   * }</pre>
   */
  public static void run(List<Notebook> notebooks, PrintStream out) {
    boolean[] first = {true};
    for (Notebook notebook : notebooks) {
      NotebookRunner.run(
          notebook,
          cell -> {
            if (!first[0]) {
              out.println();
            }
            first[0] = false;
            out.println(header(notebook, cell.label()));
            out.print(cell.text());
            out.flush();
          });
    }
  }

  /** The header above a cell's output, e.g. {@code === seed 004 · cell [33] ===}. */
  public static String header(Notebook notebook, String cellLabel) {
    return "=== seed " + notebook.number() + " · cell [" + cellLabel + "] ===";
  }
}
