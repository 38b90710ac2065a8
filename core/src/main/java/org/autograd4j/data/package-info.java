/**
 * Data sets and loading, as {@code torch.utils.data}: {@link org.autograd4j.data.Dataset}, {@link
 * org.autograd4j.data.TensorDataset}, {@link org.autograd4j.data.Subset}, {@link
 * org.autograd4j.data.Datasets#randomSplit}, {@link org.autograd4j.data.DataLoader} (batching,
 * seeded shuffling, background prefetching), the {@link org.autograd4j.data.FashionMNIST} data set,
 * and {@link org.autograd4j.data.IdxReader} for MNIST-style IDX files, plain or gzip-compressed,
 * treating every input file as hostile.
 *
 * <pre>{@code
 * FashionMNIST train = FashionMNIST.load(null, true);
 * for (Tensor[] batch : DataLoader.builder(train).batchSize(64).shuffle(true).seed(1).build()) {
 *   Tensor images = batch[0], labels = batch[1];
 * }
 * }</pre>
 */
package org.autograd4j.data;
