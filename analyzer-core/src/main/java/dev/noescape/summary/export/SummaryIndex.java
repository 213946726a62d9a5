package dev.noescape.summary.export;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One summaries resource, opened: where each class's lines are, decoded on first use.
 *
 * <p>Opening reads the header and the table of contents ({@code I} and {@code T} lines: per class,
 * the byte offset and length of its block in the body) and nothing else: from a jar,
 * {@link #open} inflates only those first lines, and a class's block is read (the entry inflated
 * up to it) when one of its methods is first looked up. The body's size, given by the {@code I}
 * line, is checked against the entry's size, which catches truncation without reading the body.
 * A resource without a table of contents (hand-written) is read whole and scanned once for its
 * class lines; then the trailer's counts are checked too. An instance never changes after opening
 * except for its memo of decoded classes, so the javac plugin shares one per class path entry
 * across compilations and threads.
 */
public final class SummaryIndex {
  /** Where a module's summaries live, in its jar or classes directory. */
  public static final String RESOURCE = "META-INF/noescape/summaries";

  /** The format version this reader reads and {@link SummaryWriter} writes. */
  public static final int FORMAT_VERSION = 1;

  /** The {@link MethodSummary#origin()} of every summary read from a resource. */
  public static final String ORIGIN = "summary";

  /** Opens the resource's bytes again, from the start (a jar entry cannot seek). */
  @FunctionalInterface
  public interface Reopen {
    InputStream open() throws IOException;
  }

  /** Where the bytes of a class's block come from. */
  private interface Blocks {
    byte[] read(long start, int length) throws IOException;
  }

  private record Block(long start, int length, int line) {}

  private final String source;
  private final String producer;
  private final Blocks blocks;
  private final Map<String, Block> classes;
  private final int methodCount;
  private final ConcurrentHashMap<String, Map<String, MethodSummary>> decoded = new ConcurrentHashMap<>();

  private SummaryIndex(String source, String producer, Blocks blocks, Map<String, Block> classes, int methodCount) {
    this.source = source;
    this.producer = producer;
    this.blocks = blocks;
    this.classes = classes;
    this.methodCount = methodCount;
  }

  /**
   * Indexes a resource held in memory. Throws {@link SummaryFormatException} naming {@code source}
   * when it is not a summaries file, has a format version this reader does not know, or is
   * malformed or truncated.
   */
  public static SummaryIndex parse(String source, byte[] bytes) {
    try {
      return open(source, bytes.length, null, () -> new java.io.ByteArrayInputStream(bytes), bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e); // no I/O on a byte array
    }
  }

  /**
   * Indexes a resource that {@code reopen} streams (a jar entry of {@code size} bytes, -1 when
   * unknown), reading only its header and table of contents now.
   */
  public static SummaryIndex open(String source, long size, Reopen reopen) throws IOException {
    return open(source, size, null, reopen, null);
  }

  /** As {@link #open(String, long, Reopen)}, reading the table of contents from {@code first}, which it closes. */
  public static SummaryIndex open(String source, long size, InputStream first, Reopen reopen) throws IOException {
    return open(source, size, first, reopen, null);
  }

  /**
   * Indexes a resource whose bytes were read whole (a small jar entry: one inflation instead of
   * one for the table of contents and one per class looked up). The bytes are held softly: blocks
   * come from them while the heap has room, else from {@code reopen}, so a long-lived JVM (a
   * Gradle daemon, an IDE) that has opened hundreds of jars does not pin every resource.
   */
  public static SummaryIndex openRead(String source, byte[] bytes, Reopen reopen) throws IOException {
    return open(source, bytes.length, new java.io.ByteArrayInputStream(bytes), reopen, bytes);
  }

