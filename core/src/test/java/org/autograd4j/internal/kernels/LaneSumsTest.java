package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lane sums add lane 0 first and each next lane in turn: values whose sum depends on the order give
 * the sequential result, whatever the vector length.
 */
class LaneSumsTest {

  @BeforeEach
  void vectorApi() {
    assumeTrue(Kernels.vector().isPresent(), "no Vector API in this JVM");
  }

  @Test
  void floatLanesAreAddedInOrder() {
    int n = FloatVector.SPECIES_PREFERRED.length();
    float[] lanes = new float[n];
    for (int i = 0; i < n; i++) {
      // 1e8 absorbs the ones that follow it until -1e8 cancels it: order matters.
      lanes[i] = i % 4 == 0 ? 1e8f : i % 4 == 2 ? -1e8f : 1f + i;
    }
    float expected = lanes[0];
    for (int i = 1; i < n; i++) {
      expected += lanes[i];
    }
    FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, lanes, 0);
    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(LaneSums.sum(v)));
  }

  @Test
  void negativeZeroLanesSumToNegativeZero() {
    int n = FloatVector.SPECIES_PREFERRED.length();
    float[] lanes = new float[n];
    java.util.Arrays.fill(lanes, -0.0f);
    FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, lanes, 0);
    assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(LaneSums.sum(v)));
  }

  @Test
  void doubleLanesAreAddedInOrder() {
    int n = DoubleVector.SPECIES_PREFERRED.length();
    double[] lanes = new double[n];
    for (int i = 0; i < n; i++) {
      lanes[i] = i % 2 == 0 ? 1e17 * (i % 4 == 0 ? 1 : -1) : 3.0 + i;
    }
    double expected = lanes[0];
    for (int i = 1; i < n; i++) {
      expected += lanes[i];
    }
    DoubleVector v = DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, lanes, 0);
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(LaneSums.sum(v)));
  }
}
