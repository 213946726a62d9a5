package dev.noescape.report;

/**
 * One replacement in a source file, for SARIF {@code fixes} and the HTML report: the text between
 * (startLine, startColumn) inclusive and (endLine, endColumn) exclusive becomes {@code replacement}.
 * Lines and columns are 1-based; columns count UTF-16 chars, as SARIF's default
 * {@code columnKind} {@code utf16CodeUnits}. An insertion has start == end.
 *
 * @param file the path as the finding names it ({@link dev.noescape.finding.Finding#file()})
 */
public record TextEdit(String file, int startLine, int startColumn, int endLine, int endColumn, String replacement) {}
