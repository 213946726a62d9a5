package dev.noescape.summary;

import dev.noescape.ir.MethodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Summaries of methods outside the analyzed program: hand-checked JDK models, summaries shipped in
 * dependency jars. An empty answer means "unknown": the engine then uses
 * {@link MethodSummary#unknown(int)}.
 */
@FunctionalInterface
public interface SummaryProvider {
  Optional<MethodSummary> lookup(MethodRef method);

  SummaryProvider NONE = m -> Optional.empty();

  /**
   * Protocol methods ({@code Object#equals}, {@code CharSequence#length}): methods whose summary
   * here holds for every implementation, the program's and its unseen subclasses' included
   * (TRUST ASSUMPTION 1 of jdk.models). A call that may reach an override the analysis cannot see
   * holds that override to this summary instead of treating it as unknown.
   */
  default List<MethodRef> protocols() {
    return List.of();
  }

  /** This provider's answer, or {@code next}'s when this one has none; the protocols of both. */
  default SummaryProvider orElse(SummaryProvider next) {
    SummaryProvider first = this;
    List<MethodRef> both = new ArrayList<>(first.protocols());
    both.addAll(next.protocols());
    List<MethodRef> protocols = List.copyOf(both);
    return new SummaryProvider() {
      @Override
      public Optional<MethodSummary> lookup(MethodRef m) {
        Optional<MethodSummary> s = first.lookup(m);
        return s.isPresent() ? s : next.lookup(m);
      }

      @Override
      public List<MethodRef> protocols() {
        return protocols;
      }
    };
  }
}
