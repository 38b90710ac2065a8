package org.autograd4j.ops;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.autograd4j.Tensor;

/**
 * One registered op, as PyTorch's OpInfo: the function under test, the Tensor methods it covers and
 * sample inputs (float64; fresh tensors on every call, so in-place samples cannot leak state).
 *
 * @param name a readable, unique name (used in test names)
 * @param covers the public Tensor method names this entry exercises (checked by the coverage test)
 * @param fn the function under test
 * @param samples sample argument lists; tensors that require grad are the ones differentiated
 * @param twice whether the op is twice differentiable (then gradgradcheck runs too)
 */
record OpInfo(
    String name,
    Set<String> covers,
    Function<List<Tensor>, Tensor> fn,
    Supplier<List<List<Tensor>>> samples,
    boolean twice) {

  @Override
  public String toString() {
    return name;
  }
}
