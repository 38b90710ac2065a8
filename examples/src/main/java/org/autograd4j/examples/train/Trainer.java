package org.autograd4j.examples.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.data.DataLoader;
import org.autograd4j.data.Dataset;
import org.autograd4j.data.FashionMNIST;
import org.autograd4j.data.Subset;
import org.autograd4j.io.Checkpoint;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Module;
import org.autograd4j.optim.Adam;
import org.autograd4j.optim.AdamW;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.optim.SGD;

/**
 * Trains a Fashion-MNIST classifier epoch by epoch, evaluating on the test split and writing a
 * checkpoint and the curves after every epoch. A run resumed from a checkpoint continues exactly as
 * the uninterrupted run would: the weights and optimizer state come from the checkpoint, and the
 * data order of epoch {@code e} depends only on the seed and {@code e}.
 */
final class Trainer {
  static final String CHECKPOINT = "checkpoint.safetensors";
  static final String PLOT = "curves.png";

  private final TrainConfig cfg;
  private final PrintWriter out;

  Trainer(TrainConfig cfg, PrintWriter out) {
    this.cfg = cfg;
    this.out = out;
  }

  /** What a checkpoint carries besides tensors: the settings that define the run, and history. */
  static Map<String, String> metadata(TrainConfig c, int epochsDone, History h) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("epoch", Integer.toString(epochsDone));
    m.put("model", c.model().name());
    m.put("optimizer_name", c.optimizer());
    m.put("lr", Double.toString(c.lr()));
    m.put("momentum", Double.toString(c.momentum()));
    m.put("batch_size", Integer.toString(c.batchSize()));
    m.put("seed", Long.toString(c.seed()));
    m.put("limit", Integer.toString(c.limit()));
    m.put("normalize", Boolean.toString(c.normalize()));
    m.put("history", h.encode());
    return m;
  }

  static Optimizer optimizer(TrainConfig c, Module model) {
    return switch (c.optimizer()) {
      case "sgd" -> new SGD(model.parameters(), c.lr(), c.momentum());
      case "adam" -> new Adam(model.parameters(), c.lr());
      case "adamw" -> new AdamW(model.parameters(), c.lr());
      default ->
          throw new IllegalArgumentException(
              "unknown optimizer '" + c.optimizer() + "': expected sgd, adam or adamw");
    };
  }

  /** Runs epochs {@code startEpoch+1 .. cfg.epochs()}; {@code resume} may be null. */
  void run(Checkpoint resume) throws IOException {
    // Without --normalize the pixels stay in [0, 1]: (x - 0) / 1 leaves every float unchanged.
    double mean = cfg.normalize() ? FashionMNIST.MEAN : 0;
    double std = cfg.normalize() ? FashionMNIST.STD : 1;
    FashionMNIST trainFull = FashionMNIST.load(cfg.data(), true, mean, std);
    FashionMNIST test = FashionMNIST.load(cfg.data(), false, mean, std);
    Dataset<Tensor[]> train = cfg.limit() > 0 ? Subset.first(trainFull, cfg.limit()) : trainFull;

    Torch.manualSeed(cfg.seed());
    Module model = Models.create(cfg.model());
    Optimizer opt = optimizer(cfg, model);
    History history = new History();
    int done = 0;
    if (resume != null) {
      model.loadStateDict(resume.model());
      opt.loadStateDict(resume.optimizer());
      history = History.decode(resume.metadata().get("history"));
      done = Integer.parseInt(resume.metadata().get("epoch"));
    }
    Files.createDirectories(cfg.out());
    CrossEntropyLoss lossFn = new CrossEntropyLoss();
    // Seeds of the data order and of the model differ, but both follow from --seed alone.
    try (DataLoader<Tensor[], Tensor[]> loader =
        DataLoader.builder(train)
            .batchSize(cfg.batchSize())
            .shuffle(true)
            .seed(cfg.seed() * 31 + 17)
            .numWorkers(cfg.workers())
            .build()) {
      out.printf(
          Locale.ROOT,
          "training %s with %s (lr %s%s), batch size %d, %d training / %d test images%s%n",
          cfg.model(),
          cfg.optimizer(),
          cfg.lr(),
          cfg.optimizer().equals("sgd") ? ", momentum " + cfg.momentum() : "",
          cfg.batchSize(),
          train.size(),
          test.size(),
          cfg.normalize() ? ", normalised" : "");
      if (done > 0) {
        out.printf(Locale.ROOT, "resumed after epoch %d%n", done);
      }
      out.flush();
      for (int epoch = done + 1; epoch <= cfg.epochs(); epoch++) {
        loader.setEpoch(epoch - 1);
        long t0 = System.nanoTime();
        double loss = trainEpoch(model, opt, lossFn, loader, epoch, train.size());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double accuracy = evaluate(model, test);
        history.add(loss, accuracy, seconds);
        out.printf(
            Locale.ROOT,
            "epoch %d/%d  train loss %.4f  test accuracy %.2f%%  (%.1f s, %.0f img/s)%n",
            epoch,
            cfg.epochs(),
            loss,
            100 * accuracy,
            seconds,
            train.size() / seconds);
        out.flush();
        Path ck = cfg.out().resolve(CHECKPOINT);
        Checkpoint.save(ck, model.stateDict(), opt.stateDict(), metadata(cfg, epoch, history));
        writePlot(history);
      }
      if (done >= cfg.epochs()) {
        // Nothing left to train: redraw the curves from the checkpoint's history.
        out.printf(Locale.ROOT, "already trained %d epochs (--epochs %d)%n", done, cfg.epochs());
        writePlot(history);
        out.printf(Locale.ROOT, "curves %s%n", cfg.out().resolve(PLOT));
      } else {
        out.printf(
            Locale.ROOT,
            "checkpoint %s, curves %s%n",
            cfg.out().resolve(CHECKPOINT),
            cfg.out().resolve(PLOT));
      }
      out.flush();
    }
  }

  private void writePlot(History history) throws IOException {
    String title = "Fashion-MNIST " + cfg.model() + ", " + cfg.optimizer() + " lr " + cfg.lr();
    if (cfg.optimizer().equals("sgd")) {
      title += " momentum " + cfg.momentum();
    }
    CurvePlot.write(history, title + ", batch " + cfg.batchSize(), cfg.out().resolve(PLOT));
  }

  private double trainEpoch(
      Module model,
      Optimizer opt,
      CrossEntropyLoss lossFn,
      DataLoader<Tensor[], Tensor[]> loader,
      int epoch,
      int samples) {
    model.train();
    double sum = 0;
    long seen = 0;
    ProgressBar bar = cfg.progress() ? progressBar(epoch, samples) : null;
    try {
      for (Tensor[] batch : loader) {
        int n = batch[1].size(0);
        opt.zeroGrad();
        Tensor loss = lossFn.forward(model.forward(batch[0]), batch[1]);
        loss.backward();
        opt.step();
        double l = loss.item();
        sum += l * n;
        seen += n;
        if (bar != null) {
          bar.stepBy(n);
          bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", sum / seen));
        }
      }
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    return sum / seen;
  }

  private ProgressBar progressBar(int epoch, int samples) {
    return new ProgressBarBuilder()
        .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, cfg.epochs()))
        .setInitialMax(samples)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" img", 1)
        .showSpeed()
        .setUpdateIntervalMillis(250)
        .setMaxRenderedLength(100)
        .build();
  }

  /** Test accuracy in [0, 1], in batches of 1000 without recording gradients. */
  static double evaluate(Module model, FashionMNIST test) {
    model.eval();
    long correct = 0;
    try (var noGrad = Torch.noGrad()) {
      Tensor images = test.images();
      Tensor labels = test.labels();
      int n = test.size();
      for (int start = 0; start < n; start += 1000) {
        int len = Math.min(1000, n - start);
        Tensor logits = model.forward(images.narrow(0, start, len));
        Tensor predicted = logits.argmax(1, false);
        correct += (long) predicted.eq(labels.narrow(0, start, len)).sum().item();
      }
    }
    model.train();
    return (double) correct / test.size();
  }
}
