package dev.noescape.profile;

import dev.noescape.engine.EscapeState;
import dev.noescape.ir.Reason;
import java.util.List;
import java.util.Optional;

/** Why a sampled allocation of the program is on the heap, as far as the analysis can tell. */
public sealed interface Verdict {

  /** Whether the allocation is explained: by the engine's verdict on a site, or by the call that made it. */
  boolean explained();

  /**
   * An allocation site of the program: the engine's escape state and the reasons for it; for a site
   * that does not escape, what a model of the JIT predicts, when there is one.
   */
  record Site(EscapeState state, List<Reason> chain, Optional<RuntimePrediction> runtime) implements Verdict {
    public Site {
      chain = List.copyOf(chain);
    }

    @Override
    public boolean explained() {
      return true;
    }
  }

  /**
   * Allocated inside code outside the program (the JDK, a library) that the program called at this
   * line: {@code callee} is that call ({@code String.format}); the object is the callee's business,
   * the line is where the program asked for it.
   */
  record InsideCallee(String callee, boolean jdk) implements Verdict {
    @Override
    public boolean explained() {
      return true;
    }
  }

  /** A place in the program the analysis has no site or call for; {@code why} says what is missing. */
  record Unmatched(String why) implements Verdict {
    @Override
    public boolean explained() {
      return false;
    }
  }
}
