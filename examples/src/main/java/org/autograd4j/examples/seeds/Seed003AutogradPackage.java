package org.autograd4j.examples.seeds;

import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Seed 003, "Autograd package helps in calculating gradients": grad_fn names along {@code
 * mean(2(x+2)^2)}, backward of a vector with a gradient argument, three ways to stop tracking, and
 * gradient accumulation across epochs.
 */
public final class Seed003AutogradPackage extends Notebook {
  Tensor x;
  Tensor y;
  Tensor z;
  Tensor v;
  Tensor weights;
  Tensor modelOutput;

  /** Registers the notebook's cells. */
  public Seed003AutogradPackage() {
    super("003", "Autograd package helps in calculating gradients");
    cell("68", this::cell68);
    // Addition
    cell("69", this::cell69);
    // Multiplication
    cell("70", this::cell70);
    cell("71", this::cell71);
    cell("72", this::cell72);
    // Not specifying grad requirement leads to errors
    raisingCell("73", this::cell73);
    raisingCell("75", this::cell75);
    cell("76", this::cell76);
    cell("77", this::cell77);
    cell("78", this::cell78);
    cell("79", this::cell79);
    cell("80", this::cell80);
    // Training Examples
    cell("81", this::cell81);
    cell("82", this::cell82);
    cell("83", this::cell83);
    cell("84", this::cell84);
  }

  void cell68() {
    // import torch
    //
    // x = torch.randn(3, requires_grad=True)
    x = Torch.randn(3).requiresGrad_();
    // print(x)
    print(x);
  }

  void cell69() {
    // y = x + 2
    y = x.add(2);
    // print(y)
    print(y);

    // # In above, clearly y is created as a result of an operation, so it has grad_fn
    // # the name of the function is AddBackward0
  }

  void cell70() {
    // # Similarly,
    //
    // z = y*y*2
    z = y.mul(y).mul(2);
    // print(z)
    print(z);

    // # the name of the function is MulBackward0
  }

  void cell71() {
    // z = z.mean()
    z = z.mean();
    // print(z)
    print(z);

    // # the name of the function is MeanBackward0
  }

  void cell72() {
    // # Now, let's backpropagate
    // z.backward() # dz/dx
    z.backward();
    // print(x)
    print(x);
    // print(x.grad)
    print(x.grad());
  }

  void cell73() {
    // # Suppose we didnt specify requires_grad=True, then
    // x = torch.randn(3, requires_grad=False)
    x = Torch.randn(3).requiresGrad_(false);
    // y = x + 2
    y = x.add(2);
    // z = y*y*2
    z = y.mul(y).mul(2);
    // z = z.mean()
    z = z.mean();
    // z.backward() # dz/dx
    z.backward();
    // print(x.grad)
    print(x.grad());

    // # It throws a runtime error, because we didnt specify requires_grad=True
  }

  void cell75() {
    // # The value of z is a scalar, so we can backpropagate through it without specifying any
    // # arguments to backward(). But what if z was a vector, then we need to specify a vector
    // # argument to backward()
    //
    // x = torch.randn(3, requires_grad=True)
    x = Torch.randn(3).requiresGrad_();
    // y = x + 2
    y = x.add(2);
    // z = y*y*2
    z = y.mul(y).mul(2);
    // print(z)
    print(z);
    // v = torch.tensor([0.1, 1.0, 0.001], dtype=torch.float32)
    v = Torch.tensor(new double[] {0.1, 1.0, 0.001}, DType.FLOAT32);
    // z.backward() # dz/dx
    z.backward();
  }

  void cell76() {
    // # To specify which value of z to backpropagate, we need to specify a vector value for
    // # z.backward()
    //
    // v = torch.tensor([0.1, 1.0, 0.001], dtype=torch.float32)
    v = Torch.tensor(new double[] {0.1, 1.0, 0.001}, DType.FLOAT32);
    // z.backward(v) # dz/dx
    z.backward(v);
    // print(x.grad)
    print(x.grad());
  }

