/**
 * Data sets and their file formats, independent of {@code Tensor}: {@link
 * org.autograd4j.data.IdxReader} reads MNIST-style IDX files, plain or gzip-compressed, treating
 * every input file as hostile.
 *
 * <pre>{@code
 * IdxFile labels = IdxReader.read(Path.of("train-labels-idx1-ubyte.gz"));
 * }</pre>
 */
package org.autograd4j.data;
