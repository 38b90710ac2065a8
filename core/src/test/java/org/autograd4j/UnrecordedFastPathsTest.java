package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shortcuts ops take when they record no graph: in-place arithmetic and fills written where the
 * tensor lies, {@code x op scalar} without the 0-dim scalar tensor, {@code sumToSize} straight into
 * the target shape, {@code x ** 1} as a copy. Each must give the values of the general path (the
 * scalar reference loops, or the recorded op) and keep its semantics: version counter, views,
 * dtype, errors, and no change on failure.
 */
class UnrecordedFastPathsTest {
  private final Random random = new Random(7);

  private Tensor random(DType dtype, int... shape) {
    double[] v = new double[Shapes.numel(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextGaussian() * 3 + 0.5;
    }
    return Creation.fromDoubles(v, shape, dtype);
  }

  private static Tensor applyInPlace(FastPaths.Binary op, Tensor self, Tensor other) {
    switch (op) {
      case ADD:
        return self.add_(other);
      case SUB:
        return self.sub_(other);
      case MUL:
        return self.mul_(other);
      default:
        return self.div_(other);
    }
  }

  private static Tensor applyScalar(FastPaths.Binary op, Tensor x, double s) {
    switch (op) {
      case ADD:
        return x.add(s);
      case SUB:
        return x.sub(s);
      case MUL:
        return x.mul(s);
      default:
        return x.div(s);
    }
  }

  @ParameterizedTest
  @EnumSource(FastPaths.Binary.class)
  void inPlaceArithmeticMatchesReferenceBumpsVersionAndShowsThroughViews(FastPaths.Binary op) {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      // A same-shape operand, a broadcast row (a bias), a 0-dim scalar and an expanded one.
      Tensor[] others = {random(t, 3, 17), random(t, 17), random(t), random(t, 1).expand(3, 17)};
      for (Tensor other : others) {
        for (boolean noGrad : new boolean[] {true, false}) {
          Tensor self = random(t, 3, 17);
          Tensor expected = Kernels.zip(self, other, t, FastPathsTest.reference(op), null);
          Tensor view = self.view(-1);
          int version = self.version();
          Tensor returned;
          if (noGrad) {
            try (var g = Torch.noGrad()) {
              returned = applyInPlace(op, self, other);
            }
          } else {
            returned = applyInPlace(op, self, other); // nothing requires grad: unrecorded too
          }
          String what = op + " " + t + " other " + Shapes.str(other.shape);
          assertEquals(self, returned, what);
          // Exact: a double operation rounded to float is the correctly rounded float operation.
          assertArrayEquals(expected.toDoubleArray(), self.toDoubleArray(), 0.0, what);
          assertArrayEquals(expected.toDoubleArray(), view.toDoubleArray(), 0.0, what);
          assertEquals(version + 1, self.version(), what);
          assertEquals(t, self.dtype(), what);
        }
      }
    }
  }

  @Test
  void inPlaceWithAnOperandOnTheSameStorageSeesTheOldValues() {
    // self = x[0:4], other = x[1:5]: the shortcut refuses a shared storage, and the general path
    // reads every operand value before it writes.
    Tensor x = Torch.tensor(new double[] {1, 2, 4, 8, 16});
    try (var g = Torch.noGrad()) {
      x.narrow(0, 0, 4).add_(x.narrow(0, 1, 4));
    }
    assertArrayEquals(new double[] {3, 6, 12, 24, 16}, x.toDoubleArray(), 0.0);
  }

  @Test
  void inPlaceOnANonContiguousTensorWritesOnlyItsElements() {
    Tensor x = Torch.tensor(new double[][] {{1, 2}, {3, 4}});
    try (var g = Torch.noGrad()) {
      x.t().mul_(Torch.tensor(new double[] {10, 100}));
    }
    // x.t() is [[1, 3], [2, 4]]; times [10, 100] by row: [[10, 300], [20, 400]] = x [[10, 20],
    // ...].
    assertArrayEquals(new double[] {10, 20, 300, 400}, x.toDoubleArray(), 0.0);
  }

