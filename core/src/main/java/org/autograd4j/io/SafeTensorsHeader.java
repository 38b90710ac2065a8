package org.autograd4j.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed (not yet validated against the file) JSON header: one {@link Info} per tensor in
 * header order, plus the metadata. Only the fields the format defines are kept; unknown fields in a
 * tensor's object are checked for syntax and skipped, as the reference reader does.
 */
final class SafeTensorsHeader {
  /** The key under which the reference stores the string metadata. */
  static final String METADATA_KEY = "__metadata__";

  /** Real headers nest three deep; anything far deeper is an attack on the parser's stack. */
  static final int MAX_DEPTH = 64;

  /** More dimensions than any real tensor has; a longer shape is treated as hostile. */
  static final int MAX_RANK = 1024;

  /** One tensor's header entry, exactly as claimed by the file. */
  static final class Info {
    final String name;
    final String dtype;
    final long[] shape;
    final long begin;
    final long end;

    Info(String name, String dtype, long[] shape, long begin, long end) {
      this.name = name;
      this.dtype = dtype;
      this.shape = shape;
      this.begin = begin;
      this.end = end;
    }
  }

  final List<Info> tensors;
  final Map<String, String> metadata;

  private SafeTensorsHeader(List<Info> tensors, Map<String, String> metadata) {
    this.tensors = tensors;
    this.metadata = metadata;
  }

  /**
   * Parses a decoded header.
   *
   * @param source names the file in error messages
   */
  static SafeTensorsHeader parse(String json, String source) throws SafeTensorsException {
    JsonCursor c = new JsonCursor(json, source, MAX_DEPTH);
    if (c.peek() != '{') {
      throw c.error("the header must be a JSON object");
    }
    List<Info> tensors = new ArrayList<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    if (!c.beginObject()) {
      do {
        String key = c.readKey();
        if (!seen.add(key)) {
          throw c.error(
              key.equals(METADATA_KEY)
                  ? "duplicate " + METADATA_KEY
                  : "duplicate tensor name '" + key + "'");
        }
        if (key.equals(METADATA_KEY)) {
          readMetadata(c, metadata);
        } else {
          tensors.add(readInfo(c, key));
        }
      } while (c.nextMember());
    }
    c.expectEnd();
    return new SafeTensorsHeader(tensors, metadata);
  }

  private static void readMetadata(JsonCursor c, Map<String, String> out)
      throws SafeTensorsException {
    // The reference writes no __metadata__ key for "no metadata" but accepts null too.
    if (c.tryNull()) {
      return;
    }
    if (c.peek() != '{') {
      throw c.error("__metadata__ must be an object of strings");
    }
    if (c.beginObject()) {
      return;
    }
    do {
      String key = c.readKey();
      if (c.peek() != '"') {
        throw c.error("__metadata__ value for key '" + key + "' is not a string");
      }
      if (out.put(key, c.readString()) != null) {
        throw c.error("duplicate __metadata__ key '" + key + "'");
      }
    } while (c.nextMember());
  }

  private static Info readInfo(JsonCursor c, String name) throws SafeTensorsException {
    if (c.peek() != '{') {
      throw c.error("tensor '" + name + "' must be an object with dtype, shape and data_offsets");
    }
    String dtype = null;
    long[] shape = null;
    long[] offsets = null;
    Set<String> fields = new HashSet<>();
    if (!c.beginObject()) {
      do {
        String field = c.readKey();
        if (!fields.add(field)) {
          throw c.error("tensor '" + name + "' has a duplicate field '" + field + "'");
        }
        switch (field) {
          case "dtype":
            if (c.peek() != '"') {
              throw c.error("tensor '" + name + "' dtype must be a string");
            }
            dtype = c.readString();
            break;
          case "shape":
            shape = readIntegers(c, "tensor '" + name + "' shape", MAX_RANK);
            break;
          case "data_offsets":
            offsets = readIntegers(c, "tensor '" + name + "' data_offsets", 2);
            if (offsets.length != 2) {
              throw c.error(
                  "tensor '" + name + "' data_offsets must be [begin, end], got " + offsets.length);
            }
            break;
          default:
            c.skipValue();
        }
      } while (c.nextMember());
    }
    if (dtype == null || shape == null || offsets == null) {
      String missing = dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets";
      throw c.error("tensor '" + name + "' has no " + missing);
    }
    return new Info(name, dtype, shape, offsets[0], offsets[1]);
  }

  private static long[] readIntegers(JsonCursor c, String what, int max)
      throws SafeTensorsException {
    if (c.peek() != '[') {
      throw c.error(what + " must be an array of integers");
    }
    long[] values = new long[Math.min(max, 8)];
    int n = 0;
    if (!c.beginArray()) {
      do {
        if (n == max) {
          throw c.error(what + " has more than " + max + " entries");
        }
        if (n == values.length) {
          values = Arrays.copyOf(values, Math.min(max, n * 2));
        }
        values[n++] = c.readNonNegativeInteger(what);
      } while (c.nextElement());
    }
    return Arrays.copyOf(values, n);
  }
}
