package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.HeapEscapeDoc;

/** The {@code HeapEscape} rule as an Error Prone check; its texts come from {@link HeapEscapeDoc}. */
@BugPattern(
    name = HeapEscapeDoc.ID,
    summary = HeapEscapeDoc.SUMMARY,
    explanation = HeapEscapeDoc.EXPLANATION,
    severity = SUGGESTION,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class HeapEscapeChecker extends NoEscapeChecker {}
