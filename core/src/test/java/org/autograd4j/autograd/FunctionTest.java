package org.autograd4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** Custom autograd Functions; expected behaviour and messages from PyTorch 1.13 runs. */
class FunctionTest {
  private static Tensor vec(double... v) {
    return Torch.tensor(v);
  }

  private static Tensor[] out(Tensor... t) {
    return t;
  }

  /** d(a*b): returns only one gradient, so backward must fail with PyTorch's count message. */
  static final class MyFn extends Function {
    @Override
    public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
      ctx.saveForBackward(in[0], in[1]);
      return out(in[0].mul(in[1]));
    }

    @Override
    public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
      Tensor[] s = ctx.savedTensors();
      return out(g[0].mul(s[1]));
    }
  }

  static final class Mul extends Function {
    @Override
    public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
      ctx.saveForBackward(in[0], in[1]);
      return out(in[0].mul(in[1]));
    }

    @Override
    public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
      Tensor[] s = ctx.savedTensors();
      return out(
          ctx.needsInputGrad(0) ? g[0].mul(s[1]) : null,
          ctx.needsInputGrad(1) ? g[0].mul(s[0]) : null);
    }
  }

  static final class Cube extends Function {
    @Override
    public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
      ctx.saveForBackward(in[0]);
      return out(in[0].pow(3));
    }

    @Override
    public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
      Tensor x = ctx.savedTensors()[0];
      return out(g[0].mul(x.pow(2).mul(3.0)));
    }
  }

  @OnceDifferentiable
  static final class Once extends Function {
    @Override
    public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
      ctx.saveForBackward(in[0]);
      return out(in[0].pow(2));
    }

    @Override
    public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
      return out(g[0].mul(2.0).mul(ctx.savedTensors()[0]));
    }
  }

  static final class OnceOnMethod extends Function {
    @Override
    public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
      ctx.saveForBackward(in[0]);
      return out(in[0].pow(2));
    }

    @Override
    @OnceDifferentiable
    public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
      return out(g[0].mul(2.0).mul(ctx.savedTensors()[0]));
    }
  }

  @Test
  void nodeNameNextFunctionsAndGradients() {
    Tensor a = vec(1, 2).requiresGrad_();
    Tensor b = vec(3, 4).requiresGrad_();
    Tensor y = Function.apply(new Mul(), a, b);
    assertEquals("tensor([3., 8.], grad_fn=<MulBackward>)", y.toString());
    assertEquals(
        "[(<AccumulateGrad>, 0), (<AccumulateGrad>, 0)]", y.gradFn().nextFunctions().toString());
    y.sum().backward();
    assertEquals("tensor([3., 4.])", a.grad().toString());
    assertEquals("tensor([1., 2.])", b.grad().toString());
  }

  @Test
  void instanceApplyAndNeedsInputGrad() {
    List<String> seen = new ArrayList<>();
    Function f =
        new Function() {
          @Override
          public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            seen.add("forward " + ctx.needsInputGrad(0) + " " + ctx.needsInputGrad(1));
            assertFalse(Torch.isGradEnabled()); // forward does not record
            return out(in[0].add(in[1]));
          }

          @Override
          public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            seen.add("backward " + ctx.needsInputGrad(0) + " " + ctx.needsInputGrad(1));
            return out(g[0], g[0]);
          }
        };
    Tensor v = vec(3, 1, 2).requiresGrad_();
    f.apply(v, Torch.ones(3)).sum().backward();
    assertEquals(List.of("forward true false", "backward true false"), seen);
    assertEquals("tensor([1., 1., 1.])", v.grad().toString());
  }

  @Test
  void wrongGradientCountFails() {
    Tensor a = vec(1, 2).requiresGrad_();
    Tensor b = vec(3, 4).requiresGrad_();
    Tensor y = Function.apply(new MyFn(), a, b);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
    assertEquals(
        "function MyFnBackward returned an incorrect number of gradients (expected 2, got 1)",
        e.getMessage());
  }

  @Test
  void extraGradientsMustBeNull() {
    Tensor a = vec(1, 2).requiresGrad_();
    Function extraNulls =
        new Function() {
          @Override
          public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            return out(in[0].mul(2.0));
          }

          @Override
          public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return out(g[0].mul(2.0), null, null);
          }
        };
    extraNulls.apply(a).sum().backward();
    assertEquals("tensor([2., 2.])", a.grad().toString());

    final class Extra2 extends Function {
      @Override
      public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        return out(in[0].mul(2.0));
      }

      @Override
      public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        return out(g[0].mul(2.0), g[0]);
      }
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new Extra2().apply(a).sum().backward());
    assertEquals(
        "function Extra2Backward returned an incorrect number of gradients (expected 1, got 2)",
        e.getMessage());
  }

  @Test
  void wrongGradientShapeFails() {
    final class Bad extends Function {
      @Override
      public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        return out(in[0].mul(2.0));
      }

      @Override
      public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        return out(Torch.ones(3));
      }
    }
    Tensor a = vec(1, 2).requiresGrad_();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new Bad().apply(a).sum().backward());
    assertEquals(
        "Function BadBackward returned an invalid gradient at index 0 - got [3] but expected shape"
            + " compatible with [2]",
        e.getMessage());
  }

  @Test
  void broadcastGradientIsReducedByTheEngine() {
    final class Spread extends Function {
      @Override
      public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        return out(in[0].mul(2.0));
      }

      @Override
      public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        return out(Torch.ones(3, 2)); // compatible with [2]: summed over the leading dim
      }
    }
    Tensor a = vec(1, 2).requiresGrad_();
    new Spread().apply(a).sum().backward();
    assertEquals("tensor([3., 3.])", a.grad().toString());
  }

  @Test
  void gradientForANullInputIsAnError() {
    final class NoneIn extends Function {
      @Override
      public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        return out(in[0].mul(2.0));
      }

      @Override
      public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        return out(g[0].mul(2.0), g[0]);
      }
    }
    Tensor v = vec(1, 2).requiresGrad_();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> new NoneIn().apply(v, null).sum().backward());
    assertEquals(
        "function NoneInBackward returned a gradient different than None at position 2, but the"
            + " corresponding forward input was not a Variable",
        e.getMessage());
  }

  @Test
  void backwardIsDifferentiableUnderCreateGraph() {
    Tensor x = Torch.tensor(2.0).requiresGrad_();
    Tensor g1 = Autograd.grad(new Cube().apply(x), x, true);
    assertEquals("tensor(12., grad_fn=<MulBackward0>)", g1.toString());
    assertEquals("tensor(12.)", Autograd.grad(g1, x).toString());
  }

  @Test
  void onceDifferentiableRefusesSecondDifferentiation() {
    for (Function f : new Function[] {new Once(), new OnceOnMethod()}) {
      // PyTorch: z = Once.apply(x); w = z*z; g = grad(w, x, create_graph) -> 108, grad_fn=<Error>
      Tensor x = Torch.tensor(3.0).requiresGrad_();
      Tensor z = f.apply(x);
      Tensor g = Autograd.grad(z.mul(z), x, true);
      assertEquals("tensor(108., grad_fn=<Error>)", g.toString());
      IllegalStateException e = assertThrows(IllegalStateException.class, g::backward);
      assertEquals(
          "trying to differentiate twice a function that was marked with @once_differentiable",
          e.getMessage());
    }
    // Without a differentiable incoming gradient there is nothing to refuse: a plain result.
    Tensor x = Torch.tensor(3.0).requiresGrad_();
    assertEquals("tensor(6.)", Autograd.grad(new Once().apply(x), x, true).toString());
  }

  @Test
  void savedTensorsAreFreedAndVersionChecked() {
    Tensor a = vec(1, 2).requiresGrad_();
    Tensor y = Function.apply(new Cube(), a).sum();
    y.backward();
    IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
    assertEquals(EngineTest.FREED, e.getMessage());

    Tensor c = a.clone();
    Tensor z = Function.apply(new Cube(), c);
    c.mul_(2.0);
    IllegalStateException v = assertThrows(IllegalStateException.class, () -> z.sum().backward());
    assertTrue(v.getMessage().startsWith("one of the variables needed for gradient computation"));
  }

  @Test
  void markDirtyRebasesTheModifiedInput() {
    final class Dirty extends Function {
      @Override
      public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        in[0].mul_(2.0);
        ctx.markDirty(in[0]);
        return out(in[0]);
      }

      @Override
      public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        return out(g[0].mul(2.0));
      }
    }
    // PyTorch: d is c, c = tensor(6., grad_fn=<DirtyBackward>), c._version 2, x.grad 2
    Tensor x = Torch.tensor(3.0).requiresGrad_();
    Tensor c = x.clone();
    Tensor d = new Dirty().apply(c);
    assertSame(c, d);
    assertEquals("tensor(6., grad_fn=<DirtyBackward>)", c.toString());
    assertEquals(2, c.version());
    c.backward();
    assertEquals("tensor(2.)", x.grad().toString());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Dirty().apply(x));
    assertEquals(
        "a leaf Variable that requires grad has been used in an in-place operation.",
        e.getMessage());
  }

  @Test
  void nonDifferentiableOutputsAndMultipleOutputs() {
    final class Two extends Function {
      @Override
      public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        Tensor twice = in[0].mul(2.0);
        Tensor mask = in[0].gt(1.5).to(in[0].dtype());
        ctx.markNonDifferentiable(mask);
        return out(twice, in[0].mul(3.0), mask);
      }

      @Override
      public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        // outputs that got no gradient arrive as zeros (materialized), as in PyTorch
        return out(g[0].mul(2.0).add(g[1].mul(3.0)).add(g[2]));
      }
    }
    Tensor v = vec(1, 2, 3).requiresGrad_();
    Tensor[] r = new Two().applyAll(v);
    assertEquals("tensor([0., 1., 1.])", r[2].toString());
    assertFalse(r[2].requiresGrad());
    assertEquals("TwoBackward", r[1].gradFn().name());
    assertEquals(1, r[1].outputNr());
    r[0].sum().backward();
    assertEquals("tensor([2., 2., 2.])", v.grad().toString());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Function.apply(new Two(), v));
    assertEquals("Two.forward returned 3 outputs; use applyAll to get all of them", e.getMessage());
  }

  @Test
  void materializeGradsCanBeTurnedOff() {
    List<Boolean> gotNull = new ArrayList<>();
    Function f =
        new Function() {
          @Override
          public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            ctx.setMaterializeGrads(false);
            return out(in[0].mul(2.0), in[0].mul(3.0));
          }

          @Override
          public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            gotNull.add(g[1] == null);
            return out(g[0].mul(2.0));
          }
        };
    Tensor v = vec(1, 2).requiresGrad_();
    f.applyAll(v)[0].sum().backward();
    assertEquals(List.of(true), gotNull);
  }

  @Test
  void inputReturnedUnchangedIsANewTensorAndContextValues() {
    final class Ident extends Function {
      @Override
      public Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        ctx.put("scale", 5.0);
        return out(in[0]);
      }

      @Override
      public Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        double k = ctx.get("scale");
        return out(g[0].mul(k));
      }
    }
    Tensor v = vec(1, 2).requiresGrad_();
    Tensor o = new Ident().apply(v);
    assertNotSame(v, o);
    assertTrue(v.isLeaf());
    assertEquals("IdentBackward", o.gradFn().name());
    o.sum().backward();
    assertEquals("tensor([5., 5.])", v.grad().toString());
  }

  @Test
  void underNoGradNothingIsRecorded() {
    Tensor a = vec(1, 2).requiresGrad_();
    Tensor b = vec(3, 4).requiresGrad_();
    Tensor y;
    try (var g = Torch.noGrad()) {
      y = Function.apply(new Mul(), a, b);
    }
    assertEquals("tensor([3., 8.])", y.toString());
    assertNull(y.gradFn());
  }
}
