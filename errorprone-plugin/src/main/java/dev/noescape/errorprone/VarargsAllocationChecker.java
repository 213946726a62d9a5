package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.VarargsAllocationDoc;

/** The {@code VarargsAllocation} rule as an Error Prone check; its texts come from {@link VarargsAllocationDoc}. */
@BugPattern(
    name = VarargsAllocationDoc.ID,
    summary = VarargsAllocationDoc.SUMMARY,
    explanation = VarargsAllocationDoc.EXPLANATION,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class VarargsAllocationChecker extends NoEscapeChecker {}
