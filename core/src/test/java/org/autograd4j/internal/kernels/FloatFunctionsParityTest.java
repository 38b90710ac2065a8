package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector {@link FloatFunctions} against the scalar reference, which is {@code (float)
 * Math.f(x)} (sigmoid: PyTorch's float steps; gelu: {@link Erfc#float32}): each function within its
 * allowance ({@link FloatFunctions#LOG_ULPS} and the others), on a million arguments a function
 * from every part of the float range, on the edges of each method, and around the vector width.
 */
class FloatFunctionsParityTest {
  private static final int OFF = 3;

  private FloatFunctions scalar;
  private FloatFunctions vector;

  @BeforeEach
  void providers() {
    scalar = Kernels.scalar().floatFunctions();
    assumeTrue(Kernels.vector().isPresent(), "no Vector API in this JVM");
    vector = Kernels.vector().get().floatFunctions();
  }

  /** One of the functions, as (provider, x, xOff, out, outOff, n). */
  private interface Function {
    void apply(FloatFunctions f, float[] x, int xOff, float[] out, int outOff, int n);
  }

  private static final String[] NAMES = {"log", "sin", "cos", "tanh", "sigmoid", "gelu"};

  /** How far each function may be from the reference, in {@link FloatUlps}. */
  private static final long[] ALLOWED_ULPS = {
    FloatFunctions.LOG_ULPS,
    FloatFunctions.SIN_COS_ULPS,
    FloatFunctions.SIN_COS_ULPS,
    FloatFunctions.TANH_ULPS,
    FloatFunctions.SIGMOID_ULPS,
    FloatFunctions.GELU_ULPS
  };

  private static final Function[] FUNCTIONS = {
    FloatFunctions::log,
    FloatFunctions::sin,
    FloatFunctions::cos,
    FloatFunctions::tanh,
    FloatFunctions::sigmoid,
    FloatFunctions::gelu
  };

  /** Infinities and zeros must match exactly, the sign of a zero included. */
  private static boolean sameKind(float expected, float actual) {
    boolean exact = Float.isInfinite(expected) || Float.isInfinite(actual);
    exact |= expected == 0f && actual == 0f;
    return !exact || Float.floatToRawIntBits(expected) == Float.floatToRawIntBits(actual);
  }

  /** Compares the two providers on x, read from offset OFF and written at offset 1. */
  private void check(String what, float[] x) {
    int n = x.length;
    float[] in = new float[n + OFF];
    System.arraycopy(x, 0, in, OFF, n);
    for (int f = 0; f < FUNCTIONS.length; f++) {
      float[] expected = new float[n + 2];
      float[] actual = new float[n + 2];
      expected[0] = actual[0] = 7f;
      expected[n + 1] = actual[n + 1] = 9f;
      FUNCTIONS[f].apply(scalar, in, OFF, expected, 1, n);
      FUNCTIONS[f].apply(vector, in, OFF, actual, 1, n);
      for (int i = 0; i < n + 2; i++) {
        long allowed = i == 0 || i == n + 1 ? 0 : ALLOWED_ULPS[f];
        if (FloatUlps.between(expected[i], actual[i]) > allowed
            || !sameKind(expected[i], actual[i])) {
          throw new AssertionError(
              String.format(
                  "%s(%s) on %s, n=%d: reference %s, vector %s, more than %d ulps apart",
                  NAMES[f],
                  i == 0 || i == n + 1 ? "outside the range" : Float.toString(x[i - 1]),
                  what,
                  n,
                  expected[i],
                  actual[i],
                  allowed));
        }
      }
    }
  }

  @Test
  void matchesOnEverySizeAroundTheVectorWidthAndTheBlock() {
    Random random = new Random(3);
    List<Integer> sizes = new ArrayList<>();
    for (int n : TestData.SIZES) {
      sizes.add(n);
    }
    // The vector loops work in blocks of 1024.
    sizes.addAll(List.of(1023, 1024, 1025, 2048 + 13));
    for (int n : sizes) {
      check("random", TestData.floats(random, n, 8f, true));
    }
  }

  @Test
  void matchesOverTheWholeFloatRange() {
    Random random = new Random(17);
    int n = 1 << 20;
    float[] bits = new float[n];
    float[] normal = new float[n];
    float[] magnitudes = new float[n];
    for (int i = 0; i < n; i++) {
      bits[i] = Float.intBitsToFloat(random.nextInt()); // every exponent, NaNs and infinities
      normal[i] = (float) (random.nextGaussian() * 4);
      magnitudes[i] =
          (float) ((random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble() * 16 - 9));
    }
    check("random bit patterns", bits);
    check("normal, sd 4", normal);
    check("magnitudes 1e-9 to 1e7", magnitudes);
  }

  @Test
  void matchesAtTheEdgesOfEachMethod() {
    List<Float> edges = new ArrayList<>();
    float[] special = {
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      0f,
      -0f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      Float.MIN_NORMAL,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      1f,
      -1f,
      // log: the mantissa's range [sqrt(1/2), sqrt(2)), and the scaling of subnormals
      1.4142135f,
      1.4142137f,
      0.70710677f,
      0.7071068f,
      Math.nextDown(Float.MIN_NORMAL),
      Math.nextUp(Float.MIN_NORMAL),
      // tanh: the switch from the polynomial at 0.625, and from x itself at 2^-12
      0.625f,
      Math.nextDown(0.625f),
      0x1p-12f,
      Math.nextDown(0x1p-12f),
      -0x1p-12f,
      -0.625f,
      // sin, cos: the fallback at 1.6e6, and the float nearest a large multiple of pi/2
      1.6e6f,
      Math.nextDown(1.6e6f),
      -1.6e6f,
      (float) (1e5 * Math.PI / 2),
      0.7853982f,
      // exp's clamps (sigmoid, tanh and gelu) and gelu's far tails
      88.7f,
      -88.7f,
      104f,
      -104f,
      -5.5f,
      -13f,
      -30f,
      30f,
    };
    for (float v : special) {
      edges.add(v);
    }
    // Neighbours of multiples of pi/2, where the reduced argument is smallest.
    for (int k = -2000; k <= 2000; k++) {
      float near = (float) (k * Math.PI / 2);
      edges.add(Math.nextDown(near));
      edges.add(near);
      edges.add(Math.nextUp(near));
    }
    float[] x = new float[edges.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = edges.get(i);
    }
    check("edges", x);
  }

  @Test
  void writesInPlace() {
    float[] x = TestData.floats(new Random(5), 100, 4f, true);
    for (int f = 0; f < FUNCTIONS.length; f++) {
      float[] expected = new float[x.length];
      FUNCTIONS[f].apply(vector, x, 0, expected, 0, x.length);
      float[] inPlace = x.clone();
      FUNCTIONS[f].apply(vector, inPlace, 0, inPlace, 0, x.length);
      assertArrayEquals(expected, inPlace, NAMES[f]);
    }
  }

  @Test
  void referenceIsMathRoundedToFloat() {
    // Independent of either provider's code: a few values from Math, and sigmoid's float steps
    // (sigmoid(6.7f) is 0.99877053f, one below the correctly rounded 0.9987706f).
    float[] x = {0.5f, 2f, 6.7f};
    float[] out = new float[3];
    scalar.log(x, 0, out, 0, 3);
    assertArrayEquals(new float[] {-0.6931472f, 0.6931472f, 1.9021075f}, out);
    scalar.tanh(x, 0, out, 0, 3);
    assertArrayEquals(new float[] {0.46211717f, 0.9640276f, 0.99999696f}, out);
    scalar.sigmoid(x, 0, out, 0, 3);
    assertEquals(0.99877053f, out[2]);
  }
}