  void cell77() {
    // # We might be updating the weights of the model in the training phase, but not in the
    // # inference phase. In this case we dont want pytorch to track the gradients
    // # If we dont want pytorch to track the gradients, we can use following methods
    // # 1. x.requires_grad_(False)
    // # 2. x.detach()
    // # 3. with torch.no_grad():
  }

  void cell78() {
    // # Method 1
    // x = torch.randn(3, requires_grad=True)
    x = Torch.randn(3).requiresGrad_();
    // print(x.requires_grad)
    print(x.requiresGrad());
    // y = x.detach()
    y = x.detach();
    // print(y.requires_grad)
    print(y.requiresGrad());
  }

  void cell79() {
    // # Method 2
    // x = torch.randn(3, requires_grad=True)
    x = Torch.randn(3).requiresGrad_();
    // print(x.requires_grad)
    print(x.requiresGrad());
    //
    // x.requires_grad_(False)
    x.requiresGrad_(false);
    // print(x.requires_grad)
    print(x.requiresGrad());
  }

  void cell80() {
    // # Method 3
    // x = torch.randn(3, requires_grad=True)
    x = Torch.randn(3).requiresGrad_();
    // print(x.requires_grad)
    print(x.requiresGrad());
    // with torch.no_grad():
    try (var noGrad = Torch.noGrad()) {
      // y = x + 2
      y = x.add(2);
      // print(y.requires_grad)
      print(y.requiresGrad());
    }
  }

  void cell81() {
    // import torch
    //
    // weights = torch.ones(4, requires_grad=True)
    weights = Torch.ones(4).requiresGrad_();
    //
    // for epoch in range(1):
    for (int epoch = 0; epoch < 1; epoch++) {
      // model_output = (weights*3).sum()
      modelOutput = weights.mul(3).sum();
      // model_output.backward()
      modelOutput.backward();
      // print(weights.grad)
      print(weights.grad());
    }
  }

  void cell82() {
    // import torch
    //
    // weights = torch.ones(4, requires_grad=True)
    weights = Torch.ones(4).requiresGrad_();
    //
    // for epoch in range(2):
    for (int epoch = 0; epoch < 2; epoch++) {
      // model_output = (weights*3).sum()
      modelOutput = weights.mul(3).sum();
      // model_output.backward()
      modelOutput.backward();
      // print(weights.grad)
      print(weights.grad());
    }
  }

  void cell83() {
    // import torch
    //
    // weights = torch.ones(4, requires_grad=True)
    weights = Torch.ones(4).requiresGrad_();
    //
    // for epoch in range(3):
    for (int epoch = 0; epoch < 3; epoch++) {
      // model_output = (weights*3).sum()
      modelOutput = weights.mul(3).sum();
      // model_output.backward()
      modelOutput.backward();
      // print(weights.grad)
      print(weights.grad());
    }

    // # Clearing the gradients are accumulated in the weights.grad as we iterate through the loop
    // # more and more times
    //
    // # To prevent this, we need to reset the gradients to zero, otherwise they will accumulate
  }

  void cell84() {
    // import torch
    //
    // weights = torch.ones(4, requires_grad=True)
    weights = Torch.ones(4).requiresGrad_();
    //
    // for epoch in range(3):
    for (int epoch = 0; epoch < 3; epoch++) {
      // model_output = (weights*3).sum()
      modelOutput = weights.mul(3).sum();
      // model_output.backward()
      modelOutput.backward();
      // print(weights.grad)
      print(weights.grad());
      // # Clearing the gradients are accumulated in the weights.grad as we iterate through the
      // # loop more and more times
      // # To prevent this, we need to reset the gradients to zero, otherwise they will accumulate
      // weights.grad.zero_()
      weights.grad().zero_();
    }
  }
}