  /**
   * {@code all}, when given, is the whole resource, held softly (see {@link #openRead}); for
   * {@link #parse} the reopen function holds the same array, so it is never cleared there.
   */
  private static SummaryIndex open(String source, long size, InputStream first, Reopen reopen, byte[] all) throws IOException {
    try (InputStream in = first != null ? first : reopen.open()) {
      LineReader r = new LineReader(in);
      String header = r.line();
      String producer = header(source, header);
      String toc = r.line();
      if (toc == null || !toc.startsWith("I ")) {
        // No table of contents: read everything and scan it.
        byte[] bytes = all != null ? all : readAll(reopen);
        return scan(source, producer, bytes, header);
      }
      String[] counts = toc.split(" ");
      int nClasses;
      int nMethods;
      long bodySize;
      try {
        if (counts.length != 4) throw new NumberFormatException();
        nClasses = Integer.parseInt(counts[1]);
        nMethods = Integer.parseInt(counts[2]);
        bodySize = Long.parseLong(counts[3]);
      } catch (NumberFormatException e) {
        throw new SummaryFormatException(source, 2, "malformed table of contents line '" + toc + "'");
      }
      Map<String, Block> classes = new HashMap<>(nClasses * 2);
      for (int i = 0; i < nClasses; i++) {
        String t = r.line();
        int line = 3 + i;
        if (t == null) throw new SummaryFormatException(source, line, "table of contents ends early (truncated?)");
        int tab1 = t.indexOf('\t');
        int tab2 = tab1 < 0 ? -1 : t.indexOf('\t', tab1 + 1);
        if (!t.startsWith("T ") || tab2 < 0) throw new SummaryFormatException(source, line, "expected a 'T class offset length' line");
        long offset;
        int length;
        try {
          offset = Long.parseLong(t.substring(tab1 + 1, tab2));
          length = Integer.parseInt(t.substring(tab2 + 1));
        } catch (NumberFormatException e) {
          throw new SummaryFormatException(source, line, "bad offset or length");
        }
        if (offset < 0 || length < 0 || offset + length > bodySize) {
          throw new SummaryFormatException(source, line, "block outside the body");
        }
        String owner = t.substring(2, tab1);
        if (classes.put(owner, new Block(offset, length, -1)) != null) {
          throw new SummaryFormatException(source, line, "class " + owner + " listed twice");
        }
      }
      long bodyStart = r.position();
      if (size >= 0 && bodyStart + bodySize != size) {
        throw new SummaryFormatException(source, 0, "is " + size + " bytes, its table of contents says "
            + (bodyStart + bodySize) + " (truncated?)");
      }
      // Offsets are relative to the body: make them absolute.
      Map<String, Block> absolute = new HashMap<>(classes.size() * 2);
      for (Map.Entry<String, Block> e : classes.entrySet()) {
        absolute.put(e.getKey(), new Block(bodyStart + e.getValue().start(), e.getValue().length(), -1));
      }
      Blocks fromStream = (start, length) -> {
        try (InputStream again = reopen.open()) {
          again.skipNBytes(start);
          byte[] b = again.readNBytes(length);
          if (b.length != length) throw new IOException("ends early (truncated?)");
          return b;
        }
      };
      Blocks blocks = fromStream;
      if (all != null) {
        SoftReference<byte[]> held = new SoftReference<>(all);
        blocks = (start, length) -> {
          byte[] b = held.get();
          return b != null ? slice(b, start, length) : fromStream.read(start, length);
        };
      }
      return new SummaryIndex(source, producer, blocks, absolute, nMethods);
    }
  }

  private static byte[] slice(byte[] all, long start, int length) {
    byte[] b = new byte[length];
    System.arraycopy(all, (int) start, b, 0, length);
    return b;
  }

  private static byte[] readAll(Reopen reopen) throws IOException {
    try (InputStream in = reopen.open()) {
      return in.readAllBytes();
    }
  }

  /** Checks the header line; returns the producer. */
  private static String header(String source, String header) {
    String[] h = header == null ? new String[0] : header.split(" ", 3);
    if (h.length < 2 || !h[0].equals(SummaryFormat.MAGIC)) {
      throw new SummaryFormatException(source, 1, "not a noescape summaries file (no '" + SummaryFormat.MAGIC + "' header)");
    }
    int version;
    try {
      version = Integer.parseInt(h[1]);
    } catch (NumberFormatException e) {
      throw new SummaryFormatException(source, 1, "format version '" + h[1] + "' is not a number");
    }
    if (version != FORMAT_VERSION) {
      throw new SummaryFormatException(source, 1, "format version " + version + " (written by "
          + (h.length > 2 ? h[2] : "an unknown producer") + "); this noescape reads version " + FORMAT_VERSION + ", skipped");
    }
    return h.length > 2 ? h[2] : "";
  }

