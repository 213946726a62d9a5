package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.NotScalarReplacedDoc;

/** The {@code NotScalarReplaced} rule as an Error Prone check; its texts come from {@link NotScalarReplacedDoc}. */
@BugPattern(
    name = NotScalarReplacedDoc.ID,
    summary = NotScalarReplacedDoc.SUMMARY,
    explanation = NotScalarReplacedDoc.EXPLANATION,
    severity = SUGGESTION,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class NotScalarReplacedChecker extends NoEscapeChecker {}
