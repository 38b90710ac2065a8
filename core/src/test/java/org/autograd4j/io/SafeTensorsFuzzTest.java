package org.autograd4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws thousands of seeded mutations of valid files at the reader: each must either load as a
 * consistent file or raise {@link SafeTensorsException}; any other exception or error is a bug.
 */
class SafeTensorsFuzzTest {
  /**
   * Override for a longer local soak: -Dsafetensors.fuzz.cases=200000 -Dsafetensors.fuzz.seed=7.
   */
  private static final int CASES = Integer.getInteger("safetensors.fuzz.cases", 5000);

  private static final long SEED = Long.getLong("safetensors.fuzz.seed", 20240601L);
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final String JSON_NOISE = "{}[],:\"\\ 0123456789.eE-+tfnul";

  @TempDir Path dir;

  @Test
  void mutatedFilesLoadOrFailCleanly() throws Exception {
    List<byte[]> seeds = SafeTensorsTestFiles.validSamples();
    Random rnd = new Random(SEED);
    int accepted = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] seed = seeds.get(rnd.nextInt(seeds.size()));
      byte[] input = mutate(seed, rnd);
      // Most cases go through memory for speed; every 10th through a real file and FileChannel.
      boolean viaFile = i % 10 == 0;
      try {
        SafeTensorsFile f;
        if (viaFile) {
          Path p = dir.resolve("fuzz.safetensors");
          Files.write(p, input);
          f = SafeTensors.read(p);
        } else {
          f = SafeTensors.deserialize(input);
        }
        checkConsistent(f, input.length);
        accepted++;
      } catch (SafeTensorsException expected) {
        // The only acceptable failure.
      } catch (Throwable t) {
        fail(
            "case "
                + i
                + " threw "
                + t
                + " for input (base64) "
                + Base64.getEncoder().encodeToString(input),
            t);
      }
    }
    System.out.println("safetensors fuzz: " + accepted + " of " + CASES + " mutants accepted");
    // Sanity: the mutations are not all fatal, so the accepting path is exercised too.
    if (accepted == 0 || accepted == CASES) {
      fail("implausible fuzz outcome: " + accepted + " of " + CASES + " accepted");
    }
  }

  private static void checkConsistent(SafeTensorsFile f, int fileLength) {
    long total = 0;
    for (SafeTensorsEntry e : f.tensors().values()) {
      long numel = 1;
      for (int d : e.shape()) {
        numel *= d;
      }
      assertEquals(numel * e.dtype().itemSize(), e.data().length);
      total += e.data().length;
    }
    if (total > fileLength) {
      fail("tensors hold more bytes than the file");
    }
  }

  static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed.clone();
    int rounds = 1 + rnd.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      switch (rnd.nextInt(8)) {
        case 0: // bit flips anywhere
          for (int k = 1 + rnd.nextInt(4); k > 0 && b.length > 0; k--) {
            int at = rnd.nextInt(b.length);
            b[at] ^= (byte) (1 << rnd.nextInt(8));
          }
          break;
        case 1: // truncation
          b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
          break;
        case 2: // garbage appended
          byte[] tail = new byte[1 + rnd.nextInt(16)];
          rnd.nextBytes(tail);
          byte[] longer = Arrays.copyOf(b, b.length + tail.length);
          System.arraycopy(tail, 0, longer, b.length, tail.length);
          b = longer;
          break;
        case 3: // header-length edits: small nudges, random, huge
          if (b.length >= 8) {
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            long n = bb.getLong(0);
            long[] choices = {
              n + rnd.nextInt(17) - 8, rnd.nextLong(), rnd.nextInt(1 << 20), 100_000_000L, -1L, 0
            };
            bb.putLong(0, choices[rnd.nextInt(choices.length)]);
          }
          break;
        case 4: // numeric edits in the header: offsets and shapes
        case 5:
          b = editHeader(b, rnd, true);
          break;
        default: // structural JSON tweaks
          b = editHeader(b, rnd, false);
      }
    }
    return b;
  }

  /** Rewrites the header text and keeps the length field consistent (so the JSON gets parsed). */
  private static byte[] editHeader(byte[] b, Random rnd, boolean numbers) {
    if (b.length < 8) {
      return b;
    }
    long n = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (n < 0 || n > b.length - 8) {
      return b;
    }
    String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
    byte[] data = Arrays.copyOfRange(b, 8 + (int) n, b.length);
    String edited = numbers ? editNumber(header, rnd) : editStructure(header, rnd);
    return SafeTensorsTestFiles.raw(edited, data);
  }

  private static String editNumber(String h, Random rnd) {
    Matcher m = NUMBER.matcher(h);
    int count = 0;
    while (m.find()) {
      count++;
    }
    if (count == 0) {
      return h;
    }
    int pick = rnd.nextInt(count);
    m.reset();
    for (int i = 0; i <= pick; i++) {
      m.find();
    }
    String[] replacements = {
      Integer.toString(
          Integer.parseInt(m.group().length() > 9 ? "0" : m.group()) + rnd.nextInt(9) - 4),
      Long.toString(rnd.nextLong()),
      Long.toString(Long.MAX_VALUE),
      "18446744073709551616",
      "0",
      "1.5",
      "1e3",
      "-" + m.group(),
      Integer.toString(rnd.nextInt(1 << 16)),
      "2147483648",
    };
    return h.substring(0, m.start())
        + replacements[rnd.nextInt(replacements.length)]
        + h.substring(m.end());
  }

  private static String editStructure(String h, Random rnd) {
    if (h.isEmpty()) {
      return "{";
    }
    int at = rnd.nextInt(h.length());
    char noise = JSON_NOISE.charAt(rnd.nextInt(JSON_NOISE.length()));
    switch (rnd.nextInt(5)) {
      case 0: // delete a character
        return h.substring(0, at) + h.substring(at + 1);
      case 1: // insert a character
        return h.substring(0, at) + noise + h.substring(at);
      case 2: // replace a character
        return h.substring(0, at) + noise + h.substring(at + 1);
      case 3: // duplicate a span (repeats keys, brackets, entries)
        int end = Math.min(h.length(), at + 1 + rnd.nextInt(60));
        return h.substring(0, end) + h.substring(at, end) + h.substring(end);
      default: // swap dtypes and names around
        String[] from = {"F32", "F64", "I64", "BOOL", "\"shape\"", "\"data_offsets\"", "\"w\""};
        String[] to = {"F16", "I64", "F32", "U8", "\"shape \"", "\"dtype\"", "\"b\""};
        int k = rnd.nextInt(from.length);
        return h.replaceFirst(Pattern.quote(from[k]), to[k]);
    }
  }
}
