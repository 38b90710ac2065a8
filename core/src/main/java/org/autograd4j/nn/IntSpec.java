package org.autograd4j.nn;

/**
 * A size argument as the user gave it, an int or a tuple, so reprs print it back the same way
 * ({@code kernel_size=2} vs {@code kernel_size=(2, 3)}).
 */
final class IntSpec {
  private final int[] values;
  private final boolean scalar;

  private IntSpec(int[] values, boolean scalar) {
    this.values = values;
    this.scalar = scalar;
  }

  static IntSpec of(int v) {
    return new IntSpec(new int[] {v, v}, true);
  }

  static IntSpec of(int[] v) {
    if (v.length != 2) {
      throw new IllegalArgumentException("expected 2 sizes (height, width), got " + v.length);
    }
    return new IntSpec(v.clone(), false);
  }

  int[] pair() {
    return values.clone();
  }

  @Override
  public String toString() {
    return scalar ? Integer.toString(values[0]) : Repr.tuple(values);
  }
}
