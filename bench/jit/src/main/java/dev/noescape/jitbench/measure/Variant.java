package dev.noescape.jitbench.measure;

import dev.noescape.jitbench.probe.ProbeSpec;
import java.util.List;
import java.util.Locale;

/** The three ways each probe is run: as is, and the two controls. */
public enum Variant {
  /** C2 with escape analysis, defaults otherwise: the measurement. */
  MAIN,
  /** {@code -XX:-DoEscapeAnalysis}: the allocation must show its full size, or the probe is invalid. */
  EA_OFF,
  /** The probe's relevant callee not inlined ({@code dontinline}): the object must reach the heap. */
  CALLEE_NOT_INLINED;

  /** {@code main}, {@code ea-off}, {@code callee-not-inlined}: the variant as reports name it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The JVM flags this variant adds for {@code probe}. */
  public List<String> flags(ProbeSpec probe) {
    return switch (this) {
      case MAIN -> List.of();
      case EA_OFF -> List.of("-XX:-DoEscapeAnalysis");
      case CALLEE_NOT_INLINED -> List.of("-XX:CompileCommand=dontinline," + probe.callee());
    };
  }

  /** Whether the variant applies to {@code probe} (the callee control needs a declared callee). */
  public boolean appliesTo(ProbeSpec probe) {
    return this != CALLEE_NOT_INLINED || !probe.callee().isEmpty();
  }
}
