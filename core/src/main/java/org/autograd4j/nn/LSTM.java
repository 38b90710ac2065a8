package org.autograd4j.nn;

import org.autograd4j.Tensor;

/**
 * {@code nn.LSTM(input_size, hidden_size, num_layers, bias, batch_first, dropout)}: gates i, f, g,
 * o in PyTorch's order; {@code c' = f·c + i·g}, {@code h' = o·tanh(c')}.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(3, 4, 1, true, true, 0);
 * RNNBase.Output r = lstm.forward(Torch.randn(2, 5, 3), null, null);
 * r.output().shape(); // torch.Size([2, 5, 4]); r.hN() and r.cN() are (1, 2, 4)
 * }</pre>
 */
public class LSTM extends RNNBase {
  /** One layer, with bias, sequence-first. */
  public LSTM(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, 1, true, false, 0);
  }

  /** All options (dropout applies between layers in training). */
  public LSTM(
      int inputSize,
      int hiddenSize,
      int numLayers,
      boolean bias,
      boolean batchFirst,
      double dropout) {
    super(4, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout);
  }

  /** Outputs and final states from initial states {@code h0}, {@code c0} (null for zeros). */
  public Output forward(Tensor input, Tensor h0, Tensor c0) {
    return run(input, new Tensor[] {h0, c0});
  }

  @Override
  int stateCount() {
    return 2;
  }

  @Override
  Tensor[] cell(Tensor projectedInput, Tensor[] state, int layer) {
    int h = hiddenSize;
    Tensor gates = projectedInput.add(hidden(state[0], layer));
    Tensor i = gates.narrow(1, 0, h).sigmoid();
    Tensor f = gates.narrow(1, h, h).sigmoid();
    Tensor g = gates.narrow(1, 2 * h, h).tanh();
    Tensor o = gates.narrow(1, 3 * h, h).sigmoid();
    Tensor c = f.mul(state[1]).add(i.mul(g));
    return new Tensor[] {o.mul(c.tanh()), c};
  }
}
