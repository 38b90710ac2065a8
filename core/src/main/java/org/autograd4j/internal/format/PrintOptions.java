package org.autograd4j.internal.format;

/**
 * PyTorch's default print options ({@code torch.set_printoptions(profile="default")}).
 *
 * <p>They are constants because autograd4j has no {@code set_printoptions} yet; keeping them in one
 * place makes adding one later a local change.
 */
final class PrintOptions {
  /** Digits after the point for {@code {:.4f}} and {@code {:.4e}}. */
  static final int PRECISION = 4;

  /** Tensors with more elements than this are summarised with {@code ...}. */
  static final long THRESHOLD = 1000;

  /** Items kept at each end of a summarised dimension. */
  static final int EDGE_ITEMS = 3;

  /** Target line width used to wrap vectors and suffixes. */
  static final int LINE_WIDTH = 80;

  private PrintOptions() {}
}
