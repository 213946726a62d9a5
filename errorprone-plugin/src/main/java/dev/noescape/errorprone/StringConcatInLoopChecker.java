package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code StringConcatInLoop} rule as an Error Prone check. */
@BugPattern(
    name = "StringConcatInLoop",
    summary = "A String is accumulated with += across loop iterations",
    explanation =
        """
        Reports an assignment inside a loop to a `String` variable or field that lives across \
        iterations, whose new value concatenates its old value: `s += x`, `s = s + x`, \
        `s = x + s`.

        Why: each iteration copies everything accumulated so far into a new String (and a \
        temporary builder), so the loop is quadratic in the length of the result.

        Before:

            String csv = "";
            for (String f : fields) {
              csv += f + ",";
            }
            use(csv);

        After (the suggested fix, for a local declared in the block that holds the loop):

            StringBuilder csvBuilder = new StringBuilder();
            for (String f : fields) {
              csvBuilder.append(f + ",");
            }
            String csv = csvBuilder.toString();
            use(csv);
        """,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class StringConcatInLoopChecker extends NoEscapeChecker {}
