package dev.noescape.source;

import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.finding.Subjects;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.report.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings as the front ends produce them (line only), and edit application, for the source tests.
 *
 * <p>The tests write a finding's subject as the description a front end prints for it
 * ({@code boxing int to Integer}, {@code new ArrayList<>()}, {@code param items}); {@link #subject}
 * builds the structure that description stands for, the way the front end would have supplied it.
 * This is fixture code: the mapper under test reads the structure only.
 */
final class SourceFindings {
  private SourceFindings() {}

  static final MethodRef METHOD = new MethodRef("a.Foo", "run", List.of(), "void", false);

  static Finding finding(RuleId rule, String file, int line, String subject, String message) {
    return finding(rule, file, line, subject, message, null, -1, METHOD);
  }

  /** A finding of the bytecode front end: sites rebuilt from class files, no source text. */
  static Finding finding(RuleId rule, String file, int line, String subject, String message, Fix fix, int siteId,
      MethodRef method) {
    return finding(rule, file, line, subject(rule, subject, message, siteId, false), message, fix, method);
  }

  static Finding finding(RuleId rule, String file, int line, Subject subject, String message, Fix fix, MethodRef method) {
    return new Finding(rule, rule.defaultSeverity(), file, SourcePos.line(line), message, List.of(), 0, fix, method, subject);
  }

  /** A finding with the subject of the javac front end, which has the source text of what it reports. */
  static Finding javacFinding(RuleId rule, String file, int line, String description, String message, Fix fix, int siteId) {
    return finding(rule, file, line, subject(rule, description, message, siteId, true), message, fix, METHOD);
  }

  private static final Pattern BOXING = Pattern.compile("^boxing (\\w+) to ([\\w.]+)$");
  private static final Pattern VARARGS = Pattern.compile("^varargs ([\\w.]+)\\[\\] for (new )?([\\w.]+?)(?:\\.(\\w+))?$");
  private static final Pattern ARRAY_COUNT = Pattern.compile("allocates (an empty|a new [\\w.]+\\[(\\d+)\\])");
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
  private static final Pattern ACCUMULATOR = Pattern.compile("^'([^']+) \\+= …'");
  private static final Pattern NEW = Pattern.compile("^new ([\\w.$]+)((?:<[^(]*>)?)(?:\\((.*)\\))?$");
  private static final Pattern NEW_ARRAY = Pattern.compile("^new ([\\w.]+)\\[([^\\]]*)\\]((?:\\[\\])*)$");

  /**
   * The structured subject a front end supplies for the finding it describes as {@code d}, with
   * message {@code message} (the varargs count, an accumulated variable); {@code javac}: with the
   * source text of the expression, as the javac front end has it.
   */
  static Subject subject(RuleId rule, String d, String message, int id, boolean javac) {
    if (d == null) return null;
    String msg = message == null ? "" : message;
    if (d.startsWith("param ")) return Subjects.param(1, d.substring("param ".length()));
    Matcher m = BOXING.matcher(d);
    if (m.matches()) return Subjects.site(id, SiteKind.BOXING, "java.lang." + m.group(2), new AllocSite.Boxing(m.group(1), null));
    if ((m = VARARGS.matcher(d)).matches()) {
      boolean ctor = m.group(2) != null;
      String owner = ctor && m.group(4) != null ? m.group(3) + "$" + m.group(4) : m.group(3);
      MethodRef callee = new MethodRef(owner, ctor ? MethodRef.CONSTRUCTOR : m.group(4), List.of(), "void", !ctor);
      Matcher c = ARRAY_COUNT.matcher(msg);
      int count = c.find() && c.group(2) != null ? Integer.parseInt(c.group(2)) : 0;
      return Subjects.site(id, SiteKind.VARARGS_ARRAY, "java.lang." + m.group(1) + "[]", new AllocSite.Varargs(callee, count));
    }
    if (d.startsWith("lambda")) {
      List<String> names = new ArrayList<>();
      for (Matcher q = QUOTED.matcher(d); q.find(); ) names.add(q.group(1));
      return Subjects.site(id, SiteKind.LAMBDA, "java.lang.Runnable", new AllocSite.Lambda(names, List.of()));
    }
    if (d.startsWith("bound method reference")) {
      String ref = d.substring("bound method reference".length()).strip();
      int colons = ref.indexOf("::");
      String receiver = colons < 0 ? "" : ref.substring(0, colons);
      return Subjects.site(id, SiteKind.METHOD_REF, "java.lang.Runnable", new AllocSite.MethodReference(receiver,
          colons < 0 ? "" : ref.substring(colons + 2), List.of(receiver)));
    }
    if (d.startsWith("anonymous ")) {
      String supertype = d.substring("anonymous ".length()).replaceAll("<.*", "");
      return Subjects.site(id, SiteKind.ANONYMOUS_CLASS, "a.Foo$1", new AllocSite.Anonymous(supertype, List.of(), List.of()));
    }
    if (d.endsWith(" initializer") || d.startsWith("{")) {
      String elem = d.startsWith("{") ? "int[]" : d.substring(0, d.indexOf(' '));
      return Subjects.site(id, SiteKind.NEW_ARRAY, elem, new AllocSite.NewArray(null, true, d.startsWith("{") ? d : null));
    }
    if ((m = NEW_ARRAY.matcher(d)).matches()) {
      String type = m.group(1) + "[]" + m.group(3);
      return Subjects.site(id, SiteKind.NEW_ARRAY, type, new AllocSite.NewArray(m.group(2), false, javac ? d : null));
    }
    int bracket = d.indexOf('[');
    if (javac && d.startsWith("new ") && bracket > 0 && (d.indexOf('(') < 0 || bracket < d.indexOf('('))) {
      // new double[] {source, 0}: the source text
      String dims = d.substring(bracket, d.indexOf('{') < 0 ? d.length() : d.indexOf('{')).replaceAll("[^\\[]", "");
      return Subjects.site(id, SiteKind.NEW_ARRAY, d.substring(4, bracket).strip() + dims.replace("[", "[]"),
          new AllocSite.NewArray(null, false, d));
    }
    if ((m = NEW.matcher(d)).matches()) {
      List<SymbolicExpr> args = new ArrayList<>();
      if (m.group(3) != null && !m.group(3).isBlank()) for (String a : m.group(3).split(", ")) args.add(SymbolicExpr.of(a));
      List<String> params = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) params.add("java.lang.Object");
      // new java.util.ArrayList: a qualified name; new Outer.Inner(..): a nested class of package a
      String type = m.group(3) == null ? m.group(1) : "a." + m.group(1).replace('.', '$');
      return Subjects.site(id, SiteKind.NEW_OBJECT, type,
          new AllocSite.Constructor(params, args, m.group(1) + m.group(2), javac ? d : null));
    }
    if (d.equals("string +=") || d.equals("string concatenation") || d.contains("+")) {
      Matcher a = ACCUMULATOR.matcher(msg);
      String var = a.find() ? a.group(1) : d.equals("string +=") ? "?" : null;
      AllocSite.Accumulator acc = var == null ? null : new AllocSite.Accumulator(var, false, true);
      String written = d.startsWith("string ") ? null : d;
      return Subjects.site(id, SiteKind.STRING_CONCAT, "java.lang.String", new AllocSite.Concat(acc, written));
    }
    throw new IllegalArgumentException("no structure for the description " + d + " (" + rule + ")");
  }

  /** {@code source} with the edits applied (they must not overlap). */
  static String apply(String source, List<TextEdit> edits) {
    int[] starts = SourceUnit.lineStarts(source);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((TextEdit e) -> starts[e.startLine() - 1] + e.startColumn() - 1).reversed());
    StringBuilder sb = new StringBuilder(source);
    for (TextEdit e : sorted) {
      int s = starts[e.startLine() - 1] + e.startColumn() - 1;
      int t = starts[e.endLine() - 1] + e.endColumn() - 1;
      sb.replace(s, t, e.replacement());
    }
    return sb.toString();
  }

  /**
   * The description the javac front end gives a finding with this message (for string
   * accumulations and method references a generic one, as a front end that lost the source text
   * would write).
   */
  static String subjectOf(RuleId rule, String msg) {
    switch (rule) {
      case HEAP_ESCAPE: {
        int i = msg.indexOf(" escapes to heap");
        if (i < 0) i = msg.indexOf(" does not escape");
        return i < 0 ? msg : msg.substring(0, i);
      }
      case BOXING_ALLOCATION:
        return msg.substring(0, msg.indexOf(" allocates"));
      case VARARGS_ALLOCATION: {
        Matcher m = Pattern.compile("^varargs call to (\\S+) allocates (?:an empty|a new) (\\w+)").matcher(msg);
        return m.find() ? "varargs " + m.group(2) + "[] for " + m.group(1) : "varargs";
      }
      case CAPTURING_LAMBDA: {
        if (msg.startsWith("lambda")) {
          int i = msg.indexOf("because it captures ");
          return i < 0 ? "lambda" : "lambda capturing " + msg.substring(i + 20, msg.indexOf(':', i));
        }
        if (msg.startsWith("method reference")) return "bound method reference";
        return msg.substring(0, msg.indexOf(" allocates"));
      }
      case UNPRESIZED_COLLECTION:
      case HASH_MAP_CAPACITY: {
        int i = msg.indexOf(" grows");
        if (i < 0) i = msg.indexOf(" rehashes");
        return msg.substring(0, i);
      }
      case STRING_CONCAT_IN_LOOP:
        return "string +=";
      case LEAKING_PARAMETER: {
        String s = msg.replaceFirst("^leaking param(?: content)?: ", "");
        return "param " + s.split("[ (]")[0];
      }
      default:
        return msg;
    }
  }
}
