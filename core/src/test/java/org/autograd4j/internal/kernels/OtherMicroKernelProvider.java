package org.autograd4j.internal.kernels;

/**
 * The vector provider with the GEMM micro-kernels this JDK does not select, so that both kernel
 * shapes are tested on every JDK.
 */
final class OtherMicroKernelProvider implements KernelProvider {
  private final KernelProvider vector;
  private final Gemm gemm;

  OtherMicroKernelProvider(KernelProvider vector) {
    this.vector = vector;
    boolean unrolledSelected = Runtime.version().feature() >= 22;
    FloatMicroKernel floats =
        unrolledSelected ? new VectorFloatMicroKernel() : new UnrolledVectorFloatMicroKernel();
    DoubleMicroKernel doubles =
        unrolledSelected ? new VectorDoubleMicroKernel() : new UnrolledVectorDoubleMicroKernel();
    this.gemm = new PackedGemm(floats, doubles, vector.elementwise(), vector.reductions());
  }

  @Override
  public String name() {
    return vector.name() + " (other micro-kernels)";
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
