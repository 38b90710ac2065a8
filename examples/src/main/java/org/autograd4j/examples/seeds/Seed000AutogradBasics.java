package org.autograd4j.examples.seeds;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Seed 000, "Autograd": gradients of {@code x**2} and {@code sin(x**2)}, a one-neuron forward and
 * backward pass, and clearing accumulated gradients.
 */
public final class Seed000AutogradBasics extends Notebook {
  Tensor x;
  Tensor y;
  Tensor z;
  Tensor w;
  Tensor b;
  Tensor yPred;
  Tensor loss;

  /** Registers the notebook's cells. */
  public Seed000AutogradBasics() {
    super("000", "Autograd");
    cell("2", this::cell2);
    cell("3", this::cell3);
    cell("4", this::cell4);
    cell("5", this::cell5);
    cell("6", this::cell6);
    cell("9", this::cell9);
    cell("10", this::cell10);
    cell("11", this::cell11);
  }

  void cell2() {
    // import torch: the imports are at the top of this file
  }

  void cell3() {
    // x = torch.tensor(5.0, requires_grad=True) # Create a tensor with gradient tracking enabled
    x = Torch.tensor(5.0).requiresGrad_();
    // y = x ** 2 # Define a simple function y = x^2
    y = x.pow(2);
    // y.backward() # Compute the gradient of y with respect to x
    y.backward();
    // print(x.grad) # Print the gradient of y with respect to x
    print(x.grad());
  }

  void cell4() {
    // x = torch.tensor(5.0, requires_grad=True) # Create another tensor with gradient tracking
    x = Torch.tensor(5.0).requiresGrad_();
    y = x.pow(2);
    // z = torch.sin(y)
    z = Torch.sin(y);
    z.backward();
    print(x.grad());
  }

  // Autograd in neural network

  void cell5() {
    x = Torch.tensor(5.0).requiresGrad_();
    // w = torch.rand(1 , requires_grad=True)
    w = Torch.rand(1).requiresGrad_();
    // b = torch.rand(1, requires_grad=True)
    b = Torch.rand(1).requiresGrad_();
    // print(f"Weight: {w}, Bias: {b}")
    print("Weight: " + f(w) + ", Bias: " + f(b));
  }

  void cell6() {
    // #forward pass
    // x = w * x + b
    x = w.mul(x).add(b);
    // y_pred = torch.sigmoid(x)
    yPred = Torch.sigmoid(x);

    // loss = loss_fn(y_pred, torch.tensor(1.0))  # Assuming target is 1.0
    loss = lossFn(yPred, Torch.tensor(1.0));
    // loss.backward()  # Compute gradients
    loss.backward();
    // print(f"Gradient of weight: {w.grad}, Gradient of bias: {b.grad}")
    print("Gradient of weight: " + f(w.grad()) + ", Gradient of bias: " + f(b.grad()));
  }

  // #backward pass
  // def loss_fn(prediction, target):
  //     return -(target * torch.log(prediction) + (1 - target) * torch.log(1 - prediction))
  static Tensor lossFn(Tensor prediction, Tensor target) {
    return target
        .mul(Torch.log(prediction))
        .add(target.rsub(1).mul(Torch.log(prediction.rsub(1))))
        .neg();
  }

  // Clearing Gradients

  void cell9() {
    // x = torch.tensor(3.0, requires_grad=True)
    x = Torch.tensor(3.0).requiresGrad_();
    // y = x ** 2
    y = x.pow(2);
    // y.backward()  # Compute the gradient of y with respect to x
    y.backward();
    // print(f"Gradient of y with respect to x: {x.grad}")
    print("Gradient of y with respect to x: " + f(x.grad()));
  }

  void cell10() {
    // #Comupting the gradient again wrt to x without clearing the gradient will give a different
    // value
    y = x.pow(2);
    y.backward();
    print("Gradient of y with respect to x: " + f(x.grad()));
  }

  void cell11() {
    // #We therefore clear the gradient before computing it again
    // x.grad.zero_()  # Clear the gradient
    x.grad().zero_();
    y = x.pow(2);
    y.backward(); // Compute the gradient again
    // print(f"Gradient of y with respect to x after clearing: {x.grad}")
    print("Gradient of y with respect to x after clearing: " + f(x.grad()));
  }
}
