package org.autograd4j.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.autograd4j.examples.seeds.Demo;
import org.autograd4j.examples.seeds.Notebook;
import org.autograd4j.examples.seeds.Seeds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code autograd4j} command line.
 *
 * <pre>
 * ./autograd4j demo              # all five seed tutorials
 * ./autograd4j demo --seed 003   # one of them
 * </pre>
 */
@Command(
    name = "autograd4j",
    mixinStandardHelpOptions = true,
    description = "Pure-Java tensors with PyTorch's autograd.",
    subcommands = {Main.DemoCommand.class, org.autograd4j.examples.train.TrainCommand.class})
public final class Main implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine(utf8Stdout()).execute(args));
  }

  /** The command line printing to {@code out}, for tests. */
  static CommandLine commandLine(PrintStream out) {
    CommandLine cli = new CommandLine(new Main());
    ((DemoCommand) cli.getSubcommands().get("demo").getCommand()).out = out;
    return cli;
  }

  /** The cell headers contain a middle dot: write UTF-8 whatever the platform's default. */
  private static PrintStream utf8Stdout() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code demo}: runs the seed tutorials, printing each cell's output under a header. */
  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description = "Run the seed tutorials (PyTorch autograd notebooks translated to Java).")
  static final class DemoCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--seed",
        paramLabel = "NUMBER",
        description = "Run only this seed (000 to 004; repeatable). Default: all.")
    List<String> seeds = new ArrayList<>();

    PrintStream out = System.out;

    @Override
    public Integer call() {
      Map<String, Supplier<Notebook>> all = Seeds.all();
      List<Notebook> chosen = new ArrayList<>();
      if (seeds.isEmpty()) {
        all.values().forEach(s -> chosen.add(s.get()));
      }
      for (String requested : seeds) {
        String number = normalise(requested);
        Supplier<Notebook> seed = all.get(number);
        if (seed == null) {
          throw new ParameterException(
              spec.commandLine(),
              "Unknown seed '"
                  + requested
                  + "': expected one of "
                  + String.join(", ", all.keySet()));
        }
        chosen.add(seed.get());
      }
      Demo.run(chosen, out);
      return 0;
    }

    /** {@code 3} and {@code 003} both name seed 003. */
    private static String normalise(String requested) {
      String s = requested.trim();
      if (s.matches("\\d{1,3}")) {
        return String.format("%03d", Integer.parseInt(s));
      }
      return s;
    }
  }
}
