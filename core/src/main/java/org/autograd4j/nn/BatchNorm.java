package org.autograd4j.nn;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * What BatchNorm1d and BatchNorm2d share (PyTorch's {@code _BatchNorm}): affine weight (ones) and
 * bias (zeros); buffers {@code running_mean} (zeros), {@code running_var} (ones) and {@code
 * num_batches_tracked} (int64 0) when tracking running statistics; momentum null means a cumulative
 * average.
 */
public abstract class BatchNorm extends Module {
  protected final int numFeatures;
  protected final double eps;
  protected final Double momentum;
  protected final boolean affine;
  protected final boolean trackRunningStats;

  /** Per-channel scale (null if not affine). */
  public final Parameter weight;

  /** Per-channel shift (null if not affine). */
  public final Parameter bias;

  BatchNorm(
      int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
    this.numFeatures = numFeatures;
    this.eps = eps;
    this.momentum = momentum;
    this.affine = affine;
    this.trackRunningStats = trackRunningStats;
    this.weight =
        affine ? registerParameter("weight", new Parameter(Torch.ones(numFeatures))) : null;
    this.bias = affine ? registerParameter("bias", new Parameter(Torch.zeros(numFeatures))) : null;
    if (!affine) {
      registerParameter("weight", null);
      registerParameter("bias", null);
    }
    registerBuffer("running_mean", trackRunningStats ? Torch.zeros(numFeatures) : null);
    registerBuffer("running_var", trackRunningStats ? Torch.ones(numFeatures) : null);
    registerBuffer(
        "num_batches_tracked", trackRunningStats ? Torch.zeros(new int[0], DType.INT64) : null);
  }

  /** Checks the input's rank, with PyTorch's message. */
  protected abstract void checkInputDim(Tensor input);

  /** {@code running_mean}, or null when not tracking. */
  public Tensor runningMean() {
    return getBuffer("running_mean");
  }

  /** {@code running_var}, or null when not tracking. */
  public Tensor runningVar() {
    return getBuffer("running_var");
  }

  /** {@code num_batches_tracked}, or null when not tracking. */
  public Tensor numBatchesTracked() {
    return getBuffer("num_batches_tracked");
  }

  /** Resets the running statistics to their initial values. */
  public void resetRunningStats() {
    if (trackRunningStats) {
      try (var g = Torch.noGrad()) {
        runningMean().zero_();
        runningVar().fill_(1);
        numBatchesTracked().zero_();
      }
    }
  }

  @Override
  public Tensor forward(Tensor input) {
    checkInputDim(input);
    double factor = momentum == null ? 0.0 : momentum;
    if (isTraining() && trackRunningStats) {
      Tensor n = numBatchesTracked();
      try (var g = Torch.noGrad()) {
        n.add_(Torch.tensor(1L));
      }
      if (momentum == null) {
        factor = 1.0 / n.itemLong();
      }
    }
    boolean bnTraining = isTraining() || runningMean() == null;
    boolean useBuffers = !isTraining() || trackRunningStats;
    return F.batchNorm(
        input,
        useBuffers ? runningMean() : null,
        useBuffers ? runningVar() : null,
        weight,
        bias,
        bnTraining,
        factor,
        eps);
  }

  @Override
  protected String extraRepr() {
    return numFeatures
        + ", eps="
        + Repr.py(eps)
        + ", momentum="
        + (momentum == null ? "None" : Repr.py(momentum))
        + ", affine="
        + Repr.py(affine)
        + ", track_running_stats="
        + Repr.py(trackRunningStats);
  }
}
