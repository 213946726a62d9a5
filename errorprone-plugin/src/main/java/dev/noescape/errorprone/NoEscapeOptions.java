package dev.noescape.errorprone;

import com.google.errorprone.ErrorProneFlags;
import dev.noescape.ir.MethodIR;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The plugin's {@code -XepOpt:NoEscape:...} options, shared by all noescape checkers of a
 * compilation.
 *
 * <ul>
 *   <li>{@code -XepOpt:NoEscape:Verbosity=1|2}: 1 (default) prints the verdict and the first
 *       reason; 2 prints the full reason chain (Go's {@code -m=2}) and reports {@code ArgEscape}
 *       sites as information under {@code HeapEscape}.
 *   <li>{@code -XepOpt:NoEscape:ReportOutsideLoops=true|false} (default false): report boxing,
 *       varargs and capturing allocations everywhere, not only in loops and hot methods.
 *   <li>{@code -XepOpt:NoEscape:HotAnnotations=Name1,Name2}: extra annotation simple names that
 *       mark a method hot, besides {@code HotPath} and {@code NoAllocation}.
 *   <li>{@code -XepOpt:NoEscape:ContractAllowsNoEscape=true|false} (default false): the
 *       {@code AllocationContract} check allows allocations whose object provably does not escape
 *       (the JIT may scalar-replace them, but need not).
 *   <li>{@code -XepOpt:NoEscape:Profile=app.jfr,more.jfr} (paths relative to javac's working
 *       directory; a directory means its {@code *.jfr}): JDK Flight Recorder recordings of the
 *       compiled code at work; each warning then ends with what they measured for it
 *       ({@code (measured: 12.3 MB, 41.2 % of the sampled program bytes)}).
 * </ul>
 *
 * <p>A malformed value never fails the compilation: it falls back to the default and is listed in
 * {@link #problems()}, which the analysis prints in its one note per compilation unit.
 *
 * @param verbosity 1 or 2
 * @param reportOutsideLoops report allocation rules outside loops and hot methods too
 * @param hotAnnotations the configured extra hot annotation simple names (not including the
 *     built-in {@code HotPath}/{@code NoAllocation})
 * @param problems messages about option values that could not be used
 * @param contractAllowsNoEscape {@code AllocationContract} allows non-escaping allocations
 * @param profiles the recordings to rank findings by, as given (none: no ranking)
 */
public record NoEscapeOptions(int verbosity, boolean reportOutsideLoops, Set<String> hotAnnotations, List<String> problems,
    boolean contractAllowsNoEscape, List<String> profiles) {

  public static final String VERBOSITY = "NoEscape:Verbosity";
  public static final String REPORT_OUTSIDE_LOOPS = "NoEscape:ReportOutsideLoops";
  public static final String HOT_ANNOTATIONS = "NoEscape:HotAnnotations";
  public static final String CONTRACT_ALLOWS_NO_ESCAPE = "NoEscape:ContractAllowsNoEscape";
  public static final String PROFILE = "NoEscape:Profile";

  /** The annotations that always mark a method hot (matched by simple name, any package). */

  public NoEscapeOptions {
    hotAnnotations = Set.copyOf(hotAnnotations);
    problems = List.copyOf(problems);
    profiles = List.copyOf(profiles);
  }

  /** Options without recordings. */
  public NoEscapeOptions(int verbosity, boolean reportOutsideLoops, Set<String> hotAnnotations, List<String> problems,
      boolean contractAllowsNoEscape) {
    this(verbosity, reportOutsideLoops, hotAnnotations, problems, contractAllowsNoEscape, List.of());
  }

  public static NoEscapeOptions defaults() {
    return new NoEscapeOptions(1, false, Set.of(), List.of(), false);
  }

  /** Reads the options; never throws. */
  public static NoEscapeOptions fromFlags(ErrorProneFlags flags) {
    if (flags == null) return defaults();
    List<String> problems = new ArrayList<>();
    int verbosity = 1;
    String v = flagValue(flags, VERBOSITY, problems);
    if (v != null) {
      try {
        int parsed = Integer.parseInt(v.trim());
        if (parsed == 1 || parsed == 2) {
          verbosity = parsed;
        } else {
          problems.add("-XepOpt:" + VERBOSITY + "=" + v + " is not 1 or 2; using 1");
        }
      } catch (NumberFormatException e) {
        problems.add("-XepOpt:" + VERBOSITY + "=" + v + " is not 1 or 2; using 1");
      }
    }
    boolean outside = booleanFlag(flags, REPORT_OUTSIDE_LOOPS, problems);
    boolean allowNoEscape = booleanFlag(flags, CONTRACT_ALLOWS_NO_ESCAPE, problems);
    Set<String> hot = new LinkedHashSet<>();
    String h = flagValue(flags, HOT_ANNOTATIONS, problems);
    if (h != null) {
      for (String part : h.split(",")) {
        String name = part.trim();
        if (name.isEmpty()) continue;
        // Matched by simple name: accept a qualified name and keep its last segment.
        name = name.substring(name.lastIndexOf('.') + 1);
        if (name.startsWith("@")) name = name.substring(1);
        if (!name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0))) hot.add(name);
      }
    }
    List<String> profiles = new ArrayList<>();
    String p = flagValue(flags, PROFILE, problems);
    if (p != null) {
      for (String part : p.split(",")) if (!part.isBlank()) profiles.add(part.trim());
    }
    return new NoEscapeOptions(verbosity, outside, hot, problems, allowNoEscape, profiles);
  }

  /** Every simple name that marks a method hot: the built-in ones plus the configured ones. */
  public Set<String> allHotAnnotations() {
    Set<String> all = new LinkedHashSet<>(MethodIR.BUILTIN_HOT_ANNOTATIONS);
    all.addAll(hotAnnotations);
    return Set.copyOf(all);
  }

  /** A true/false flag, false when absent; {@code -XepOpt:Name} alone means true. */
  private static boolean booleanFlag(ErrorProneFlags flags, String name, List<String> problems) {
    String o = flagValue(flags, name, problems);
    if (o == null) return false;
    String t = o.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.isEmpty()) return true;
    if (!t.equals("false")) problems.add("-XepOpt:" + name + "=" + o + " is not true or false; using false");
    return false;
  }

  private static String flagValue(ErrorProneFlags flags, String name, List<String> problems) {
    try {
      return flags.get(name).orElse(null);
    } catch (RuntimeException e) {
      problems.add("could not read -XepOpt:" + name + ": " + e);
      return null;
    }
  }
}
