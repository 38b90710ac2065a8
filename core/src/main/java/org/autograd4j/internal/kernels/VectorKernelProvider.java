package org.autograd4j.internal.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * Kernels on the JDK Vector API ({@code jdk.incubator.vector}). Only ever loaded reflectively by
 * {@link Kernels}, so that the rest of the library never links against the incubator module.
 */
final class VectorKernelProvider implements KernelProvider {
  private final int bitSize;
  private final Gemm gemm;
  private final Elementwise elementwise;
  private final Reductions reductions;
  private final Optimizers optimizers;
  private final Convolutions convolutions = new VectorConvolutions();
  private final FloatFunctions floatFunctions = new VectorFloatFunctions();

  /**
   * Creates the provider, touching the Vector API first so that a missing module fails here, where
   * {@link Kernels} catches it, rather than at a later kernel call.
   */
  VectorKernelProvider() {
    this.bitSize = FloatVector.SPECIES_PREFERRED.vectorBitSize();
    if (bitSize < 128) {
      throw new UnsupportedOperationException(
          "preferred vector size is " + bitSize + " bits; no SIMD benefit");
    }
    this.elementwise = new VectorElementwise();
    this.reductions = new VectorReductions(elementwise);
    this.gemm = new PackedGemm(floatKernel(), doubleKernel(), elementwise, reductions);
    this.optimizers = new VectorOptimizers();
  }

  /**
   * The float micro-kernel whose loop shape this JDK's C2 compiles best: measured on JDK 17 and 25;
   * JDK 22 rewrote the Vector API's memory access, so 22+ is assumed to behave like 25.
   */
  private static FloatMicroKernel floatKernel() {
    return Runtime.version().feature() >= 22
        ? new UnrolledVectorFloatMicroKernel()
        : new VectorFloatMicroKernel();
  }

  /** The double micro-kernel for this JDK, chosen like {@link #floatKernel()}. */
  private static DoubleMicroKernel doubleKernel() {
    return Runtime.version().feature() >= 22
        ? new UnrolledVectorDoubleMicroKernel()
        : new VectorDoubleMicroKernel();
  }

  @Override
  public FloatFunctions floatFunctions() {
    return floatFunctions;
  }

  @Override
  public String name() {
    return "vector (" + bitSize + "-bit)";
  }

  @Override
  public Gemm gemm() {
    return gemm;
  }

  @Override
  public Elementwise elementwise() {
    return elementwise;
  }

  @Override
  public Reductions reductions() {
    return reductions;
  }

  @Override
  public Optimizers optimizers() {
    return optimizers;
  }

  @Override
  public Convolutions convolutions() {
    return convolutions;
  }

  @Override
  public String toString() {
    return name();
  }
}
