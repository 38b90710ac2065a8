package org.autograd4j.internal.kernels;

/**
 * The vector provider with the float micro-kernel this JDK does not select, so that both kernel
 * shapes are tested on every JDK.
 */
final class OtherFloatKernelProvider implements KernelProvider {
  private final KernelProvider vector;
  private final Gemm gemm;

  OtherFloatKernelProvider(KernelProvider vector) {
    this.vector = vector;
    FloatMicroKernel other =
        Runtime.version().feature() >= 22
            ? new VectorFloatMicroKernel()
            : new UnrolledVectorFloatMicroKernel();
    this.gemm =
        new PackedGemm(
            other, new VectorDoubleMicroKernel(), vector.elementwise(), vector.reductions());
  }

  @Override
  public String name() {
    return vector.name() + " (other float kernel)";
  }

  @Override
  public Gemm gemm() {
    return gemm;
  }

  @Override
  public Elementwise elementwise() {
    return vector.elementwise();
  }

  @Override
  public Reductions reductions() {
    return vector.reductions();
  }

  @Override
  public Optimizers optimizers() {
    return vector.optimizers();
  }

  @Override
  public String toString() {
    return name();
  }
}
