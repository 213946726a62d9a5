/**
 * Report writers: what a run found, as text, SARIF 2.1.0, JSON and a standalone HTML page.
 *
 * <p>Input is a {@link dev.noescape.report.ReportRun} (tool version, {@link
 * dev.noescape.report.ReportedFinding}s with their fix edits, run notes) and, for snippets, a
 * {@link dev.noescape.report.SourceText}. Every writer sorts the findings itself
 * ({@link dev.noescape.report.Reports#ORDER}, which extends {@link dev.noescape.finding.Finding#ORDER}
 * with tie-breakers), writes {@code \n} line endings and nothing that varies between runs, so the
 * same input gives byte-identical output whatever order the findings come in.
 *
 * <ul>
 *   <li>{@link dev.noescape.report.TextReport}: Go-style lines {@code path:line:col: message [RuleId]}
 *       and a per-rule summary block.
 *   <li>{@link dev.noescape.report.sarif.SarifWriter}: one SARIF 2.1.0 run for GitHub code scanning,
 *       with rule metadata, related locations for the reason chain, fixes, line-independent
 *       {@code partialFingerprints} ({@link dev.noescape.report.Reports#fingerprints}) and the
 *       25,000-result cap ({@link dev.noescape.report.Reports#MAX_SARIF_RESULTS}); built on the
 *       java-sarif model.
 *   <li>{@link dev.noescape.report.json.JsonReportWriter}: the findings as plain JSON
 *       (docs/formats/json.md).
 *   <li>{@link dev.noescape.report.html.HtmlReportWriter}: a standalone {@code index.html}.
 * </ul>
 *
 * <p>Rule metadata (summaries, descriptions, before/after examples, default levels) comes from each
 * rule's declaration, {@link dev.noescape.catalog.RuleId#doc()}. SARIF, JSON and HTML need the
 * optional Jackson and java-sarif dependencies; {@code TextReport} and {@code Reports} need none.
 */
package dev.noescape.report;
