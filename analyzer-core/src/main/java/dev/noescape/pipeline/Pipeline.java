package dev.noescape.pipeline;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.SourceText;
import dev.noescape.report.TextReport;
import dev.noescape.report.Waiver;
import dev.noescape.report.html.HtmlReportWriter;
import dev.noescape.report.json.JsonReportWriter;
import dev.noescape.report.sarif.SarifWriter;
import dev.noescape.source.SourceMapper;
import dev.noescape.ir.SourceLoops;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The glue the command line ({@code dev.noescape.cli}) and the Maven goals share between the
 * analysis, the source mapping and the report writers. Everything else in those front ends works
 * with the contracts only ({@link BytecodeAnalysis.Options}/{@code Result}, {@link ReportRun},
 * {@link ReportedFinding}, {@link SourceText}).
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * Findings as the writers print them, the source text for snippets, and what the mapping could
   * not do (one note per line, naming the file).
   */
  public record Mapped(List<ReportedFinding> findings, SourceText sourceText, List<String> notes, List<Waiver> waived) {
    public Mapped {
      findings = List.copyOf(findings);
      notes = List.copyOf(notes);
      waived = List.copyOf(waived);
    }

    /** Without waived contracts (no source mapping, no suppressions seen). */
    public Mapped(List<ReportedFinding> findings, SourceText sourceText, List<String> notes) {
      this(findings, sourceText, notes, List.of());
    }
  }

  /**
   * Where the sources under {@code sourceRoots} put loop statements, for the bytecode front end
   * ({@link dev.noescape.bytecode.BytecodeAnalysis.Options#withSourceLoops}); {@link SourceLoops#NONE}
   * without roots.
   */
  public static SourceLoops sourceLoops(List<Path> sourceRoots, Path projectRoot) {
    return sourceRoots.isEmpty() ? SourceLoops.NONE : new SourceMapper(sourceRoots, projectRoot);
  }

  /** Without source roots: the class-file-derived paths and line numbers, no snippets or fixes. */
  public static Mapped unmapped(List<Finding> findings) {
    return new Mapped(findings.stream().map(ReportedFinding::of).toList(), SourceText.NONE, List.of());
  }

  /**
   * With source roots: columns, paths relative to {@code projectRoot}, fix edits, snippets;
   * findings suppressed with {@code @SuppressWarnings("RuleId")} are dropped (waived
   * {@code @NoAllocation} contracts are kept in {@link Mapped#waived()}).
   */
  public static Mapped mapToSources(List<Finding> findings, List<Path> sourceRoots, Path projectRoot) {
    SourceMapper mapper = new SourceMapper(sourceRoots, projectRoot);
    List<ReportedFinding> mapped = mapper.mapAll(findings);
    return new Mapped(mapped, mapper.sourceText(), mapper.problems(), mapper.waived());
  }

  /**
   * {@link #mapToSources} when there are source roots, else {@link #unmapped}; if the mapping itself
   * fails, the unmapped findings and a note (the analysis' results are not thrown away for a source
   * file the parser chokes on). {@code onFailure} sees the exception (to print it when debugging).
   */
  public static Mapped map(List<Finding> findings, List<Path> sourceRoots, Path projectRoot, Consumer<Throwable> onFailure) {
    if (sourceRoots.isEmpty()) return unmapped(findings);
    try {
      return mapToSources(findings, sourceRoots, projectRoot);
    } catch (RuntimeException | StackOverflowError e) {
      onFailure.accept(e);
      Mapped plain = unmapped(findings);
      return new Mapped(plain.findings(), plain.sourceText(),
          List.of("source mapping failed, findings are reported without it: " + describe(e)));
    }
  }

  /**
   * The notes of a run: {@code before} (class path notes), then one per problem of the analysis,
   * then {@code no class files in …} when the inputs ({@code inputsShown}) held none.
   */
  public static List<String> notes(List<String> before, BytecodeAnalysis.Result result, List<String> inputsShown) {
    List<String> notes = new ArrayList<>(before);
    for (BytecodeAnalysis.Problem p : result.problems()) notes.add(p.toString());
    if (result.classesTotal() == 0) notes.add("no class files in " + String.join(", ", inputsShown) + " (compiled yet?)");
    return notes;
  }

  /** The rules on by default ({@link dev.noescape.catalog.RuleDoc#onByDefault()}); with {@code all}, every rule. */
  public static Set<RuleId> defaultRules(boolean all) {
    Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
    for (RuleId r : RuleId.values()) if (all || r.doc().onByDefault()) rules.add(r);
    return rules;
  }

  /** The findings at or above {@code threshold} (none when it is null: never fail). */
  public static List<ReportedFinding> atOrAbove(List<ReportedFinding> findings, Severity threshold) {
    if (threshold == null) return List.of();
    return findings.stream().filter(f -> f.finding().severity().compareTo(threshold) >= 0).toList();
  }

  /**
   * One Go-style line per finding ({@code path:line:col: message [RuleId]}), ranked by measured bytes
   * when the run has a recording ({@link TextReport#findings}).
   */
  public static void printText(ReportRun run, PrintStream out) {
    out.print(TextReport.findings(run, false));
    out.flush();
  }

  /** SARIF 2.1.0 to {@code file} (its parent exists). */
  public static void writeSarif(ReportRun run, SourceText sourceText, Path file) throws IOException {
    new SarifWriter(sourceText).write(run, file);
  }

  /** The JSON report to {@code file} (its parent exists). */
  public static void writeJson(ReportRun run, Path file) throws IOException {
    new JsonReportWriter().write(run, file);
  }

  /** The HTML report into {@code dir} (it exists), entry page {@link #htmlEntry}. */
  public static void writeHtml(ReportRun run, SourceText sourceText, Path dir) throws IOException {
    new HtmlReportWriter(sourceText).write(run, htmlEntry(dir));
  }

  /** The page the summary names for an HTML report directory. */
  public static Path htmlEntry(Path dir) {
    return dir.resolve(ReportFiles.HTML);
  }

  /**
   * The simple name an annotation option means: {@code Fast}, {@code @Fast} and {@code com.acme.Fast}
   * all give {@code Fast}; null when {@code given} is no annotation name.
   */
  public static String annotationName(String given) {
    String s = given.trim();
    if (s.startsWith("@")) s = s.substring(1);
    s = s.substring(s.lastIndexOf('.') + 1);
    boolean ok = !s.isEmpty() && Character.isJavaIdentifierStart(s.charAt(0));
    for (int i = 1; ok && i < s.length(); i++) ok = Character.isJavaIdentifierPart(s.charAt(i));
    return ok ? s : null;
  }

  /** One line about an exception: its message, else its type; NoSuchFile and friends by file. */
  public static String describe(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException n) return "no such file or directory: " + n.getFile();
    if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied: " + a.getFile();
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason() + ": " + f.getFile();
    String m = e.getMessage();
    String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    return text.lines().findFirst().orElse(text);
  }
}
