package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code nn.GRU(input_size, hidden_size, num_layers, bias, batch_first, dropout)}: gates r, z, n in
 * PyTorch's order; {@code n = tanh(W_in x + b_in + r·(W_hn h + b_hn))}, {@code h' = (1 - z)·n +
 * z·h}.
 *
 * <pre>{@code
 * GRU gru = new GRU(3, 4);
 * gru.forward(Torch.randn(5, 2, 3), null).hN().shape(); // torch.Size([1, 2, 4])
 * }</pre>
 */
public class GRU extends RNNBase {
  /** One layer, with bias, sequence-first. */
  public GRU(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, 1, true, false, 0);
  }

  /** All options (dropout applies between layers in training). */
  public GRU(
      int inputSize,
      int hiddenSize,
      int numLayers,
      boolean bias,
      boolean batchFirst,
      double dropout) {
    super(3, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout);
  }

  /** Outputs and final state from initial state {@code h0} (null for zeros). */
  public Output forward(Tensor input, Tensor h0) {
    return run(input, new Tensor[] {h0, null});
  }

  @Override
  int stateCount() {
    return 1;
  }

  @Override
  Tensor[] cell(Tensor projectedInput, Tensor[] state, int layer) {
    int h = hiddenSize;
    Tensor gh = hidden(state[0], layer);
    Tensor r = projectedInput.narrow(1, 0, h).add(gh.narrow(1, 0, h)).sigmoid();
    Tensor z = projectedInput.narrow(1, h, h).add(gh.narrow(1, h, h)).sigmoid();
    Tensor n = projectedInput.narrow(1, 2 * h, h).add(r.mul(gh.narrow(1, 2 * h, h))).tanh();
    return new Tensor[] {z.rsub(1).mul(n).add(z.mul(state[0])), null};
  }
}