  /** A resource without a table of contents: one pass over every line. */
  private static SummaryIndex scan(String source, String producer, byte[] bytes, String header) {
    Map<String, Block> classes = new HashMap<>();
    int methods = 0;
    String openOwner = null;
    long openStart = 0;
    int openLine = 0;
    int line = 1;
    boolean ended = false;
    int headerEnd = lineEnd(bytes, 0);
    for (int p = headerEnd + 1; p < bytes.length; ) {
      int end = lineEnd(bytes, p);
      line++;
      if (ended) {
        if (end > p) throw new SummaryFormatException(source, line, "text after the 'end' trailer");
      } else if (end == p || bytes[p] == '#') {
        // blank or comment line
      } else if (bytes[p] == 'C' && end > p + 2 && bytes[p + 1] == ' ') {
        if (openOwner != null) classes.put(openOwner, new Block(openStart, (int) (p - openStart), openLine));
        openOwner = new String(bytes, p + 2, end - p - 2, StandardCharsets.UTF_8);
        if (classes.containsKey(openOwner)) throw new SummaryFormatException(source, line, "class " + openOwner + " listed twice");
        openStart = p;
        openLine = line;
      } else if (bytes[p] == 'M' && end > p + 1 && bytes[p + 1] == '\t') {
        if (openOwner == null) throw new SummaryFormatException(source, line, "method line before any class line");
        methods++;
      } else if (startsWith(bytes, p, SummaryFormat.END + " ")) {
        if (openOwner != null) classes.put(openOwner, new Block(openStart, (int) (p - openStart), openLine));
        openOwner = null;
        String[] counts = new String(bytes, p, end - p, StandardCharsets.UTF_8).split(" ");
        if (counts.length != 3 || !counts[1].equals(Integer.toString(classes.size()))
            || !counts[2].equals(Integer.toString(methods))) {
          throw new SummaryFormatException(source, line, "trailer '" + String.join(" ", counts) + "' does not match the "
              + classes.size() + " classes and " + methods + " methods read (truncated or edited?)");
        }
        ended = true;
      } else {
        throw new SummaryFormatException(source, line, "unexpected line (expected C, M, # or end)");
      }
      p = end + 1;
    }
    if (!ended) throw new SummaryFormatException(source, line, "no 'end' trailer (truncated?)");
    return new SummaryIndex(source, producer, (start, length) -> slice(bytes, start, length), classes, methods);
  }

  private static int lineEnd(byte[] b, int from) {
    int i = from;
    while (i < b.length && b[i] != '\n') i++;
    return i;
  }

  private static boolean startsWith(byte[] b, int p, String ascii) {
    if (p + ascii.length() > b.length) return false;
    for (int i = 0; i < ascii.length(); i++) if (b[p + i] != ascii.charAt(i)) return false;
    return true;
  }

  /** UTF-8 lines from a stream, counting the bytes consumed (no read-ahead past the last line asked for). */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int lim;
    private long consumed;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** The next line without its '\n', or null at the end. */
    String line() throws IOException {
      ByteArrayOutputStream partial = null;
      while (true) {
        if (pos == lim) {
          lim = in.read(buf, 0, buf.length);
          pos = 0;
          if (lim <= 0) {
            lim = 0;
            return partial == null ? null : partial.toString(StandardCharsets.UTF_8);
          }
        }
        int start = pos;
        while (pos < lim && buf[pos] != '\n') pos++;
        if (pos < lim) {
          String s;
          if (partial == null) {
            s = new String(buf, start, pos - start, StandardCharsets.UTF_8);
          } else {
            partial.write(buf, start, pos - start);
            s = partial.toString(StandardCharsets.UTF_8);
          }
          pos++;
          consumed += (pos - start);
          return s;
        }
        if (partial == null) partial = new ByteArrayOutputStream();
        partial.write(buf, start, pos - start);
        consumed += (pos - start);
      }
    }

