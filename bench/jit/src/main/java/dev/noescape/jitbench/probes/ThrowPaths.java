package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;

/**
 * Objects used only on the way to a throw: in a precondition helper's failure branch, in a throw's
 * operand, in an exception that keeps them, in an assertion. Each pair differs only in how often
 * the throw happens at run time (never against 1 call in 1024, caught by the probe): C2 compiles a
 * branch its profile never saw taken as an uncommon trap (issue 13, javapoet's
 * {@code Util.checkState}).
 */
public final class ThrowPaths {
  private ThrowPaths() {}

  private static final String WORD = "word";

  /**
   * A precondition helper of the shape of javapoet's {@code Util.checkState}: it formats its
   * varargs array only when it fails. The call before the check keeps the array alive across a
   * real call, and the read after it is a use on the normal path that C2 folds (the length).
   */
  private static int require(boolean ok, String template, Object... args) {
    int o = Opaque.next();
    if (!ok) throw new IllegalStateException(String.format(template, args));
    return o + args.length;
  }

  @Probe(id = "throw.varargs-never-fails", group = "throw-path", pair = "throw.varargs-rarely-fails",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "parse2.cpp Parse::do_if / seems_never_taken, GraphKit::uncommon_trap (the never-taken failure branch "
          + "is a trap: String.format is not compiled, the array is only in the trap's debug info and is rematerialized "
          + "on deoptimization)",
      callee = "dev.noescape.jitbench.probes.ThrowPaths::require",
      note = "A varargs Object[1] passed to a small precondition helper that formats it only when it fails; it never fails.")
  public static int varargsNeverFails(int n, int i) {
    try {
      return require(i != Integer.MIN_VALUE, "bad call %s", WORD) + n; // site: throw.varargs-never-fails
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  @Probe(id = "throw.varargs-rarely-fails", group = "throw-path", pair = "throw.varargs-never-fails",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp adjust_scalar_replaceable_state (the compiled failure branch hands the array to "
          + "String.format / Formatter.format, which reads args[index]: not inlined or an unknown offset)",
      callee = "dev.noescape.jitbench.probes.ThrowPaths::require",
      note = "The same helper failing on 1 call in 1024, caught by the probe.")
  public static int varargsRarelyFails(int n, int i) {
    try {
      return require((i & 1023) != 0, "bad call %s", WORD) + n; // site: throw.varargs-rarely-fails
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  @Probe(id = "throw.operand-never-thrown", group = "throw-path", pair = "throw.operand-rarely-thrown",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "parse2.cpp Parse::do_if (never-taken branch: uncommon trap; the call in the throw's operand is not compiled)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "Passed to a call that is never inlined only inside the operand of a throw, which never happens.")
  public static int operandNeverThrown(int n, int i) {
    Point p = new Point(n, i); // site: throw.operand-never-thrown
    int o = Opaque.next();
    try {
      if (i == Integer.MIN_VALUE) throw new IllegalStateException("bad " + Opaque.consume(p));
    } catch (IllegalStateException e) {
      o--;
    }
    return p.x + p.y + o;
  }

  @Probe(id = "throw.operand-rarely-thrown", group = "throw-path", pair = "throw.operand-never-thrown",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "macro.cpp PhaseMacroExpand::can_eliminate_allocation (\"Object is passed as argument\" on the compiled throw path)",
      note = "The same throw on 1 call in 1024, caught by the probe.")
  public static int operandRarelyThrown(int n, int i) {
    Point p = new Point(n, i); // site: throw.operand-rarely-thrown
    int o = Opaque.next();
    try {
      if ((i & 1023) == 0) throw new IllegalStateException("bad " + Opaque.consume(p));
    } catch (IllegalStateException e) {
      o--;
    }
    return p.x + p.y + o;
  }

  /** An exception that keeps the object it is about: the object escapes with it when it is thrown. */
  static final class PointException extends RuntimeException {
    final transient Point point;

    PointException(Point point) {
      super("bad point");
      this.point = point;
    }
  }

  @Probe(id = "throw.kept-never-thrown", group = "throw-path", pair = "throw.kept-rarely-thrown",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "parse2.cpp Parse::do_if (never-taken branch: uncommon trap; the exception that would keep it is not compiled)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "Kept by an exception thrown only when i == Integer.MIN_VALUE, which never happens (the engine: GlobalEscape).")
  public static int keptNeverThrown(int n, int i) {
    Point p = new Point(n, i); // site: throw.kept-never-thrown
    int o = Opaque.next();
    try {
      if (i == Integer.MIN_VALUE) throw new PointException(p);
    } catch (PointException e) {
      o--;
    }
    return p.x + p.y + o;
  }

  @Probe(id = "throw.kept-rarely-thrown", group = "throw-path", pair = "throw.kept-never-thrown",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::compute_escape (the exception's constructor is not inlined: the object "
          + "passed to it escapes on the compiled throw path, and so on every path)",
      note = "The same exception thrown on 1 call in 1024, caught by the probe.")
  public static int keptRarelyThrown(int n, int i) {
    Point p = new Point(n, i); // site: throw.kept-rarely-thrown
    int o = Opaque.next();
    try {
      if ((i & 1023) == 0) throw new PointException(p);
    } catch (PointException e) {
      o--;
    }
    return p.x + p.y + o;
  }

  @Probe(id = "throw.assert-disabled", group = "throw-path", pair = "trap.rarely-taken-call",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "ciField.cpp ciField::is_constant / parse3.cpp Parse::do_get_xxx (the static final $assertionsDisabled "
          + "of an initialized class is a constant: the assertion's code folds away, without -ea)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "Passed to a call that is never inlined only inside an assert statement (run without -ea).")
  public static int assertDisabled(int n, int i) {
    Point p = new Point(n, i); // site: throw.assert-disabled
    int o = Opaque.next();
    assert Opaque.consume(p) == 1 : "lost";
    return p.x + p.y + o;
  }
}
