package org.autograd4j.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON subset that checkpoint metadata needs: objects (kept in order), arrays, strings,
 * finite numbers, booleans and null. Numbers parse as {@code Long} when written without a fraction
 * or exponent, else {@code Double}; doubles are written so they parse back to the same bits.
 */
final class MiniJson {
  private final String s;
  private int pos;

  private MiniJson(String s) {
    this.s = s;
  }

  /** Serialises maps, lists, double[]/int[], strings, numbers, booleans and null. */
  static String write(Object v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb);
    return sb.toString();
  }

  private static void write(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        writeString(String.valueOf(e.getKey()), sb);
        sb.append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(l.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof double[] d) {
      List<Object> l = new ArrayList<>();
      for (double x : d) {
        l.add(x);
      }
      write(l, sb);
    } else if (v instanceof String str) {
      writeString(str, sb);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON cannot hold the number " + d);
      }
      // Double.toString round-trips; keep a '.' or 'E' so it parses back as a Double.
      sb.append(Double.toString(d));
    } else if (v instanceof Number n) {
      sb.append(n.longValue());
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + v.getClass().getSimpleName() + " as JSON");
    }
  }

  private static void writeString(String str, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < str.length(); i++) {
      char c = str.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  /** Parses one JSON value. */
  static Object parse(String text) {
    MiniJson p = new MiniJson(text);
    Object v = p.value(0);
    p.ws();
    if (p.pos != text.length()) {
      throw p.error("trailing characters");
    }
    return v;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + what);
  }

  private void ws() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private Object value(int depth) {
    if (depth > 64) {
      throw error("nested too deeply");
    }
    ws();
    if (pos >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        {
          pos++;
          Map<String, Object> m = new LinkedHashMap<>();
          ws();
          if (peek('}')) {
            return m;
          }
          do {
            ws();
            if (pos >= s.length() || s.charAt(pos) != '"') {
              throw error("expected a member name");
            }
            String k = string();
            ws();
            expect(':');
            if (m.put(k, value(depth + 1)) != null) {
              throw error("duplicate member \"" + k + "\"");
            }
            ws();
          } while (peek(','));
          expect('}');
          return m;
        }
      case '[':
        {
          pos++;
          List<Object> l = new ArrayList<>();
          ws();
          if (peek(']')) {
            return l;
          }
          do {
            l.add(value(depth + 1));
            ws();
          } while (peek(','));
          expect(']');
          return l;
        }
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private boolean peek(char c) {
    if (pos < s.length() && s.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, pos)) {
      throw error("unexpected character");
    }
    pos += word.length();
    return v;
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= s.length()) {
        throw error("unterminated escape");
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > s.length()) {
            throw error("short \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape");
      }
    }
  }

  private Object number() {
    int start = pos;
    boolean fraction = false;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      char c = s.charAt(pos++);
      fraction |= c == '.' || c == 'e' || c == 'E';
    }
    String t = s.substring(start, pos);
    if (t.isEmpty()) {
      throw error("unexpected character");
    }
    try {
      return fraction ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw error("bad number " + t);
    }
  }
}
