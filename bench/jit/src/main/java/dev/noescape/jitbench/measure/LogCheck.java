package dev.noescape.jitbench.measure;

import dev.noescape.jitbench.classfile.ClassSource;
import dev.noescape.jitbench.classfile.CodeIndex;
import dev.noescape.jitbench.classfile.MethodCode;
import dev.noescape.jitbench.compilelog.CompileLog;
import dev.noescape.jitbench.compilelog.Elimination;
import dev.noescape.jitbench.compilelog.Frame;
import dev.noescape.jitbench.compilelog.InlineFailure;
import dev.noescape.jitbench.compilelog.Parse;
import dev.noescape.jitbench.compilelog.Task;
import dev.noescape.jitbench.probe.ProbeSpec;
import dev.noescape.jitbench.probe.SiteMarkers.Site;
import java.io.IOException;
import java.nio.file.Path;

import java.util.TreeSet;

/**
 * What the compilation log of a probe run says about the measured compile: whether it was OSR,
 * whether C2 logged the elimination of an allocation at the probe's site line (directly, or in a
 * callee inlined from that line), and which callees it refused to inline. The log is a second
 * opinion next to the bytes, and the method the real-workload mode relies on alone.
 */
final class LogCheck {
  private final CodeIndex code;

  /** What the log says; {@code found} false when the compile id is not in the log. */
  record Result(boolean found, boolean osr, boolean eliminated, String inlineFailures) {}

  LogCheck(ClassSource classes) {
    this.code = new CodeIndex(classes);
  }

  Result check(Path log, int compileId, ProbeSpec probe, Site site) throws IOException {
    Task task = null;
    for (Task t : CompileLog.read(log)) {
      if (t.compileId() == compileId && t.isC2()) task = t;
    }
    if (task == null) return new Result(false, false, false, "");
    boolean eliminated = false;
    for (Elimination e : task.eliminations()) {
      if (e.kind().equals("lock")) continue;
      for (Frame f : e.chain()) eliminated |= at(f, probe, site);
    }
    TreeSet<String> failures = new TreeSet<>();
    for (Parse p : task.parses()) {
      for (InlineFailure f : p.inlineFailures()) {
        if (f.callee() == null || f.callee().holder().endsWith(".Opaque")) continue;
        failures.add(simple(f.callee().holder()) + "." + f.callee().name() + ": " + f.reason());
      }
    }
    return new Result(true, task.osr(), eliminated, String.join("; ", failures));
  }

  /** Whether frame {@code f} is at the site's line in the probe's file. */
  private boolean at(Frame f, ProbeSpec probe, Site site) {
    if (f.method() == null) return false;
    String holder = f.method().holder();
    int dollar = holder.indexOf('$');
    String topLevel = dollar < 0 ? holder : holder.substring(0, dollar);
    if (!topLevel.equals(probe.className())) return false;
    MethodCode mc = code.code(f.method());
    return mc != null && mc.line(f.bci()) == site.line();
  }

  static String simple(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? binaryName : binaryName.substring(dot + 1);
  }

}
