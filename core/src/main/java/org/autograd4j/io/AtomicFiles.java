package org.autograd4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file all-or-nothing: readers see either the old contents or the complete new ones,
 * never a truncated file, even if the writer throws or the machine loses power mid-save.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("ckpt.safetensors"), out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFiles {
  /** Writes the new contents of a file to the stream it is given. */
  @FunctionalInterface
  public interface StreamWriter {
    /** Writes everything; the stream is buffered and must not be closed by the writer. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes to a temporary file in the target's directory, forces it to disk, then renames it over
   * the target (atomically where the file system allows, else by replacing). On any failure the
   * temporary file is deleted and the target is left untouched.
   *
   * <pre>{@code
   * AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
   * }</pre>
   *
   * @throws IOException from the writer or the file system; the target is unchanged
   */
  public static void write(Path target, StreamWriter writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    // Same directory, so the rename never crosses file systems and stays atomic.
    Path tmp = createTemp(dir, absolute.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        writer.writeTo(out);
        out.flush();
        // Data must be on disk before the rename, or a crash could leave an empty new file.
        channel.force(true);
      }
      try {
        Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (Throwable t) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        t.addSuppressed(suppressed);
      }
      throw t;
    }
    syncDirectory(dir);
  }

  private static Path createTemp(Path dir, String fileName) throws IOException {
    for (int attempt = 0; ; attempt++) {
      // Hidden and recognisable, so a crash leftover is easy to spot and never mistaken for data.
      Path tmp =
          dir.resolve(
              "."
                  + fileName
                  + "."
                  + Long.toHexString(ThreadLocalRandom.current().nextLong())
                  + ".tmp");
      try {
        // Not Files.createTempFile: that makes the file owner-only (0600), and the saved file
        // would keep those permissions.
        Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 10) {
          throw e;
        }
      }
    }
  }

  /**
   * Makes the rename itself durable; not every platform can open a directory, hence best effort.
   */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The file is complete and in place; only durability across a power cut is weaker here.
    }
  }
}
