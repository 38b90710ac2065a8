package org.autograd4j.internal.kernels;

/** The plain-Java reference kernels: no dependency beyond {@code java.base}. */
final class ScalarKernelProvider implements KernelProvider {
  private final Elementwise elementwise = new ScalarElementwise();
  private final Reductions reductions = new ScalarReductions();
  private final Gemm gemm =
      new PackedGemm(
          new ScalarFloatMicroKernel(), new ScalarDoubleMicroKernel(), elementwise, reductions);
  private final Optimizers optimizers = new ScalarOptimizers();

  @Override
  public String name() {
    return "scalar";
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
  public String toString() {
    return name();
  }
}
