package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Source;
import com.sun.tools.javac.model.JavacElements;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;
import dev.noescape.rules.ProjectLibraries;
import dev.noescape.rules.RuleContext;
import java.util.List;

/**
 * What the rules need to know of a compilation ({@link RuleContext}): the release the code targets
 * and which libraries advice may name (Guava, primitive collections), read from javac; the rest from the plugin's options.
 */
final class CompilationFacts {
  private CompilationFacts() {}

  /** The rule context of this compilation; never throws (javac's facts fall back to the running JDK, no Guava). */
  static RuleContext ruleContext(VisitorState state, NoEscapeOptions options) {
    try {
      ProjectLibraries libraries = libraries(state);
      return new RuleContext(targetRelease(state.context), libraries.guava(), options.reportOutsideLoops(),
          options.verbosity(), options.hotAnnotations(), options.contractAllowsNoEscape(), options.expectedEscapes())
          .withPrimitiveCollections(libraries.primitiveCollections())
          .withJit(options.jitJdk(), List.of(), options.demoteJitWarnings());
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      return new RuleContext(Runtime.version().feature(), false, options.reportOutsideLoops(), options.verbosity(),
          options.hotAnnotations(), options.contractAllowsNoEscape(), options.expectedEscapes())
          .withJit(options.jitJdk(), List.of(), options.demoteJitWarnings());
    }
  }

  /** The libraries of this compilation's class path, looked up once per compilation (its {@link Context}). */
  private static final Context.Key<ProjectLibraries> LIBRARIES = new Context.Key<>();

  /**
   * Which libraries advice may name: the class path does not change during a compilation, and
   * looking up the six absent classes for every unit (each a miss searched on the class path) was
   * a measurable part of the plugin's own CPU on commons-lang3.
   */
  static ProjectLibraries libraries(VisitorState state) {
    ProjectLibraries known = state.context.get(LIBRARIES);
    if (known != null) return known;
    ProjectLibraries found = ProjectLibraries.lookUp(name -> onClasspath(state, name));
    state.context.put(LIBRARIES, found);
    return found;
  }

  /**
   * The Java release the code is compiled for: {@code --release N}, else the lower of
   * {@code -source} and {@code -target} (code compiled with {@code -source 17} may run on a Java 17
   * runtime even when javac itself is newer).
   */
  static int targetRelease(Context context) {
    Options opts = Options.instance(context);
    Integer release = parseRelease(opts.get("--release"));
    if (release != null) return release;
    int best = Integer.MAX_VALUE;
    try {
      Integer s = parseRelease(Source.instance(context).name);
      if (s != null) best = Math.min(best, s);
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
    }
    for (String option : new String[] {"-source", "--source", "-target", "--target"}) {
      Integer v = parseRelease(opts.get(option));
      if (v != null) best = Math.min(best, v);
    }
    return best == Integer.MAX_VALUE ? Runtime.version().feature() : best;
  }

  /** {@code "17"} → 17, {@code "1.8"} → 8; null when not a release number. */
  static Integer parseRelease(String value) {
    if (value == null) return null;
    String v = value.trim();
    if (v.startsWith("1.")) v = v.substring(2);
    try {
      int n = Integer.parseInt(v);
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Whether class {@code name} can be used by the code being compiled: already known to this
   * compilation (referenced, or a source being compiled), or loadable from its class path (not the
   * processor path, where Error Prone's own Guava is). {@code getTypeFromString} alone only sees
   * classes javac has already entered, so a class path that merely contains the class needs the
   * {@code Elements} lookup, which loads the class if it exists.
   */
  static boolean onClasspath(VisitorState state, String name) {
    try {
      if (state.getTypeFromString(name) != null) return true;
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
    }
    try {
      return JavacElements.instance(state.context).getTypeElement(name) != null;
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      return false;
    }
  }
}
