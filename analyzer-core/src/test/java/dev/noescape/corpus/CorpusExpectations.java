package dev.noescape.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The expectations written into a corpus source file (syntax in {@code testdata/README.md}).
 *
 * <ul>
 *   <li>{@code // expect: RuleId[, RuleId(fragment)...]} on the line where a finding is reported;
 *       a rule listed twice expects two findings; {@code (fragment)} must occur in the message, with
 *       {@code @-N}/{@code @+N} read as the line N lines above/below the marker's.
 *   <li>{@code // ok: RuleId[, ...] [-- why]}: a trap the rule must not report (a negative).
 *   <li>{@code // gap: RuleId -- reason}: a finding the analysis may or may not report.
 *   <li>{@code // bytecode-gap: RuleId -- reason} / {@code // javac-gap: RuleId -- reason}: an
 *       exception for one front end only. On that line, that front end may miss the rule's
 *       expected findings and may report the rule where it is not expected; the other front end is
 *       held to the line's other markers. For what one representation cannot see (bytecode has no
 *       explicit-versus-implicit varargs array, javac has no view into another unit's body).
 *   <li>Several clauses on one line: {@code // expect: A // ok: B -- why; ok: C -- why}.
 *   <li>{@code // corpus-rules: A, B} in the first 30 lines sets the rules the file checks
 *       (default: the six warning rules).
 * </ul>
 */
public final class CorpusExpectations {
  private CorpusExpectations() {}

  /** The six warning rules, in table order. */
  private static final List<String> WARNING_RULES =
      List.of(
          "BoxingAllocation",
          "VarargsAllocation",
          "CapturingLambda",
          "UnpresizedCollection",
          "HashMapCapacity",
          "StringConcatInLoop");

  /** The rules whose markers the corpus must keep above the minimum counts, in table order. */
  public static final List<String> CHECKED_RULES =
      Stream.concat(Stream.of("HeapEscape", "LeakingParameter", "NotScalarReplaced"), WARNING_RULES.stream()).toList();

  /** Every rule ID the corpus may name. */
  public static final Set<String> RULES =
      Set.copyOf(Stream.concat(CHECKED_RULES.stream(), Stream.of("AllocationContract")).toList());

  /** The scope of a file without a {@code corpus-rules} header: the six warning rules. */
  public static final Set<String> DEFAULT_SCOPE = Set.copyOf(WARNING_RULES);

  static final int HEADER_LINES = 30;

  public enum Kind {
    EXPECT,
    OK,
    GAP,
    /** A gap for the bytecode front end only. */
    BYTECODE_GAP,
    /** A gap for the javac front end only. */
    JAVAC_GAP
  }

  /** Which front end produced the findings being scored. */
  public enum FrontEnd {
    JAVAC(Kind.JAVAC_GAP),
    BYTECODE(Kind.BYTECODE_GAP);

    private final Kind gapKind;

    FrontEnd(Kind gapKind) {
      this.gapKind = gapKind;
    }

    /** The marker kind that excuses this front end on a line. */
    public Kind gapKind() {
      return gapKind;
    }
  }

  /**
   * One marker.
   *
   * @param file path relative to the corpus source root, with {@code /}
   * @param line 1-based
   * @param kind expect, ok or gap
   * @param rule rule ID
   * @param fragment text the finding's message must contain (expect only), or null
   * @param reason the text after {@code --}, or null
   */
  public record Marker(String file, int line, Kind kind, String rule, String fragment, String reason) {
    @Override
    public String toString() {
      return file + ":" + line + " " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + rule
          + (fragment != null ? "(" + fragment + ")" : "") + (reason != null ? " -- " + reason : "");
    }
  }

  /** The expectations of one file. */
  public record FileExpectations(String file, Set<String> scope, boolean explicitScope, List<Marker> markers) {
    public FileExpectations {
      scope = Set.copyOf(scope);
      markers = List.copyOf(markers);
    }
  }

  /** A malformed marker: the corpus is wrong, not the analysis. */
  public static final class MarkerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MarkerException(String file, int line, String message) {
      super(file + ":" + line + ": " + message);
    }
  }

  private static final Pattern SCOPE = Pattern.compile("//\\s*corpus-rules\\s*:(.*)$");
  /** Start of the marker comment: the first {@code // expect:}, {@code // ok:}, {@code // gap:}, {@code // bytecode-gap:}, {@code // javac-gap:}. */
  private static final Pattern FIRST_MARKER = Pattern.compile("//\\s*(?:expect|ok|gap|bytecode-gap|javac-gap)\\s*:");
  /** Start of each clause inside the marker comment. */
  private static final Pattern CLAUSE = Pattern.compile("(?://|;)\\s*(expect|ok|gap|bytecode-gap|javac-gap)\\s*:");
  private static final Pattern ITEM = Pattern.compile("\\s*([A-Za-z]+)\\s*(?:\\((.*)\\))?\\s*");

  /** Parses one file's text; {@code file} is only used in markers and messages. */
  public static FileExpectations parse(String file, String source) {
    String[] lines = source.split("\r\n|\r|\n", -1);
    Set<String> scope = DEFAULT_SCOPE;
    boolean explicit = false;
    for (int i = 0; i < Math.min(HEADER_LINES, lines.length); i++) {
      Matcher m = SCOPE.matcher(lines[i]);
      if (m.find()) {
        if (explicit) throw new MarkerException(file, i + 1, "a second corpus-rules header");
        Set<String> s = new LinkedHashSet<>();
        for (String r : m.group(1).split(",")) {
          String rule = r.trim();
          if (rule.isEmpty()) continue;
          checkRule(file, i + 1, rule);
          s.add(rule);
        }
        if (s.isEmpty()) throw new MarkerException(file, i + 1, "corpus-rules names no rule");
        scope = s;
        explicit = true;
      }
    }
    for (int i = HEADER_LINES; i < lines.length; i++) {
      if (SCOPE.matcher(lines[i]).find()) {
        throw new MarkerException(file, i + 1, "corpus-rules must be in the first " + HEADER_LINES + " lines");
      }
    }

    List<Marker> markers = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      Matcher first = FIRST_MARKER.matcher(line);
      if (!first.find()) continue;
      if (line.substring(0, first.start()).isBlank()) {
        throw new MarkerException(file, lineNo, "a marker must trail the code it is about, not stand on its own line");
      }
      String comment = line.substring(first.start());
      Matcher c = CLAUSE.matcher(comment);
      List<int[]> starts = new ArrayList<>();
      List<String> kinds = new ArrayList<>();
      while (c.find()) {
        starts.add(new int[] {c.start(), c.end()});
        kinds.add(c.group(1));
      }
      for (int k = 0; k < starts.size(); k++) {
        int bodyStart = starts.get(k)[1];
        int bodyEnd = k + 1 < starts.size() ? starts.get(k + 1)[0] : comment.length();
        parseClause(file, lineNo, kindOf(kinds.get(k)), comment.substring(bodyStart, bodyEnd), scope, markers);
      }
    }
    return new FileExpectations(file, scope, explicit, markers);
  }

  private static Kind kindOf(String s) {
    return switch (s) {
      case "expect" -> Kind.EXPECT;
      case "ok" -> Kind.OK;
      case "bytecode-gap" -> Kind.BYTECODE_GAP;
      case "javac-gap" -> Kind.JAVAC_GAP;
      default -> Kind.GAP;
    };
  }

  private static void parseClause(String file, int line, Kind kind, String body, Set<String> scope, List<Marker> out) {
    String rulesPart = body;
    String reason = null;
    int dashes = body.indexOf("--");
    if (dashes >= 0) {
      rulesPart = body.substring(0, dashes);
      reason = body.substring(dashes + 2).trim();
      if (reason.isEmpty()) reason = null;
    }
    if ((kind == Kind.GAP || kind == Kind.BYTECODE_GAP || kind == Kind.JAVAC_GAP) && reason == null) {
      throw new MarkerException(file, line, "a gap needs a reason: // gap: Rule -- why");
    }
    List<String> items = splitTopLevel(rulesPart);
    if (items.isEmpty()) throw new MarkerException(file, line, "a marker names no rule");
    for (String item : items) {
      Matcher m = ITEM.matcher(item);
      if (!m.matches()) throw new MarkerException(file, line, "cannot read marker item '" + item.trim() + "'");
      String rule = m.group(1);
      checkRule(file, line, rule);
      String fragment = m.group(2);
      if (fragment != null) {
        fragment = fragment.trim();
        if (kind != Kind.EXPECT) throw new MarkerException(file, line, "only expect markers take a (fragment)");
        if (fragment.isEmpty()) throw new MarkerException(file, line, "empty (fragment)");
        fragment = absoluteLines(fragment, line);
      }
      if (!scope.contains(rule)) {
        throw new MarkerException(file, line, rule + " is outside this file's scope " + scope
            + " (add it to a // corpus-rules: header)");
      }
      out.add(new Marker(file, line, kind, rule, fragment, reason));
    }
  }

  private static final Pattern RELATIVE_LINE = Pattern.compile("@([+-]\\d+)");

  /**
   * A fragment with {@code @-N}/{@code @+N} replaced by the line N lines above/below the marker's:
   * how a fragment names a line (the loop's) without breaking when lines above it move.
   */
  static String absoluteLines(String fragment, int line) {
    Matcher m = RELATIVE_LINE.matcher(fragment);
    StringBuilder sb = new StringBuilder();
    while (m.find()) m.appendReplacement(sb, Integer.toString(line + Integer.parseInt(m.group(1))));
    m.appendTail(sb);
    return sb.toString();
  }

  /** Splits at commas that are not inside parentheses. */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') depth++;
      else if (ch == ')') depth = Math.max(0, depth - 1);
      else if (ch == ',' && depth == 0) {
        addItem(out, s.substring(from, i));
        from = i + 1;
      }
    }
    addItem(out, s.substring(from));
    return out;
  }

  private static void addItem(List<String> out, String item) {
    if (!item.isBlank()) out.add(item);
  }

  private static void checkRule(String file, int line, String rule) {
    if (!RULES.contains(rule)) throw new MarkerException(file, line, "unknown rule '" + rule + "'");
  }
}
