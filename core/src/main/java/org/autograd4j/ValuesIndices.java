package org.autograd4j;

/**
 * The result of a reduction along a dim that also locates its winners, as PyTorch's {@code
 * torch.return_types.max}: {@code values} (differentiable) and {@code indices} (int64).
 *
 * <pre>{@code
 * ValuesIndices m = x.max(1);
 * m.values();  // the row maxima, grad_fn=<MaxBackward0>
 * m.indices(); // where they are
 * }</pre>
 *
 * @param values the reduced values
 * @param indices the position of each value along the reduced dim
 */
public record ValuesIndices(Tensor values, Tensor indices) {}
