package org.autograd4j.examples.seeds;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * Seed 001, "Autograd: handling gradients in PyTorch": manual derivatives against autograd, a
 * binary classifier's gradients by hand and by {@code backward()}, and gradient accumulation.
 */
public final class Seed001HandlingGradients extends Notebook {
  Tensor x;
  Tensor y;
  Tensor z;
  Tensor w;
  Tensor b;
  Tensor yPredicted;
  Tensor loss;
  Tensor dlossDyPred;
  Tensor dyPredDz;
  Tensor dzDw;
  int dzDb;
  Tensor dLDw;
  Tensor dLDb;

  /** Registers the notebook's cells. */
  public Seed001HandlingGradients() {
    super("001", "Autograd: handling gradients in PyTorch");
    cell("7", this::cell7);
    cell("3", this::cell3);
    cell("6", this::cell6);
    cell(" ", this::cellUnrun1);
    // How to use Autograd
    cell("21", this::cell21);
    cell("22", this::cell22);
    cell("23", this::cell23);
    cell("24", this::cell24);
    cell(" ", this::cellUnrun2);
    cell("25", this::cell25);
    cell("26", this::cell26);
    cell("27", this::cell27);
    cell("28", this::cell28);
    cell("31", this::cell31);
    // Training a simple binary classifier manually
    cell("32", this::cell32);
    cell("33", this::cell33);
    cell("34", this::cell34);
    cell("35", this::cell35);
    cell("39", this::cell39);
    cell("40", this::cell40);
    // Doing the same work but with coolness of PyTorch
    cell("41", this::cell41);
    cell("42", this::cell42);
    cell("43", this::cell43);
    cell("44", this::cell44);
    cell("45", this::cell45);
    cell("46", this::cell46);
    cell("47", this::cell47);
    cell("48", this::cell48);
    // Be aware of Gradient Accumulation
    cell("54", this::cell54);
    cell("62", this::cell62);
    cell("63", this::cell63);
    cell("64", this::cell64);
    cell("61", this::cell61);
    cell(" ", this::cellUnrun3);
  }

  void cell7() {
    // import math
    // import torch
  }

  // # y = x^2
  // # dy_dx = 2*x
  // def dy_dx(x):
  //     return 2*x
  static int dyDx(int x) {
    return 2 * x;
  }

  void cell3() {
    // dy_dx(3)
    display(dyDx(3));
  }

  // # z = sin(y)
  // # chain rule -> dz_dx = dz_dy * dy_dx
  // # dz_dy = cos(y) = cos(x^2)
  // def dz_dx(x):
  //     return 2*x*math.cos(x**2)
  static double dzDx(int x) {
    return 2 * x * StrictMath.cos(x * x);
  }

  void cell6() {
    // dz_dx(3)
    display(dzDx(3));
  }

  void cellUnrun1() {
    // # -[ylog(y_hat)+(1-y)log(1-y_hat)]
  }

  void cell21() {
    // x = torch.tensor(3.0, requires_grad=True) #requires_grad is False by default
    x = Torch.tensor(3.0).requiresGrad_();
  }

  void cell22() {
    // y = x**2
    y = x.pow(2);
  }

  void cell23() {
    // x
    display(x);
  }

  void cell24() {
    // y
    display(y);
  }

  void cellUnrun2() {
    // # y.backward()
  }

  void cell25() {
    // x.grad
    display(x.grad());
  }

  void cell26() {
    // z = torch.sin(y)
    z = Torch.sin(y);
    // z
    display(z);
  }

  void cell27() {
    // z.backward()
    z.backward();
  }

  void cell28() {
    // x.grad
    display(x.grad());
  }

  void cell31() {
    // y.grad
    display(y.grad());
  }

  void cell32() {
    // # inputs
    // x = torch.tensor(6.7) # cgpa
    x = Torch.tensor(6.7);
    // y = torch.tensor(0.0) # not placed
    y = Torch.tensor(0.0);

    // # parameters
    // w = torch.tensor(1.0) #weight
    w = Torch.tensor(1.0);
    // b = torch.tensor(0.0) #bias
    b = Torch.tensor(0.0);
  }

  void cell33() {
    // # Binary cross entropy for loss function: binaryCrossEntropyLoss below
  }

