package org.autograd4j.examples.seeds;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Seed 004, "Autograd": a walkthrough from {@code dy/dx} of {@code x**2} through a binary
 * classifier's gradients, clearing and disabling gradients, to linear regression trained with
 * autograd.
 */
public final class Seed004AutogradWalkthrough extends Notebook {
  Tensor x;
  Tensor y;
  Tensor z;
  Tensor w;
  Tensor b;
  Tensor yPred;
  Tensor loss;
  Tensor y1;
  Tensor yTrue;

  /** Registers the notebook's cells. */
  public Seed004AutogradWalkthrough() {
    super("004", "Autograd");
    // Example 1
    cell("1", this::cell1);
    cell("2", this::cell2);
    // Example 2
    cell("3", this::cell3);
    cell("4", this::cell4);
    cell("5", this::cell5);
    // Example 3
    cell("6", this::cell6);
    cell("7", this::cell7);
    cell("8", this::cell8);
    // Clearing gradient
    cell("9", this::cell9);
    cell("10", this::cell10);
    cell("11", this::cell11);
    cell("12", this::cell12);
    cell("13", this::cell13);
    // Example 4: Disabling Gradient Tracking
    cell("14", this::cell14);
    cell("15", this::cell15);
    cell("16", this::cell16);
    cell("17", this::cell17);
    // Option 1 - requires_grad_(False)
    cell("18", this::cell18);
    cell("19", this::cell19);
    cell("20", this::cell20);
    cell("21", this::cell21);
    raisingCell("22", this::cell22);
    // Option 2 - detach()
    cell("23", this::cell23);
    cell("24", this::cell24);
    cell("25", this::cell25);
    cell("26", this::cell26);
    cell("27", this::cell27);
    raisingCell("28", this::cell28);
    // Option 3 - torch.no_grad()
    cell("29", this::cell29);
    cell("30", this::cell30);
    cell("31", this::cell31);
    raisingCell("32", this::cell32);
    // Example 5: Linear Regression
    cell("33", this::cell33);
  }

  // def dy_dx(x):
  //   return 2*x
  static int dyDx(int x) {
    return 2 * x;
  }

  void cell1() {
    // dy_dx(2)
    display(dyDx(2));
  }

  void cell2() {
    // # Using Autograd
    //
    // import torch
    //
    // x = torch.tensor(3.0, requires_grad=True)
    x = Torch.tensor(3.0).requiresGrad_();
    // y = x**2
    y = x.pow(2);
    //
    // print("x -> ", x)
    print("x -> ", x);
    // print("y -> ", y)
    print("y -> ", y);
    //
    // y.backward()
    y.backward();
    // print("x.grad -> ", x.grad)
    print("x.grad -> ", x.grad());
  }

  // import math
  //
  // def dz_dx(x):
  //     return 2 * x * math.cos(x**2)
  static double dzDx(int x) {
    return 2 * x * StrictMath.cos(x * x);
  }

  void cell3() {
    // dz_dx(4)
    display(dzDx(4));
  }

  void cell4() {
    // # Autograd demonstration
    //
    // import torch
    //
    // # Input tensor with gradient tracking
    // x = torch.tensor(4.0, requires_grad=True)
    x = Torch.tensor(4.0).requiresGrad_();
    // # Operation 1
    // y = x ** 2
    y = x.pow(2);
    // # Operation 2
    // z = torch.sin(y)
    z = Torch.sin(y);
    //
    // print("x:", x)
    print("x:", x);
    // print("y:", y)
    print("y:", y);
    // print("z:", z)
    print("z:", z);
    //
    // # Compute gradients
    // z.backward()
    z.backward();
    //
    // # Gradient of z w.r.t. x
    // print("x.grad:", x.grad)
    print("x.grad:", x.grad());
  }

  void cell5() {
    // y.grad
    display(y.grad());
  }

  // # Binary Cross-Entropy Loss for scalar
  // def binary_cross_entropy_loss(prediction, target):
  static Tensor binaryCrossEntropyLoss(Tensor prediction, Tensor target) {
    // epsilon = 1e-8  # To prevent log(0)
    double epsilon = 1e-8;
    // prediction = torch.clamp(prediction, epsilon, 1 - epsilon)
    prediction = Torch.clamp(prediction, epsilon, 1 - epsilon);
    // return -(target * torch.log(prediction) + (1 - target) * torch.log(1 - prediction))
    return target
        .mul(Torch.log(prediction))
        .add(target.rsub(1).mul(Torch.log(prediction.rsub(1))))
        .neg();
  }

