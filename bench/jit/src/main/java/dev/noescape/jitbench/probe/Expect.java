package dev.noescape.jitbench.probe;

import java.util.Locale;

/** What happens to an allocation site in C2-compiled code: the two verdicts a probe can have. */
public enum Expect {
  /** C2 removed the allocation: about 0 bytes of it per call. */
  SCALAR_REPLACED,
  /** The allocation stays: its full size per call (or part of it, see the measurement). */
  HEAP;

  /** {@code scalar-replaced} or {@code heap}: the words noescape's {@code runtime.prediction} uses. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The verdict named by {@code label} ({@code heap}, {@code scalar-replaced}); null for others. */
  public static Expect ofLabel(String label) {
    for (Expect e : values()) if (e.label().equals(label)) return e;
    return null;
  }
}
