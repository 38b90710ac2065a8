package org.autograd4j.io;

/**
 * A strict, pull-style JSON reader (RFC 8259 grammar, no extensions) over an already decoded
 * string. The caller walks the structure it expects, so nothing is materialised that the caller
 * does not keep: a hostile header cannot make us build a large generic tree.
 *
 * <p>Nesting is limited to {@code maxDepth}; the caller bounds the text length.
 */
final class JsonCursor {
  private final String text;
  private final String source;
  private final int maxDepth;
  private int pos;
  private int depth;

  JsonCursor(String text, String source, int maxDepth) {
    this.text = text;
    this.source = source;
    this.maxDepth = maxDepth;
  }

  /** Consumes {@code {} and checks the depth limit. Returns true if the object is empty. */
  boolean beginObject() throws SafeTensorsException {
    expect('{');
    enter();
    if (tryConsume('}')) {
      depth--;
      return true;
    }
    return false;
  }

  /**
   * After a member's value: consumes {@code ,} and returns true, or consumes {@code }} and returns
   * false.
   */
  boolean nextMember() throws SafeTensorsException {
    return next('}');
  }

  /** Consumes {@code [}; returns true if the array is empty. */
  boolean beginArray() throws SafeTensorsException {
    expect('[');
    enter();
    if (tryConsume(']')) {
      depth--;
      return true;
    }
    return false;
  }

  /** After an element: consumes {@code ,} and returns true, or {@code ]} and returns false. */
  boolean nextElement() throws SafeTensorsException {
    return next(']');
  }

