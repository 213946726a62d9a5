package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.StringConcatInLoopDoc;

/** The {@code StringConcatInLoop} rule as an Error Prone check; its texts come from {@link StringConcatInLoopDoc}. */
@BugPattern(
    name = StringConcatInLoopDoc.ID,
    summary = StringConcatInLoopDoc.SUMMARY,
    explanation = StringConcatInLoopDoc.EXPLANATION,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class StringConcatInLoopChecker extends NoEscapeChecker {}
