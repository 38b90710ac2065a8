package org.autograd4j.examples.seeds;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.Linear;
import org.autograd4j.nn.MSELoss;
import org.autograd4j.nn.Module;
import org.autograd4j.optim.SGD;

/**
 * Seed 002, "Autograd (automatic differentiation) in PyTorch": gradients of {@code x**2 + y**3},
 * detaching a tensor, and one training step of a tiny network with {@code nn} and {@code optim}.
 */
public final class Seed002AutomaticDifferentiation extends Notebook {
  Tensor x;
  Tensor y;
  Tensor z;
  Tensor gradX;
  Tensor gradY;
  Tensor a;
  Tensor b;
  Tensor c;
  Tensor gradA;
  Tensor gradB;
  Net net;
  Tensor inputData;
  Tensor targetData;
  MSELoss criterion;
  SGD optimizer;
  Tensor output;
  Tensor loss;

  /** Registers the notebook's cells. */
  public Seed002AutomaticDifferentiation() {
    super("002", "Autograd (automatic differentiation) in PyTorch");
    // 1. Enabling Autograd
    cell("5", this::cell5);
    // 2. Computing Gradients
    cell("6", this::cell6);
    // 3. Detaching Tensors
    cell("24", this::cell24);
    // 4. Autograd in Neural Networks
    cell("27", this::cell27);
  }

  void cell5() {
    // import torch
    //
    // # Creating tensors
    // x = torch.tensor(2.0, requires_grad=True)
    x = Torch.tensor(2.0).requiresGrad_();
    // y = torch.tensor(3.0, requires_grad=True)
    y = Torch.tensor(3.0).requiresGrad_();
    //
    // # Perform Operation
    // z = x**2 + y**3
    z = x.pow(2).add(y.pow(3));
    // z
    display(z);
  }

  void cell6() {
    // # Compute Gradient
    // z.backward()
    z.backward();
    //
    // # Access gradient
    // grad_x = x.grad
    gradX = x.grad();
    // grad_y = y.grad
    gradY = y.grad();
    //
    // print("Gradient of x: ", grad_x)
    print("Gradient of x: ", gradX);
    // print("Gradient of y: ", grad_y)
    print("Gradient of y: ", gradY);
  }

  void cell24() {
    // a = torch.tensor(3.0, requires_grad=True)
    a = Torch.tensor(3.0).requiresGrad_();
    // b = torch.tensor(4.0, requires_grad=True)
    b = Torch.tensor(4.0).requiresGrad_();
    //
    // # Perform operations and detach y
    // c = a ** 2 + b.detach() ** 3
    c = a.pow(2).add(b.detach().pow(3));
    //
    // # Compute gradients
    // c.backward()
    c.backward();
    //
    // grad_a = a.grad
    gradA = a.grad();
    // grad_b = b.grad
    gradB = b.grad();
    //
    // print("Gradient of a:", grad_a)  # Gradient of x: tensor(4.)
    print("Gradient of a:", gradA);
    // print("Gradient of b:", grad_b)  # Gradient of y: None
    print("Gradient of b:", gradB);
  }

  // # Define a simple neural network
  // class Net(nn.Module):
  static final class Net extends Module {
    // def __init__(self):
    //     super(Net, self).__init__()
    //     self.fc = nn.Linear(1, 1)
    final Linear fc = registerModule("fc", new Linear(1, 1));

    // def forward(self, x):
    //     return self.fc(x)
    @Override
    public Tensor forward(Tensor x) {
      return fc.forward(x);
    }
  }

  void cell27() {
    // import torch.nn as nn
    // import torch.optim as optim
    //
    // # Create an instance of the network
    // net = Net()
    net = new Net();
    //
    // # Create input and target vectors
    // input_data = torch.tensor([[1.0]])
    inputData = Torch.tensor(new double[][] {{1.0}});
    // target_data = torch.tensor([[2.0]])
    targetData = Torch.tensor(new double[][] {{2.0}});
    //
    // # Define a loss function and optimizer
    // criterion = nn.MSELoss()
    criterion = new MSELoss();
    // optimizer = optim.SGD(net.parameters(), lr=0.1)
    optimizer = new SGD(net.parameters(), 0.1);
    //
    // # Forward Pass
    // output = net(input_data)
    output = net.forward(inputData);
    //
    // # Compute the loss
    // loss = criterion(output, target_data)
    loss = criterion.forward(output, targetData);
    //
    // # Backpropogation and optimization
    // optimizer.zero_grad()
    optimizer.zeroGrad();
    // loss.backward()
    loss.backward();
    // optimizer.step()
    optimizer.step();
  }
}