  private boolean next(char close) throws SafeTensorsException {
    skipWhitespace();
    if (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',') {
        pos++;
        return true;
      }
      if (c == close) {
        pos++;
        depth--;
        return false;
      }
    }
    throw error("expected ',' or '" + close + "'");
  }

  private void enter() throws SafeTensorsException {
    if (++depth > maxDepth) {
      throw error("nesting deeper than " + maxDepth);
    }
  }

  /** Reads a member name and the colon after it. */
  String readKey() throws SafeTensorsException {
    String key = readString();
    expect(':');
    return key;
  }

  /** The next value's first character, after whitespace; fails at end of input. */
  char peek() throws SafeTensorsException {
    skipWhitespace();
    if (pos >= text.length()) {
      throw error("unexpected end of header");
    }
    return text.charAt(pos);
  }

  /** Consumes the literal {@code null} if it is next. */
  boolean tryNull() throws SafeTensorsException {
    if (peek() == 'n') {
      literal("null");
      return true;
    }
    return false;
  }

  /** Reads a string value, decoding escapes; rejects raw control characters and lone surrogates. */
  String readString() throws SafeTensorsException {
    expect('"');
    int start = pos;
    StringBuilder sb = null;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String s = sb == null ? text.substring(start, pos) : sb.toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw error("raw control character 0x" + Integer.toHexString(c) + " in string");
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder(text.substring(start, pos));
        }
        pos++;
        readEscape(sb);
      } else {
        if (sb != null) {
          sb.append(c);
        }
        pos++;
      }
    }
  }

  private void readEscape(StringBuilder sb) throws SafeTensorsException {
    if (pos >= text.length()) {
      throw error("unterminated escape");
    }
    char e = text.charAt(pos++);
    switch (e) {
      case '"':
      case '\\':
      case '/':
        sb.append(e);
        return;
      case 'b':
        sb.append('\b');
        return;
      case 'f':
        sb.append('\f');
        return;
      case 'n':
        sb.append('\n');
        return;
      case 'r':
        sb.append('\r');
        return;
      case 't':
        sb.append('\t');
        return;
      case 'u':
        char u = readHex4();
        if (Character.isHighSurrogate(u)) {
          // JSON encodes non-BMP characters as a surrogate pair; a lone half is not Unicode.
          if (!text.startsWith("\\u", pos)) {
            throw error("lone surrogate \\u" + Integer.toHexString(u));
          }
          pos += 2;
          char low = readHex4();
          if (!Character.isLowSurrogate(low)) {
            throw error("lone surrogate \\u" + Integer.toHexString(u));
          }
          sb.append(u).append(low);
        } else if (Character.isLowSurrogate(u)) {
          throw error("lone surrogate \\u" + Integer.toHexString(u));
        } else {
          sb.append(u);
        }
        return;
      default:
        throw error("invalid escape '\\" + e + "'");
    }
  }

  private char readHex4() throws SafeTensorsException {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = hexValue(text.charAt(pos + i));
      if (d < 0) {
        throw error("bad hex digit in \\u escape");
      }
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  /**
   * Reads a JSON number that must be a non-negative integer without fraction or exponent, as the
   * reference's {@code usize} fields require.
   *
   * @param what names the field in error messages, e.g. {@code "tensor 'w' shape"}
   */
  long readNonNegativeInteger(String what) throws SafeTensorsException {
    skipWhitespace();
    int start = pos;
    scanNumber();
    String literal = text.substring(start, pos);
    if (literal.startsWith("-")) {
      throw error(what + " must be a non-negative integer, got " + literal);
    }
    for (int i = 0; i < literal.length(); i++) {
      if (literal.charAt(i) < '0' || literal.charAt(i) > '9') {
        throw error(what + " must be an integer, got " + literal);
      }
    }
    // 19 digits can exceed Long.MAX_VALUE; more certainly do.
    if (literal.length() > 19) {
      throw error(what + " is absurdly large: " + literal);
    }
    try {
      return Long.parseLong(literal);
    } catch (NumberFormatException e) {
      throw error(what + " is absurdly large: " + literal);
    }
  }

  /** Validates and skips any single JSON value, within the depth limit. */
  void skipValue() throws SafeTensorsException {
    char c = peek();
    switch (c) {
      case '{':
        if (!beginObject()) {
          do {
            readKey();
            skipValue();
          } while (nextMember());
        }
        return;
      case '[':
        if (!beginArray()) {
          do {
            skipValue();
          } while (nextElement());
        }
        return;
      case '"':
        readString();
        return;
      case 't':
        literal("true");
        return;
      case 'f':
        literal("false");
        return;
      case 'n':
        literal("null");
        return;
      default:
        scanNumber();
    }
  }

  /** Fails unless only whitespace remains (the reference pads headers with spaces). */
  void expectEnd() throws SafeTensorsException {
    skipWhitespace();
    if (pos != text.length()) {
      throw error("trailing characters after the JSON object");
    }
  }

  /** A "what went wrong where" exception for this header. */
  SafeTensorsException error(String message) {
    return new SafeTensorsException(
        source + ": invalid header JSON at character " + pos + ": " + message);
  }

  private void scanNumber() throws SafeTensorsException {
    int start = pos;
    if (pos < text.length() && text.charAt(pos) == '-') {
      pos++;
    }
    if (pos >= text.length() || !isDigit(text.charAt(pos))) {
      pos = start;
      throw error("expected a value");
    }
    if (text.charAt(pos) == '0') {
      pos++;
      if (pos < text.length() && isDigit(text.charAt(pos))) {
        throw error("leading zero in number");
      }
    } else {
      skipDigits();
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      requireDigit();
      skipDigits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      requireDigit();
      skipDigits();
    }
  }

  private void requireDigit() throws SafeTensorsException {
    if (pos >= text.length() || !isDigit(text.charAt(pos))) {
      throw error("malformed number");
    }
  }

  private void skipDigits() {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  // Character.digit would also accept non-ASCII digits, which JSON does not.
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void literal(String word) throws SafeTensorsException {
    if (!text.startsWith(word, pos)) {
      throw error("expected a value");
    }
    pos += word.length();
  }

  private void expect(char c) throws SafeTensorsException {
    if (!tryConsume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private boolean tryConsume(char c) {
    skipWhitespace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }
}
