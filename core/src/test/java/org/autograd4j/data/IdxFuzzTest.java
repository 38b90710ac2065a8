package org.autograd4j.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded mutants of small IDX files must read or fail with IdxFormatException, nothing else. */
class IdxFuzzTest {
  @TempDir Path dir;

  @Test
  void mutatedFilesReadOrFailCleanly() throws Exception {
    Random rnd = new Random(7);
    byte[] pixels = new byte[2 * 4 * 4];
    rnd.nextBytes(pixels);
    byte[] raw = IdxFixtures.idxBytes(IdxType.UNSIGNED_BYTE, new int[] {2, 4, 4}, pixels);
    byte[][] seeds = {raw, IdxFixtures.gzip(raw)};
    Path p = dir.resolve("fuzz");
    for (int i = 0; i < 2000; i++) {
      byte[] b = seeds[i % 2].clone();
      switch (rnd.nextInt(4)) {
        case 0:
          b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
          break;
        case 1:
          b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
          break;
        case 2: // a dimension or the header, before compression where there is compression
          byte[] plain = raw.clone();
          plain[rnd.nextInt(16)] = (byte) rnd.nextInt(256);
          b = i % 2 == 0 ? plain : IdxFixtures.gzip(plain);
          break;
        default:
          b = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(8));
      }
      Files.write(p, b);
      try {
        IdxReader.read(p);
      } catch (IdxFormatException expected) {
        // The only acceptable failure.
      } catch (Throwable t) {
        fail("case " + i + " threw " + t + " for " + Base64.getEncoder().encodeToString(b), t);
      }
    }
  }
}
