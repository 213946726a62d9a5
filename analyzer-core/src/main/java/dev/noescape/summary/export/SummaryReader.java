package dev.noescape.summary.export;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds and opens the summaries resource of one class path entry (a jar or a classes directory).
 *
 * <p>{@link #cached} keeps what it read for the life of the JVM, keyed by the entry's path, size
 * and modification time (for a directory: of its resource file): Maven runs javac in-process and
 * compiles module after module in one JVM, and the Gradle daemon lives longer still, so the same
 * dependency jar is opened once, not once per compilation. A rebuilt module changes the size or
 * mtime and is read again.
 */
public final class SummaryReader {
  private SummaryReader() {}

  /**
   * What one class path entry holds: an index, nothing ({@code index} and {@code problem} both
   * empty), or a problem to report once (an unreadable jar, an unknown version, a corrupt file).
   */
  public record Entry(Path path, Optional<SummaryIndex> index, Optional<String> problem) {
    static Entry none(Path path) {
      return new Entry(path, Optional.empty(), Optional.empty());
    }
  }

  /**
   * Resources up to this size (uncompressed) are read whole on opening: 1 MiB is some 13,000
   * methods' summaries, more than most libraries have.
   */
  static final long WHOLE_READ_LIMIT = 1 << 20;

  private record Stamp(long size, long mtime) {}

  private record Cached(Stamp stamp, Entry entry) {}

  private static final ConcurrentHashMap<Path, Cached> CACHE = new ConcurrentHashMap<>();

  /** Reads {@code entry}'s summaries without the cache. */
  public static Entry read(Path entry) {
    Path file = Files.isDirectory(entry) ? entry.resolve(SummaryIndex.RESOURCE) : entry;
    return load(entry, file);
  }

  /** Reads {@code entry}'s summaries, or returns the copy read earlier in this JVM if unchanged. */
  public static Entry cached(Path entry) {
    Path abs = entry.toAbsolutePath().normalize();
    Path file = Files.isDirectory(abs) ? abs.resolve(SummaryIndex.RESOURCE) : abs;
    Stamp stamp = stamp(file);
    if (stamp == null) return Entry.none(entry);
    Cached c = CACHE.get(abs);
    if (c != null && c.stamp.equals(stamp)) return c.entry;
    Entry e = load(abs, file);
    CACHE.put(abs, new Cached(stamp, e));
    return e;
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.isRegularFile() ? new Stamp(a.size(), a.lastModifiedTime().toMillis()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Entry load(Path entry, Path file) {
    if (!Files.isRegularFile(file)) return Entry.none(entry);
    if (file.equals(entry)) {
      // A jar (or zip). A small resource is inflated whole now, while the jar is open: the first
      // lookup usually follows at once, and opening the jar a second time and inflating up to the
      // class's block costs more than inflating the rest. A large one: only the header and table
      // of contents now; a class's block when first needed, by opening the jar again.
      String source = entry + "!/" + SummaryIndex.RESOURCE;
      try (ZipFile zip = new ZipFile(file.toFile())) {
        ZipEntry z = zip.getEntry(SummaryIndex.RESOURCE);
        if (z == null) return Entry.none(entry);
        long size = z.getSize();
        SummaryIndex index;
        if (size >= 0 && size <= WHOLE_READ_LIMIT) {
          byte[] bytes;
          try (InputStream in = zip.getInputStream(z)) {
            bytes = in.readAllBytes();
          }
          if (bytes.length != size) {
            throw new SummaryFormatException(source, 0, "is " + bytes.length + " bytes, the jar says " + size + " (truncated?)");
          }
          index = SummaryIndex.openRead(source, bytes, () -> reopen(file));
        } else {
          index = SummaryIndex.open(source, size, zip.getInputStream(z), () -> reopen(file));
        }
        return new Entry(entry, Optional.of(index), Optional.empty());
      } catch (SummaryFormatException e) {
        return new Entry(entry, Optional.empty(), Optional.of(e.getMessage() + "; its summaries are ignored"));
      } catch (IOException e) {
        // Not a zip at all, or a damaged one: the class reader reports the jar itself.
        return Entry.none(entry);
      }
    }
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new Entry(entry, Optional.empty(), Optional.of(source + ": cannot read (" + e.getMessage() + "), ignored"));
    }
    try {
      return new Entry(entry, Optional.of(SummaryIndex.parse(source, bytes)), Optional.empty());
    } catch (SummaryFormatException e) {
      return new Entry(entry, Optional.empty(), Optional.of(e.getMessage() + "; its summaries are ignored"));
    }
  }

  /** The resource of {@code jar} as a fresh stream; closing it closes the jar. */
  private static InputStream reopen(Path jar) throws IOException {
    ZipFile zip = new ZipFile(jar.toFile());
    try {
      ZipEntry z = zip.getEntry(SummaryIndex.RESOURCE);
      if (z == null) throw new IOException("the resource is gone (jar rebuilt?)");
      return new FilterInputStream(zip.getInputStream(z)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            zip.close();
          }
        }
      };
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }
}
