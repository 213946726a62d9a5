package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code LeakingParameter} rule as an Error Prone check. */
@BugPattern(
    name = "LeakingParameter",
    summary = "A parameter escapes the method (leaking param)",
    explanation =
        """
        Reports a parameter whose object (or an object reachable from it) may outlive the call, \
        as Go's "leaking param: p": the method stores it in a field or static, returns it, throws \
        it, or hands it to code that may keep it. This is the method's escape summary as its \
        callers see it: an object a caller allocates and passes here escapes too.

        Why: when a hot caller passes a freshly allocated object to a leaking parameter, that \
        allocation can never be removed by the JIT. Knowing which parameters leak tells you which \
        callee to change. Off unless enabled with `-Xep:LeakingParameter` \
        (or `-Xep:LeakingParameter:WARN`).

        Before (`point` leaks: stored in a field):

            void moveTo(Point point) {
              this.last = point;
            }

        After (only the coordinates are kept; callers' Points may be scalar-replaced):

            void moveTo(Point point) {
              this.lastX = point.x();
              this.lastY = point.y();
            }
        """,
    severity = SUGGESTION,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class LeakingParameterChecker extends NoEscapeChecker {}
