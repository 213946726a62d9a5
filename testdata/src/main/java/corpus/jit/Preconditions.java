// corpus-rules: NotScalarReplaced, VarargsAllocation
package corpus.jit;

import java.util.List;

/**
 * Preconditions that format their arguments only when they fail, as javapoet's Util.checkState.
 * C2 compiles a throw that never happened as an uncommon trap: the varargs array reaches
 * String.format (whose Formatter.format reads it at an index that is not a constant) only there,
 * so C2 removes it while the check holds. The same formatting on the normal path keeps it.
 */
final class Preconditions {
  private Preconditions() {}

  static void checkState(boolean ok, String template, Object... args) {
    if (!ok) throw new IllegalStateException(String.format(template, args));
  }

  static void reportState(boolean ok, String template, Object... args) {
    if (!ok) System.err.println(String.format(template, args));
  }

  static int checkedWidth(int lo, int hi) {
    checkState(lo <= hi, "inverted range %s", "lo > hi"); // ok: NotScalarReplaced -- used only on the way to a throw, an uncommon trap while the check holds
    return hi - lo;
  }

  static int reportedWidth(int lo, int hi) {
    reportState(lo <= hi, "inverted range %s", "lo > hi"); // expect: NotScalarReplaced(Formatter.format)
    return hi - lo;
  }

  static void checkNames(List<String> names) {
    for (String name : names) {
      // the warning stays (no demotion), and says C2 removes the array only while checkState does not throw
      checkState(!name.isEmpty(), "empty name in %s", names); // expect: VarargsAllocation(C2 likely removes it only while Preconditions.checkState does not throw)
      reportState(!name.isEmpty(), "empty name in %s", names); // expect: VarargsAllocation; expect: NotScalarReplaced(Formatter.format)
    }
  }
}
