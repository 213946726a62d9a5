package dev.noescape.jitbench.measure;

import dev.noescape.jitbench.probe.ProbeSpec;
import java.util.List;

/** The three ways each probe is run: as is, and the two controls. */
public enum Variant {
  /** C2 with escape analysis, defaults otherwise: the measurement. */
  MAIN("main"),
  /** {@code -XX:-DoEscapeAnalysis}: the allocation must show its full size, or the probe is invalid. */
  EA_OFF("ea-off"),
  /** The probe's relevant callee not inlined ({@code dontinline}): the object must reach the heap. */
  CALLEE_NOT_INLINED("callee-not-inlined");

  private final String label;

  Variant(String label) {
    this.label = label;
  }

  public String label() {
    return label;
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
