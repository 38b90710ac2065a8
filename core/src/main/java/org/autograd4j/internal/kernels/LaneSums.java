package org.autograd4j.internal.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The sum of a vector's lanes in one fixed order, lane 0 first. {@code reduceLanes(ADD)} leaves its
 * order open, and the two implementations a JVM switches between do differ: the Java fallback that
 * runs until C2 compiles the caller adds the lanes in sequence, C2's compiled reduction in another
 * order. A float sum could then change in its last bits as the JIT progressed (a conv bias gradient
 * differed between two runs in one JVM, bench/RESULTS.md). Adding the stored lanes in sequence
 * costs a few nanoseconds per reduction, and every caller reduces once per dot product, row or
 * block of thousands of elements.
 *
 * <pre>{@code
 * float total = LaneSums.sum(s0.add(s1));   // same bits before and after C2 compiles the caller
 * }</pre>
 */
final class LaneSums {
  private LaneSums() {}

  /**
   * Adds the lanes of {@code v} in order.
   *
   * @param v the vector
   * @return {@code ((v[0] + v[1]) + v[2]) + ...} in float
   */
  static float sum(FloatVector v) {
    float[] lanes = v.toArray();
    float s = lanes[0];
    for (int i = 1; i < lanes.length; i++) {
      s += lanes[i];
    }
    return s;
  }

  /**
   * Adds the lanes of {@code v} in order.
   *
   * @param v the vector
   * @return {@code ((v[0] + v[1]) + v[2]) + ...} in double
   */
  static double sum(DoubleVector v) {
    double[] lanes = v.toArray();
    double s = lanes[0];
    for (int i = 1; i < lanes.length; i++) {
      s += lanes[i];
    }
    return s;
  }
}