  void cell6() {
    // import torch
    //
    // # Inputs
    // x = torch.tensor(6.7)  # Input feature
    x = Torch.tensor(6.7);
    // y = torch.tensor(0.0)  # True label (binary)
    y = Torch.tensor(0.0);
    //
    // w = torch.tensor(1.0)  # Weight
    w = Torch.tensor(1.0);
    // b = torch.tensor(0.0)  # Bias
    b = Torch.tensor(0.0);

    // # Forward pass
    // z = w * x + b  # Weighted sum (linear part)
    z = w.mul(x).add(b);
    // y_pred = torch.sigmoid(z)  # Predicted probability
    yPred = Torch.sigmoid(z);
    //
    // # Compute binary cross-entropy loss
    // loss = binary_cross_entropy_loss(y_pred, y)
    loss = binaryCrossEntropyLoss(yPred, y);
    // print(loss)
    print(loss);

    // # Derivatives:
    // # 1. dL/d(y_pred): Loss with respect to the prediction (y_pred)
    // dloss_dy_pred = (y_pred - y)/(y_pred*(1-y_pred))
    Tensor dlossDyPred = yPred.sub(y).div(yPred.mul(yPred.rsub(1)));
    //
    // # 2. dy_pred/dz: Prediction (y_pred) with respect to z (sigmoid derivative)
    // dy_pred_dz = y_pred * (1 - y_pred)
    Tensor dyPredDz = yPred.mul(yPred.rsub(1));
    //
    // # 3. dz/dw and dz/db: z with respect to w and b
    // dz_dw = x  # dz/dw = x
    Tensor dzDw = x;
    // dz_db = 1  # dz/db = 1 (bias contributes directly to z)
    int dzDb = 1;
    //
    // dL_dw = dloss_dy_pred * dy_pred_dz * dz_dw
    Tensor dLDw = dlossDyPred.mul(dyPredDz).mul(dzDw);
    // dL_db = dloss_dy_pred * dy_pred_dz * dz_db
    Tensor dLDb = dlossDyPred.mul(dyPredDz).mul(dzDb);
    //
    // print(f"Manual Gradient of loss w.r.t weight (dw): {dL_dw}")
    print("Manual Gradient of loss w.r.t weight (dw): " + f(dLDw));
    // print(f"Manual Gradient of loss w.r.t bias (db): {dL_db}")
    print("Manual Gradient of loss w.r.t bias (db): " + f(dLDb));
  }

  void cell7() {
    // # Autograd for binary cross-entropy loss
    // import torch
    //
    // # Input and target
    // x = torch.tensor(6.7)
    x = Torch.tensor(6.7);
    // y = torch.tensor(0.0)
    y = Torch.tensor(0.0);
    //
    // # Weights and bais with gradient tracking
    // w = torch.tensor(1.0, requires_grad=True)
    w = Torch.tensor(1.0).requiresGrad_();
    // b = torch.tensor(0.0, requires_grad=True)
    b = Torch.tensor(0.0).requiresGrad_();
    //
    // print("Initial weight:", w)
    print("Initial weight:", w);
    // print("Initial bias:", b)
    print("Initial bias:", b);
    //
    // # Linear layer output
    // z = w * x + b
    z = w.mul(x).add(b);
    // print("Linear output (z):", z)
    print("Linear output (z):", z);
    //
    // # Predicted probability
    // y_pred = torch.sigmoid(z)
    yPred = Torch.sigmoid(z);
    // print("Predicted probability:", y_pred)
    print("Predicted probability:", yPred);
    //
    // # Binary cross-entropy loss: the same function as in cell 6
    // loss = binary_cross_entropy_loss(y_pred, y)
    loss = binaryCrossEntropyLoss(yPred, y);
    // print("Loss:", loss)
    print("Loss:", loss);
    //
    // # Compute gradients
    // loss.backward()
    loss.backward();
    //
    // # Gradients of the loss w.r.t. weights
    // print("Gradient of w:", w.grad)
    print("Gradient of w:", w.grad());
    // # Gradient of the loss w.r.t. bias
    // print("Gradient of b:", b.grad)
    print("Gradient of b:", b.grad());
  }

  void cell8() {
    // x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x = Torch.tensor(new double[] {1.0, 2.0, 3.0}).requiresGrad_();
    // print(x)
    print(x);
    //
    // y = (x**2).mean()
    y = x.pow(2).mean();
    // print(y)
    print(y);
    //
    // y.backward()
    y.backward();
    // print(x.grad) # we get 3 grad one for each input
    print(x.grad());
  }

  void cell9() {
    // x = torch.tensor(2.0, requires_grad=True)
    x = Torch.tensor(2.0).requiresGrad_();
    // print(x)
    print(x);
  }

  void cell10() {
    // # cell-1
    // # forward
    // y = x ** 2
    y = x.pow(2);
    // print(y)
    print(y);
  }

  void cell11() {
    // # cell-2
    // # backward
    // y.backward()
    y.backward();
  }

  void cell12() {
    // # cell-3
    // x.grad
    display(x.grad());
  }

  void cell13() {
    // # cell-4
    // x.grad.zero_()
    display(x.grad().zero_());
  }

  void cell14() {
    // x = torch.tensor(2.0, requires_grad=True)
    x = Torch.tensor(2.0).requiresGrad_();
    // x
    display(x);
  }

  void cell15() {
    // y = x ** 2
    y = x.pow(2);
    // y
    display(y);
  }

  void cell16() {
    // y.backward()
    y.backward();
  }

  void cell17() {
    // x.grad
    display(x.grad());
  }

  void cell18() {
    // x.requires_grad_(False)
    display(x.requiresGrad_(false));
  }

