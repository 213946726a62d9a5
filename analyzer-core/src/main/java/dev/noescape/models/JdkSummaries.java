package dev.noescape.models;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Summaries of {@code java.base} computed by running the bytecode front end and the engine over the
 * JDK itself ({@link dev.noescape.models.generate.JdkSummaryGenerator}, the JarInfer approach), read
 * from {@value #RESOURCE} next to this class. They answer what the hand-checked {@link JdkModels} do
 * not; {@link #library()} puts the models first.
 *
 * <p>The file is gzipped text, one block per class:
 *
 * <pre>
 * # header comments: the JDK that generated it, counts
 * &#64;java.lang.StringBuilder &lt; java.lang.AbstractStringBuilder
 * append(java.lang.Object) ret+cesc ...tags... [fresh] alloc=yes|no|unknown
 * static valueOf(int) none fresh alloc=yes
 * </pre>
 *
 * <p>The class line names the superclass when the file has it: a call whose owner does not declare
 * the method (the bytecode names {@code StringBuilder#length()}, declared by the package-private
 * {@code AbstractStringBuilder}) walks up to the declaring class. Tags are those of
 * {@link ModelParser} ({@code none}, parts {@code esc("why")}, {@code ret}, {@code into(i)},
 * {@code cesc}, {@code cret}, {@code cinto(i)} joined by {@code +}), except that a slot may name
 * itself ({@code this.b.add(this.a)}).
 *
 * <p>Loading is cheap because it happens in every javac run: the first lookup inflates the file and
 * indexes the class lines; a class's block is decoded on its first lookup.
 */
public final class JdkSummaries implements SummaryProvider {
  /** The resource, relative to this class. */
  public static final String RESOURCE = "jdk-summaries.gz";
  /** The origin of the summaries it gives ({@link MethodSummary#origin()}). */
  public static final String ORIGIN = "generated";

  private final String text;
  private final Map<String, int[]> classes = new HashMap<>();
  private final Map<String, String> supers = new HashMap<>();
  private final ConcurrentHashMap<String, Map<String, MethodSummary>> decoded = new ConcurrentHashMap<>();
  private final String jdk;

  private JdkSummaries(String text) {
    this.text = text;
    String version = "unknown";
    int pos = 0, n = text.length();
    String open = null;
    int openAt = 0;
    while (pos < n) {
      int end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      char c = text.charAt(pos);
      if (c == '@') {
        if (open != null) classes.put(open, new int[] {openAt, pos});
        int lt = text.indexOf(" < ", pos);
        if (lt >= 0 && lt < end) {
          open = text.substring(pos + 1, lt);
          supers.put(open, text.substring(lt + 3, end));
        } else {
          open = text.substring(pos + 1, end);
        }
        openAt = end + 1;
      } else if (c == '#' && text.startsWith("# jdk ", pos)) {
        version = text.substring(pos + 6, end).trim();
      }
      pos = end + 1;
    }
    if (open != null) classes.put(open, new int[] {openAt, Math.min(n, pos)});
    this.jdk = version;
  }

  private static final class Holder {
    static final JdkSummaries INSTANCE = load();
  }

  /** The shipped summaries (empty when the resource is missing or unreadable: every answer is then "unknown"). */
  public static JdkSummaries instance() {
    return Holder.INSTANCE;
  }

  private static final class LibraryHolder {
    static final SummaryProvider LIBRARY = JdkModels.instance().orElse(instance());
  }

  /**
   * What the engine uses for code outside the program: the hand-checked models, else the generated
   * summaries, else nothing (the engine's conservative unknown).
   */
  public static SummaryProvider library() {
    return LibraryHolder.LIBRARY;
  }

  /**
   * {@code -Dnoescape.jdksummaries=off} leaves the generated summaries out (only the models answer):
   * for measuring what they change ({@code bench/jdk-coverage.sh}).
   */
  static final boolean DISABLED = "off".equals(System.getProperty("noescape.jdksummaries"));

  private static JdkSummaries load() {
    if (DISABLED) return new JdkSummaries("");
    try (InputStream in = JdkSummaries.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return new JdkSummaries("");
      return new JdkSummaries(new String(new GZIPInputStream(in, 1 << 16).readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // Unknown for every JDK method is the conservative answer; never take a compilation down.
      return new JdkSummaries("");
    }
  }

  /** Summaries from the text format (tests, the generator's check). */
  public static JdkSummaries parse(String text) {
    return new JdkSummaries(text);
  }

  /** The JDK that generated the file ({@code 25.0.1+8-LTS Eclipse Adoptium}), "unknown" when not said. */
  public String jdkVersion() {
    return jdk;
  }

  /** The classes the file has summaries for. */
  public Set<String> classNames() {
    return new TreeSet<>(classes.keySet());
  }

  /** The summaries declared by one class, by {@code name(params)} ({@code static } first for static methods). */
  public Map<String, MethodSummary> declared(String owner) {
    int[] range = classes.get(owner);
    if (range == null) return Map.of();
    return decoded.computeIfAbsent(owner, o -> decode(o, range[0], range[1]));
  }

  @Override
  public Optional<MethodSummary> lookup(MethodRef method) {
    String sub = (method.isStatic() ? "static " : "") + method.name() + "(" + String.join(",", method.paramTypes()) + ")";
    String owner = method.owner();
    // Constructors are not inherited; other methods may be declared by a superclass.
    for (int depth = 0; owner != null && depth < 32; depth++) {
      MethodSummary s = declared(owner).get(sub);
      if (s != null) return s.params().size() == method.slotCount() ? Optional.of(s) : Optional.empty();
      if (method.isConstructor()) break;
      owner = supers.get(owner);
    }
    return Optional.empty();
  }

  private Map<String, MethodSummary> decode(String owner, int from, int to) {
    Map<String, MethodSummary> out = new HashMap<>();
    int pos = from;
    while (pos < to) {
      int end = text.indexOf('\n', pos);
      if (end < 0 || end > to) end = to;
      if (end > pos && text.charAt(pos) != '#') {
        String line = text.substring(pos, end);
        try {
          Map.Entry<String, MethodSummary> e = decodeLine(line);
          out.put(e.getKey(), e.getValue());
        } catch (RuntimeException bad) {
          // A malformed line is left unknown (the tests decode every line of the shipped file).
        }
      }
      pos = end + 1;
    }
    return out;
  }

  /** One method line: its {@code [static ]name(params)} and summary. */
  static Map.Entry<String, MethodSummary> decodeLine(String line) {
    List<String> t = tokens(line);
    int i = 0;
    String sub = t.get(i++);
    boolean isStatic = false;
    if (sub.equals("static")) {
      isStatic = true;
      sub = t.get(i++);
    }
    int open = sub.indexOf('(');
    String params = sub.substring(open + 1, sub.length() - 1);
    int slots = (params.isEmpty() ? 0 : params.split(",", -1).length) + (isStatic ? 0 : 1);
    List<ParamTag> tags = new ArrayList<>(slots);
    for (int s = 0; s < slots; s++) tags.add(tag(t.get(i++)));
    boolean fresh = false;
    Allocates alloc = null;
    for (; i < t.size(); i++) {
      String f = t.get(i);
      if (f.equals("fresh")) fresh = true;
      else if (f.startsWith("alloc=")) alloc = Allocates.valueOf(f.substring(6).toUpperCase(java.util.Locale.ROOT));
      else throw new IllegalArgumentException("unexpected '" + f + "' in " + line);
    }
    if (alloc == null) throw new IllegalArgumentException("missing alloc= in " + line);
    return Map.entry((isStatic ? "static " : "") + sub, new MethodSummary(tags, fresh, alloc, ORIGIN));
  }

  private static ParamTag tag(String token) {
    if (token.equals("none")) return ParamTag.NONE;
    boolean esc = false, ret = false, cesc = false, cret = false;
    String why = null;
    Set<Integer> into = new TreeSet<>(), cinto = new TreeSet<>();
    int pos = 0;
    while (pos < token.length()) {
      int start = pos;
      while (pos < token.length() && Character.isLetter(token.charAt(pos))) pos++;
      String part = token.substring(start, pos);
      String arg = null;
      if (pos < token.length() && token.charAt(pos) == '(') {
        int from = token.charAt(pos + 1) == '"' ? token.indexOf('"', pos + 2) : pos;
        int close = token.indexOf(')', from);
        arg = token.substring(pos + 1, close);
        pos = close + 1;
      }
      if (pos < token.length() && token.charAt(pos) == '+') pos++;
      switch (part) {
        case "esc" -> {
          esc = true;
          why = arg == null ? null : arg.substring(1, arg.length() - 1);
        }
        case "ret" -> ret = true;
        case "cesc" -> cesc = true;
        case "cret" -> cret = true;
        case "into" -> slots(arg, into);
        case "cinto" -> slots(arg, cinto);
        default -> throw new IllegalArgumentException("unknown tag part '" + part + "' in " + token);
      }
    }
    return new ParamTag(esc, ret, into, esc || cesc, cret, cinto, why);
  }

  private static void slots(String arg, Set<Integer> out) {
    for (String s : arg.split(",", -1)) out.add(Integer.parseInt(s));
  }

  private static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') quoted = !quoted;
      if (!quoted && c == ' ') {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) out.add(cur.toString());
    return out;
  }

  /** The line {@link #decodeLine} reads back: {@code [static ]name(params) tags [fresh] alloc=...}. */
  public static String encodeLine(String sub, MethodSummary s) {
    StringBuilder b = new StringBuilder(sub);
    for (ParamTag t : s.params()) b.append(' ').append(encodeTag(t));
    if (s.freshReturn()) b.append(" fresh");
    b.append(" alloc=").append(s.allocates().name().toLowerCase(java.util.Locale.ROOT));
    return b.toString();
  }

  private static String encodeTag(ParamTag t) {
    if (t.isNone() && !t.escapes()) return "none";
    List<String> parts = new ArrayList<>();
    if (t.escapes()) {
      parts.add(t.why() == null ? "esc" : "esc(\"" + t.why().replace('"', '\'').replace('\n', ' ') + "\")");
    }
    if (t.toReturn()) parts.add("ret");
    if (!t.intoContentOf().isEmpty()) parts.add("into(" + join(t.intoContentOf()) + ")");
    if (t.contentEscapes() && !t.escapes()) parts.add("cesc");
    if (t.contentToReturn()) parts.add("cret");
    if (!t.contentIntoContentOf().isEmpty()) parts.add("cinto(" + join(t.contentIntoContentOf()) + ")");
    return String.join("+", parts);
  }

  private static String join(Set<Integer> slots) {
    StringBuilder b = new StringBuilder();
    for (int s : new TreeSet<>(slots)) b.append(b.length() == 0 ? "" : ",").append(s);
    return b.toString();
  }
}
