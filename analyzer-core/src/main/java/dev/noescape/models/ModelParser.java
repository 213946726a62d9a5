package dev.noescape.models;

import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the line format of {@code jdk.models}: one method per line, one tag per summary slot.
 *
 * <pre>
 * # a comment: a whole line, or anything after a token that starts with '#'
 * family @Name = java.util.List java.util.ArrayList @OtherFamily     (members: classes or earlier families)
 * [static|protocol] Owner#name(T1,T2)  TAG0 TAG1 ...  [fresh] alloc=yes|no|unknown [since=21]
 * </pre>
 *
 * <p>{@code protocol} marks a method of TRUST ASSUMPTION 1 ({@code Object#equals},
 * {@code CharSequence#length}): its summary holds for every implementation, user classes
 * included, so an override the analysis cannot see is held to it
 * ({@link dev.noescape.summary.SummaryProvider#protocols()}). Only an instance method of a class
 * named directly (no family, no constructor) can be one.
 *
 * <p>{@code Owner} is a fully qualified class ({@code java.util.Map$Entry}) or a {@code @Family},
 * which expands the line to every member. Parameter types are erased and fully qualified, exactly
 * as in {@link dev.noescape.ir.MethodRef#key()}: {@code java.lang.Object}, {@code int},
 * {@code char[]}. Constructors are {@code <init>} and are never {@code static}.
 *
 * <p>There is exactly one {@code TAG} per summary slot: slot 0 is the receiver (the new object for
 * {@code <init>}) unless the line starts with {@code static}, then the declared parameters in
 * order. A tag is {@code none} or parts joined by {@code +}:
 *
 * <ul>
 *   <li>{@code esc} or {@code esc("why")}: the object may outlive the call (implies {@code cesc});
 *       without a phrase the reason reads "kept beyond the call"
 *   <li>{@code ret}: the object, or an object holding it (a view, an iterator), may be returned
 *   <li>{@code into(i)}, {@code into(i,j)}: the objects in these slots may come to hold it
 *   <li>{@code cesc}: objects reachable from it (elements, fields) may escape
 *   <li>{@code cret}: objects reachable from it may be returned, or held by the result
 *   <li>{@code cinto(i)}: objects reachable from it may come to be held by the object in slot i
 * </ul>
 *
 * <p>After the tags: {@code fresh} when the result is always newly allocated and referenced from
 * nowhere else (an immutable empty constant such as {@code ""} for an empty result is allowed:
 * nothing can be stored into it), and the mandatory {@code alloc=} (may the call allocate on the
 * heap: {@code yes}, {@code no}, {@code unknown}), so every entry states it explicitly. An optional
 * {@code since=N} names the JDK feature release that added a method newer than the baseline
 * ({@value #BASELINE}); such entries are simply never looked up when analysing older code.
 *
 * <p>A line naming an owner directly overrides the same method expanded from a family line,
 * whatever their order: families state the shared contract, single lines refine one class.
 * Anything else defined twice is an error. A line ending in {@code \} continues on the next one
 * (long family lists). Every error carries the line number.
 *
 * <p>Reading happens in two passes because the table is loaded inside every javac run: {@link
 * #index} reads families and each line's signature only (no family expansion), and {@link
 * #parse(String, Pending)} reads an entry's tags when it is first looked up. {@link #parse(String,
 * Reader)} runs both passes over everything and performs every check; the tests run it on the
 * shipped file, so the lazy path never meets a malformed line.
 */
public final class ModelParser {
  /** The oldest JDK the project supports; entries without {@code since=} exist there. */
  public static final int BASELINE = 17;

  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

  private final String source;
  private final Index index;

  private ModelParser(String source) {
    this.source = source;
    this.index = new Index(source);
  }

  /**
   * One entry ready for the second pass: the key asked for, the owner it is for (a family member),
   * and the line that models it. {@link #parse(String, Pending)} reads the tags.
   */
  record Pending(String key, String owner, boolean isStatic, int line, String text, String family) {}

  /** A method line after the first pass: only its signature has been looked at. */
  record Line(int line, String text, boolean isStatic, String owner, String rest) {
    boolean isFamily() {
      return owner.charAt(0) == '@';
    }
  }

  /**
   * The first pass over a file: families and method lines, indexed by their own owner (a class or a
   * {@code @Family}). Families are not expanded up front: start-up inside javac only pays for one
   * map entry per line, and a lookup tries the call's owner, then each family containing it.
   */
  static final class Index {
    private final String source;
    private final Map<String, List<String>> families = new HashMap<>();
    private final Map<String, Integer> familyLines = new HashMap<>();
    // class -> the families that list it (directly or through a nested family), in file order
    private final Map<String, List<String>> familiesOf = new HashMap<>();
    // "java.util.ArrayList#add(java.lang.Object)" or "@Collection#add(java.lang.Object)" -> line
    private final Map<String, Line> lines = new HashMap<>();
    private final List<Line> inOrder = new ArrayList<>();
    // the signatures of the 'protocol' lines, in file order
    private final List<String> protocols = new ArrayList<>();
    // family members as written, with their lines, for check()
    private final List<Line> memberLines = new ArrayList<>();

    private Index(String source) {
      this.source = source;
    }

    /** The entry for a key: a line naming its owner, else the line of a family containing the owner. */
    Pending find(String owner, String key) {
      Line l = lines.get(key);
      if (l != null) return new Pending(key, owner, l.isStatic(), l.line(), l.text(), null);
      List<String> fams = familiesOf.get(owner);
      if (fams == null || !key.startsWith(owner)) return null;
      String rest = key.substring(owner.length());
      for (String f : fams) {
        l = lines.get(f.concat(rest));
        if (l != null) return new Pending(key, owner, l.isStatic(), l.line(), l.text(), f);
      }
      return null;
    }

    /** The signatures of the {@code protocol} lines ({@code java.lang.Object#equals(java.lang.Object)}), in file order. */
    List<String> protocols() {
      return protocols;
    }

    /**
     * Every key in file order, family lines expanded. A line naming an owner directly wins over a
     * family line for that owner; two family lines giving the same key are an error.
     */
    private int familyLine(String family) {
      return familyLines.get(family);
    }

    Map<String, Pending> expand() {
      for (Line m : memberLines) {
        if (!isQualifiedClass(m.owner())) {
          throw new ModelFormatException(source, m.line(),
              "family member must be a fully qualified class or @Family: " + m.owner());
        }
      }
      for (String f : families.keySet()) {
        if (!isIdentifier(f.substring(1))) {
          throw new ModelFormatException(source, familyLine(f), "family name must be @Identifier: " + f);
        }
      }
      Map<String, Pending> out = new LinkedHashMap<>();
      for (Line l : inOrder) {
        if (!l.isFamily()) {
          String key = l.owner().concat(l.rest());
          out.put(key, new Pending(key, l.owner(), l.isStatic(), l.line(), l.text(), null));
          continue;
        }
        for (String member : families.get(l.owner())) {
          String key = member.concat(l.rest());
          if (lines.containsKey(key)) continue; // refined by a line of its own
          Pending old = out.get(key);
          if (old != null) {
            throw new ModelFormatException(source, l.line(), key + " is already modelled through " + old.family()
                + " at line " + old.line());
          }
          out.put(key, new Pending(key, member, l.isStatic(), l.line(), l.text(), l.owner()));
        }
      }
      return out;
    }
  }

  /**
   * Parses and checks a whole models file.
   *
   * @param source a name for error messages (the resource name)
   * @return the expanded entries in file order, one per key
   * @throws ModelFormatException on the first malformed line
   */
  public static List<Model> parse(String source, Reader reader) {
    List<Model> out = new ArrayList<>();
    for (Pending p : index(source, reader).expand().values()) out.add(parse(source, p));
    return List.copyOf(out);
  }

  /**
   * First pass: families, and every method line's signature. Tags are not read yet.
   *
   * @throws ModelFormatException for malformed family lines, unknown families, malformed
   *     signatures and lines given twice
   */
  static Index index(String source, Reader reader) {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[8192];
    try (Reader in = reader) {
      for (int n; (n = in.read(buf)) > 0; ) text.append(buf, 0, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return index(source, text.toString());
  }

  /** First pass over the whole text; see {@link #index(String, Reader)}. */
  static Index index(String source, String text) {
    // Lines are found with indexOf: at start-up inside javac our own code is still interpreted while
    // the JDK's String methods are compiled, so per-character loops here would dominate the load time.
    ModelParser p = new ModelParser(source);
    int lineNo = 0;
    int pos = 0;
    int length = text.length();
    while (pos < length) {
      int startLine = ++lineNo;
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? length : nl;
      String line = text.substring(pos, end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end);
      pos = end + 1;
      // A trailing backslash continues the line: long family lists stay readable.
      if (line.endsWith("\\")) {
        StringBuilder logical = new StringBuilder(line).deleteCharAt(line.length() - 1).append(' ');
        while (pos < length) {
          lineNo++;
          nl = text.indexOf('\n', pos);
          end = nl < 0 ? length : nl;
          String next = text.substring(pos, end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end);
          pos = end + 1;
          if (!next.endsWith("\\")) {
            logical.append(next);
            break;
          }
          logical.append(next, 0, next.length() - 1).append(' ');
        }
        line = logical.toString();
      }
      p.line(startLine, line);
    }
    return p.index;
  }

  private void line(int lineNo, String text) {
    int pos = text.isEmpty() || text.charAt(0) > ' ' ? 0 : skipSpace(text, 0);
    if (pos == text.length() || text.charAt(pos) == '#') return;
    if (text.startsWith("family", pos) && pos + 6 < text.length() && text.charAt(pos + 6) <= ' ') {
      family(lineNo, splitFamily(text, pos + 6));
      return;
    }
    boolean isStatic = false;
    boolean protocol = false;
    if (text.startsWith("static", pos) && pos + 6 < text.length() && text.charAt(pos + 6) <= ' ') {
      isStatic = true;
      pos = skipSpace(text, pos + 6);
    } else if (text.startsWith("protocol", pos) && pos + 8 < text.length() && text.charAt(pos + 8) <= ' ') {
      protocol = true;
      pos = skipSpace(text, pos + 8);
    }
    int end = tokenEnd(text, pos);
    int hash = text.indexOf('#', pos);
    int open = text.indexOf('(', pos);
    if (hash <= pos || open < hash || end == pos || text.charAt(end - 1) != ')' || hash > end) {
      throw error(lineNo, "expected Owner#name(types), got: " + text.substring(pos, end));
    }
    String owner = text.substring(pos, hash);
    if (owner.charAt(0) == '@' && !index.families.containsKey(owner)) {
      throw error(lineNo, "unknown family " + owner + " (define it above)");
    }
    String sig = text.substring(pos, end);
    if (protocol && (owner.charAt(0) == '@' || sig.contains("#<init>("))) {
      throw error(lineNo, "a protocol method is an instance method of a class named directly: " + sig);
    }
    Line l = new Line(lineNo, text, isStatic, owner, sig.substring(hash - pos));
    Line old = index.lines.putIfAbsent(sig, l);
    if (old != null) throw error(lineNo, sig + " is already modelled at line " + old.line());
    index.inOrder.add(l);
    if (protocol) index.protocols.add(sig);
  }

  /** The words after {@code family}, split with indexOf; a word starting with '#' ends the line. */
  private static List<String> splitFamily(String text, int from) {
    String t = text.indexOf('\t') < 0 ? text : text.replace('\t', ' ');
    List<String> out = new ArrayList<>();
    out.add("family");
    int pos = from;
    while (pos < t.length()) {
      int end = t.indexOf(' ', pos);
      if (end < 0) end = t.length();
      if (end > pos) {
        if (t.charAt(pos) == '#') break;
        out.add(t.substring(pos, end));
      }
      pos = end + 1;
    }
    return out;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && s.charAt(i) <= ' ') i++;
    return i;
  }

  // indexOf instead of a char loop: this runs for every line at start-up, while our own code is
  // still interpreted and the JDK's String methods are already compiled.
  private static int tokenEnd(String s, int i) {
    int space = s.indexOf(' ', i);
    int tab = s.indexOf('\t', i);
    int end = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
    return end < 0 ? s.length() : end;
  }

  private void family(int lineNo, List<String> t) {
    if (t.size() < 4 || !t.get(2).equals("=")) {
      throw error(lineNo, "expected 'family @Name = member...'");
    }
    String name = t.get(1);
    if (!name.startsWith("@") || name.length() < 2) {
      throw error(lineNo, "family name must be @Identifier: " + name);
    }
    if (index.families.containsKey(name)) throw error(lineNo, "family " + name + " is already defined");
    Set<String> members = new LinkedHashSet<>();
    for (String m : t.subList(3, t.size())) {
      if (m.startsWith("@")) {
        List<String> nested = index.families.get(m);
        if (nested == null) throw error(lineNo, "unknown family " + m + " (define it above)");
        members.addAll(nested);
      } else {
        // Spelling is checked by Index.check(), on the validating path: not worth start-up time.
        members.add(m);
        index.memberLines.add(new Line(lineNo, m, false, m, ""));
      }
    }
    index.families.put(name, List.copyOf(members));
    index.familyLines.put(name, lineNo);
    for (String m : members) {
      // No lambda here: the first lambda of a class costs a bootstrap, at start-up.
      List<String> of = index.familiesOf.get(m);
      if (of == null) index.familiesOf.put(m, of = new ArrayList<>());
      of.add(name);
    }
  }

  /** Second pass for one entry: reads and checks the whole line for the entry's owner. */
  static Model parse(String source, Pending pending) {
    return new ModelParser(source).method(pending);
  }

  private Model method(Pending pending) {
    int lineNo = pending.line();
    List<String> t = tokenize(lineNo, pending.text());
    int i = 0;
    boolean isStatic = false;
    if (t.get(0).equals("static")) {
      isStatic = true;
      i++;
    } else if (t.get(0).equals("protocol")) {
      i++;
    }
    if (i >= t.size()) throw error(lineNo, "missing method after '" + t.get(0) + "'");
    String sig = t.get(i++);
    int hash = sig.indexOf('#');
    int open = sig.indexOf('(');
    String owner = sig.substring(0, hash);
    String name = sig.substring(hash + 1, open);
    String params = sig.substring(open + 1, sig.length() - 1);
    List<String> paramTypes = params.isEmpty() ? List.of() : Arrays.asList(params.split(",", -1));
    for (String p : paramTypes) {
      if (!isType(p)) {
        throw error(lineNo, "parameter type must be erased and fully qualified (or a primitive): '" + p + "'");
      }
    }
    boolean ctor = name.equals("<init>");
    if (!ctor && !isIdentifier(name)) throw error(lineNo, "bad method name: " + name);
    if (ctor && isStatic) throw error(lineNo, "a constructor cannot be static");
    if (!owner.startsWith("@") && !isQualifiedClass(owner)) {
      throw error(lineNo, "owner must be a fully qualified class or @Family: " + owner);
    }

    int slots = paramTypes.size() + (isStatic ? 0 : 1);
    List<String> tagTokens = new ArrayList<>();
    while (i < t.size() && !t.get(i).equals("fresh") && !t.get(i).startsWith("alloc=")
        && !t.get(i).startsWith("since=")) {
      tagTokens.add(t.get(i++));
    }
    if (tagTokens.size() != slots) {
      throw error(lineNo, sig + " has " + slots + " slot(s)" + (isStatic ? " (static)" : " (receiver first)")
          + " but " + tagTokens.size() + " tag(s) are given");
    }
    boolean fresh = false;
    Allocates alloc = null;
    int since = 0;
    for (; i < t.size(); i++) {
      String f = t.get(i);
      if (f.equals("fresh") && !fresh) {
        if (ctor) throw error(lineNo, "a constructor returns nothing: 'fresh' makes no sense");
        fresh = true;
      } else if (f.startsWith("alloc=") && alloc == null) {
        switch (f.substring(6)) {
          case "yes" -> alloc = Allocates.YES;
          case "no" -> alloc = Allocates.NO;
          case "unknown" -> alloc = Allocates.UNKNOWN;
          default -> throw error(lineNo, "alloc must be yes, no or unknown: " + f);
        }
      } else if (f.startsWith("since=") && since == 0) {
        try {
          since = Integer.parseInt(f.substring(6));
        } catch (NumberFormatException e) {
          since = -1;
        }
        if (since <= BASELINE) throw error(lineNo, "since= must name a release after " + BASELINE + ": " + f);
      } else {
        throw error(lineNo, "unexpected '" + f + "' (after the tags: 'fresh', one 'alloc=', one 'since=')");
      }
    }
    if (alloc == null) throw error(lineNo, "missing alloc=yes|no|unknown");
    if (since == 0) since = BASELINE;

    String o = pending.owner();
    List<ParamTag> tags = new ArrayList<>(slots);
    for (int s = 0; s < slots; s++) {
      tags.add(tag(lineNo, tagTokens.get(s), s, slots, o, name));
    }
    return new Model(o, name, paramTypes, isStatic, new MethodSummary(tags, fresh, alloc, MethodSummary.MODEL), lineNo,
        pending.family(), since);
  }

  /** Parses one slot's tag: {@code none} or parts joined by '+'. */
  private ParamTag tag(int lineNo, String token, int slot, int slots, String owner, String method) {
    if (token.equals("none")) return ParamTag.NONE;
    boolean esc = false, ret = false, cesc = false, cret = false;
    String why = null;
    Set<Integer> into = new TreeSet<>();
    Set<Integer> cinto = new TreeSet<>();
    Set<String> seen = new LinkedHashSet<>();
    int pos = 0;
    while (pos < token.length()) {
      int start = pos;
      while (pos < token.length() && Character.isLetter(token.charAt(pos))) pos++;
      String part = token.substring(start, pos);
      String arg = null;
      if (pos < token.length() && token.charAt(pos) == '(') {
        int from = pos;
        if (pos + 1 < token.length() && token.charAt(pos + 1) == '"') {
          // A reason phrase may itself contain ')' or '+': look for ')' after its closing quote.
          from = token.indexOf('"', pos + 2);
          if (from < 0) throw error(lineNo, "unclosed '\"' in tag " + token);
        }
        int close = token.indexOf(')', from);
        if (close < 0) throw error(lineNo, "unclosed '(' in tag " + token);
        arg = token.substring(pos + 1, close);
        pos = close + 1;
      }
      if (pos < token.length()) {
        if (token.charAt(pos) != '+') throw error(lineNo, "expected '+' between tag parts in " + token);
        pos++;
        if (pos == token.length()) throw error(lineNo, "dangling '+' in tag " + token);
      }
      if (!seen.add(part)) throw error(lineNo, "'" + part + "' given twice in tag " + token);
      switch (part) {
        case "esc" -> {
          esc = true;
          if (arg != null) {
            if (arg.length() < 3 || !arg.startsWith("\"") || !arg.endsWith("\"")) {
              throw error(lineNo, "esc takes a quoted reason: esc(\"started thread\")");
            }
            why = arg.substring(1, arg.length() - 1);
          } else {
            // Rendered after the callee's name ("passed to Stream.filter: kept beyond the
            // call"), so it need not repeat it.
            why = "kept beyond the call";
          }
        }
        case "ret" -> ret = noArg(lineNo, part, arg);
        case "cesc" -> cesc = noArg(lineNo, part, arg);
        case "cret" -> cret = noArg(lineNo, part, arg);
        case "into" -> into.addAll(slotList(lineNo, part, arg, slot, slots));
        case "cinto" -> cinto.addAll(slotList(lineNo, part, arg, slot, slots));
        case "none" -> throw error(lineNo, "'none' cannot be combined with other tags: " + token);
        default -> throw error(lineNo, "unknown tag '" + part + "' in " + token
            + " (expected none, esc, ret, into(i), cesc, cret, cinto(i))");
      }
    }
    // An escaping object takes everything it references with it.
    return new ParamTag(esc, ret, into, esc || cesc, cret, cinto, why);
  }

  private boolean noArg(int lineNo, String part, String arg) {
    if (arg != null) throw error(lineNo, "'" + part + "' takes no argument");
    return true;
  }

  private List<Integer> slotList(int lineNo, String part, String arg, int self, int slots) {
    if (arg == null || arg.isEmpty()) throw error(lineNo, part + " needs slot numbers: " + part + "(0)");
    List<Integer> out = new ArrayList<>();
    for (String s : arg.split(",", -1)) {
      int n;
      try {
        n = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw error(lineNo, part + "(" + arg + "): '" + s + "' is not a slot number");
      }
      if (n < 0 || n >= slots) throw error(lineNo, part + "(" + n + "): slot out of range 0.." + (slots - 1));
      if (n == self) throw error(lineNo, part + "(" + n + ") on slot " + n + " itself");
      out.add(n);
    }
    return out;
  }

  /** Splits on whitespace outside double quotes; a token starting with '#' ends the line. */
  private List<String> tokenize(int lineNo, String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') quoted = !quoted;
      if (!quoted && Character.isWhitespace(c)) {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      if (!quoted && c == '#' && cur.length() == 0) return finish(lineNo, out, quoted);
      cur.append(c);
    }
    if (cur.length() > 0) out.add(cur.toString());
    return finish(lineNo, out, quoted);
  }

  private List<String> finish(int lineNo, List<String> out, boolean quoted) {
    if (quoted) throw error(lineNo, "unclosed '\"'");
    return out;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) return false;
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) return false;
    }
    return true;
  }

  /** {@code java.util.Map$Entry}: dotted identifiers, at least one dot (no simple names). */
  private static boolean isQualifiedClass(String s) {
    if (s.indexOf('.') < 0) return false;
    for (String part : s.split("\\.", -1)) {
      if (!isIdentifier(part)) return false;
    }
    return true;
  }

  private static boolean isType(String s) {
    String base = s;
    while (base.endsWith("[]")) base = base.substring(0, base.length() - 2);
    return PRIMITIVES.contains(base) || isQualifiedClass(base);
  }

  private ModelFormatException error(int lineNo, String message) {
    return new ModelFormatException(source, lineNo, message);
  }
}
