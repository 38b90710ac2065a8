package org.autograd4j.internal.kernels;

/**
 * A complete set of compute kernels on primitive arrays. Obtain the process-wide one from {@link
 * Kernels#get()}; callers should keep it in a {@code static final} field so the JIT sees one
 * implementation and inlines through it.
 */
public interface KernelProvider {

  /**
   * Returns a short description, e.g. {@code "vector (256-bit)"} or {@code "scalar"}.
   *
   * @return the provider name
   */
  String name();

  /**
   * Returns the matrix-multiply kernels.
   *
   * @return the GEMM implementation
   */
  Gemm gemm();

  /**
   * Returns the elementwise kernels.
   *
   * @return arithmetic, activations and their gradients on contiguous arrays
   */
  Elementwise elementwise();

  /**
   * Returns the reductions.
   *
   * @return sum, dot, max and row-wise softmax
   */
  Reductions reductions();

  /**
   * Returns the fused optimizer updates.
   *
   * @return Adam and SGD steps
   */
  Optimizers optimizers();

  /**
   * Returns the direct convolution kernels, for the geometries where they beat columns and GEMM.
   *
   * <pre>{@code
   * if (provider.convolutions().hasInputGrad(geometry, outChannels)) { ... }
   * }</pre>
   *
   * @return by default {@link Convolutions#NONE}
   */
  default Convolutions convolutions() {
    return Convolutions.NONE;
  }

  /**
   * Returns the float32 transcendental functions.
   *
   * <pre>{@code
   * provider.floatFunctions().log(x, 0, out, 0, x.length);
   * }</pre>
   *
   * @return by default the scalar reference
   */
  default FloatFunctions floatFunctions() {
    return ScalarFloatFunctions.REFERENCE;
  }
}
