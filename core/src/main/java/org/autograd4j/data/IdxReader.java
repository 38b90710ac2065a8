package org.autograd4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (detected by the
 * gzip magic bytes, not the file name). Every size the header claims is checked before memory is
 * committed to it: against the file length for plain files, and for gzip by growing the buffer only
 * as data actually arrives.
 *
 * <pre>{@code
 * IdxFile images = IdxReader.read(Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"));
 * IdxFile labels = IdxReader.read(Path.of("/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz"));
 * }</pre>
 */
public final class IdxReader {
  /**
   * Default cap on the data a file may claim: 1 GiB, twenty times the largest MNIST-family file, so
   * a tiny gzip bomb cannot make us inflate gigabytes.
   */
  public static final long DEFAULT_MAX_DATA_BYTES = 1L << 30;

  /** Java arrays are int-indexed and some VMs reserve a few header words. */
  private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  /** First buffer for gzip data; it doubles as data arrives, up to the claimed size. */
  private static final int INITIAL_GZIP_BUFFER = 1 << 20;

  private IdxReader() {}

  /**
   * Reads a whole file, with the {@link #DEFAULT_MAX_DATA_BYTES} cap.
   *
   * <pre>{@code
   * IdxFile f = IdxReader.read(Path.of("t10k-labels-idx1-ubyte.gz"));
   * }</pre>
   *
   * @throws IdxFormatException if the file is not valid IDX (or not valid gzip)
   * @throws IOException if it cannot be read
   */
  public static IdxFile read(Path path) throws IOException {
    return read(path, DEFAULT_MAX_DATA_BYTES);
  }

  /**
   * Reads a whole file, refusing one whose header claims more than {@code maxDataBytes} of data.
   *
   * <pre>{@code
   * IdxFile f = IdxReader.read(path, 64L << 20);
   * }</pre>
   */
  public static IdxFile read(Path path, long maxDataBytes) throws IOException {
    String name = path.toString();
    long fileSize = Files.size(path);
    try (InputStream file = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      file.mark(2);
      boolean gzip = file.read() == 0x1f && file.read() == 0x8b;
      file.reset();
      if (!gzip) {
        return parse(file, name, fileSize, maxDataBytes);
      }
      try (InputStream in = new GZIPInputStream(file, 1 << 16)) {
        return parse(in, name, -1, maxDataBytes);
      } catch (ZipException | EOFException e) {
        // Corrupt or truncated compressed data: a format problem of the file, not an I/O failure.
        throw new IdxFormatException(
            name + ": corrupt or truncated gzip data: " + e.getMessage(), e);
      }
    }
  }

  /**
   * @param knownSize the real total byte count, or -1 when unknown (compressed)
   */
  private static IdxFile parse(InputStream in, String name, long knownSize, long maxDataBytes)
      throws IOException {
    byte[] magic = readHeaderBytes(in, 4, name, "magic number");
    if (magic[0] != 0 || magic[1] != 0) {
      throw new IdxFormatException(
          String.format(
              "%s: bad magic %02x %02x %02x %02x, expected 00 00 <type> <ndims>",
              name, magic[0], magic[1], magic[2], magic[3]));
    }
    IdxType type = IdxType.fromCode(magic[2] & 0xFF);
    if (type == null) {
      throw new IdxFormatException(
          String.format(
              "%s: unknown element type 0x%02x (IDX defines 08, 09, 0B, 0C, 0D, 0E)",
              name, magic[2] & 0xFF));
    }
    int ndims = magic[3] & 0xFF;
    if (ndims == 0) {
      throw new IdxFormatException(name + ": zero dimensions");
    }
    byte[] dimBytes = readHeaderBytes(in, 4 * ndims, name, ndims + " dimension sizes");
    int[] dims = new int[ndims];
    long bytes = type.size();
    for (int i = 0; i < ndims; i++) {
      int d =
          (dimBytes[4 * i] & 0xFF) << 24
              | (dimBytes[4 * i + 1] & 0xFF) << 16
              | (dimBytes[4 * i + 2] & 0xFF) << 8
              | (dimBytes[4 * i + 3] & 0xFF);
      if (d < 0) {
        throw new IdxFormatException(
            name + ": dimension " + i + " is " + Integer.toUnsignedString(d) + ", absurdly large");
      }
      dims[i] = d;
      // long overflows only after 2^63; stop at the array limit long before that.
      bytes = bytes * d;
      if (bytes > MAX_ARRAY_BYTES) {
        throw new IdxFormatException(
            name
                + ": dims "
                + Arrays.toString(Arrays.copyOf(dims, i + 1))
                + (i + 1 < ndims ? "..." : "")
                + " of "
                + type
                + " exceed the "
                + MAX_ARRAY_BYTES
                + "-byte array limit");
      }
    }
    if (bytes > maxDataBytes) {
      throw new IdxFormatException(
          name
              + ": dims "
              + Arrays.toString(dims)
              + " claim "
              + bytes
              + " bytes of data, more than the limit of "
              + maxDataBytes);
    }
    long headerSize = 4 + 4L * ndims;
    byte[] data;
    if (knownSize >= 0) {
      long available = knownSize - headerSize;
      if (available != bytes) {
        throw new IdxFormatException(
            name
                + ": dims "
                + Arrays.toString(dims)
                + " of "
                + type
                + " need "
                + bytes
                + " data bytes but the file has "
                + available
                + (available < bytes ? " (truncated)" : " (trailing bytes)"));
      }
      data = in.readNBytes((int) bytes);
      if (data.length != bytes) {
        throw new IdxFormatException(name + ": file shrank while being read");
      }
    } else {
      data = readGrowing(in, (int) bytes, name, dims);
    }
    if (in.read() != -1) {
      throw new IdxFormatException(
          name
              + ": trailing data after the "
              + bytes
              + " bytes that dims "
              + Arrays.toString(dims)
              + " need");
    }
    return new IdxFile(type, dims, data);
  }

  /** Reads exactly {@code claimed} bytes, allocating only in step with what actually arrives. */
  private static byte[] readGrowing(InputStream in, int claimed, String name, int[] dims)
      throws IOException {
    byte[] buf = new byte[Math.min(claimed, INITIAL_GZIP_BUFFER)];
    int filled = 0;
    while (filled < claimed) {
      if (filled == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(claimed, 2L * buf.length));
      }
      int n = in.read(buf, filled, buf.length - filled);
      if (n < 0) {
        throw new IdxFormatException(
            name
                + ": dims "
                + Arrays.toString(dims)
                + " claim "
                + claimed
                + " data bytes but the stream ended after "
                + filled);
      }
      filled += n;
    }
    return buf;
  }

  private static byte[] readHeaderBytes(InputStream in, int n, String name, String what)
      throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new IdxFormatException(
          name
              + ": truncated: the file ends inside the "
              + what
              + " ("
              + b.length
              + " of "
              + n
              + " bytes)");
    }
    return b;
  }
}
