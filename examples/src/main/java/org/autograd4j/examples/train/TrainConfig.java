package org.autograd4j.examples.train;

import java.nio.file.Path;

/** The settings of one training run (from the command line, or a checkpoint when resuming). */
record TrainConfig(
    Models.Kind model,
    String optimizer,
    double lr,
    double momentum,
    int batchSize,
    int epochs,
    long seed,
    int limit,
    int workers,
    boolean normalize,
    Path data,
    Path out,
    boolean progress) {}
