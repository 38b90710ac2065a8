package org.autograd4j.io;

import static org.autograd4j.io.SafeTensorsTestFiles.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsHostileInputTest {
  @TempDir Path dir;

  private static final String ONE_F32 =
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";

  private static SafeTensorsException rejected(byte[] bytes, String... fragments) {
    SafeTensorsException e =
        assertThrows(SafeTensorsException.class, () -> SafeTensors.deserialize(bytes));
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' lacks '" + f + "'");
    }
    return e;
  }

  private static SafeTensorsException rejectedHeader(String header, int dataBytes, String... f) {
    return rejected(raw(header, new byte[dataBytes]), f);
  }

  private static String tensor(String name, String dtype, String shape, String offsets) {
    return "\""
        + name
        + "\":{\"dtype\":\""
        + dtype
        + "\",\"shape\":"
        + shape
        + ",\"data_offsets\":"
        + offsets
        + "}";
  }

  @Test
  void acceptsTheMinimalValidFile() throws Exception {
    assertEquals(1, SafeTensors.deserialize(raw(ONE_F32, new byte[4])).tensors().size());
  }

  @Test
  void truncatedFiles() throws Exception {
    rejected(new byte[0], "0 bytes", "truncated");
    rejected(new byte[7], "7 bytes");
    byte[] full = raw(ONE_F32, new byte[4]);
    for (int len = 8; len < full.length; len++) {
      byte[] cut = Arrays.copyOf(full, len);
      assertThrows(SafeTensorsException.class, () -> SafeTensors.deserialize(cut));
    }
  }

  @Test
  void headerLengthLargerThanTheFileIsRefusedBeforeAllocating() throws Exception {
    byte[] header = ONE_F32.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    rejected(
        raw(header.length + 5, header, new byte[4]),
        "header length " + (header.length + 5),
        "larger than the " + (header.length + 4) + " bytes that follow");
    // Under the 100 MB limit but far beyond the file: must fail on the file size, not on memory.
    rejected(
        raw(99_999_999, header, new byte[0]),
        "99999999",
        "larger than the " + header.length + " bytes");
    rejected(raw(100_000_001, header, new byte[0]), "100000001", "limit");
    rejected(raw(-1L, header, new byte[0]), "18446744073709551615");
    rejected(raw(Long.MIN_VALUE, header, new byte[0]), "9223372036854775808");
  }

  @Test
  void headerLengthEditsThatStillFitTheFile() throws Exception {
    byte[] header = ONE_F32.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    rejected(raw(header.length - 1, header, new byte[4]), "invalid header JSON");
    rejected(raw(0, header, new byte[4]), "unexpected end of header");
  }

  @Test
  void fileNameAppearsInMessages() throws Exception {
    Path p = dir.resolve("evil.safetensors");
    Files.write(p, raw(ONE_F32, new byte[3]));
    SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(p));
    assertTrue(e.getMessage().startsWith(p.toString() + ": tensor 'a'"), e.getMessage());
  }

  @Test
  void headerThatIsNotUtf8() {
    byte[] header = {'{', '"', 'a', (byte) 0xFF, '"', ':', '1', '}'};
    rejected(raw(header, new byte[0]), "not valid UTF-8");
    // An encoded surrogate (CESU-8) is not UTF-8 either.
    byte[] cesu = {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'};
    rejected(raw(cesu, new byte[0]), "not valid UTF-8");
  }

  @Test
  void headerThatIsNotStrictJson() {
    String[] bad = {
      "",
      "   ",
      "[]",
      "null",
      "\uFEFF{}",
      "{",
      "{,}",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],}}",
      "{'a':1}",
      "{\"a\" 1}",
      "{} {}",
      "{}\u0000",
      "{\"__metadata__\":{\"k\":\"v\\x\"}}",
      "{\"__metadata__\":{\"k\":\"\t\"}}",
      "{\"__metadata__\":{\"k\":\"\\ud800\"}}",
      "{\"__metadata__\":{\"k\":\"\\udc00\"}}",
      "{\"__metadata__\":{\"k\":\"\\u12\"}}",
      "{\"__metadata__\":{\"k\":\"\\u０１２３\"}}",
      "{\"__metadata__\":{\"k\":\"unterminated}}",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[01],\"data_offsets\":[0,4]}}",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":NaN}}",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":tru}}",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1.}}",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":-}}",
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1e}}",
    };
    for (String h : bad) {
      assertThrows(
          SafeTensorsException.class,
          () -> SafeTensors.deserialize(raw(h, new byte[4])),
          () -> "accepted " + h);
    }
  }

  @Test
  void deepNestingIsRefusedWithoutStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String h =
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":" + deep + "}}";
    rejectedHeader(h, 4, "nesting deeper than 64");
  }

  @Test
  void unknownFieldsAreSkippedAsTheReferenceDoes() throws Exception {
    String h =
        "{\"a\":{\"x\":{\"y\":[1.5e-3,true,null,\"s\"]},\"dtype\":\"F32\",\"shape\":[1],"
            + "\"data_offsets\":[0,4]}, \"__metadata__\" : null }  \t\n";
    assertEquals(1, SafeTensors.deserialize(raw(h, new byte[4])).tensors().size());
  }

  @Test
  void offsetsOutsideTheDataArea() {
    rejectedHeader(
        "{" + tensor("a", "F32", "[1]", "[0,4]") + "}", 2, "tensor 'a'", "[0, 4]", "2 bytes");
    rejectedHeader(
        "{" + tensor("a", "F32", "[1]", "[9223372036854775800,9223372036854775804]") + "}",
        4,
        "outside the data area");
  }

  @Test
  void overlappingGappedAndReversedOffsets() {
    rejectedHeader(
        "{" + tensor("a", "F32", "[2]", "[0,8]") + "," + tensor("b", "F32", "[1]", "[4,8]") + "}",
        8,
        "tensor 'b'",
        "overlaps tensor 'a', which ends at 8");
    rejectedHeader(
        "{" + tensor("a", "F32", "[1]", "[0,4]") + "," + tensor("b", "F32", "[1]", "[8,12]") + "}",
        12,
        "tensor 'b'",
        "gap of 4 bytes after tensor 'a'");
    rejectedHeader("{" + tensor("a", "F32", "[1]", "[4,8]") + "}", 8, "gap of 4 bytes");
    rejectedHeader("{" + tensor("a", "F32", "[1]", "[4,0]") + "}", 4, "begin > end");
    rejectedHeader("{" + tensor("a", "F32", "[1]", "[0,4]") + "}", 6, "cover 4", "has 6");
    rejectedHeader("{" + tensor("a", "F32", "[1]", "[0]") + "}", 4, "[begin, end]");
    rejectedHeader("{" + tensor("a", "F32", "[1]", "[0,4,4]") + "}", 4, "more than 2");
  }

  @Test
  void unknownAndUnsupportedDtypes() {
    rejectedHeader(
        "{" + tensor("weird", "Q7", "[1]", "[0,1]") + "}", 1, "'weird'", "unknown dtype 'Q7'");
    rejectedHeader(
        "{" + tensor("half", "F16", "[1]", "[0,2]") + "}",
        2,
        "'half'",
        "unsupported dtype",
        "'F16'");
    rejectedHeader("{\"a\":{\"dtype\":5,\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "string");
  }

  @Test
  void duplicateNamesAndFields() {
    String a = tensor("a", "F32", "[1]", "[0,4]");
    rejectedHeader(
        "{" + a + "," + a.replace("[0,4]", "[4,8]") + "}", 8, "duplicate tensor name 'a'");
    rejectedHeader(
        "{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
        4,
        "duplicate field 'dtype'");
    rejectedHeader(
        "{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}," + a + "}", 4, "duplicate __metadata__ key");
    rejectedHeader("{\"__metadata__\":{},\"__metadata__\":{}}", 0, "duplicate");
  }

  @Test
  void negativeFractionalAndAbsurdShapes() {
    rejectedHeader("{" + tensor("a", "F32", "[-1]", "[0,4]") + "}", 4, "non-negative", "-1");
    rejectedHeader("{" + tensor("a", "F32", "[-0]", "[0,4]") + "}", 4, "non-negative");
    rejectedHeader("{" + tensor("a", "F32", "[1.0]", "[0,4]") + "}", 4, "integer", "1.0");
    rejectedHeader("{" + tensor("a", "F32", "[1e0]", "[0,4]") + "}", 4, "integer", "1e0");
    rejectedHeader("{" + tensor("a", "F32", "[1]", "[0,4.0]") + "}", 4, "data_offsets", "4.0");
    rejectedHeader(
        "{" + tensor("a", "F32", "[99999999999999999999]", "[0,4]") + "}", 4, "absurdly large");
    rejectedHeader(
        "{" + tensor("a", "F32", "[9223372036854775808]", "[0,4]") + "}", 4, "absurdly large");
    rejectedHeader("{" + tensor("a", "F32", "[4294967296,4294967296]", "[0,4]") + "}", 4, "absurd");
    rejectedHeader(
        "{" + tensor("a", "I64", "[2147483647,2147483647,2147483647]", "[0,8]") + "}",
        8,
        "overflows");
    rejectedHeader(
        "{" + tensor("a", "F32", "[" + "1,".repeat(1024) + "1]", "[0,4]") + "}",
        4,
        "more than 1024");
    rejectedHeader("{" + tensor("a", "F32", "1", "[0,4]") + "}", 4, "array");
  }

  @Test
  void shapeThatDisagreesWithOffsets() {
    rejectedHeader(
        "{" + tensor("a", "F32", "[2,3]", "[0,20]") + "}",
        20,
        "tensor 'a'",
        "shape [2, 3] need 24 bytes",
        "span 20");
  }

  @Test
  void missingFieldsAndBadMetadata() {
    rejectedHeader("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4, "'a' has no shape");
    rejectedHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4, "no data_offsets");
    rejectedHeader("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "no dtype");
    rejectedHeader("{\"a\":[]}", 4, "must be an object");
    rejectedHeader("{\"__metadata__\":{\"k\":1}}", 0, "key 'k' is not a string");
    rejectedHeader("{\"__metadata__\":[]}", 0, "object of strings");
  }
}