  void cell19() {
    // x
    display(x);
  }

  void cell20() {
    // y = x ** 2
    y = x.pow(2);
  }

  void cell21() {
    // y
    display(y);
  }

  void cell22() {
    // y.backward()
    y.backward();
  }

  void cell23() {
    // x = torch.tensor(2.0, requires_grad=True)
    x = Torch.tensor(2.0).requiresGrad_();
    // x
    display(x);
  }

  void cell24() {
    // z = x.detach()
    z = x.detach();
    // z
    display(z);
  }

  void cell25() {
    // y = x ** 2
    y = x.pow(2);
    // y
    display(y);
  }

  void cell26() {
    // y1 = z ** 2
    y1 = z.pow(2);
    // y1
    display(y1);
  }

  void cell27() {
    // y.backward()
    y.backward();
  }

  void cell28() {
    // y1.backward()
    y1.backward();
  }

  void cell29() {
    // x = torch.tensor(2.0, requires_grad=True)
    x = Torch.tensor(2.0).requiresGrad_();
    // x
    display(x);
  }

  void cell30() {
    // with torch.no_grad():
    try (var noGrad = Torch.noGrad()) {
      // y = x ** 2
      y = x.pow(2);
    }
  }

  void cell31() {
    // y
    display(y);
  }

  void cell32() {
    // y.backward()
    y.backward();
    //
    // # x.grad
  }

  // # Forward pass
  // def forward(x):
  //     """
  //     Compute model predictions: y_pred = w * x + b
  //     """
  //     return w * x + b
  Tensor forward(Tensor x) {
    return w.mul(x).add(b);
  }

  // # Loss function (Mean Squared Error)
  // def loss(y_pred, y_true):
  //     """
  //     Compute Mean Squared Error (MSE) loss between predictions and true values
  //     """
  //     return ((y_pred - y_true) ** 2).mean()
  static Tensor loss(Tensor yPred, Tensor yTrue) {
    return yPred.sub(yTrue).pow(2).mean();
  }

  void cell33() {
    // import torch  # Import PyTorch for tensor operations and automatic differentiation
    //
    // # Linear regression with autograd
    // # Goal: Learn parameters w and b for the model y = w * x + b
    //
    // # Input data
    // x = torch.tensor([1., 2., 3., 4.])  # Input features (independent variable)
    x = Torch.tensor(new double[] {1., 2., 3., 4.});
    // y_true = torch.tensor([2., 4., 6., 8.])  # Target values (where y = 2 * x ideally)
    yTrue = Torch.tensor(new double[] {2., 4., 6., 8.});
    //
    // # Parameters (weights and bias)
    // w = torch.tensor(0.0, requires_grad=True)  # Initialize weight w with gradient tracking
    w = Torch.tensor(0.0).requiresGrad_();
    // b = torch.tensor(0.0, requires_grad=True)  # Initialize bias b with gradient tracking
    b = Torch.tensor(0.0).requiresGrad_();
    //
    // # Training loop
    // learning_rate = 0.01  # Step size for parameter updates
    double learningRate = 0.01;
    // epochs = 100  # Number of training iterations
    int epochs = 100;
    //
    // for epoch in range(epochs):
    for (int epoch = 0; epoch < epochs; epoch++) {
      // # Forward pass: Compute predictions
      // y_pred = forward(x)  # Predict y using current w and b
      yPred = forward(x);
      //
      // # Compute loss: Measure error between predictions and true values
      // l = loss(y_pred, y_true)  # Calculate MSE loss
      Tensor l = loss(yPred, yTrue);
      //
      // # Backward pass: Compute gradients of loss with respect to w and b
      // l.backward()  # Autograd computes gradients and stores them in w.grad and b.grad
      l.backward();
      //
      // # Update parameters and zero gradients
      // with torch.no_grad():  # Disable gradient tracking for parameter updates to save memory
      try (var noGrad = Torch.noGrad()) {
        // w -= learning_rate * w.grad  # Update weight using gradient descent
        w.sub_(w.grad().mul(learningRate));
        // b -= learning_rate * b.grad  # Update bias using gradient descent
        b.sub_(b.grad().mul(learningRate));
        //
        // # Zero gradients to prevent accumulation for the next iteration
        // w.grad.zero_()  # Clear the gradient of w
        w.grad().zero_();
        // b.grad.zero_()  # Clear the gradient of b
        b.grad().zero_();
      }
      //
      // # Print progress every 10 epochs
      // if epoch % 10 == 0:
      if (epoch % 10 == 0) {
        // print(f'Epoch {epoch}: w = {w.item():.3f}, loss = {l.item():.3f}')
        print(
            "Epoch "
                + epoch
                + ": w = "
                + Py.fixed(w.item(), 3)
                + ", loss = "
                + Py.fixed(l.item(), 3));
      }
    }
    //
    // # Print final learned model
    // print(f'Final prediction: y = {w.item():.3f} * x + {b.item():.3f}')
    print("Final prediction: y = " + Py.fixed(w.item(), 3) + " * x + " + Py.fixed(b.item(), 3));
  }
}
