package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.Tensor;
import org.autograd4j.nn.functional.F;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolution, pooling, unfold/fold against PyTorch 1.13 (tools/golden/gen_nn_conv.py): float64
 * functional cases to 1e-10, float32 module cases with PyTorch's exported weights to 1e-5, plus
 * gradcheck and gradgradcheck on the functional cases.
 */
class ConvGoldenTest {
  static Stream<Golden.Case> functional() {
    return Golden.load("conv.txt").stream().filter(c -> !c.kind().equals("module"));
  }

  static Stream<Golden.Case> modules() {
    return Golden.load("conv.txt").stream().filter(c -> c.kind().equals("module"));
  }

  private static int[] ints(Golden.Case c, String key, int n, int dflt) {
    if (!c.opts().containsKey(key)) {
      int[] v = new int[n];
      java.util.Arrays.fill(v, dflt);
      return v;
    }
    int[] v = c.ints(key);
    if (v.length == 1 && n == 2) {
      return new int[] {v[0], v[0]};
    }
    return v;
  }

  /** Runs case {@code c} on the given tensors (x, w, b by name). */
  static Tensor call(Golden.Case c, Map<String, Tensor> t) {
    Tensor x = t.get("x");
    Tensor w = t.get("w");
    Tensor b = t.get("b");
    switch (c.kind()) {
      case "conv2d":
        if ("same".equals(c.s("padding"))) {
          return F.conv2d(
              x,
              w,
              b,
              ints(c, "stride", 2, 1),
              "same",
              ints(c, "dilation", 2, 1),
              c.i("groups", 1));
        }
        return F.conv2d(
            x,
            w,
            b,
            ints(c, "stride", 2, 1),
            ints(c, "padding", 2, 0),
            ints(c, "dilation", 2, 1),
            c.i("groups", 1));
      case "conv1d":
        if ("same".equals(c.s("padding"))) {
          return F.conv1d(x, w, b, c.i("stride", 1), "same", c.i("dilation", 1), c.i("groups", 1));
        }
        return F.conv1d(
            x, w, b, c.i("stride", 1), c.i("padding", 0), c.i("dilation", 1), c.i("groups", 1));
      case "convt2d":
        return F.convTranspose2d(
            x,
            w,
            b,
            ints(c, "stride", 2, 1),
            ints(c, "padding", 2, 0),
            ints(c, "output_padding", 2, 0),
            c.i("groups", 1),
            ints(c, "dilation", 2, 1));
      case "maxpool":
        return F.maxPool2d(
            x,
            ints(c, "kernel", 2, 1),
            c.opts().containsKey("stride") ? ints(c, "stride", 2, 1) : null,
            ints(c, "padding", 2, 0),
            ints(c, "dilation", 2, 1),
            c.b("ceil_mode"));
      case "avgpool":
        return F.avgPool2d(
            x,
            ints(c, "kernel", 2, 1),
            c.opts().containsKey("stride") ? ints(c, "stride", 2, 1) : null,
            ints(c, "padding", 2, 0),
            c.b("ceil_mode"),
            !"False".equals(c.s("count_include_pad")),
            c.i("divisor", 0));
      case "adaptive":
        return F.adaptiveAvgPool2d(x, ints(c, "size", 2, 1));
      case "unfold":
        return F.unfold(
            x,
            ints(c, "kernel", 2, 1),
            ints(c, "dilation", 2, 1),
            ints(c, "padding", 2, 0),
            ints(c, "stride", 2, 1));
      case "fold":
        return F.fold(
            x,
            ints(c, "size", 2, 1),
            ints(c, "kernel", 2, 1),
            ints(c, "dilation", 2, 1),
            ints(c, "padding", 2, 0),
            ints(c, "stride", 2, 1));
      default:
        throw new IllegalArgumentException(c.kind());
    }
  }

  private static Map<String, Tensor> inputs(Golden.Case c) {
    Map<String, Tensor> t = new LinkedHashMap<>();
    for (String k : List.of("x", "w", "b")) {
      if (c.opt(k) != null) {
        t.put(k, c.t(k).requiresGrad_());
      }
    }
    return t;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functional")
  void functionalMatchesPyTorch(Golden.Case c) {
    Map<String, Tensor> t = inputs(c);
    Tensor out = call(c, t);
    Golden.assertClose(c.t("out"), out, 1e-12, 1e-10, c.id());
    if (c.kind().equals("maxpool")) {
      Tensor[] withIdx =
          F.maxPool2dWithIndices(
              t.get("x"),
              ints(c, "kernel", 2, 1),
              c.opts().containsKey("stride") ? ints(c, "stride", 2, 1) : null,
              ints(c, "padding", 2, 0),
              ints(c, "dilation", 2, 1),
              c.b("ceil_mode"));
      assertEquals(c.t("indices").toString(), withIdx[1].toString());
    }
    out.mul(c.t("ct")).sum().backward();
    for (Map.Entry<String, Tensor> e : t.entrySet()) {
      Golden.assertClose(
          c.t("g" + e.getKey()), e.getValue().grad(), 1e-12, 1e-10, c.id() + " grad " + e.getKey());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functional")
  void firstAndSecondDerivativesAreConsistent(Golden.Case c) {
    Map<String, Tensor> t = inputs(c);
    List<String> names = new ArrayList<>(t.keySet());
    List<Tensor> values = new ArrayList<>(t.values());
    java.util.function.Function<List<Tensor>, Tensor> fn =
        in -> {
          Map<String, Tensor> m = new LinkedHashMap<>();
          for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), in.get(i));
          }
          return call(c, m);
        };
    NnGradCheck.gradcheck(fn, values);
    NnGradCheck.gradgradcheck(fn, values);
  }

  static Module build(String spec) {
    switch (spec) {
      case "conv2d":
        return new Conv2d(3, 4, 3, 2, 1, 1, 1, true);
      case "conv1d":
        return new Conv1d(2, 4, 3, 1, 1, 1, 2, false);
      case "convt2d":
        return new ConvTranspose2d(3, 2, 3, 2, 1, 1, 1, true, 1);
      case "lenet":
        return new Sequential(
            new Conv2d(1, 4, 5),
            new ReLU(),
            new MaxPool2d(2),
            new Conv2d(4, 6, 3),
            new ReLU(),
            new AdaptiveAvgPool2d(new int[] {2, 2}),
            new Flatten(),
            new Linear(24, 10));
      default:
        throw new IllegalArgumentException(spec);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void modulesWithPyTorchWeightsMatch(Golden.Case c) {
    Module m = build(c.s("spec"));
    Map<String, Tensor> sd = new LinkedHashMap<>();
    c.tensors()
        .forEach(
            (k, v) -> {
              if (k.startsWith("sd.")) {
                sd.put(k.substring(3), v);
              }
            });
    assertEquals("<All keys matched successfully>", m.loadStateDict(sd).toString());
    Tensor x = c.t("x").requiresGrad_();
    assertEquals(DType.FLOAT32, x.dtype());
    Tensor out = m.forward(x);
    Golden.assertClose(c.t("out"), out, 1e-5, 1e-4, c.id());
    out.mul(c.t("ct")).sum().backward();
    Golden.assertClose(c.t("gx"), x.grad(), 1e-5, 1e-4, c.id() + " grad x");
    for (Map.Entry<String, Parameter> p : m.namedParameters().entrySet()) {
      Golden.assertClose(
          c.t("g." + p.getKey()), p.getValue().grad(), 1e-5, 1e-4, c.id() + " grad " + p.getKey());
    }
  }
}
