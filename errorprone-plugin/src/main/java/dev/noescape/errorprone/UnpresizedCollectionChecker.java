package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;
import dev.noescape.catalog.UnpresizedCollectionDoc;

/** The {@code UnpresizedCollection} rule as an Error Prone check; its texts come from {@link UnpresizedCollectionDoc}. */
@BugPattern(
    name = UnpresizedCollectionDoc.ID,
    summary = UnpresizedCollectionDoc.SUMMARY,
    explanation = UnpresizedCollectionDoc.EXPLANATION,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class UnpresizedCollectionChecker extends NoEscapeChecker {}