    /** Bytes of the stream consumed by the lines returned so far. */
    long position() {
      return consumed;
    }
  }

  /** The jar or file this index was read from, for messages. */
  public String source() {
    return source;
  }

  /** The header's producer, e.g. {@code noescape 0.1.0}. */
  public String producer() {
    return producer;
  }

  public Set<String> classes() {
    return Collections.unmodifiableSet(classes.keySet());
  }

  public int methodCount() {
    return methodCount;
  }

  /**
   * The summary of {@code m}, when its class is in this resource and lists it with as many slots
   * as {@code m} has (a disagreement means another method of the same name and erasure: a static
   * versus an instance method after a change, so the summary is not used). Throws
   * {@link SummaryFormatException} when the class's lines are malformed or cannot be read.
   */
  public Optional<MethodSummary> lookup(MethodRef m) {
    Map<String, MethodSummary> methods = methodsOf(m.owner());
    MethodSummary s = methods.get(m.key());
    if (s == null || s.params().size() != m.slotCount()) return Optional.empty();
    return Optional.of(s);
  }

  /** Every summary of {@code owner}'s methods by {@link MethodRef#key()}; empty when not listed. */
  public Map<String, MethodSummary> methodsOf(String owner) {
    Map<String, MethodSummary> m = decoded.get(owner);
    if (m != null) return m;
    Block block = classes.get(owner);
    if (block == null) return Map.of();
    return decoded.computeIfAbsent(owner, o -> decode(o, block));
  }

  /** Every summary in the resource, by {@link MethodRef#key()}, sorted: decodes everything. */
  public Map<String, MethodSummary> all() {
    Map<String, MethodSummary> out = new TreeMap<>();
    for (String c : classes.keySet()) out.putAll(methodsOf(c));
    return out;
  }

  private Map<String, MethodSummary> decode(String owner, Block block) {
    String text;
    try {
      text = new String(blocks.read(block.start(), block.length()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SummaryFormatException(source, 0, "class " + owner + ": cannot read its block: " + e.getMessage());
    }
    // Where errors are: a line number when the whole file was scanned, else the class.
    String where = block.line() > 0 ? null : "class " + owner + ": ";
    if (!text.startsWith("C " + owner + "\n")) {
      throw new SummaryFormatException(source, block.line(), (where == null ? "" : where) + "block does not start with its class line");
    }
    Map<String, MethodSummary> out = new HashMap<>();
    int line = block.line();
    int p = 0;
    while (p < text.length()) {
      int end = text.indexOf('\n', p);
      if (end < 0) end = text.length();
      if (p > 0 && line > 0) line++;
      if (end > p && text.charAt(p) == 'M') {
        String[] f = text.substring(p, end).split("\t", -1);
        try {
          if (f.length < 4) throw new IllegalArgumentException("a method line needs a signature, F/. and N/Y/U");
          String local = f[1];
          if (local.indexOf('(') <= 0 || !local.endsWith(")")) throw new IllegalArgumentException("bad signature '" + local + "'");
          List<ParamTag> tags = new ArrayList<>(f.length - 4);
          for (int i = 4; i < f.length; i++) tags.add(SummaryFormat.parseTag(f[i]));
          MethodSummary s = new MethodSummary(tags, SummaryFormat.fresh(f[2]), SummaryFormat.allocates(f[3]), ORIGIN,
              SummaryFormat.neverReturns(f[3]));
          if (out.put(owner + "#" + local, s) != null) throw new IllegalArgumentException(local + " listed twice");
        } catch (IllegalArgumentException e) {
          throw new SummaryFormatException(source, line, (where == null ? "" : where) + e.getMessage());
        }
      } else if (end > p && p > 0 && text.charAt(p) != '#') {
        throw new SummaryFormatException(source, line, (where == null ? "" : where) + "unexpected line in a class block");
      }
      p = end + 1;
    }
    return out;
  }

  @Override
  public String toString() {
    return source + " (" + classes.size() + " classes, " + methodCount + " methods, " + producer + ")";
  }
}
