import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Hotness;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Loop;
import dev.noescape.ir.Stmt;
import dev.noescape.pipeline.Pipeline;
import dev.noescape.pipeline.Profiles;
import dev.noescape.profile.HotSite;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.profile.Verdict;
import dev.noescape.profile.jfr.RecordingReader;
import dev.noescape.rules.RuleContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How the static hotness score alone ranks what a recording measured (bench/profile/run.sh): the
 * analysis of INPUT... with the recording joined, then, for the 10 heaviest places, their rank among
 * every allocation site and call of the program by static hotness, and for the 10 heaviest findings,
 * their rank among the findings in the static "hottest" order. Also the explained share.
 *
 * <p>Usage (source-file mode, with the command line's jar): {@code java -cp noescape-cli.jar
 * StaticRanks.java RECORDING CLASSPATH INPUT...}
 */
public class StaticRanks {
  public static void main(String[] args) throws Exception {
    Path recording = Path.of(args[0]);
    List<Path> cp = new ArrayList<>();
    for (String e : args[1].split(":")) if (!e.isBlank()) cp.add(Path.of(e));
    List<Path> inputs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) inputs.add(Path.of(args[i]));
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(new BytecodeAnalysis.Options(inputs, cp, Pipeline.defaultRules(false),
        RuleContext.defaults()).withKeepResults(true), null);
    ProfileRanking p = Profiles.rank(RecordingReader.read(List.of(recording), Path::toString), r);

    // Static scores of every allocation site and call of the program.
    List<Integer> scores = new ArrayList<>();
    for (MethodResult mr : r.inputResults()) {
      for (AllocSite s : mr.method().sites()) scores.add(Hotness.of(mr.method(), s));
      for (Stmt st : mr.method().stmts()) {
        if (!(st instanceof Stmt.Call c)) continue;
        Loop l = mr.method().loop(c.ctx().loopId());
        scores.add(Hotness.rank(c.ctx().loopDepth(), l != null && l.hasTripCount(), mr.method().hot(), null));
      }
    }
    System.out.printf(Locale.ROOT, "program: %d classes, %d sites and calls, %d findings%n", r.classesTotal(), scores.size(),
        r.findings().size());
    System.out.printf(Locale.ROOT, "sampled %s, in the program %s (%.1f %%), explained %.1f %%%n",
        ProfileRanking.bytes(p.sampledBytes()), ProfileRanking.bytes(p.programBytes()), 100 * p.ofSampled(p.programBytes()),
        100 * p.explainedShare());
    long[] byKind = new long[4];
    for (HotSite s : p.sites()) {
      int k = s.verdict() instanceof Verdict.InsideCallee ? 2 : s.verdict() instanceof Verdict.Unmatched ? 3
          : ((Verdict.Site) s.verdict()).state() == dev.noescape.engine.EscapeState.GLOBAL_ESCAPE ? 0 : 1;
      byKind[k] += s.bytes();
    }
    System.out.printf(Locale.ROOT, "  by verdict: escapes %.1f %%, does not escape %.1f %%, inside a callee %.1f %%, unmatched %.1f %%%n",
        100 * p.ofProgram(byKind[0]), 100 * p.ofProgram(byKind[1]), 100 * p.ofProgram(byKind[2]), 100 * p.ofProgram(byKind[3]));
    System.out.println("the 10 heaviest places: share of program bytes, static rank among all sites and calls (ties)");
    for (int i = 0; i < Math.min(10, p.sites().size()); i++) {
      HotSite s = p.sites().get(i);
      int above = 0;
      int same = 0;
      for (int h : scores) {
        if (h > s.hotness()) above++;
        else if (h == s.hotness()) same++;
      }
      System.out.printf(Locale.ROOT, "  %2d %5.1f %%  static #%-6d (%d tied, hotness %d)  %s:%d %s [%s]%n", i + 1,
          100 * p.ofProgram(s.bytes()), above + 1, same, s.hotness(), s.file().substring(s.file().lastIndexOf('/') + 1),
          s.line(), s.what(), s.verdict().getClass().getSimpleName());
    }
    List<Finding> statically = new ArrayList<>(r.findings());
    statically.sort(Comparator.comparingInt(Finding::hotness).reversed().thenComparing(Finding.ORDER));
    List<Finding> measured = new ArrayList<>(r.findings());
    measured.removeIf(f -> p.bytesOf(f) == 0);
    measured.sort(Comparator.comparingLong((Finding f) -> p.bytesOf(f)).reversed().thenComparing(statically::indexOf));
    System.out.printf(Locale.ROOT, "findings with samples: %d of %d; the 10 heaviest: share, static rank among the findings%n",
        measured.size(), r.findings().size());
    for (int i = 0; i < Math.min(10, measured.size()); i++) {
      Finding f = measured.get(i);
      System.out.printf(Locale.ROOT, "  %2d %5.1f %%  static #%-5d %s:%d [%s]%n", i + 1, 100 * p.ofProgram(p.bytesOf(f)),
          statically.indexOf(f) + 1, f.file().substring(f.file().lastIndexOf('/') + 1), f.pos().line(), f.rule().id());
    }
  }
}
