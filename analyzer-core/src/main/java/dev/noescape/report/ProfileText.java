package dev.noescape.report;

import dev.noescape.engine.EscapeState;
import dev.noescape.ir.Reason;
import dev.noescape.profile.Frame;
import dev.noescape.profile.HotSite;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.profile.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the writers say about a recording's hot places: the verdict in words, the path through the
 * callees, and the findings that report a place. One wording for the HTML and JSON reports.
 */
public final class ProfileText {
  private ProfileText() {}

  /** How many frames of a long path are shown at each end. */
  private static final int PATH_ENDS = 3;

  /** The kind of a verdict, for JSON and CSS classes: {@code escapes}, {@code no-escape}, {@code inside-callee}, {@code unmatched}. */
  public static String kind(Verdict v) {
    if (v instanceof Verdict.Site s) return s.state() == EscapeState.GLOBAL_ESCAPE ? "escapes" : "no-escape";
    return v instanceof Verdict.InsideCallee ? "inside-callee" : "unmatched";
  }

  /**
   * The verdict in one sentence: {@code escapes to heap: stored into Cache.map (line 20); …},
   * {@code does not escape, yet it was sampled on the heap: …},
   * {@code allocated inside String.format (the JDK), called here}, {@code not explained: …}.
   */
  public static String verdict(Verdict v) {
    if (v instanceof Verdict.Site s) return site(s);
    if (v instanceof Verdict.InsideCallee c) {
      return "allocated inside " + c.callee() + (c.jdk() ? " (the JDK)" : " (a library)") + ", which this line calls";
    }
    return "not explained: " + ((Verdict.Unmatched) v).why();
  }

  private static String site(Verdict.Site s) {
    String chain = s.chain().stream().map(Reason::render).collect(Collectors.joining("; "));
    if (s.state() == EscapeState.GLOBAL_ESCAPE) return "escapes to heap" + (chain.isEmpty() ? "" : ": " + chain);
    String why = s.state() == EscapeState.ARG_ESCAPE
        ? "does not escape (" + (chain.isEmpty() ? "handed only to calls that do not keep it" : chain) + ")"
        : "does not escape";
    return why + ", yet it was sampled on the heap: " + runtime(s);
  }

  /** What the JIT does with a site that does not escape: the model's prediction, or what can be said without one. */
  private static String runtime(Verdict.Site s) {
    if (s.runtime().isPresent()) {
      RuntimePrediction p = s.runtime().get();
      String c = p.heap() ? ": " + p.reason() : "";
      return p.heap()
          ? "C2 keeps it on the heap" + c
          : "C2 scalar-replaces it once compiled" + (p.coldUse() == null ? "" : " while " + p.coldUse().proviso()) + c
              + " (the samples come from code not compiled by C2 yet)";
    }
    return "scalar replacement needs C2 to compile and inline the code, and C2 keeps such objects on the heap under"
        + " conditions of its own (interpreted and C1 code always allocates)";
  }

  /** {@code ArrayList.add → ArrayList.grow → Arrays.copyOf}; a long path keeps its ends: {@code A → B → C → … → X → Y → Z}. */
  public static String via(List<Frame> via) {
    List<String> names = new ArrayList<>();
    for (Frame f : via) {
      // overloads delegating to each other (ArrayList.add → ArrayList.add) read as one step
      if (!plumbing(f) && (names.isEmpty() || !names.get(names.size() - 1).equals(f.displayName()))) names.add(f.displayName());
    }
    if (names.size() > 2 * PATH_ENDS + 1) {
      List<String> shortened = new ArrayList<>(names.subList(0, PATH_ENDS));
      shortened.add("…");
      shortened.addAll(names.subList(names.size() - PATH_ENDS, names.size()));
      names = shortened;
    }
    return String.join(" → ", names);
  }

  /**
   * The JVM's method-handle plumbing between an {@code invokedynamic} and the code it runs (lambda
   * forms, their holders, lambda proxy classes): left out of the path shown, kept in the data.
   */
  private static boolean plumbing(Frame f) {
    String t = f.type();
    return t.startsWith("java.lang.invoke.") || t.contains("$$Lambda") || t.contains("LambdaForm$");
  }

  /** The findings of a run by the hot place they report ({@link HotSite#covers}). */
  public static final class Findings {
    private final Map<String, List<ReportedFinding>> byMethod = new HashMap<>();
    private final java.util.SortedSet<String> files = new java.util.TreeSet<>();

    public Findings(List<ReportedFinding> findings) {
      for (ReportedFinding rf : Reports.sorted(findings)) {
        if (rf.finding().method() != null) byMethod.computeIfAbsent(rf.finding().method().key(), k -> new ArrayList<>()).add(rf);
        files.add(rf.finding().file());
      }
    }

    /**
     * The path to show for {@code site}: the findings' path of its source file when source mapping
     * gave them one ({@code src/main/java/com/acme/App.java} for the class file's
     * {@code com/acme/App.java}), else the analysis' own.
     */
    public String file(HotSite site) {
      for (String f : files) if (f.equals(site.file()) || f.endsWith("/" + site.file())) return f;
      return site.file();
    }

    /** The findings that report {@code site}, in {@link Reports#ORDER}. */
    public List<ReportedFinding> of(HotSite site) {
      List<ReportedFinding> out = new ArrayList<>();
      for (ReportedFinding rf : byMethod.getOrDefault(site.methodKey(), List.of())) if (site.covers(rf.finding())) out.add(rf);
      return out;
    }
  }
}
