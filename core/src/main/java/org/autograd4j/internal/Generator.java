package org.autograd4j.internal;

import java.util.SplittableRandom;

/**
 * The default random number generator behind {@code Torch.rand}, {@code randn}, {@code randint} and
 * shuffling. Seeded with {@code Torch.manualSeed}. Its streams are not PyTorch's: seeded runs are
 * reproducible within autograd4j, not bit-identical to PyTorch's.
 */
public final class Generator {
  private static final Generator DEFAULT = new Generator(67280421310721L);

  private SplittableRandom random;
  private double spareGaussian = Double.NaN;

  /** A generator with the given seed. */
  public Generator(long seed) {
    manualSeed(seed);
  }

  /** The process-wide default generator. */
  public static Generator defaultGenerator() {
    return DEFAULT;
  }

  /** Resets the stream to the one determined by {@code seed}. */
  public synchronized void manualSeed(long seed) {
    random = new SplittableRandom(seed);
    spareGaussian = Double.NaN;
  }

  /** Uniform in [0, 1). */
  public synchronized double nextDouble() {
    return random.nextDouble();
  }

  /** Uniform float in [0, 1), never rounding up to 1. */
  public synchronized float nextFloat() {
    return (random.nextInt() >>> 8) * 0x1.0p-24f;
  }

  /** Uniform long in [low, high). */
  public synchronized long nextLong(long low, long high) {
    return random.nextLong(low, high);
  }

  /** Standard normal, by the Box-Muller transform. */
  public synchronized double nextGaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double g = spareGaussian;
      spareGaussian = Double.NaN;
      return g;
    }
    double u1 = 1.0 - random.nextDouble(); // in (0, 1]: log is finite
    double u2 = random.nextDouble();
    double r = Math.sqrt(-2.0 * Math.log(u1));
    spareGaussian = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }
}
