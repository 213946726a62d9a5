package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.BoxingAllocationDoc;

/** The {@code BoxingAllocation} rule as an Error Prone check; its texts come from {@link BoxingAllocationDoc}. */
@BugPattern(
    name = BoxingAllocationDoc.ID,
    summary = BoxingAllocationDoc.SUMMARY,
    explanation = BoxingAllocationDoc.EXPLANATION,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class BoxingAllocationChecker extends NoEscapeChecker {}
