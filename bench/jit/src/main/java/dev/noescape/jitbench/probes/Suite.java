package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Probe;
import dev.noescape.jitbench.probe.ProbeSpec;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The probe suite: the classes that hold probes, and the probes read off their annotations. */
public final class Suite {
  /** Every class with probes, in report order. */
  public static final List<Class<?>> CLASSES = List.of(
      Basics.class, ArrayShapes.class, Loops.class, Merges.class, Inlining.class, Calls.class,
      Classes.class, Copies.class, JdkInternals.class, Boxing.class, Lambdas.class, Paths.class,
      ThrowPaths.class);

  /** The control that allocates nothing: what the harness itself allocates per call. */
  public static final ProbeSpec EMPTY = new ProbeSpec("control.empty", "control", "", null, null,
      "", "", "No allocation: the harness's own bytes per call, subtracted from every probe.",
      Basics.class.getName(), "empty", sourcePath(Basics.class));

  private Suite() {}

  /** All probes, in {@link #CLASSES} order, then by group and id within a class. */
  public static List<ProbeSpec> probes() {
    List<ProbeSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Class<?> c : CLASSES) {
      List<ProbeSpec> inClass = new ArrayList<>();
      for (Method m : c.getDeclaredMethods()) {
        Probe p = m.getAnnotation(Probe.class);
        if (p == null) continue;
        if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != int.class
            || m.getParameterCount() != 2 || m.getParameterTypes()[0] != int.class
            || m.getParameterTypes()[1] != int.class) {
          throw new IllegalStateException("probe " + p.id() + " (" + c.getName() + "." + m.getName()
              + ") must be declared static int " + m.getName() + "(int n, int i)");
        }
        if (!ids.add(p.id())) throw new IllegalStateException("probe id " + p.id() + " is used twice");
        inClass.add(new ProbeSpec(p.id(), p.group(), p.pair(), p.jdk17(), p.jdk25(), p.hotspot(),
            p.callee(), p.note(), c.getName(), m.getName(), sourcePath(c)));
      }
      // Groups together (in the order they first appear in the class), then by id.
      List<String> groups = inClass.stream().map(ProbeSpec::group).distinct().toList();
      inClass.sort(Comparator.comparingInt((ProbeSpec p) -> groups.indexOf(p.group())).thenComparing(ProbeSpec::id));
      out.addAll(inClass);
    }
    for (ProbeSpec p : out) {
      if (!p.pair().isEmpty() && !ids.contains(p.pair())) {
        throw new IllegalStateException("probe " + p.id() + " pairs with unknown probe " + p.pair());
      }
    }
    return out;
  }

  private static String sourcePath(Class<?> c) {
    return c.getName().replace('.', '/') + ".java";
  }
}