  @Test
  void inPlaceFloatIntoAnIntegerTensorFailsAndLeavesItUnchanged() {
    Tensor x = Torch.tensor(new long[] {1, 2, 3});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> x.add_(Torch.tensor(new double[] {1, 1, 1})));
    assertEquals("result type Float can't be cast to the desired output type Long", e.getMessage());
    assertArrayEquals(new long[] {1, 2, 3}, x.toLongArray());
    assertEquals(0, x.version());
  }

  @Test
  void inPlaceWithAWiderOperandFailsAndLeavesSelfUnchanged() {
    Tensor x = Torch.tensor(new double[] {1, 2, 3});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> x.sub_(Torch.ones(2, 3)));
    assertEquals("output with shape [3] doesn't match the broadcast shape [2, 3]", e.getMessage());
    assertArrayEquals(new double[] {1, 2, 3}, x.toDoubleArray(), 0.0);
    assertEquals(0, x.version());
  }

  @Test
  void inPlaceOnALeafThatRequiresGradIsStillRefusedOutsideNoGrad() {
    Tensor w = Torch.ones(3).requiresGrad_();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> w.add_(Torch.ones(3)));
    assertEquals(
        "a leaf Variable that requires grad is being used in an in-place operation.",
        e.getMessage());
    assertArrayEquals(new double[] {1, 1, 1}, w.toDoubleArray(), 0.0);
  }

  @Test
  void fillAndZeroWriteWhereTheTensorLies() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
      Tensor x = Torch.ones(new int[] {2, 3}, t);
      Tensor row = x.select(0, 1);
      try (var g = Torch.noGrad()) {
        row.fill_(2.5);
      }
      double v = t == DType.INT64 ? 2 : 2.5;
      assertArrayEquals(new double[] {1, 1, 1, v, v, v}, x.toDoubleArray(), 0.0, t.toString());
      assertEquals(1, x.version(), t.toString());
      x.t().zero_(); // non-contiguous: the general path
      assertArrayEquals(new double[6], x.toDoubleArray(), 0.0, t.toString());
      assertEquals(2, x.version(), t.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(FastPaths.Binary.class)
  void scalarOpsMatchTheScalarRoundedToTheTensorsDtype(FastPaths.Binary op) {
    double s = 0.1; // not exact in float32: the float32 result must use (float) 0.1
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      Tensor contiguous = random(t, 4, 9);
      Tensor[] inputs = {contiguous, contiguous.t(), random(t).expand(4, 9)};
      for (Tensor x : inputs) {
        Tensor expected =
            Kernels.zip(x, Creation.full(new int[0], s, t), t, FastPathsTest.reference(op), null);
        Tensor y = applyScalar(op, x, s);
        String what = op + " " + t + " strides " + Shapes.str(x.strides);
        assertEquals(t, y.dtype(), what);
        assertArrayEquals(expected.shape, y.shape, what);
        assertArrayEquals(expected.toDoubleArray(), y.toDoubleArray(), 0.0, what);
        assertNotSame(x.storage, y.storage, what);
        assertNull(y.gradFn(), what);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FastPaths.Binary.class)
  void scalarOpsOnOneRepeatedFloat32ValueUseTheScalarRoundedToFloat32(FastPaths.Binary op) {
    // (float) (v op 0.1) and v op (float) 0.1 differ for a few percent of values: try many.
    float s = (float) 0.1;
    DoubleBinaryOperator f = FastPathsTest.reference(op);
    for (int i = 0; i < 500; i++) {
      float v = (float) (random.nextGaussian() * 100);
      Tensor x = Torch.tensor(new double[] {v}, DType.FLOAT32).expand(3);
      float expected = (float) f.applyAsDouble(v, s);
      assertEquals(expected, (float) applyScalar(op, x, 0.1).toDoubleArray()[2], 0f, op + " " + v);
    }
  }

  private static Tensor applyScalarInPlace(FastPaths.Binary op, Tensor self, double s) {
    switch (op) {
      case ADD:
        return self.add_(s);
      case SUB:
        return self.sub_(s);
      case MUL:
        return self.mul_(s);
      default:
        return self.div_(s);
    }
  }

  @ParameterizedTest
  @EnumSource(FastPaths.Binary.class)
  void scalarInPlaceOpsWriteWhereTheTensorLies(FastPaths.Binary op) {
    double s = 0.1; // not exact in float32: the float32 result must use (float) 0.1
    DoubleBinaryOperator f = FastPathsTest.reference(op);
    int old = Torch.getNumThreads();
    try {
      for (int threads : new int[] {1, 2}) {
        Torch.setNumThreads(threads);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
          float sFloat = (float) s;
          for (int which = 0; which < 3; which++) {
            // 3 rows of 40000: more than one parallel chunk a row, so two threads split one.
            Tensor base = random(t, 3, 40000);
            Tensor positions = Torch.arange(3 * 40000).to(DType.FLOAT64).view(3, 40000);
            // A row (contiguous at an offset), columns (not contiguous), the whole tensor.
            Tensor self = which == 0 ? base.select(0, 1) : which == 1 ? base.narrow(1, 5, 3) : base;
            double[] at =
                (which == 0
                        ? positions.select(0, 1)
                        : which == 1 ? positions.narrow(1, 5, 3) : positions)
                    .toDoubleArray();
            double[] expected = base.view(-1).toDoubleArray();
            for (double p : at) {
              double v = expected[(int) p];
              expected[(int) p] =
                  t == DType.FLOAT32 ? (float) f.applyAsDouble(v, sFloat) : f.applyAsDouble(v, s);
            }
            Object storage = self.storage;
            int version = base.version();
            Tensor returned;
            try (var g = Torch.noGrad()) {
              returned = applyScalarInPlace(op, self, s);
            }
            String what = op + " " + t + " threads " + threads + " " + Shapes.str(self.shape);
            assertSame(self, returned, what);
            assertSame(storage, self.storage, what);
            assertEquals(t, self.dtype(), what);
            // Exact, elements outside self untouched, the write seen through the base.
            assertArrayEquals(expected, base.view(-1).toDoubleArray(), 0.0, what);
            assertEquals(version + 1, base.version(), what);
          }
        }
      }
    } finally {
      Torch.setNumThreads(old);
    }
  }

  @Test
  void scalarInPlaceOnAnIntegerTensorFailsAndLeavesItUnchanged() {
    Tensor x = Torch.tensor(new long[] {1, 2, 3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.mul_(2.5));
    assertEquals("result type Float can't be cast to the desired output type Long", e.getMessage());
    assertArrayEquals(new long[] {1, 2, 3}, x.toLongArray());
    assertEquals(0, x.version());
  }

  @Test
  void scalarInPlaceOnAResultThatRequiresGradIsRecorded() {
    Tensor w = Torch.tensor(new double[] {1, 2}).requiresGrad_();
    Tensor y = w.mul(1.0);
    y.mul_(3.0);
    assertEquals("MulBackward0", y.gradFn().name());
    y.sum().backward();
    assertArrayEquals(new double[] {3, 3}, w.grad().toDoubleArray(), 0.0);
  }

  @Test
  void scalarOpsOnATensorThatRequiresGradAreStillRecorded() {
    Tensor x = Torch.tensor(new double[] {1, 2}).requiresGrad_();
    Tensor y = x.mul(3.0);
    assertEquals("MulBackward0", y.gradFn().name());
    y.sum().backward();
    assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray(), 0.0);
  }

  @Test
  void sumToSizeUnrecordedSumsTheBroadcastDimensions() {
    for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      Tensor g = random(t, 2, 3, 4);
      double[] v = g.toDoubleArray();
      double[] expected = new double[3]; // sumToSize(3, 1): over dims 0 and 2
      double[] expectedLead = new double[12]; // sumToSize(3, 4): over the leading dim
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          for (int k = 0; k < 4; k++) {
            expected[j] += v[(i * 3 + j) * 4 + k];
            expectedLead[j * 4 + k] += v[(i * 3 + j) * 4 + k];
          }
        }
      }
      double tol = t == DType.FLOAT32 ? 1e-5 : 1e-12;
      Tensor s = g.sumToSize(3, 1);
      assertArrayEquals(new int[] {3, 1}, s.shape);
      assertEquals(t, s.dtype());
      assertArrayEquals(expected, s.toDoubleArray(), tol, t.toString());
      Tensor lead = g.sumToSize(3, 4);
      assertArrayEquals(new int[] {3, 4}, lead.shape);
      assertArrayEquals(expectedLead, lead.toDoubleArray(), tol, t.toString());
    }
  }

  @Test
  void powOneUnrecordedIsAnExactCopy() {
    Tensor x =
        Torch.tensor(
            new double[] {-0.0, Double.NaN, Double.POSITIVE_INFINITY, -3.25, 1e-310},
            DType.FLOAT64);
    Tensor y = x.pow(1);
    assertNotSame(x.storage, y.storage);
    double[] in = x.toDoubleArray();
    double[] out = y.toDoubleArray();
    for (int i = 0; i < in.length; i++) {
      assertEquals(
          Double.doubleToRawLongBits(in[i]), Double.doubleToRawLongBits(out[i]), "at " + i);
    }
    Tensor w = Torch.tensor(new double[] {2, 3}).requiresGrad_();
    assertEquals("PowBackward0", w.pow(1).gradFn().name());
  }
}
