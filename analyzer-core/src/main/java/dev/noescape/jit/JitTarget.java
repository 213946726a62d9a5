package dev.noescape.jit;

import java.util.List;

/**
 * The C2 the model predicts for: a JDK release, its default flags, and the methods a
 * {@code -XX:CompileCommand=dontinline,Class::method} keeps from being inlined.
 *
 * @param jdk the feature release (17, 21, 25); the default is the release the code is compiled for
 * @param dontInline {@code Class::method} patterns as {@code CompileCommand} takes them
 *     ({@code com.acme.Log::*}, {@code *::debug}); binary class names
 */
public record JitTarget(int jdk, List<String> dontInline) {
  /** EliminateAllocationArraySizeLimit: the longest array C2 scalar-replaces. */
  public static final int ARRAY_SIZE_LIMIT = 64;
  /** EliminateAllocationFieldsLimit: the most instance fields of a class C2 scalar-replaces. */
  public static final int FIELDS_LIMIT = 512;
  /** MultiArrayExpandLimit: a multianewarray is expanded into plain allocations only up to this many. */
  public static final int MULTI_ARRAY_EXPAND_LIMIT = 6;
  /** FreqInlineSize: the largest callee (bytecode bytes) inlined at a hot call site. */
  public static final int FREQ_INLINE_SIZE = 325;
  /** MaxInlineSize: the largest callee inlined at a call site that is not hot. */
  public static final int MAX_INLINE_SIZE = 35;
  /** MaxTrivialSize: callees this small (accessors) are inlined at any depth. */
  public static final int MAX_TRIVIAL_SIZE = 6;
  /** The deepest nested call whose callee is still inlined (MaxInlineLevel 15, measured: the 17th level is refused). */
  public static final int MAX_INLINE_DEPTH = 16;

  public JitTarget {
    dontInline = List.copyOf(dontInline);
  }

  /** The release a class file of this major version is compiled for (61 → 17). */
  public static int releaseOfClassFile(int major) {
    return major - 44;
  }

  /**
   * Whether C2 reduces allocation merges (ReduceAllocationMerges, on from JDK 23): an object
   * merged with others or null at an if/else is still scalar-replaced when only field loads use
   * the merge and it is not alive across a call. The same release stops the JDK's own growth-path
   * merges (a StringBuilder's byte[], an ArrayList's elementData) and an object stored into a
   * constant index of a small array from forcing the heap (measured on 25, not on 17).
   */
  public boolean reducesAllocationMerges() {
    return jdk >= 23;
  }

  /**
   * Whether C2 judges a call site's heat by its frequency relative to the caller (JDK-8272873 and
   * JDK-8273712, JDK 18: InlineFrequencyRatio 0.25, MinInlineFrequencyRatio), rather than by
   * absolute counts (JDK 17: InlineFrequencyCount 100, which a hot caller reaches at any site).
   * The model then treats a conditional call site as cold: a callee above MaxInlineSize is not
   * inlined there.
   */
  public boolean conditionalSitesAreCold() {
    return jdk >= 18;
  }

  /** Whether {@code CompileCommand=dontinline} names the method. */
  public boolean dontInline(String owner, String name) {
    for (String p : dontInline) {
      int sep = p.indexOf("::");
      if (sep < 0) continue;
      if (matches(p.substring(0, sep), owner) && matches(p.substring(sep + 2), name)) return true;
    }
    return false;
  }

  private static boolean matches(String pattern, String s) {
    if (pattern.equals("*")) return true;
    if (pattern.endsWith("*")) return s.startsWith(pattern.substring(0, pattern.length() - 1));
    if (pattern.startsWith("*")) return s.endsWith(pattern.substring(1));
    return pattern.equals(s);
  }
}
