package org.autograd4j.nn;

import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.nn.functional.F;

/**
 * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}: a lookup table of learnable
 * vectors, initialised N(0, 1) with the padding row zero; the padding row gets no gradient.
 *
 * <pre>{@code
 * Embedding emb = new Embedding(10, 3, 0L);
 * emb.forward(Torch.tensor(new long[] {1, 0})).shape(); // torch.Size([2, 3])
 * }</pre>
 */
public class Embedding extends Module {
  private final int numEmbeddings;
  private final int embeddingDim;
  private final Long paddingIdx;

  /** Shape {@code (num_embeddings, embedding_dim)}. */
  public final Parameter weight;

  /** No padding index. */
  public Embedding(int numEmbeddings, int embeddingDim) {
    this(numEmbeddings, embeddingDim, null);
  }

  /** With a padding index (negative counts from the end; null for none). */
  public Embedding(int numEmbeddings, int embeddingDim, Long paddingIdx) {
    this(numEmbeddings, embeddingDim, paddingIdx, Torch.randn(numEmbeddings, embeddingDim), true);
  }

  private Embedding(int rows, int dim, Long paddingIdx, Tensor init, boolean zeroPadding) {
    if (paddingIdx != null && (paddingIdx >= rows || paddingIdx < -rows)) {
      throw new IllegalArgumentException(
          paddingIdx >= rows
              ? "Padding_idx must be within num_embeddings"
              : "Padding_idx must be within num_embeddings");
    }
    this.numEmbeddings = rows;
    this.embeddingDim = dim;
    this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
    this.weight = registerParameter("weight", new Parameter(init));
    if (zeroPadding && this.paddingIdx != null) {
      try (var g = Torch.noGrad()) {
        weight.select(0, (int) (long) this.paddingIdx).fill_(0);
      }
    }
  }

  /**
   * {@code nn.Embedding.from_pretrained(embeddings, freeze, padding_idx)}: a table holding {@code
   * embeddings} (not copied), trainable unless {@code freeze}.
   */
  public static Embedding fromPretrained(Tensor embeddings, boolean freeze, Long paddingIdx) {
    if (embeddings.dim() != 2) {
      throw new IllegalArgumentException("Embeddings parameter is expected to be 2-dimensional");
    }
    Embedding e =
        new Embedding(embeddings.size(0), embeddings.size(1), paddingIdx, embeddings, false);
    e.weight.requiresGrad_(!freeze);
    return e;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.embedding(input, weight, paddingIdx);
  }

  @Override
  protected String extraRepr() {
    return numEmbeddings
        + ", "
        + embeddingDim
        + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
  }
}
