package dev.noescape.report.sarif;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.Reason;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.report.JsonOutput;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.Reports;
import dev.noescape.report.SourceText;
import dev.noescape.report.TextEdit;
import dev.noescape.report.TextReport;
import dev.noescape.report.Waiver;
import dev.noescape.catalog.RuleDoc;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link ReportRun} as one SARIF 2.1.0 run ({@code target/noescape/noescape.sarif}), in
 * the shape GitHub code scanning reads.
 *
 * <ul>
 *   <li>{@code tool.driver}: name {@code noescape}, the version, and all nine rules in
 *       {@link RuleId} order (id, name, short and full description, help text and Markdown with a
 *       before/after example, {@code defaultConfiguration.level}: info → {@code note}, warning →
 *       {@code warning}, error → {@code error}).
 *   <li>One result per finding: {@code ruleId}, {@code ruleIndex}, {@code level}, {@code message},
 *       one physical location (the finding's file as given, relative to {@code %SRCROOT%}; start
 *       line, start column when known, end column when known; the snippet and a context region of
 *       two lines either side when the source is known), one related location per reason step
 *       with a line, {@code partialFingerprints."noescape/v1"} ({@link Reports#fingerprints}: no
 *       line numbers in it), and {@code fixes} when the finding has text edits.
 *   <li>{@code invocations[0]}: {@code executionSuccessful: true} and the run's notes as
 *       {@code toolExecutionNotifications}.
 *   <li>At most {@link Reports#MAX_SARIF_RESULTS} results (GitHub's limit): the hottest are kept
 *       ({@link Reports#capped}) and a notification says how many were left out.
 *   <li>With a recording ({@link ReportRun#profile()}): each result's {@code rank} is its share of
 *       the program's sampled bytes in percent, its properties hold the bytes
 *       ({@value #MEASURED_BYTES}), and the run's properties the recording's totals; the cap keeps the
 *       heaviest.
 * </ul>
 *
 * <p>Deterministic: results in {@link Reports#ORDER}, no timestamps, no paths but the findings',
 * two-space indentation and {@code \n} line endings.
 */
public final class SarifWriter {
  /** The key of noescape's line-independent fingerprint in {@code partialFingerprints}. */
  public static final String FINGERPRINT_KEY = "noescape/v1";

  /** The {@code uriBaseId} of every artifact location: the project root. */
  public static final String SRCROOT = "%SRCROOT%";

  /** The result property with the bytes a recording measured for the finding. */
  public static final String MEASURED_BYTES = "noescape/measuredBytes";

  /** The result property with those bytes' share of all the recording's sampled bytes (0..1). */
  public static final String MEASURED_SHARE = "noescape/measuredShareOfSampled";

  /** The {@code $schema} written into the log. */
  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

  private static final int CONTEXT_LINES = 2;

  private final SourceText sources;
  private final String informationUri;
  private final int maxResults;

  /** A writer that takes snippets from {@code sources} ({@link SourceText#NONE} for none). */
  public SarifWriter(SourceText sources) {
    this(sources, null, Reports.MAX_SARIF_RESULTS);
  }

  private SarifWriter(SourceText sources, String informationUri, int maxResults) {
    this.sources = sources == null ? SourceText.NONE : Reports.safe(sources);
    this.informationUri = informationUri;
    this.maxResults = maxResults;
  }

  /** The same writer with {@code tool.driver.informationUri} set (null: none). */
  public SarifWriter withInformationUri(String uri) {
    return new SarifWriter(sources, uri, maxResults);
  }

  /** The same writer keeping at most {@code max} results (default {@link Reports#MAX_SARIF_RESULTS}). */
  public SarifWriter withMaxResults(int max) {
    if (max < 0) throw new IllegalArgumentException("max results must be >= 0: " + max);
    return new SarifWriter(sources, informationUri, max);
  }

  /** The SARIF document as text, ending with a newline. */
  public String write(ReportRun run) {
    try {
      return MAPPER.writer(JsonOutput.prettyPrinter()).writeValueAsString(toSarif(run)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize SARIF: " + e.getMessage(), e);
    }
  }

  /** Writes {@link #write(ReportRun)} to {@code file} (UTF-8), creating its directory. */
  public void write(ReportRun run, Path file) {
    JsonOutput.writeFile(file, write(run));
  }

  /** The SARIF model of {@code run}. */
  public SarifSchema210 toSarif(ReportRun run) {
    List<ReportedFinding> all = run.findings();
    Map<ReportedFinding, String> fingerprints = Reports.fingerprints(all);
    List<ReportedFinding> kept = Reports.capped(all, maxResults, run.profile());

    // Each file's lines are asked for once per run.
    Map<String, List<String>> lines = new java.util.HashMap<>();
    List<Result> results = new ArrayList<>(kept.size());
    for (ReportedFinding rf : kept) {
      Result r = result(rf, fingerprints.get(rf), lines.computeIfAbsent(rf.finding().file(), sources::lines));
      if (run.profile() != null) measured(r, run.profile(), run.profile().bytesOf(rf.finding()));
      results.add(r);
    }
    for (Waiver w : run.waived()) results.add(waived(w));

    List<Notification> notifications = new ArrayList<>();
    if (kept.size() < all.size()) {
      notifications.add(notification(TextReport.capNote(kept.size(), all.size())));
    }
    for (String note : run.notes()) notifications.add(notification(note));

    ToolComponent driver =
        new ToolComponent()
            .withName("noescape")
            .withVersion(run.toolVersion())
            .withRules(rules());
    if (informationUri != null) driver.withInformationUri(URI.create(informationUri));

    Run sarifRun =
        new Run()
            .withTool(new Tool().withDriver(driver))
            .withInvocations(
                List.of(
                    new Invocation()
                        .withExecutionSuccessful(true)
                        .withToolExecutionNotifications(notifications)))
            .withOriginalUriBaseIds(
                new OriginalUriBaseIds()
                    .withAdditionalProperty(
                        SRCROOT,
                        new ArtifactLocation()
                            .withDescription(new Message().withText("The root of the analyzed project."))))
            .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
            .withResults(results);
    if (run.profile() != null) sarifRun.withProperties(profileTotals(run.profile()));
    return new SarifSchema210()
        .with$schema(URI.create(SCHEMA_URI))
        .withVersion(SarifSchema210.Version._2_1_0)
        .withRuns(List.of(sarifRun));
  }

  /** The rules array: every rule, in {@link RuleId} order (so {@code ruleIndex} is the ordinal). */
  static Set<ReportingDescriptor> rules() {
    Set<ReportingDescriptor> rules = new LinkedHashSet<>();
    for (RuleId id : RuleId.values()) {
      RuleDoc d = id.doc();
      rules.add(
          new ReportingDescriptor()
              .withId(id.id())
              .withName(id.id())
              .withShortDescription(new MultiformatMessageString().withText(d.summary()))
              .withFullDescription(new MultiformatMessageString().withText(d.explanation()))
              .withHelp(new MultiformatMessageString().withText(d.helpText()).withMarkdown(d.markdown()))
              .withDefaultConfiguration(new ReportingConfiguration().withLevel(configurationLevel(id.defaultSeverity())))
              .withProperties(new PropertyBag().withTags(new LinkedHashSet<>(List.of("performance", "allocation")))));
    }
    return rules;
  }

  private static Result result(ReportedFinding rf, String fingerprint, List<String> lines) {
    Finding f = rf.finding();
    Result r =
        new Result()
            .withRuleId(f.rule().id())
            .withRuleIndex(f.rule().ordinal())
            .withLevel(resultLevel(f.severity()))
            .withMessage(new Message().withText(f.message()))
            .withLocations(List.of(primaryLocation(f, lines)))
            .withPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT_KEY, fingerprint));
    Set<Location> related = new LinkedHashSet<>();
    int id = 1;
    for (Reason reason : f.reasons()) {
      if (reason.pos() == null || reason.pos().line() <= 0) continue;
      Region region = new Region().withStartLine(reason.pos().line());
      if (reason.pos().column() > 0) region.withStartColumn(reason.pos().column());
      if (reason.pos().column() > 0 && reason.pos().endColumn() > reason.pos().column()) {
        region.withEndColumn(reason.pos().endColumn());
      }
      related.add(
          new Location()
              .withId(id++)
              .withPhysicalLocation(new PhysicalLocation().withArtifactLocation(artifact(f.file())).withRegion(region))
              .withMessage(new Message().withText(reason.text())));
    }
    if (!related.isEmpty()) r.withRelatedLocations(related);
    if (!rf.fix().isEmpty()) r.withFixes(fixes(rf));
    return r;
  }

  /**
   * What a recording measured for a result: {@code rank} (SARIF's 0–100 priority) is the finding's
   * share of the program's sampled bytes in percent, and the properties carry the bytes.
   */
  private static void measured(Result r, ProfileRanking p, long bytes) {
    r.withRank(Math.round(p.ofProgram(bytes) * 10_000) / 100.0);
    r.withProperties(new PropertyBag()
        .withAdditionalProperty(MEASURED_BYTES, bytes)
        .withAdditionalProperty(MEASURED_SHARE, Math.round(p.ofSampled(bytes) * 10_000) / 10_000.0));
  }

  /** The run's {@code properties} when a recording ranks it: what it sampled and how much the analysis explains. */
  private static PropertyBag profileTotals(ProfileRanking p) {
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("recordings", p.recordings());
    totals.put("sampledBytes", p.sampledBytes());
    totals.put("programBytes", p.programBytes());
    totals.put("explainedBytes", p.explainedBytes());
    totals.put("outsideBytes", p.outsideBytes());
    return new PropertyBag().withAdditionalProperty("noescape/profile", totals);
  }

  /**
   * A waived {@code @NoAllocation} contract: a result at the method, suppressed in source with the
   * stated reason as its justification (viewers hide it, and the waiver stays on record).
   */
  private static Result waived(Waiver w) {
    Suppression s = new Suppression().withKind(Suppression.Kind.IN_SOURCE);
    if (w.reason() != null) s.withJustification(w.reason());
    return new Result()
        .withRuleId(RuleId.ALLOCATION_CONTRACT.id())
        .withRuleIndex(RuleId.ALLOCATION_CONTRACT.ordinal())
        .withLevel(resultLevel(RuleId.ALLOCATION_CONTRACT.defaultSeverity()))
        .withMessage(new Message().withText("@NoAllocation contract of " + w.method() + " waived ("
            + w.findings() + (w.findings() == 1 ? " finding" : " findings") + "): "
            + (w.reason() != null ? w.reason() : "no reason given")))
        .withLocations(List.of(new Location().withPhysicalLocation(new PhysicalLocation()
            .withArtifactLocation(artifact(w.file())).withRegion(new Region().withStartLine(Math.max(1, w.line()))))))
        .withSuppressions(new LinkedHashSet<>(List.of(s)));
  }

  private static Location primaryLocation(Finding f, List<String> lines) {
    PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(artifact(f.file()));
    int line = f.pos().line();
    if (line > 0) {
      int col = f.pos().column();
      int end = f.pos().endColumn();
      Region region = new Region().withStartLine(line);
      if (col > 0) region.withStartColumn(col);
      if (col > 0 && end > col) region.withEndColumn(end);
      if (line <= lines.size()) {
        String text = Reports.stripEol(lines.get(line - 1));
        String snippet = text;
        if (col > 0 && col - 1 <= text.length()) {
          snippet = end > col && end - 1 <= text.length() ? text.substring(col - 1, end - 1) : text.substring(col - 1);
        }
        region.withSnippet(new ArtifactContent().withText(snippet));
        int from = Math.max(1, line - CONTEXT_LINES);
        int to = Math.min(lines.size(), line + CONTEXT_LINES);
        StringBuilder context = new StringBuilder();
        // Without endColumn the region ends at the end of line `to`, before its line terminator.
        for (int i = from; i <= to; i++) {
          if (i > from) context.append('\n');
          context.append(Reports.stripEol(lines.get(i - 1)));
        }
        physical.withContextRegion(
            new Region().withStartLine(from).withEndLine(to).withSnippet(new ArtifactContent().withText(context.toString())));
      }
      physical.withRegion(region);
    }
    return new Location().withPhysicalLocation(physical);
  }

  private static Set<com.contrastsecurity.sarif.Fix> fixes(ReportedFinding rf) {
    Map<String, List<Replacement>> byFile = new LinkedHashMap<>();
    for (TextEdit e : rf.fix()) {
      byFile.computeIfAbsent(e.file(), k -> new ArrayList<>())
          .add(
              new Replacement()
                  .withDeletedRegion(
                      new Region()
                          .withStartLine(e.startLine())
                          .withStartColumn(e.startColumn())
                          .withEndLine(e.endLine())
                          .withEndColumn(e.endColumn()))
                  .withInsertedContent(new ArtifactContent().withText(e.replacement())));
    }
    Set<ArtifactChange> changes = new LinkedHashSet<>();
    for (Map.Entry<String, List<Replacement>> e : byFile.entrySet()) {
      changes.add(new ArtifactChange().withArtifactLocation(artifact(e.getKey())).withReplacements(e.getValue()));
    }
    String description =
        rf.finding().fix() != null ? rf.finding().fix().description() : "apply the suggested fix";
    Set<com.contrastsecurity.sarif.Fix> fixes = new LinkedHashSet<>();
    fixes.add(new com.contrastsecurity.sarif.Fix().withDescription(new Message().withText(description)).withArtifactChanges(changes));
    return fixes;
  }

  private static ArtifactLocation artifact(String file) {
    return new ArtifactLocation().withUri(uri(file)).withUriBaseId(SRCROOT);
  }

  /**
   * A relative URI reference for a file path: a backslash becomes {@code /}, and every character
   * that may not appear in a URI path (space, {@code %}, {@code #}, {@code ?}, non-ASCII…) is
   * percent-encoded as UTF-8. {@code src/main/java/a/Foo.java} stays as it is.
   */
  public static String uri(String path) {
    StringBuilder sb = new StringBuilder(path.length());
    for (byte b : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0;
      if (keep) sb.append((char) c);
      else sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
          .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
    }
    return sb.toString();
  }

  private static Notification notification(String text) {
    return new Notification().withLevel(Notification.Level.WARNING).withMessage(new Message().withText(text));
  }

  /** SARIF level of a severity: info → note, warning → warning, error → error. */
  public static String level(Severity s) {
    return switch (s) {
      case INFO -> "note";
      case WARNING -> "warning";
      case ERROR -> "error";
    };
  }

  private static Result.Level resultLevel(Severity s) {
    return switch (s) {
      case INFO -> Result.Level.NOTE;
      case WARNING -> Result.Level.WARNING;
      case ERROR -> Result.Level.ERROR;
    };
  }

  private static ReportingConfiguration.Level configurationLevel(Severity s) {
    return switch (s) {
      case INFO -> ReportingConfiguration.Level.NOTE;
      case WARNING -> ReportingConfiguration.Level.WARNING;
      case ERROR -> ReportingConfiguration.Level.ERROR;
    };
  }

  /**
   * java-sarif leaves out values equal to the schema defaults ({@code NON_DEFAULT}); these mix-ins
   * write {@code level} even when it is the default {@code warning}, so every result, rule and
   * notification states its level.
   */
  private static final ObjectMapper MAPPER =
      JsonOutput.mapper()
          .addMixIn(Result.class, ResultLevelMixIn.class)
          .addMixIn(ReportingConfiguration.class, ConfigurationLevelMixIn.class)
          .addMixIn(Notification.class, NotificationLevelMixIn.class);

  abstract static class ResultLevelMixIn {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Result.Level level;
  }

  abstract static class ConfigurationLevelMixIn {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    ReportingConfiguration.Level level;
  }

  abstract static class NotificationLevelMixIn {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Notification.Level level;
  }
}
