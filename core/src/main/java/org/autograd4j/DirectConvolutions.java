package org.autograd4j;

import org.autograd4j.internal.kernels.Conv2dGeometry;
import org.autograd4j.internal.kernels.Convolutions;

/**
 * A float32 convolution's forward, input gradient and weight gradient through the kernel provider's
 * direct kernels ({@link Convolutions}), which read images and gradients as they are: no unfolded
 * columns. {@link NnConvOps} calls these for the geometries the provider takes, and keeps columns
 * and GEMM for the rest. Each splits the batch into ranges of samples, one per kernel thread.
 *
 * <pre>{@code
 * Convolutions kernels = Kernels.get().convolutions();
 * if (kernels.hasInputGrad(geometry, outChannels)) {
 *   Tensor dx = DirectConvolutions.inputGrad(kernels, grad, weight, geometry);
 * }
 * }</pre>
 */
final class DirectConvolutions {
  private DirectConvolutions() {}

  /**
   * {@link NnConvOps#convolveInBlocks}'s convolution through the provider's direct kernel ({@link
   * Convolutions#forward}), each thread on its own range of samples, into {@code out}: no columns.
   * The CNN's second layer (batch 64, one thread, no grad): 587-646 us against 725-834 through
   * columns; in the training step, one JVM alternating both every 50 steps: forward 2068 -> 1818
   * and 3138 -> 2872 us on JDK 17, 1854 -> 1664 us on JDK 25.
   */
  static void forward(
      Convolutions kernels,
      Tensor xc,
      Tensor wc,
      float[] biases,
      Conv2dGeometry g,
      int outChannels,
      float[] out) {
    float[] arranged = kernels.forwardWeight(wc.storage.floats(), wc.offset, g, outChannels);
    float[] xs = xc.storage.floats();
    int plane = g.channels() * g.height() * g.width();
    int outPlane = outChannels * g.outH() * g.outW();
    SampleChunks.run(
        xc.shape[0],
        SampleChunks.count(xc.shape[0], (long) g.colRows() * g.colCols()),
        (chunk, lo, hi) -> {
          for (int s = lo; s < hi; s++) {
            kernels.forward(
                xs, xc.offset + s * plane, arranged, biases, g, outChannels, out, s * outPlane);
          }
        });
  }

  /**
   * {@link NnConvOps#convInputGrad} through the provider's direct kernel ({@link
   * Convolutions#inputGrad}), each thread on its own range of samples: no columns' gradient and no
   * fold. The CNN's second layer (batch 64, one thread): 1.10-1.21 ms through the row-span fold,
   * 0.64-0.92 ms here; the training step 10-14% faster (bench/RESULTS.md, fourteenth session).
   */
  static Tensor inputGrad(Convolutions kernels, Tensor g, Tensor weight, Conv2dGeometry geo) {
    int n = g.shape[0];
    int og = weight.shape[0];
    Tensor gc = g.contiguousData();
    Tensor wc = weight.contiguousData();
    Tensor out =
        Creation.full(new int[] {n, geo.channels(), geo.height(), geo.width()}, 0, DType.FLOAT32);
    float[] arranged = kernels.inputGradWeight(wc.storage.floats(), wc.offset, geo, og);
    float[] grads = gc.storage.floats();
    float[] image = out.storage.floats();
    int plane = geo.channels() * geo.height() * geo.width();
    int gSize = og * geo.outH() * geo.outW();
    SampleChunks.run(
        n,
        SampleChunks.count(n, plane + gSize),
        (part, lo, hi) -> {
          for (int s = lo; s < hi; s++) {
            kernels.inputGrad(grads, gc.offset + s * gSize, arranged, geo, og, image, s * plane);
          }
        });
    return out;
  }

  /**
   * {@link NnConvOps#convWeightGrad} through the provider's direct kernel ({@link
   * Convolutions#weightGrad}): no columns. Each thread sums its own range of samples, and the
   * ranges' sums are added in order, so the result does not depend on scheduling. The CNN's second
   * layer (batch 64, one thread, no grad): 711-759 us against 806-1007 through columns; in the
   * training step, one JVM alternating both every 50 steps: backward 2781 -> 2558 us on JDK 17,
   * 2672 -> 2634 us on JDK 25.
   */
  static Tensor weightGrad(
      Convolutions kernels, Tensor xc, Tensor gc, Conv2dGeometry geo, int[] weightShape) {
    int n = xc.shape[0];
    int o = weightShape[0];
    int plane = geo.channels() * geo.height() * geo.width();
    int gPlane = o * geo.outH() * geo.outW();
    int chunks = SampleChunks.count(n, (long) geo.colRows() * geo.colCols());
    Tensor[] partials = new Tensor[chunks];
    SampleChunks.run(
        n,
        chunks,
        (chunk, lo, hi) -> {
          Tensor sum = Creation.full(weightShape, 0, DType.FLOAT32);
          kernels.weightGrad(
              xc.storage.floats(),
              xc.offset + lo * plane,
              gc.storage.floats(),
              gc.offset + lo * gPlane,
              hi - lo,
              geo,
              o,
              sum.storage.floats(),
              0);
          partials[chunk] = sum;
        });
    return SampleChunks.sumInOrder(partials);
  }
}
