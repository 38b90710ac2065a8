package org.autograd4j.data;

import java.io.IOException;

/**
 * An IDX file (the MNIST format) is malformed, truncated, hostile or of an unsupported type. The
 * message names the file and the numbers involved.
 *
 * <pre>{@code
 * try {
 *   IdxReader.read(path);
 * } catch (IdxFormatException e) {
 *   System.err.println(e.getMessage()); // "train-images-idx3-ubyte.gz: bad magic ..."
 * }
 * }</pre>
 */
public class IdxFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a complete, human-readable message. */
  public IdxFormatException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the lower-level cause. */
  public IdxFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
