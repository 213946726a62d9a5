package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.LeakingParameterDoc;

/** The {@code LeakingParameter} rule as an Error Prone check; its texts come from {@link LeakingParameterDoc}. */
@BugPattern(
    name = LeakingParameterDoc.ID,
    summary = LeakingParameterDoc.SUMMARY,
    explanation = LeakingParameterDoc.EXPLANATION,
    severity = SUGGESTION,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class LeakingParameterChecker extends NoEscapeChecker {}
