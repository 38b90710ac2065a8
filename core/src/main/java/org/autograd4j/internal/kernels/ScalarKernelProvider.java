package org.autograd4j.internal.kernels;

/** The plain-Java reference kernels: no dependency beyond {@code java.base}. */
final class ScalarKernelProvider implements KernelProvider {
  private final Gemm gemm =
      new PackedGemm(new ScalarFloatMicroKernel(), new ScalarDoubleMicroKernel());

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public Gemm gemm() {
    return gemm;
  }

  @Override
  public String toString() {
    return name();
  }
}
