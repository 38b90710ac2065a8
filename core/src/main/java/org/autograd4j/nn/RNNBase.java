package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;
import org.autograd4j.nn.init.Init;

/**
 * What LSTM and GRU share (PyTorch's {@code RNNBase}): per layer {@code weight_ih_l{k}} ({@code
 * gates·H x in}), {@code weight_hh_l{k}} ({@code gates·H x H}) and, with bias, {@code bias_ih_l{k}}
 * and {@code bias_hh_l{k}}, all initialised U(±1/√H); input {@code (L, N, in)}, {@code (N, L, in)}
 * with batch_first, or unbatched {@code (L, in)}. The recurrence is written with Tensor ops (the
 * input projection of all time steps is one matmul per layer), so it is differentiable to any
 * order. Unidirectional only.
 */
public abstract class RNNBase extends Module {
  protected final int inputSize;
  protected final int hiddenSize;
  protected final int numLayers;
  protected final boolean bias;
  protected final boolean batchFirst;
  protected final double dropout;

  /** The result of a recurrent layer: the top layer's outputs and each layer's final state. */
  public record Output(Tensor output, Tensor hN, Tensor cN) {}

  RNNBase(
      int gates,
      int inputSize,
      int hiddenSize,
      int numLayers,
      boolean bias,
      boolean batchFirst,
      double dropout) {
    if (dropout < 0 || dropout > 1) {
      throw new IllegalArgumentException(
          "dropout should be a number in range [0, 1] representing the probability of an element"
              + " being zeroed");
    }
    if (hiddenSize <= 0 || numLayers <= 0) {
      throw new IllegalArgumentException("hidden_size and num_layers must be positive");
    }
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.numLayers = numLayers;
    this.bias = bias;
    this.batchFirst = batchFirst;
    this.dropout = dropout;
    double bound = 1 / Math.sqrt(hiddenSize);
    for (int l = 0; l < numLayers; l++) {
      int in = l == 0 ? inputSize : hiddenSize;
      register("weight_ih_l" + l, new int[] {gates * hiddenSize, in}, bound);
      register("weight_hh_l" + l, new int[] {gates * hiddenSize, hiddenSize}, bound);
      if (bias) {
        register("bias_ih_l" + l, new int[] {gates * hiddenSize}, bound);
        register("bias_hh_l" + l, new int[] {gates * hiddenSize}, bound);
      }
    }
  }

  private void register(String name, int[] shape, double bound) {
    Parameter p = registerParameter(name, new Parameter(Torch.zeros(shape)));
    Init.uniform_(p, -bound, bound);
  }

  /** One time step of one layer: the new state from the projected input and the old state. */
  abstract Tensor[] cell(Tensor projectedInput, Tensor[] state, int layer);

  /** Number of state tensors per layer: 2 for LSTM (h, c), 1 for GRU. */
  abstract int stateCount();

  /** Runs the layers; {@code initial} holds h0 (and c0), each null for zeros. */
  Output run(Tensor input, Tensor[] initial) {
    if (input.dim() != 2 && input.dim() != 3) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + ": Expected input to be 2-D or 3-D but received "
              + input.dim()
              + "-D tensor");
    }
    boolean unbatched = input.dim() == 2;
    Tensor x = unbatched ? input.unsqueeze(1) : batchFirst ? input.transpose(0, 1) : input;
    if (x.size(2) != inputSize) {
      throw new IllegalArgumentException(
          "input.size(-1) must be equal to input_size. Expected "
              + inputSize
              + ", got "
              + x.size(2));
    }
    int steps = x.size(0);
    int batch = x.size(1);
    Tensor[][] state = new Tensor[numLayers][stateCount()];
    for (int s = 0; s < stateCount(); s++) {
      Tensor init = initial[s];
      if (init != null && unbatched) {
        init = init.unsqueeze(1);
      }
      if (init != null
          && !java.util.Arrays.equals(
              init.shape().toArray(), new int[] {numLayers, batch, hiddenSize})) {
        throw new IllegalArgumentException(
            "Expected hidden size ("
                + numLayers
                + ", "
                + batch
                + ", "
                + hiddenSize
                + "), got "
                + java.util.Arrays.toString(init.shape().toArray()));
      }
      for (int l = 0; l < numLayers; l++) {
        state[l][s] =
            init == null
                ? Torch.zeros(new int[] {batch, hiddenSize}, x.dtype())
                : init.select(0, l);
      }
    }
    Tensor layerInput = x;
    for (int l = 0; l < numLayers; l++) {
      Tensor w = getParameter("weight_ih_l" + l);
      Tensor b = bias ? getParameter("bias_ih_l" + l) : null;
      // All time steps' input projections at once: (L·N, in) @ W_ihᵀ.
      Tensor projected =
          F.linear(layerInput.reshape(steps * batch, layerInput.size(2)), w, b)
              .reshape(steps, batch, -1);
      List<Tensor> outs = new ArrayList<>(steps);
      for (int t = 0; t < steps; t++) {
        state[l] = cell(projected.select(0, t), state[l], l);
        outs.add(state[l][0]);
      }
      layerInput = Torch.stack(outs, 0);
      if (dropout > 0 && l < numLayers - 1) {
        layerInput = F.dropout(layerInput, dropout, isTraining());
      }
    }
    Tensor output =
        unbatched ? layerInput.squeeze(1) : batchFirst ? layerInput.transpose(0, 1) : layerInput;
    Tensor[] finals = new Tensor[2];
    for (int s = 0; s < stateCount(); s++) {
      List<Tensor> per = new ArrayList<>();
      for (int l = 0; l < numLayers; l++) {
        per.add(state[l][s]);
      }
      Tensor stacked = Torch.stack(per, 0);
      finals[s] = unbatched ? stacked.squeeze(1) : stacked;
    }
    return new Output(output, finals[0], finals[1]);
  }

  /** {@code x W_hhᵀ + b_hh} for layer {@code l}. */
  Tensor hidden(Tensor h, int l) {
    return F.linear(
        h, getParameter("weight_hh_l" + l), bias ? getParameter("bias_hh_l" + l) : null);
  }

  /** The top layer's outputs for every time step (the state starts at zeros). */
  @Override
  public Tensor forward(Tensor input) {
    return run(input, new Tensor[2]).output();
  }

  @Override
  protected String extraRepr() {
    StringBuilder s = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
    if (numLayers != 1) {
      s.append(", num_layers=").append(numLayers);
    }
    if (!bias) {
      s.append(", bias=False");
    }
    if (batchFirst) {
      s.append(", batch_first=True");
    }
    if (dropout != 0) {
      s.append(", dropout=").append(Repr.py(dropout));
    }
    return s.toString();
  }
}
