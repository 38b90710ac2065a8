package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.NnOps;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.autograd.GradCheck;
import org.autograd4j.autograd.GradMode;
import org.autograd4j.internal.ScratchArrays;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * Sequential applies a ReLU that follows Linear, Conv1d or Conv2d in the layer's own output storage
 * ({@link NnOps#reluOfUnshared}). Nothing of that may show: the values, the gradients and the graph
 * are those of applying each module in turn.
 */
class SequentialReluTest {

  private static Module[] cnn() {
    return new Module[] {
      new Conv2d(2, 4, 3),
      new ReLU(),
      new MaxPool2d(2),
      new Conv2d(4, 6, 2),
      new ReLU(),
      new Flatten(),
      new Linear(24, 5),
      new ReLU(),
      new Linear(5, 3)
    };
  }

  @Test
  void valuesAndGradientsEqualThoseOfEachModuleInTurn() {
    Torch.manualSeed(31);
    Module[] layers = cnn();
    Sequential seq = new Sequential(layers);
    Tensor input = Torch.randn(3, 2, 8, 8).requiresGrad_();

    Tensor fused = seq.forward(input);
    fused.square().sum().backward();
    float[] fusedInputGrad = input.grad().toFloatArray();
    List<float[]> fusedGrads = grads(seq);

    seq.zeroGrad(true);
    input.grad().zero_();
    Tensor x = input;
    for (Module m : layers) {
      x = m.forward(x);
    }
    x.square().sum().backward();

    assertArrayEquals(x.toFloatArray(), fused.toFloatArray());
    assertArrayEquals(input.grad().toFloatArray(), fusedInputGrad);
    List<float[]> each = grads(seq);
    for (int i = 0; i < each.size(); i++) {
      assertArrayEquals(each.get(i), fusedGrads.get(i), "parameter " + i);
    }
  }

  @Test
  void theGraphNamesTheReluAndTheLayerUnderIt() {
    Torch.manualSeed(32);
    Tensor y = new Sequential(new Linear(3, 4), new ReLU()).forward(Torch.randn(2, 3));
    assertEquals("ReluBackward0", y.gradFn().name());
    assertEquals("AddmmBackward0", y.gradFn().nextFunctions().get(0).function().name());
    Tensor z = new Sequential(new Conv1d(2, 3, 2), new ReLU()).forward(Torch.randn(1, 2, 5));
    assertEquals("ReluBackward0", z.gradFn().name());
    assertEquals("ConvolutionBackward0", z.gradFn().nextFunctions().get(0).function().name());
    Tensor p =
        new Sequential(new Conv2d(1, 2, 3), new ReLU(), new MaxPool2d(2))
            .forward(Torch.randn(1, 1, 6, 6));
    assertEquals("MaxPool2DWithIndicesBackward0", p.gradFn().name());
    var relu = p.gradFn().nextFunctions().get(0).function();
    assertEquals("ReluBackward0", relu.name());
    assertEquals("ConvolutionBackward0", relu.nextFunctions().get(0).function().name());
  }

  @Test
  void reluOfUnsharedWritesIntoItsInputAndBumpsItsVersion() {
    Tensor z = Torch.tensor(new float[] {-1f, 2f, -0f, 3f});
    Tensor y = NnOps.reluOfUnshared(z);
    assertEquals("tensor([0., 2., -0., 3.])", y.toString());
    assertEquals("tensor([0., 2., -0., 3.])", z.toString());
    assertEquals(1, z.version());
    // A view that does not cover its storage gets a new array, as F.relu would.
    Tensor base = Torch.tensor(new float[] {-1f, 2f, -3f});
    Tensor tail = base.narrow(0, 1, 2);
    assertEquals("tensor([2., 0.])", NnOps.reluOfUnshared(tail).toString());
    assertEquals("tensor([-1.,  2., -3.])", base.toString());
  }

  @Test
  void aSubclassThatKeepsItsOutputGetsAReluOfItsOwn() {
    Torch.manualSeed(33);
    KeepsOutput layer = new KeepsOutput();
    Tensor y = new Sequential(layer, new ReLU()).forward(Torch.randn(6, 3));
    float[] kept = layer.output.toFloatArray();
    boolean negative = false;
    for (float v : kept) {
      negative |= v < 0;
    }
    assertTrue(negative, "the kept output was overwritten by the ReLU");
    assertEquals(0, layer.output.version());
    assertEquals("ReluBackward0", y.gradFn().name());
  }

  @Test
  void underNoGradTheValuesAreTheSame() {
    Torch.manualSeed(34);
    Linear fc = new Linear(4, 5);
    Tensor x = Torch.randn(3, 4);
    Tensor expected = F.relu(fc.forward(x));
    try (GradMode.Scope g = Torch.noGrad()) {
      Tensor y = new Sequential(fc, new ReLU()).forward(x);
      assertNull(y.gradFn());
      assertArrayEquals(expected.toFloatArray(), y.toFloatArray());
    }
  }

  @Test
  void gradcheckAndGradgradcheckInFloat64() {
    Torch.manualSeed(35);
    Tensor x = Torch.randn(new int[] {3, 4}, DType.FLOAT64).requiresGrad_();
    Tensor w = Torch.randn(new int[] {5, 4}, DType.FLOAT64).requiresGrad_();
    Tensor b = Torch.randn(new int[] {5}, DType.FLOAT64).requiresGrad_();
    List<Tensor> inputs = List.of(x, w, b);
    assertTrue(
        GradCheck.gradcheck(
            in -> NnOps.reluOfUnshared(F.linear(in.get(0), in.get(1), in.get(2))), inputs));
    assertTrue(
        GradCheck.gradgradcheck(
            in -> NnOps.reluOfUnshared(F.linear(in.get(0), in.get(1), in.get(2))), inputs));
  }

  @Test
  void aConvolutionsOutputGoesToThePoolOnceTheFusedReluAndPoolingAreDone() {
    Torch.manualSeed(36);
    Conv2d conv = new Conv2d(1, 3, 3);
    Tensor x = Torch.randn(2, 1, 7, 9);
    float[] expected = conv.forward(x).toFloatArray(); // 2 x 3 x 5 x 7: a length no other test uses
    new Sequential(conv, new ReLU(), new MaxPool2d(2)).forward(x);
    assertArrayEquals(expected, ScratchArrays.take(expected.length), "the output given back");
  }

  @Test
  void aConvolutionWritesAllOfAnOutputTakenFromThePool() {
    Torch.manualSeed(37);
    Conv2d conv = new Conv2d(2, 3, 2);
    Tensor x = Torch.randn(3, 2, 5, 6); // output 3 x 3 x 4 x 5
    float[] expected = conv.forward(x).toFloatArray();
    float[] junk = new float[expected.length];
    java.util.Arrays.fill(junk, Float.NaN);
    ScratchArrays.give(junk);
    assertArrayEquals(expected, conv.forward(x).toFloatArray());
    assertNotSame(junk, ScratchArrays.take(expected.length), "the convolution took the junk");
  }

  @Test
  void aSubclassKeepsItsConvolutionOutput() {
    Torch.manualSeed(38);
    KeepsConvOutput conv = new KeepsConvOutput();
    Tensor x = Torch.randn(2, 1, 6, 8); // output 2 x 2 x 4 x 6
    new Sequential(conv, new ReLU(), new MaxPool2d(2)).forward(x);
    float[] kept = conv.output.toFloatArray();
    new Conv2d(1, 2, 3).forward(x); // would take the kept output's array, had it been given back
    assertArrayEquals(kept, conv.output.toFloatArray());
  }

  private static List<float[]> grads(Module m) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : m.parameters()) {
      out.add(p.grad().toFloatArray());
    }
    return out;
  }

  /** A Conv2d that keeps what it returns, which Sequential must then leave alone. */
  private static final class KeepsConvOutput extends Conv2d {
    Tensor output;

    KeepsConvOutput() {
      super(1, 2, 3);
    }

    @Override
    public Tensor forward(Tensor input) {
      output = super.forward(input);
      return output;
    }
  }

  /** A Linear that keeps what it returns, which Sequential must then leave alone. */
  private static final class KeepsOutput extends Linear {
    Tensor output;

    KeepsOutput() {
      super(3, 4);
    }

    @Override
    public Tensor forward(Tensor input) {
      output = super.forward(input);
      return output;
    }
  }
}
