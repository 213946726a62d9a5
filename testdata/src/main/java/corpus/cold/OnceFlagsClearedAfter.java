package corpus.cold;

import java.util.Iterator;
import java.util.List;

/**
 * Once-branches whose flag is tested true and cleared (docs/design.md, "Cold paths"): {@code if
 * (first) { first = false; … }}, and the flag cleared after the arm, later in the block that holds
 * the {@code if}, on every path from the arm (javapoet's MethodSpec.javadocWithParameters). The arm
 * runs at most once per call. What stays a warning, each next to the case it twins: the arm that
 * runs on every iteration but the first ({@code else} of {@code if (first)}, {@code if (!first)}),
 * a flag set back to true in the loop, a field, a clearing store only some paths reach, and a
 * sentinel the loop's own data is stored into.
 */
public class OnceFlagsClearedAfter {
  private boolean pending = true;

  /** javapoet 1.13.0 MethodSpec:146-151: a newline before the first @param line only. */
  String javadoc(List<String> params, String doc) {
    StringBuilder b = new StringBuilder(doc);
    boolean emitTagNewline = true;
    for (String p : params) {
      if (!p.isEmpty()) {
        if (emitTagNewline && !doc.isEmpty()) add(b, "\n"); // ok: VarargsAllocation -- once-branch: emitTagNewline is cleared right after the if, on every path
        emitTagNewline = false;
        add(b, "@param $L", p); // expect: VarargsAllocation
      }
    }
    return b.toString();
  }

  /** The same with a field flag: a field tested and cleared is a signal other code may raise again. */
  String javadocPending(List<String> params, String doc) {
    StringBuilder b = new StringBuilder(doc);
    for (String p : params) {
      if (pending && !doc.isEmpty()) add(b, "\n"); // expect: VarargsAllocation
      pending = false;
      add(b, "@param $L", p); // expect: VarargsAllocation
    }
    return b.toString();
  }

  /** The flag is set back to true for every blank parameter: the newline comes again. */
  String javadocGroups(Iterator<String> params) {
    StringBuilder b = new StringBuilder();
    boolean emitTagNewline = true;
    while (params.hasNext()) {
      String p = params.next();
      if (emitTagNewline) add(b, "\n"); // expect: VarargsAllocation
      emitTagNewline = false;
      if (p.isEmpty()) emitTagNewline = true; // a new group
      b.append(p);
    }
    return b.toString();
  }

  /** The flag is cleared only when the parameter has a name: until then the arm runs on every iteration. */
  String javadocWhenNamed(List<String> params, String doc) {
    StringBuilder b = new StringBuilder(doc);
    boolean emitTagNewline = true;
    for (String p : params) {
      if (emitTagNewline) add(b, "\n"); // expect: VarargsAllocation
      if (!p.isEmpty()) {
        emitTagNewline = false;
      }
    }
    return b.toString();
  }

  /** A continue between the arm and the store skips it: the arm runs again on the next iteration. */
  String javadocSkipping(String[] params) {
    StringBuilder b = new StringBuilder();
    boolean emitTagNewline = true;
    for (int i = 0; i < params.length; i++) {
      if (emitTagNewline) add(b, "\n"); // expect: VarargsAllocation
      if (params[i] == null) continue;
      emitTagNewline = false;
      b.append(params[i]);
    }
    return b.toString();
  }

  /** The separator idiom: the then arm runs on the first iteration, the else arm on every other. */
  String joined(int[] values) {
    StringBuilder b = new StringBuilder();
    boolean first = true;
    for (int v : values) {
      if (first) {
        first = false;
        b.append(String.format("[%d", v)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: the then arm clears first
      } else {
        b.append(String.format(", %d", v)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
    }
    return b.toString();
  }

  /** The same with the flag cleared after the if/else: the then arm is still the once-branch. */
  String joinedClearedAfter(double[] values) {
    StringBuilder b = new StringBuilder();
    boolean first = true;
    int i = 0;
    while (i < values.length) {
      if (first) {
        b.append(String.format("%.1f", values[i])); // ok: VarargsAllocation, BoxingAllocation -- once-branch: first is cleared after the if
      } else {
        b.append(String.format(", %.1f", values[i])); // expect: VarargsAllocation(and 1 box (double)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
      first = false;
      i++;
    }
    return b.toString();
  }

  /** Written the other way round: the else arm of if (!first) is where first is still true. */
  String joinedNegated(long[] values) {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (long v : values) {
      if (!first) b.append(String.format(", %d", v)); // expect: VarargsAllocation(and 1 box (long)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      else b.append(String.format("%d", v)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: the else arm of !first, cleared after the if
      first = false;
    }
    return b.append('}').toString();
  }

  /** The separator before every element but the first: if (!first) runs on every iteration but one. */
  String separated(int[] values) {
    StringBuilder b = new StringBuilder();
    boolean first = true;
    for (int v : values) {
      if (!first) b.append(String.format("; %d", values.length)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      first = false;
      b.append(v);
    }
    return b.toString();
  }

  /** A one-time flag set after the arm: the header is written before the first value only. */
  String headed(int[] values) {
    StringBuilder b = new StringBuilder();
    boolean headed = false;
    for (int v : values) {
      if (!headed) b.append(String.format("%d values%n", values.length)); // ok: VarargsAllocation, BoxingAllocation -- once-branch: headed is set right after the if
      headed = true;
      b.append(v);
    }
    return b.toString();
  }

  /** A null sentinel followed by the loop's own data: a null element brings it back. */
  String runs(List<String> items) {
    StringBuilder b = new StringBuilder();
    String previous = null;
    for (String item : items) {
      if (previous == null) add(b, "start"); // expect: VarargsAllocation
      previous = item;
    }
    return b.toString();
  }

  private static void add(StringBuilder b, String format, Object... args) {
    b.append(format).append(args.length);
  }
}
