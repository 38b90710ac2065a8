package org.autograd4j.examples.train;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.autograd4j.Torch;
import org.autograd4j.data.FashionMNIST;
import org.autograd4j.io.Checkpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./autograd4j train}: trains an MLP or a CNN on Fashion-MNIST with a progress bar per
 * epoch, prints the train loss and test accuracy of each epoch, and writes a checkpoint and a PNG
 * of the curves into {@code --out} after every epoch; {@code --resume} continues a run.
 *
 * <pre>
 * ./autograd4j train --epochs 1 --limit 10000
 * ./autograd4j train --model cnn --optimizer sgd --lr 0.05 --momentum 0.9 --batch-size 64 --epochs 3
 * ./autograd4j train --resume runs/mlp/checkpoint.safetensors --epochs 10
 * </pre>
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Train an MLP or a CNN on Fashion-MNIST.")
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", description = "mlp or cnn (default: ${DEFAULT-VALUE}).")
  Models.Kind model = Models.Kind.mlp;

  @Option(names = "--epochs", description = "Total epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 5;

  @Option(names = "--batch-size", description = "Default: ${DEFAULT-VALUE}.")
  int batchSize = 128;

  @Option(
      names = "--lr",
      description = "Learning rate (default: 1e-3 for adam/adamw, 0.05 for sgd).")
  Double lr;

  @Option(names = "--optimizer", description = "sgd, adam or adamw (default: ${DEFAULT-VALUE}).")
  String optimizer = "adam";

  @Option(names = "--momentum", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
  double momentum = 0.9;

  @Option(
      names = "--seed",
      description = "Seeds the weights and the data order (default: ${DEFAULT-VALUE}).")
  long seed = 0;

  @Option(names = "--threads", description = "Threads of the math kernels (default: all cores).")
  Integer threads;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Directory with the four Fashion-MNIST files (default: "
              + "/usr/share/datasets/fashion-mnist).")
  Path data;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the checkpoint and curves (default: runs/<model>).")
  Path out;

  @Option(
      names = "--resume",
      paramLabel = "CKPT",
      description = "Continue from this checkpoint up to --epochs.")
  Path resume;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Train on the first N training images only (0: all).")
  int limit = 0;

  @Option(
      names = "--workers",
      description = "Background threads assembling batches (default: ${DEFAULT-VALUE}).")
  int workers = 1;

  @Option(
      names = "--normalize",
      description =
          "Normalise the pixels with Fashion-MNIST's mean and std (default: [0, 1] as ToTensor()).")
  boolean normalize;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Show a progress bar per epoch (default: on).")
  boolean progress = true;

  @Override
  public Integer call() throws IOException {
    CommandLine cli = spec.commandLine();
    if (epochs < 1 || batchSize < 1 || limit < 0 || workers < 0) {
      throw new CommandLine.ParameterException(
          cli, "--epochs and --batch-size must be positive, --limit and --workers non-negative");
    }
    if (threads != null) {
      Torch.setNumThreads(threads);
    }
    Checkpoint ck = null;
    TrainConfig cfg;
    if (resume != null) {
      ck = Checkpoint.load(resume);
      cfg = fromCheckpoint(ck.metadata());
    } else {
      if (!optimizer.equals("sgd") && !optimizer.equals("adam") && !optimizer.equals("adamw")) {
        throw new CommandLine.ParameterException(
            cli, "Unknown --optimizer '" + optimizer + "': expected sgd, adam or adamw");
      }
      double rate = lr != null ? lr : optimizer.equals("sgd") ? 0.05 : 1e-3;
      cfg =
          new TrainConfig(
              model,
              optimizer,
              rate,
              momentum,
              batchSize,
              epochs,
              seed,
              limit,
              workers,
              normalize,
              data,
              outDir(model),
              progress);
    }
    try {
      new Trainer(cfg, cli.getOut()).run(ck);
    } catch (NoSuchFileException e) {
      cli.getErr().println("error: " + e.getReason() + " (with this command: --data DIR)");
      cli.getErr().flush();
      return 2;
    }
    return 0;
  }

  private Path outDir(Models.Kind kind) {
    return out != null ? out : Path.of("runs", kind.name());
  }

  /**
   * The run's settings from the checkpoint; only --epochs, --out, --data and the runtime knobs come
   * from the command line.
   */
  private TrainConfig fromCheckpoint(Map<String, String> m) {
    for (String key :
        new String[] {
          "epoch", "model", "optimizer_name", "lr", "momentum", "batch_size", "seed", "limit"
        }) {
      if (m.get(key) == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            resume
                + " is not a checkpoint of ./autograd4j train (its metadata has no \""
                + key
                + "\")");
      }
    }
    Models.Kind kind = Models.Kind.valueOf(m.get("model"));
    TrainConfig c =
        new TrainConfig(
            kind,
            m.get("optimizer_name"),
            Double.parseDouble(m.get("lr")),
            Double.parseDouble(m.get("momentum")),
            Integer.parseInt(m.get("batch_size")),
            epochs,
            Long.parseLong(m.get("seed")),
            Integer.parseInt(m.get("limit")),
            workers,
            Boolean.parseBoolean(m.get("normalize")),
            data,
            out != null ? out : resume.toAbsolutePath().getParent(),
            progress);
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "resuming %s from epoch %s: model %s, optimizer %s, lr %s, batch size %d, seed %d%n",
            resume,
            m.get("epoch"),
            c.model(),
            c.optimizer(),
            c.lr(),
            c.batchSize(),
            c.seed());
    return c;
  }

  /** The data set's default directory, for the help text and messages. */
  static Path defaultData() {
    return FashionMNIST.DEFAULT_DIR;
  }
}
