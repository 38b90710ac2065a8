package org.autograd4j.examples.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.autograd4j.Tensor;
import org.autograd4j.io.Checkpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train} end to end on tiny generated Fashion-MNIST-shaped files. */
class TrainCommandTest {
  @TempDir static Path data;
  @TempDir Path tmp;

  /** 96 training and 40 test images; class c brightens rows 2+2c .. 4+2c, so it is learnable. */
  @BeforeAll
  static void writeData() throws IOException {
    Random rnd = new Random(5);
    split("train", 96, rnd);
    split("t10k", 40, rnd);
  }

  private static void split(String prefix, int n, Random rnd) throws IOException {
    byte[] labels = new byte[n];
    byte[] px = new byte[n * 784];
    for (int i = 0; i < n; i++) {
      int c = i % 10;
      labels[i] = (byte) c;
      for (int r = 0; r < 28; r++) {
        for (int col = 0; col < 28; col++) {
          boolean band = r >= 2 + 2 * c && r < 5 + 2 * c;
          px[i * 784 + r * 28 + col] = (byte) ((band ? 180 : 0) + rnd.nextInt(60));
        }
      }
    }
    idx(data.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {n, 28, 28}, px);
    idx(data.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {n}, labels);
  }

  private static void idx(Path path, int[] dims, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + bytes.length);
    b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(bytes);
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bos)) {
      out.write(b.array());
    }
    Files.write(path, bos.toByteArray());
  }

  /** Runs {@code train} with the given arguments; returns {exit code, stdout, stderr}. */
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TrainCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  private String[] train(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--no-progress",
                "--batch-size",
                "16",
                "--seed",
                "3",
                "--optimizer",
                "adam",
                "--lr",
                "0.01"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void twoEpochsStraightEqualOneEpochThenResume() throws IOException {
    Path a = tmp.resolve("straight");
    String[] straight = train(a, "--epochs", "2");
    assertEquals("0", straight[0], straight[2]);
    assertTrue(straight[1].contains("epoch 1/2  train loss"), straight[1]);
    assertTrue(straight[1].contains("epoch 2/2  train loss"), straight[1]);
    assertTrue(straight[1].contains("96 training / 40 test images"), straight[1]);
    // The bands are easy: two epochs of Adam learn them.
    String last = metrics(straight[1], 2);
    double acc = Double.parseDouble(last.replaceAll(".*test accuracy ([0-9.]+)%.*", "$1"));
    assertTrue(acc >= 90, last);

    Path b = tmp.resolve("first");
    assertEquals("0", train(b, "--epochs", "1")[0]);
    Path c = tmp.resolve("resumed");
    String[] resumed =
        run(
            "--resume",
            b.resolve(Trainer.CHECKPOINT).toString(),
            "--epochs",
            "2",
            "--data",
            data.toString(),
            "--out",
            c.toString(),
            "--no-progress");
    assertEquals("0", resumed[0], resumed[2]);
    assertTrue(resumed[1].contains("resumed after epoch 1"), resumed[1]);

    Checkpoint x = Checkpoint.load(a.resolve(Trainer.CHECKPOINT));
    Checkpoint y = Checkpoint.load(c.resolve(Trainer.CHECKPOINT));
    assertEquals(x.model().keySet(), y.model().keySet());
    for (Map.Entry<String, Tensor> e : x.model().entrySet()) {
      assertArrayEquals(
          e.getValue().toFloatArray(), y.model().get(e.getKey()).toFloatArray(), e.getKey());
    }
    assertEquals("2", y.metadata().get("epoch"));
    // The per-epoch lines agree too (same losses and accuracies, times aside).
    assertEquals(metrics(straight[1], 2), metrics(resumed[1], 2));
    assertTrue(Files.size(c.resolve(Trainer.PLOT)) > 1000);
    byte[] png = Files.readAllBytes(c.resolve(Trainer.PLOT));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
  }

  private static String metrics(String out, int epoch) {
    for (String line : out.split("\n")) {
      if (line.startsWith("epoch " + epoch + "/")) {
        return line.substring(0, line.indexOf("  ("));
      }
    }
    throw new AssertionError("no line for epoch " + epoch + " in:\n" + out);
  }

  @Test
  void theCnnTrainsWithSgdMomentum() throws IOException {
    Path out = tmp.resolve("cnn");
    String[] r =
        run(
            "--model",
            "cnn",
            "--optimizer",
            "sgd",
            "--lr",
            "0.05",
            "--momentum",
            "0.9",
            "--batch-size",
            "16",
            "--epochs",
            "1",
            "--limit",
            "32",
            "--data",
            data.toString(),
            "--out",
            out.toString(),
            "--no-progress");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("training cnn with sgd (lr 0.05, momentum 0.9)"), r[1]);
    Checkpoint ck = Checkpoint.load(out.resolve(Trainer.CHECKPOINT));
    assertEquals("torch.Size([16, 1, 5, 5])", ck.model().get("0.weight").shape().toString());
    assertEquals("torch.Size([10, 512])", ck.model().get("7.weight").shape().toString());
    // SGD with momentum keeps one buffer per parameter
    assertEquals(6, ck.optimizer().state().size());
  }

  @Test
  void missingDataSaysWhereItLookedAndHowToGetIt() {
    String[] r =
        run("--data", tmp.resolve("nowhere").toString(), "--out", tmp.toString(), "--no-progress");
    assertEquals("2", r[0]);
    assertTrue(
        r[2].contains(tmp.resolve("nowhere").resolve("train-images-idx3-ubyte.gz").toString()),
        r[2]);
    assertTrue(r[2].contains("apt-get install dataset-fashion-mnist"), r[2]);
    assertTrue(r[2].contains("--data DIR"), r[2]);
  }

  @Test
  void resumingFromAForeignCheckpointIsAUsageError() throws IOException {
    Path foreign = tmp.resolve("foreign.safetensors");
    Checkpoint.save(foreign, Map.of(), null, Map.of("epoch", "1"));
    String[] r = run("--resume", foreign.toString(), "--data", data.toString(), "--no-progress");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("is not a checkpoint of ./autograd4j train"), r[2]);
  }

  @Test
  void unknownOptimizerIsAUsageError() {
    String[] r = run("--optimizer", "lbfgs", "--data", data.toString(), "--no-progress");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("Unknown --optimizer 'lbfgs': expected sgd, adam or adamw"), r[2]);
  }
}
