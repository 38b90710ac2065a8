package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}: normalises over the trailing
 * dims, with a learnable elementwise scale (ones) and shift (zeros).
 *
 * <pre>{@code
 * new LayerNorm(5).toString(); // LayerNorm((5,), eps=1e-05, elementwise_affine=True)
 * }</pre>
 */
public class LayerNorm extends Module {
  private final int[] normalizedShape;
  private final double eps;
  private final boolean elementwiseAffine;

  /** Shape {@code normalizedShape} (null without affine). */
  public final Parameter weight;

  /** Shape {@code normalizedShape} (null without affine). */
  public final Parameter bias;

  /** Normalises over the last dim of size {@code size}. */
  public LayerNorm(int size) {
    this(new int[] {size}, 1e-5, true);
  }

  /** All options. */
  public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
    this.normalizedShape = normalizedShape.clone();
    this.eps = eps;
    this.elementwiseAffine = elementwiseAffine;
    if (elementwiseAffine) {
      weight = registerParameter("weight", new Parameter(Torch.ones(normalizedShape)));
      bias = registerParameter("bias", new Parameter(Torch.zeros(normalizedShape)));
    } else {
      weight = null;
      bias = null;
      registerParameter("weight", null);
      registerParameter("bias", null);
    }
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.layerNorm(input, normalizedShape, weight, bias, eps);
  }

  @Override
  protected String extraRepr() {
    return Repr.tuple(normalizedShape)
        + ", eps="
        + Repr.py(eps)
        + ", elementwise_affine="
        + Repr.py(elementwiseAffine);
  }
}
