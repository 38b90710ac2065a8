package org.autograd4j.examples.seeds;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A notebook translated cell by cell. A subclass is one notebook: its fields are the notebook's
 * global variables, and its constructor registers the cells in document order with {@link
 * #cell(String, Runnable)}. A fresh instance is a fresh kernel. {@link NotebookRunner} runs the
 * cells and collects what each printed.
 *
 * <pre>{@code
 * final class MyNotebook extends Notebook {
 *   Tensor x;
 *   MyNotebook() {
 *     super("005", "My notebook");
 *     cell("1", () -> { x = Torch.tensor(2.0); display(x); });
 *   }
 * }
 * }</pre>
 */
public abstract class Notebook {
  private final String number;
  private final String title;
  private final List<Cell> cells = new ArrayList<>();
  private PrintStream out = System.out;

  /**
   * @param number the seed's number, e.g. {@code "004"}
   * @param title the notebook's title
   */
  protected Notebook(String number, String title) {
    this.number = Objects.requireNonNull(number);
    this.title = Objects.requireNonNull(title);
  }

  /** The seed's number, e.g. {@code "004"}. */
  public final String number() {
    return number;
  }

  /** The notebook's title. */
  public final String title() {
    return title;
  }

  /** The cells, in document order. */
  public final List<Cell> cells() {
    return List.copyOf(cells);
  }

  /** Registers a cell that runs to completion. */
  protected final void cell(String label, Runnable body) {
    cells.add(new Cell(label, body, false));
  }

  /**
   * Registers a cell that ends in an error on purpose; the runner prints it as the notebook shows
   * it, {@code RuntimeError: <message>}.
   */
  protected final void raisingCell(String label, Runnable body) {
    cells.add(new Cell(label, body, true));
  }

  /** Where the cells print; set by the runner before each cell. */
  final void printTo(PrintStream stream) {
    this.out = Objects.requireNonNull(stream);
  }

  /** Python's {@code print(a, b, ...)}: the {@code str} of each argument, joined by spaces. */
  protected final void print(Object... args) {
    out.println(Py.printArgs(args));
  }

  /**
   * What Jupyter shows for a cell ending in an expression: its repr, or nothing for {@code None}.
   */
  protected final void display(Object value) {
    if (value != null) {
      out.println(Py.str(value));
    }
  }

  /** An f-string field {@code {v}}: see {@link Py#fstr(Object)}. */
  protected static String f(Object value) {
    return Py.fstr(value);
  }
}
