package dev.noescape.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.noescape.finding.BaselineKeys;
import dev.noescape.ir.AllocSite;
import dev.noescape.finding.SubjectIdentity;
import dev.noescape.finding.Subject;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.SourceLoops;
import dev.noescape.ir.SourcePos;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.SourceText;
import dev.noescape.report.TextEdit;
import dev.noescape.report.Waiver;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Maps findings of the bytecode front end (a file {@code pkg/Name.java} and a line) back to the
 * source: the file under one of the source roots (its path made relative to the project root,
 * with {@code /}), the exact column and end column of the reported expression, the source lines
 * for snippets, {@code @SuppressWarnings} (suppressed findings are dropped), and the edits of the
 * suggested fix.
 *
 * <p>Columns follow the javac front end: 1-based, UTF-16 chars from the line start (a tab counts
 * one), at the start of the reported expression; the end column is just past the expression when
 * it ends on the same line, else 0. The line table gives an instruction its statement's line (or the
 * last call's), so when no expression of the finding's kind starts on its line, the one of the
 * enclosing multi-line statement is taken and the finding moves to the line it starts on.
 * When the line does not hold exactly the expression the finding
 * describes (or the findings say which of several it is), the column stays 0: a missing column is
 * better than a wrong one.
 *
 * <p>Files are parsed once, lazily, with the Java 25 language level; at most
 * {@code maxCachedFiles} parsed files are kept (least recently used first out). Thread-safe: the
 * Maven goals may map from several threads. Nothing is thrown: a file that does not parse gives one
 * line in {@link #problems()} and its findings keep their line-only positions; a finding whose
 * source is not found is returned unchanged.
 */
public final class SourceMapper implements SourceLoops {
  /** Parsed files kept in memory by default. */
  public static final int DEFAULT_CACHED_FILES = 64;

  private final List<Path> roots;
  private final Path projectRoot;
  private final int maxCachedFiles;
  private final ParserConfiguration config;
  private final Object solverLock = new Object();
  private final Map<String, Optional<Path>> locations = new ConcurrentHashMap<>();
  private final Map<String, Path> mappedPaths = new ConcurrentHashMap<>();
  private final Map<Path, SourceUnit> units;
  /** Units evicted since the solver's caches were last cleared (guarded by {@code units}). */
  private int evictions;
  private final Set<String> problems = new LinkedHashSet<>();
  private final ContractWaivers waivers = new ContractWaivers();
  /** The files under the roots by file name (guarded by this). */
  private Map<String, List<Path>> byFileName;
  private final SiteLocator.Types types = new SolverTypes();

  /**
   * @param sourceRoots the {@code --source} directories ({@code src/main/java}); missing ones are
   *     ignored
   * @param projectRoot paths in the mapped findings are relative to it
   */
  public SourceMapper(List<Path> sourceRoots, Path projectRoot) {
    this(sourceRoots, projectRoot, DEFAULT_CACHED_FILES);
  }

  public SourceMapper(List<Path> sourceRoots, Path projectRoot, int maxCachedFiles) {
    List<Path> rs = new ArrayList<>();
    for (Path r : sourceRoots) rs.add(r.toAbsolutePath().normalize());
    this.roots = List.copyOf(rs);
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.maxCachedFiles = Math.max(1, maxCachedFiles);
    this.units = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Path, SourceUnit> eldest) {
        if (size() <= SourceMapper.this.maxCachedFiles) return false;
        // The solver's caches hold nodes of evicted units: dropped once as many units were evicted
        // as the cache holds, so at most twice the cache's units stay reachable.
        if (++evictions >= SourceMapper.this.maxCachedFiles) {
          evictions = 0;
          synchronized (solverLock) {
            JavaParserFacade.clearInstances();
          }
        }
        return true;
      }
    };
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver());
    ParserConfiguration base = new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
        .setTabSize(1);
    for (Path r : roots) {
      if (Files.isDirectory(r)) solver.add(new JavaParserTypeSolver(r, new ParserConfiguration()
          .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25), 256));
    }
    this.config = base.setSymbolResolver(new JavaSymbolSolver(solver));
  }

  // ---- public API ----

  /**
   * {@code finding} mapped to the source with the edits of its fix; empty when an enclosing
   * {@code @SuppressWarnings} suppresses it. When several findings may share a line, prefer
   * {@link #mapAll}: it tells same-looking expressions on one line apart by the findings' order.
   */
  public Optional<ReportedFinding> map(Finding finding) {
    return mapOne(finding, 0, 1);
  }

  /**
   * Every finding mapped (see {@link #map}), suppressed ones dropped, sorted with
   * {@link Finding#ORDER} (then site id, method and subject, so the order does not depend on the
   * input's). Findings about the same kind of expression with the same description on
   * one line are matched to the expressions in source order, by their site ids (the front ends
   * number sites in program order) when all of them are reported.
   */
  public List<ReportedFinding> mapAll(Collection<Finding> findings) {
    try {
      return mapAllOrThrow(findings);
    } catch (RuntimeException | StackOverflowError e) {
      problem("could not map the findings: " + e);
      List<ReportedFinding> out = new ArrayList<>();
      for (Finding f : findings) out.add(ReportedFinding.of(f));
      return out;
    }
  }

  private List<ReportedFinding> mapAllOrThrow(Collection<Finding> findings) {
    List<Finding> in = new ArrayList<>(findings);
    Map<String, TreeSet<Integer>> siteGroups = new HashMap<>();
    // the same groups with the line's unreported look-alikes (Subject.Site.lineMates) counted too
    Map<String, TreeSet<Integer>> lineGroups = new HashMap<>();
    Map<String, List<Integer>> plainGroups = new HashMap<>();
    List<String> keys = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      Finding f = in.get(i);
      String base = f.file() + "\u0000" + line(f) + "\u0000" + BaselineKeys.kind(f.subject()) + "\u0000" + f.identity();
      String key;
      if (f.siteId() >= 0 && f.method() != null) {
        key = base + "\u0000" + f.method().key();
        TreeSet<Integer> ids = siteGroups.computeIfAbsent(key, k -> new TreeSet<>());
        ids.add(f.siteId());
        // the sites the finding stands for (a call's other boxes) are expressions of the line too
        TreeSet<Integer> withMates = lineGroups.computeIfAbsent(key, k -> new TreeSet<>());
        if (f.subject() instanceof Subject.Site s) {
          for (AllocSite o : s.also()) if (looksAlike(o, f)) ids.add(o.id());
          for (AllocSite o : s.lineMates()) if (looksAlike(o, f)) withMates.add(o.id());
        }
        withMates.addAll(ids);
      } else {
        key = base + "\u0000" + f.rule();
        plainGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      keys.add(key);
    }
    List<ReportedFinding> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      Finding f = in.get(i);
      String key = keys.get(i);
      int k;
      int n;
      TreeSet<Integer> ids = siteGroups.get(key);
      TreeSet<Integer> all = lineGroups.get(key);
      if (ids != null) {
        k = ids.headSet(f.siteId()).size();
        n = ids.size();
        // the line's look-alikes first: its expressions are all of them, reported or not; when they
        // do not match the expressions found (a site the source does not show), the reported ones
        if (all != null && all.size() > n) {
          Optional<ReportedFinding> r = mapOne(f, all.headSet(f.siteId()).size(), all.size());
          if (r.isEmpty() || r.get().finding().pos().column() > 0) {
            r.ifPresent(out::add);
            continue;
          }
        }
      } else {
        List<Integer> members = plainGroups.get(key);
        k = members.indexOf(i);
        n = members.size();
      }
      mapOne(f, k, n).ifPresent(out::add);
    }
    for (Finding w : waivers.withoutReason()) out.add(ReportedFinding.of(w));
    java.util.Comparator<Finding> order = (a, b) -> a.pos() != null && b.pos() != null && a.file() != null && b.file() != null
        && a.rule() != null && b.rule() != null && a.message() != null && b.message() != null
        ? Finding.ORDER.compare(a, b)
        : String.valueOf(a.file()).compareTo(String.valueOf(b.file())) != 0
            ? String.valueOf(a.file()).compareTo(String.valueOf(b.file()))
            : Integer.compare(line(a), line(b));
    out.sort(java.util.Comparator.comparing(ReportedFinding::finding, order.thenComparingInt(Finding::siteId)
        .thenComparing(f -> f.method() == null ? "" : f.method().key()).thenComparing(Finding::identity)));
    return out;
  }

  /** The lines of mapped files, by the path the mapped findings name (the original path works too). */
  public SourceText sourceText() {
    return file -> {
      try {
        Path p = mappedPaths.get(file);
        if (p == null) p = locate(file);
        if (p == null) return List.of();
        SourceUnit u;
        synchronized (units) {
          u = units.get(p);
        }
        if (u != null) return u.lines();
        String text = read(p);
        return text == null ? List.of() : new SourceUnit(file, text, null).lines();
      } catch (RuntimeException e) {
        return List.of();
      }
    };
  }

  /**
   * The {@code @NoAllocation} contracts the mapped findings showed waived by
   * {@code @SuppressWarnings("AllocationContract")}, with their reasons, in file and line order.
   */
  public List<Waiver> waived() {
    return waivers.waivers();
  }

  /** What mapping could not do, one line each, naming the file: files that did not parse or read. */
  public List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  // ---- mapping ----

  private static int line(Finding f) {
    return f.pos() == null ? 0 : f.pos().line();
  }

  /** Whether site {@code o} is an expression of {@code f}'s line that reads as {@code f}'s subject does. */
  private static boolean looksAlike(AllocSite o, Finding f) {
    return o.pos() != null && o.pos().line() == line(f) && SubjectIdentity.of(new Subject.Site(o)).equals(f.identity());
  }

  private Optional<ReportedFinding> mapOne(Finding f, int ordinal, int count) {
    if (f.pos() == null || f.rule() == null) return Optional.of(ReportedFinding.of(f));
    try {
      Path p = locate(f.file());
      if (p == null) return Optional.of(ReportedFinding.of(f));
      String rel = relative(p);
      mappedPaths.put(rel, p);
      SourceUnit u = unit(p, rel);
      if (u == null) return Optional.of(ReportedFinding.of(f));
      Finding moved = f.at(rel, f.pos());
      int line = f.pos().line();
      if (u.unit == null || line <= 0) return Optional.of(ReportedFinding.of(moved));
      Node site = SiteLocator.find(u, f, types).choose(ordinal, count);
      Node anchor = site != null ? site : anchorForLine(u, line);
      if (anchor != null && Suppressions.suppressed(anchor, f.rule().id())) {
        if (f.rule() == RuleId.ALLOCATION_CONTRACT) waivers.add(anchor, moved, rel);
        return Optional.empty();
      }
      if (site == null) return Optional.of(ReportedFinding.of(moved));
      Finding mapped = f.at(rel, position(u, site).withBci(f.pos().bci()));
      List<TextEdit> edits = f.fix() == null ? List.of() : FixEdits.edits(u, site, f.fix(), rel, types);
      return Optional.of(new ReportedFinding(mapped, edits));
    } catch (RuntimeException | StackOverflowError e) {
      problem("could not map a finding in " + f.file() + " (line " + f.pos().line() + "): " + e);
      return Optional.of(ReportedFinding.of(f));
    }
  }

  private static SourcePos position(SourceUnit u, Node n) {
    Position b = n.getBegin().orElseThrow();
    Position e = n.getEnd().orElseThrow();
    int end = 0;
    if (b.line == e.line) {
      end = e.column + 1;
      // this(...); / super(...);: the call, not the statement
      if (n instanceof ExplicitConstructorInvocationStmt) {
        int o = u.offset(e);
        if (o >= 0 && o < u.text.length() && u.text.charAt(o) == ';') end--;
      }
    }
    return new SourcePos(b.line, b.column, end);
  }

  /** The outermost node starting on {@code line}, else the innermost node spanning it. */
  private static Node anchorForLine(SourceUnit u, int line) {
    List<Node> on = u.nodesStartingOn(line);
    if (!on.isEmpty()) return on.get(0);
    Node n = u.unit;
    outer:
    while (n != null) {
      for (Node c : n.getChildNodes()) {
        if (c.getBegin().isPresent() && c.getEnd().isPresent() && c.getBegin().get().line <= line
            && c.getEnd().get().line >= line) {
          n = c;
          continue outer;
        }
      }
      break;
    }
    return n;
  }

  // ---- files ----

  private SourceUnit unit(Path p, String rel) {
    synchronized (units) {
      SourceUnit u = units.get(p);
      if (u != null) return u;
    }
    String text = read(p);
    if (text == null) {
      problem("could not read " + rel + ": findings in it keep their bytecode positions");
      return null;
    }
    CompilationUnit cu = null;
    try {
      ParseResult<CompilationUnit> r = new JavaParser(config).parse(text);
      if (r.isSuccessful() && r.getResult().isPresent()) {
        cu = r.getResult().get();
      } else {
        problem("could not parse " + rel + describe(r.getProblems()) + ": findings in it keep line-only positions");
      }
    } catch (RuntimeException | StackOverflowError e) {
      problem("could not parse " + rel + " (" + e.getClass().getSimpleName() + "): findings in it keep line-only positions");
    }
    SourceUnit u = new SourceUnit(rel, text, cu);
    synchronized (units) {
      SourceUnit prev = units.get(p);
      if (prev != null) return prev;
      units.put(p, u);
      return u;
    }
  }

  private static String describe(List<Problem> ps) {
    if (ps.isEmpty()) return "";
    Problem first = ps.get(0);
    String where = first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> " line " + r.begin.line).orElse("");
    String msg = first.getMessage().lines().findFirst().orElse("").strip();
    if (msg.length() > 160) msg = msg.substring(0, 159) + "…";
    return " (" + (where.isEmpty() ? "" : where.strip() + ": ") + msg + ")";
  }

  private static String read(Path p) {
    try {
      byte[] bytes = Files.readAllBytes(p);
      try {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void problem(String line) {
    synchronized (problems) {
      problems.add(line);
    }
  }

  private String relative(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    if (abs.startsWith(projectRoot)) return projectRoot.relativize(abs).toString().replace('\\', '/');
    return abs.toString().replace('\\', '/');
  }

  /**
   * Per file, the loop statements as triples: first line, last line, 1 when the loop has no
   * condition of its own ({@link #loopAt}); empty when unreadable.
   */
  private final Map<Path, int[]> loopRanges = new ConcurrentHashMap<>();

  /**
   * {@inheritDoc}
   *
   * <p>The file is parsed once for this question, without symbol resolution (the bytecode front end
   * asks while it lowers, before any finding exists); what it keeps is the loops' line ranges.
   */
  @Override
  public LoopStatement loopAt(String sourceFile, int line, boolean mayStartLoop) {
    Path p = locate(sourceFile);
    if (p == null || line <= 0) return null;
    int[] loops = loopRanges.computeIfAbsent(p, SourceMapper::loopRanges);
    int best = -1;
    for (int i = 0; i + 2 < loops.length; i += 3) {
      int begin = loops[i];
      int end = loops[i + 1];
      if (line < begin || line > end || (!mayStartLoop && begin == line)) continue;
      // the innermost: the latest start, then the earliest end
      if (best < 0 || begin > loops[best] || (begin == loops[best] && end < loops[best + 1])) best = i;
    }
    return best < 0 ? null : new LoopStatement(loops[best], loops[best + 2] == 1);
  }

  private static int[] loopRanges(Path p) {
    String text = read(p);
    if (text == null) return new int[0];
    try {
      ParseResult<CompilationUnit> r = new JavaParser(new ParserConfiguration()
          .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25).setTabSize(1)).parse(text);
      if (r.getResult().isEmpty()) return new int[0];
      List<Integer> out = new ArrayList<>();
      r.getResult().get().walk(Statement.class, st -> {
        if ((st.isForStmt() || st.isForEachStmt() || st.isWhileStmt() || st.isDoStmt()) && st.getRange().isPresent()) {
          out.add(st.getRange().get().begin.line);
          out.add(st.getRange().get().end.line);
          out.add(conditionless(st) ? 1 : 0);
        }
      });
      return out.stream().mapToInt(Integer::intValue).toArray();
    } catch (RuntimeException | StackOverflowError e) {
      return new int[0];
    }
  }

  /** {@code for (;;)}, {@code while (true)}, {@code do … while (true)}. */
  private static boolean conditionless(Statement st) {
    if (st.isForStmt()) return st.asForStmt().getCompare().map(SourceMapper::isTrue).orElse(true);
    if (st.isWhileStmt()) return isTrue(st.asWhileStmt().getCondition());
    if (st.isDoStmt()) return isTrue(st.asDoStmt().getCondition());
    return false;
  }

  private static boolean isTrue(Expression e) {
    while (e.isEnclosedExpr()) e = e.asEnclosedExpr().getInner();
    return e.isBooleanLiteralExpr() && e.asBooleanLiteralExpr().getValue();
  }

  /** The source file a finding names: under a root, as given, under the project root, or by name and package. */
  Path locate(String file) {
    if (file == null || file.isEmpty()) return null;
    return locations.computeIfAbsent(file, this::find).orElse(null);
  }

  private Optional<Path> find(String file) {
    Path given;
    try {
      given = Paths.get(file);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    if (given.isAbsolute()) return Files.isRegularFile(given) ? Optional.of(given.normalize()) : Optional.empty();
    for (Path r : roots) {
      Path c = r.resolve(given).normalize();
      if (Files.isRegularFile(c)) return Optional.of(c);
    }
    Path c = projectRoot.resolve(given).normalize();
    if (Files.isRegularFile(c)) return Optional.of(c);
    // the directory layout differs from the package: find the file by name and package declaration
    String name = given.getFileName().toString();
    String dir = file.replace('\\', '/');
    String pkg = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')).replace('/', '.') : "";
    for (Path candidate : filesNamed(name)) {
      String text = read(candidate);
      if (text != null && pkg.equals(packageOf(text))) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  /** The {@code .java} files under the roots named {@code name}; the roots are listed once, when first asked. */
  private synchronized List<Path> filesNamed(String name) {
    if (byFileName == null) {
      byFileName = new HashMap<>();
      for (Path r : roots) {
        if (!Files.isDirectory(r)) continue;
        try (Stream<Path> s = Files.walk(r)) {
          s.filter(q -> q.toString().endsWith(".java") && Files.isRegularFile(q)).sorted()
              .forEach(q -> byFileName.computeIfAbsent(q.getFileName().toString(), k -> new ArrayList<>()).add(q.normalize()));
        } catch (IOException | RuntimeException e) {
          problem("could not list " + relative(r) + ": " + e.getMessage());
        }
      }
    }
    return byFileName.getOrDefault(name, List.of());
  }

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*package\\s+([\\w.\\s]+?)\\s*;");

  /** The package a source file declares ("" for none), from its text without comments. */
  static String packageOf(String text) {
    String code = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", "");
    Matcher m = PACKAGE.matcher(code);
    return m.find() ? m.group(1).replaceAll("\\s+", "") : "";
  }

  // ---- types ----

  /** Symbol-solver answers, serialized (the solver's caches are not thread-safe); null when it cannot tell. */
  private final class SolverTypes implements SiteLocator.Types {
    @Override
    public ResolvedType typeOf(Expression e) {
      synchronized (solverLock) {
        try {
          return e.calculateResolvedType();
        } catch (RuntimeException | StackOverflowError | LinkageError ex) {
          return null;
        }
      }
    }

    @Override
    public ResolvedMethodLikeDeclaration declarationOf(Node call) {
      synchronized (solverLock) {
        try {
          if (call instanceof MethodCallExpr m) return m.resolve();
          if (call instanceof ObjectCreationExpr o) return o.resolve();
          if (call instanceof ExplicitConstructorInvocationStmt s) return s.resolve();
        } catch (RuntimeException | StackOverflowError | LinkageError ex) {
          return null;
        }
        return null;
      }
    }
  }
}
