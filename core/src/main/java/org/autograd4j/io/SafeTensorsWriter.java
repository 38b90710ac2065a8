package org.autograd4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Produces the exact bytes the reference writer ({@code safetensors.serialize}) produces: tensors
 * sorted by descending dtype alignment then name, {@code __metadata__} first in the header, compact
 * JSON escaped as serde_json escapes, the header padded with spaces to a multiple of 8.
 */
final class SafeTensorsWriter {
  private SafeTensorsWriter() {}

  /** The tensors in the order the reference writer lays them out. */
  static List<SafeTensorsEntry> layout(Collection<SafeTensorsEntry> tensors) {
    List<SafeTensorsEntry> ordered = new ArrayList<>(tensors);
    Set<String> names = new HashSet<>();
    for (SafeTensorsEntry e : ordered) {
      if (e.name().equals(SafeTensorsHeader.METADATA_KEY)) {
        throw new IllegalArgumentException(
            "a tensor cannot be named " + SafeTensorsHeader.METADATA_KEY);
      }
      if (!names.add(e.name())) {
        throw new IllegalArgumentException("duplicate tensor name '" + e.name() + "'");
      }
    }
    // Descending alignment keeps every tensor aligned to its item size, since the header length is
    // a multiple of 8; Rust compares String by UTF-8 bytes, so we do too.
    ordered.sort(
        Comparator.comparingInt((SafeTensorsEntry e) -> -SafeTensorsDTypes.referenceRank(e.dtype()))
            .thenComparing((a, b) -> Arrays.compareUnsigned(utf8(a.name()), utf8(b.name()))));
    return ordered;
  }

  /**
   * The 8-byte length followed by the padded JSON header for tensors already in {@link #layout}
   * order.
   *
   * @param metadata written as {@code __metadata__} with keys sorted, for reproducible files; null
   *     omits the key, as the reference does for {@code None}
   */
  static byte[] prefix(List<SafeTensorsEntry> ordered, Map<String, String> metadata) {
    StringBuilder json = new StringBuilder("{");
    if (metadata != null) {
      json.append('"').append(SafeTensorsHeader.METADATA_KEY).append("\":{");
      List<String> keys = new ArrayList<>(metadata.keySet());
      keys.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
      String sep = "";
      for (String k : keys) {
        String v = metadata.get(k);
        if (v == null) {
          throw new IllegalArgumentException("metadata value for '" + k + "' is null");
        }
        json.append(sep);
        appendString(json, k).append(':');
        appendString(json, v);
        sep = ",";
      }
      json.append('}');
      if (!ordered.isEmpty()) {
        json.append(',');
      }
    }
    long offset = 0;
    String sep = "";
    for (SafeTensorsEntry e : ordered) {
      long end = offset + e.data().length;
      json.append(sep);
      appendString(json, e.name()).append(":{\"dtype\":\"");
      json.append(SafeTensorsDTypes.code(e.dtype())).append("\",\"shape\":[");
      int[] shape = e.shape();
      for (int i = 0; i < shape.length; i++) {
        json.append(i == 0 ? "" : ",").append(shape[i]);
      }
      json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
      offset = end;
      sep = ",";
    }
    json.append('}');
    byte[] header = utf8(json.toString());
    int padded = header.length + (8 - header.length % 8) % 8;
    ByteBuffer out = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded).put(header);
    while (out.hasRemaining()) {
      out.put((byte) ' ');
    }
    return out.array();
  }

  /**
   * Escapes exactly as serde_json does: short escapes where JSON has them, else lowercase \\u00xx.
   */
  private static StringBuilder appendString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\b':
          sb.append("\\b");
          break;
        case '\f':
          sb.append("\\f");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"');
  }

  /** Strict UTF-8: a lone surrogate in a name cannot be stored, so it is an error, not a '?'. */
  private static byte[] utf8(String s) {
    try {
      ByteBuffer b =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(s));
      return Arrays.copyOf(b.array(), b.limit());
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not valid Unicode (lone surrogate?): " + s, e);
    }
  }
}
