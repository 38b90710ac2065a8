package org.autograd4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.DType;

/**
 * Reads and validates a safetensors file. Every size the file claims is checked against the real
 * length of the source before anything of that size is allocated, so a hostile file costs at most
 * its own length in memory.
 */
final class SafeTensorsReader {
  /** The reference reader's limit; a larger header is refused before reading it. */
  static final long MAX_HEADER_BYTES = 100_000_000L;

  /** Java arrays are int-indexed and some VMs reserve a few header words. */
  static final long MAX_TENSOR_BYTES = Integer.MAX_VALUE - 8;

  /** Random access to the bytes of a file or buffer of known, real length. */
  interface Source {
    long size() throws IOException;

    /** Fills {@code dst} from {@code position}; fails if the source ends first. */
    void readFully(long position, byte[] dst) throws IOException;
  }

  private SafeTensorsReader() {}

  static Source of(FileChannel channel, String name) {
    return new Source() {
      @Override
      public long size() throws IOException {
        return channel.size();
      }

      @Override
      public void readFully(long position, byte[] dst) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(dst);
        while (buf.hasRemaining()) {
          // Positional reads: the file may shrink under us, which must not loop forever.
          if (channel.read(buf, position + buf.position()) < 0) {
            throw new SafeTensorsException(
                name
                    + ": file ended at byte "
                    + (position + buf.position())
                    + " while reading "
                    + dst.length
                    + " bytes at offset "
                    + position
                    + " (was it truncated while being read?)");
          }
        }
      }
    };
  }

  static Source of(byte[] bytes) {
    return new Source() {
      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public void readFully(long position, byte[] dst) {
        System.arraycopy(bytes, Math.toIntExact(position), dst, 0, dst.length);
      }
    };
  }

  static SafeTensorsFile read(Source src, String name) throws IOException {
    long size = src.size();
    if (size < 8) {
      throw new SafeTensorsException(
          name + ": truncated: " + size + " bytes, too short for the 8-byte header length");
    }
    byte[] lengthBytes = new byte[8];
    src.readFully(0, lengthBytes);
    long n = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    // n is a u64; a negative long means at least 2^63, which no file can hold.
    if (n < 0 || n > MAX_HEADER_BYTES) {
      throw new SafeTensorsException(
          name
              + ": header length "
              + Long.toUnsignedString(n)
              + " exceeds the limit of "
              + MAX_HEADER_BYTES
              + " bytes");
    }
    if (n > size - 8) {
      throw new SafeTensorsException(
          name
              + ": header length "
              + n
              + " is larger than the "
              + (size - 8)
              + " bytes that follow it (file is "
              + size
              + " bytes; truncated?)");
    }
    byte[] headerBytes = new byte[(int) n];
    src.readFully(8, headerBytes);
    SafeTensorsHeader header = SafeTensorsHeader.parse(decodeUtf8(headerBytes, name), name);

    long dataStart = 8 + n;
    long dataLength = size - dataStart;
    List<SafeTensorsHeader.Info> infos = validate(header, dataLength, name);

    Map<String, SafeTensorsEntry> tensors = new LinkedHashMap<>();
    for (SafeTensorsHeader.Info info : infos) {
      byte[] data = new byte[(int) (info.end - info.begin)];
      src.readFully(dataStart + info.begin, data);
      tensors.put(
          info.name,
          new SafeTensorsEntry(
              info.name, SafeTensorsDTypes.fromCode(info.dtype), toIntShape(info.shape), data));
    }
    return new SafeTensorsFile(tensors, header.metadata);
  }

  private static String decodeUtf8(byte[] bytes, String name) throws SafeTensorsException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SafeTensorsException(name + ": header is not valid UTF-8", e);
    }
  }

  /**
   * Checks the reference's layout rules: sorted by offset, tensors tile the data area from 0 to its
   * end without gaps or overlaps, and each span is exactly numel * itemSize bytes. Returns the
   * infos in offset order.
   */
  private static List<SafeTensorsHeader.Info> validate(
      SafeTensorsHeader header, long dataLength, String name) throws SafeTensorsException {
    List<SafeTensorsHeader.Info> infos = new ArrayList<>(header.tensors);
    for (SafeTensorsHeader.Info info : infos) {
      checkDType(info, name);
    }
    infos.sort(
        Comparator.comparingLong((SafeTensorsHeader.Info i) -> i.begin)
            .thenComparingLong(i -> i.end));
    long expected = 0;
    String previous = null;
    for (SafeTensorsHeader.Info info : infos) {
      String where = name + ": tensor '" + info.name + "': ";
      String offsets = "data_offsets [" + info.begin + ", " + info.end + "]";
      if (info.begin > info.end) {
        throw new SafeTensorsException(where + offsets + " has begin > end");
      }
      if (info.end > dataLength) {
        throw new SafeTensorsException(
            where + offsets + " lies outside the data area of " + dataLength + " bytes");
      }
      if (info.begin < expected) {
        throw new SafeTensorsException(
            where + offsets + " overlaps tensor '" + previous + "', which ends at " + expected);
      }
      if (info.begin > expected) {
        throw new SafeTensorsException(
            where
                + offsets
                + " leaves a gap of "
                + (info.begin - expected)
                + " bytes after "
                + (previous == null ? "the start of the data area" : "tensor '" + previous + "'"));
      }
      long bytes = byteSize(info, where);
      if (info.end - info.begin != bytes) {
        throw new SafeTensorsException(
            where
                + "dtype "
                + info.dtype
                + " and shape "
                + Arrays.toString(info.shape)
                + " need "
                + bytes
                + " bytes but "
                + offsets
                + " span "
                + (info.end - info.begin));
      }
      if (bytes > MAX_TENSOR_BYTES) {
        throw new SafeTensorsException(
            where
                + bytes
                + " bytes is too large for one Java array (max "
                + MAX_TENSOR_BYTES
                + ")");
      }
      expected = info.end;
      previous = info.name;
    }
    if (expected != dataLength) {
      throw new SafeTensorsException(
          name
              + ": the tensors cover "
              + expected
              + " bytes but the data area after the header has "
              + dataLength
              + " bytes (trailing or missing data)");
    }
    return infos;
  }

  private static void checkDType(SafeTensorsHeader.Info info, String name)
      throws SafeTensorsException {
    if (SafeTensorsDTypes.fromCode(info.dtype) == null) {
      String kind =
          SafeTensorsDTypes.isReferenceDType(info.dtype)
              ? "unsupported dtype (supported: F32, F64, I64, BOOL)"
              : "unknown dtype";
      throw new SafeTensorsException(
          name + ": tensor '" + info.name + "' has " + kind + " '" + info.dtype + "'");
    }
  }

  private static long byteSize(SafeTensorsHeader.Info info, String where)
      throws SafeTensorsException {
    DType dtype = SafeTensorsDTypes.fromCode(info.dtype);
    try {
      long numel = 1;
      for (long d : info.shape) {
        if (d > Integer.MAX_VALUE) {
          throw new SafeTensorsException(
              where + "dimension " + d + " in shape " + Arrays.toString(info.shape) + " is absurd");
        }
        numel = Math.multiplyExact(numel, d);
      }
      return Math.multiplyExact(numel, (long) dtype.itemSize());
    } catch (ArithmeticException e) {
      throw new SafeTensorsException(
          where + "the byte size of shape " + Arrays.toString(info.shape) + " overflows", e);
    }
  }

  private static int[] toIntShape(long[] shape) {
    int[] out = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      out[i] = (int) shape[i];
    }
    return out;
  }
}