  // def binary_cross_entropy_loss(y_predicted, y_target):
  static Tensor binaryCrossEntropyLoss(Tensor yPredicted, Tensor yTarget) {
    // epsilon = 1e-8 # to prevent log(0)
    double epsilon = 1e-8;
    // y_predicted = torch.clamp(y_predicted, epsilon, 1-epsilon)
    yPredicted = Torch.clamp(yPredicted, epsilon, 1 - epsilon);
    // return -(y_target*torch.log(y_predicted) + (1-y_target)*torch.log(1-y_predicted))
    return yTarget
        .mul(Torch.log(yPredicted))
        .add(yTarget.rsub(1).mul(Torch.log(yPredicted.rsub(1))))
        .neg();
  }

  void cell34() {
    // # forward pass

    // # 1. linear transform
    // z = w * x + b
    z = w.mul(x).add(b);

    // # 2. sigmoid
    // y_predicted = torch.sigmoid(z)
    yPredicted = Torch.sigmoid(z);

    // # 3. compute loss
    // loss = binary_cross_entropy_loss(y_predicted, y)
    loss = binaryCrossEntropyLoss(yPredicted, y);
  }

  void cell35() {
    // loss
    display(loss);
  }

  void cell39() {
    // # backpropagation

    // # 1. dL/d(y_pred): Loss with respect to the prediction (y_pred)
    // dloss_dy_pred = (y_predicted - y)/(y_predicted* (1-y_predicted) )
    dlossDyPred = yPredicted.sub(y).div(yPredicted.mul(yPredicted.rsub(1)));
    // # 2. dy_pred/dz: Prediction (y_pred) with respect to z (sigmoid derivative)
    // dy_pred_dz = y_predicted * (1 - y_predicted)
    dyPredDz = yPredicted.mul(yPredicted.rsub(1));
    // # 3. dz/dw and dz/db: z with respect to w and b
    // dz_dw = x
    dzDw = x;
    // dz_db = 1
    dzDb = 1;
    // # dz/dw = x|
    // # dz/db = 1 (bias contributes directly to z)
    // dL_dw = dloss_dy_pred * dy_pred_dz * dz_dw
    dLDw = dlossDyPred.mul(dyPredDz).mul(dzDw);
    // dL_db = dloss_dy_pred * dy_pred_dz * dz_db
    dLDb = dlossDyPred.mul(dyPredDz).mul(dzDb);
  }

  void cell40() {
    // print(f"Manual gradient of loss wrt weight dw: {dL_dw}")
    print("Manual gradient of loss wrt weight dw: " + f(dLDw));
    // print(f"Manual gradient of loss wrt bias db: {dL_db}")
    print("Manual gradient of loss wrt bias db: " + f(dLDb));
  }

  void cell41() {
    // x = torch.tensor(6.7)
    x = Torch.tensor(6.7);
    // y = torch.tensor(0.0)
    y = Torch.tensor(0.0);
  }

  void cell42() {
    // w = torch.tensor(1.0, requires_grad=True)
    w = Torch.tensor(1.0).requiresGrad_();
    // b = torch.tensor(0.0, requires_grad=True)
    b = Torch.tensor(0.0).requiresGrad_();
  }

  void cell43() {
    // z = w*x + b
    z = w.mul(x).add(b);
    // z
    display(z);
  }

  void cell44() {
    // y_predicted = torch.sigmoid(z)
    yPredicted = Torch.sigmoid(z);
    // y_predicted
    display(yPredicted);
  }

  void cell45() {
    // loss = binary_cross_entropy_loss(y_predicted, y)
    loss = binaryCrossEntropyLoss(yPredicted, y);
    // loss
    display(loss);
  }

  void cell46() {
    // loss.backward()
    loss.backward();
  }

  void cell47() {
    // print(w.grad)
    print(w.grad());
  }

  void cell48() {
    // print(b.grad)
    print(b.grad());
  }

  void cell54() {
    // x = torch.tensor(2.0, requires_grad=True)
    x = Torch.tensor(2.0).requiresGrad_();
    // x
    display(x);
  }

  void cell62() {
    // y = x**2
    y = x.pow(2);
    // y
    display(y);
  }

  void cell63() {
    // y.backward()
    y.backward();
  }

  void cell64() {
    // x.grad
    display(x.grad());
  }

  void cell61() {
    // x.grad.zero_()
    display(x.grad().zero_());
  }

  void cellUnrun3() {
    // # x.requires_grad_(False)
    // # use this when grad needs to be turned off
  }
}
