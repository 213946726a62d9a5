package dev.noescape.summary.export;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.SummaryProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The summaries shipped by the entries of one class path, as a {@link SummaryProvider}.
 *
 * <p>A class listed by several entries is answered by the first, as the class loader would load
 * it from there. Problems (an unknown format version, a corrupt resource) are passed to the
 * {@code notes} sink once per resource, and the resource is then ignored: a bad dependency never
 * stops an analysis or a compilation.
 */
public final class ClassPathSummaries implements SummaryProvider {
  private final List<SummaryIndex> indexes;
  private final Map<String, SummaryIndex> byClass;
  private final Consumer<String> notes;
  private final Set<SummaryIndex> broken = ConcurrentHashMap.newKeySet();
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  private ClassPathSummaries(List<SummaryIndex> indexes, Consumer<String> notes) {
    this.indexes = List.copyOf(indexes);
    this.notes = notes;
    Map<String, SummaryIndex> m = new HashMap<>();
    for (SummaryIndex ix : indexes) for (String c : ix.classes()) m.putIfAbsent(c, ix);
    this.byClass = m;
  }

  /** Reads (through the JVM-wide cache of {@link SummaryReader#cached}) every entry's summaries. */
  public static ClassPathSummaries load(Collection<Path> entries, Consumer<String> notes) {
    List<SummaryIndex> found = new ArrayList<>();
    for (Path p : entries) {
      SummaryReader.Entry e = SummaryReader.cached(p);
      e.problem().ifPresent(notes);
      e.index().ifPresent(found::add);
    }
    return new ClassPathSummaries(found, notes);
  }

  /** Over indexes already opened (tests, and callers that read resources themselves). */
  public static ClassPathSummaries of(List<SummaryIndex> indexes, Consumer<String> notes) {
    return new ClassPathSummaries(indexes, notes);
  }

  @Override
  public Optional<MethodSummary> lookup(MethodRef method) {
    SummaryIndex ix = byClass.get(method.owner());
    if (ix == null || broken.contains(ix)) return Optional.empty();
    try {
      Optional<MethodSummary> s = ix.lookup(method);
      if (s.isPresent()) used.add(method.key());
      return s;
    } catch (SummaryFormatException e) {
      if (broken.add(ix)) notes.accept(e.getMessage() + "; its summaries are ignored");
      return Optional.empty();
    }
  }

  /** Whether some entry ships summaries for {@code owner}. */
  public boolean covers(String owner) {
    SummaryIndex ix = byClass.get(owner);
    return ix != null && !broken.contains(ix);
  }

  /** The resources found, in class path order. */
  public List<SummaryIndex> indexes() {
    return indexes;
  }

  /** Classes with shipped summaries. */
  public Set<String> classes() {
    return Collections.unmodifiableSet(byClass.keySet());
  }

  /** How many distinct methods were answered from a resource so far. */
  public int usedCount() {
    return used.size();
  }

  public boolean isEmpty() {
    return indexes.isEmpty();
  }
}
