/**
 * File formats for tensors, independent of {@code Tensor}: {@link org.autograd4j.io.SafeTensors}
 * reads and writes huggingface's safetensors format byte-compatibly, treating every input file as
 * hostile, and {@link org.autograd4j.io.AtomicFiles} saves all-or-nothing.
 *
 * <pre>{@code
 * SafeTensorsFile f = SafeTensors.read(Path.of("model.safetensors"));
 * }</pre>
 */
package org.autograd4j.io;
