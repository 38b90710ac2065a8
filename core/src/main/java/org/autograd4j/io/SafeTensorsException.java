package org.autograd4j.io;

import java.io.IOException;

/**
 * A safetensors file (or in-memory buffer) is malformed, hostile, or uses a feature this reader
 * does not support. The message names the source, the tensor and the numbers involved.
 *
 * <pre>{@code
 * try {
 *   SafeTensors.read(path);
 * } catch (SafeTensorsException e) {
 *   System.err.println(e.getMessage()); // "model.safetensors: tensor 'w': ..."
 * }
 * }</pre>
 */
public class SafeTensorsException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a complete, human-readable message. */
  public SafeTensorsException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the lower-level cause. */
  public SafeTensorsException(String message, Throwable cause) {
    super(message, cause);
  }
}
