package org.autograd4j.data;

/**
 * The element types of the IDX format, by the type byte of the magic number. Multi-byte types are
 * big-endian in the file.
 *
 * <pre>{@code
 * IdxType.fromCode(0x08); // UNSIGNED_BYTE, what MNIST uses
 * }</pre>
 */
public enum IdxType {
  /** 0x08: unsigned byte, e.g. MNIST pixels and labels. */
  UNSIGNED_BYTE(0x08, 1),
  /** 0x09: signed byte. */
  SIGNED_BYTE(0x09, 1),
  /** 0x0B: signed 16-bit integer. */
  SHORT(0x0B, 2),
  /** 0x0C: signed 32-bit integer. */
  INT(0x0C, 4),
  /** 0x0D: 32-bit IEEE float. */
  FLOAT(0x0D, 4),
  /** 0x0E: 64-bit IEEE float. */
  DOUBLE(0x0E, 8);

  private final int code;
  private final int size;

  IdxType(int code, int size) {
    this.code = code;
    this.size = size;
  }

  /**
   * The type byte in the magic number.
   *
   * <pre>{@code
   * IdxType.UNSIGNED_BYTE.code(); // 0x08
   * }</pre>
   */
  public int code() {
    return code;
  }

  /**
   * Bytes per element.
   *
   * <pre>{@code
   * IdxType.DOUBLE.size(); // 8
   * }</pre>
   */
  public int size() {
    return size;
  }

  /**
   * Whether values are integers (and so convertible with {@code IdxFile.toIntArray()}).
   *
   * <pre>{@code
   * IdxType.FLOAT.isInteger(); // false
   * }</pre>
   */
  public boolean isInteger() {
    return this != FLOAT && this != DOUBLE;
  }

  /**
   * The type for a magic-number type byte, or {@code null} if the format defines none.
   *
   * <pre>{@code
   * IdxType.fromCode(0x0D); // FLOAT
   * }</pre>
   */
  public static IdxType fromCode(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
