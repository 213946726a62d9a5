package dev.noescape.summary.export;

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
    byte[] bytes;
    String source;
    if (file.equals(entry)) {
      // A jar (or zip): read only the one resource; the central directory lookup is cheap.
      source = entry + "!/" + SummaryIndex.RESOURCE;
      try (ZipFile zip = new ZipFile(file.toFile())) {
        ZipEntry z = zip.getEntry(SummaryIndex.RESOURCE);
        if (z == null) return Entry.none(entry);
        try (InputStream in = zip.getInputStream(z)) {
          bytes = in.readAllBytes();
        }
      } catch (IOException e) {
        // Not a zip at all, or a damaged one: the class reader reports the jar itself; here only
        // a resource that exists but cannot be read is worth a note, so stay quiet.
        return Entry.none(entry);
      }
    } else {
      source = file.toString();
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        return new Entry(entry, Optional.empty(), Optional.of(source + ": cannot read (" + e.getMessage() + "), ignored"));
      }
    }
    try {
      return new Entry(entry, Optional.of(SummaryIndex.parse(source, bytes)), Optional.empty());
    } catch (SummaryFormatException e) {
      return new Entry(entry, Optional.empty(), Optional.of(e.getMessage() + "; its summaries are ignored"));
    }
  }
}
