package dev.noescape.summary.export;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
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
 * <p>{@link #parse} checks the header, that every line is a class, method or comment line, and
 * the trailer's counts (which catches truncation), and remembers where each class's block starts
 * and ends. It decodes no method: a class's methods are decoded when one of them is first looked
 * up. An instance never changes after {@link #parse} except for that memo, so the javac plugin
 * shares one per class path entry across compilations and threads.
 */
public final class SummaryIndex {
  /** Where a module's summaries live, in its jar or classes directory. */
  public static final String RESOURCE = "META-INF/noescape/summaries";

  /** The format version this reader reads and {@link SummaryWriter} writes. */
  public static final int FORMAT_VERSION = 1;

  /** The {@link MethodSummary#origin()} of every summary read from a resource. */
  public static final String ORIGIN = "summary";

  private final String source;
  private final String producer;
  private final byte[] bytes;
  // owner -> {start, end, line number of its C line}
  private final Map<String, int[]> classes;
  private final int methodCount;
  private final ConcurrentHashMap<String, Map<String, MethodSummary>> decoded = new ConcurrentHashMap<>();

  private SummaryIndex(String source, String producer, byte[] bytes, Map<String, int[]> classes, int methodCount) {
    this.source = source;
    this.producer = producer;
    this.bytes = bytes;
    this.classes = classes;
    this.methodCount = methodCount;
  }

  /**
   * Indexes {@code bytes}. Throws {@link SummaryFormatException} naming {@code source} when the
   * resource is not a summaries file, has a format version this reader does not know, or is
   * malformed or truncated.
   */
  public static SummaryIndex parse(String source, byte[] bytes) {
    int headerEnd = lineEnd(bytes, 0);
    String header = new String(bytes, 0, headerEnd, StandardCharsets.UTF_8);
    String[] h = header.split(" ", 3);
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
    String producer = h.length > 2 ? h[2] : "";
    Map<String, int[]> classes = new HashMap<>();
    int methods = 0;
    int[] open = null;
    int line = 1;
    boolean ended = false;
    for (int p = headerEnd + 1; p < bytes.length; ) {
      int end = lineEnd(bytes, p);
      line++;
      if (ended) {
        if (end > p) throw new SummaryFormatException(source, line, "text after the 'end' trailer");
      } else if (end == p || bytes[p] == '#') {
        // blank or comment line
      } else if (bytes[p] == 'C' && end > p + 2 && bytes[p + 1] == ' ') {
        if (open != null) open[1] = p;
        String owner = new String(bytes, p + 2, end - p - 2, StandardCharsets.UTF_8);
        open = new int[] {end + 1, end + 1, line};
        if (classes.put(owner, open) != null) throw new SummaryFormatException(source, line, "class " + owner + " listed twice");
      } else if (bytes[p] == 'M' && end > p + 1 && bytes[p + 1] == '\t') {
        if (open == null) throw new SummaryFormatException(source, line, "method line before any class line");
        methods++;
      } else if (startsWith(bytes, p, SummaryFormat.END + " ")) {
        if (open != null) open[1] = p;
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
    return new SummaryIndex(source, producer, bytes, classes, methods);
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

  public boolean hasClass(String owner) {
    return classes.containsKey(owner);
  }

  public int methodCount() {
    return methodCount;
  }

  /**
   * The summary of {@code m}, when its class is in this resource and lists it with as many slots
   * as {@code m} has (a disagreement means another method of the same name and erasure: a static
   * versus an instance method after a change, so the summary is not used). Throws
   * {@link SummaryFormatException} when the class's lines are malformed.
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
    int[] block = classes.get(owner);
    if (block == null) return Map.of();
    return decoded.computeIfAbsent(owner, o -> decode(o, block));
  }

  /** Every summary in the resource, by {@link MethodRef#key()}, sorted: decodes everything. */
  public Map<String, MethodSummary> all() {
    Map<String, MethodSummary> out = new TreeMap<>();
    for (String c : classes.keySet()) out.putAll(methodsOf(c));
    return out;
  }

  private Map<String, MethodSummary> decode(String owner, int[] block) {
    Map<String, MethodSummary> out = new HashMap<>();
    String text = new String(bytes, block[0], block[1] - block[0], StandardCharsets.UTF_8);
    int line = block[2];
    int p = 0;
    while (p < text.length()) {
      int end = text.indexOf('\n', p);
      if (end < 0) end = text.length();
      line++;
      if (end > p && text.charAt(p) == 'M') {
        String[] f = text.substring(p, end).split("\t", -1);
        try {
          if (f.length < 4) throw new IllegalArgumentException("a method line needs a signature, F/. and N/Y/U");
          String local = f[1];
          if (local.indexOf('(') <= 0 || !local.endsWith(")")) throw new IllegalArgumentException("bad signature '" + local + "'");
          List<ParamTag> tags = new ArrayList<>(f.length - 4);
          for (int i = 4; i < f.length; i++) tags.add(SummaryFormat.parseTag(f[i]));
          MethodSummary s = new MethodSummary(tags, SummaryFormat.fresh(f[2]), SummaryFormat.allocates(f[3]), ORIGIN);
          if (out.put(owner + "#" + local, s) != null) throw new IllegalArgumentException(local + " listed twice");
        } catch (IllegalArgumentException e) {
          throw new SummaryFormatException(source, line, e.getMessage());
        }
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
