package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.CapturingLambdaDoc;

/** The {@code CapturingLambda} rule as an Error Prone check; its texts come from {@link CapturingLambdaDoc}. */
@BugPattern(
    name = CapturingLambdaDoc.ID,
    summary = CapturingLambdaDoc.SUMMARY,
    explanation = CapturingLambdaDoc.EXPLANATION,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class CapturingLambdaChecker extends NoEscapeChecker {}
