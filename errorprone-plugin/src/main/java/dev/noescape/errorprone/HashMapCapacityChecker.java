package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.HashMapCapacityDoc;

/** The {@code HashMapCapacity} rule as an Error Prone check; its texts come from {@link HashMapCapacityDoc}. */
@BugPattern(
    name = HashMapCapacityDoc.ID,
    summary = HashMapCapacityDoc.SUMMARY,
    explanation = HashMapCapacityDoc.EXPLANATION,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class HashMapCapacityChecker extends NoEscapeChecker {}
