package dev.noescape.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods one run analyzes together: a compilation unit (javac front end) or a set of class
 * files (bytecode front end). Calls between them use computed summaries; calls out of it use
 * models or the conservative default.
 *
 * @param hierarchy what the front end knows of the classes the methods' calls name (virtual calls
 *     are resolved against it)
 * @param partialClasses binary names of classes some of whose code the front end could not lower
 *     (a body over a budget or that failed, an unreadable class), or that the run left out: their
 *     calls are missing from {@link #methods}, so nothing in their nest or package may be taken to
 *     have all its callers in view ({@link Visibility})
 * @param wholePackages whether the program holds every class of the packages it has classes of, so
 *     that a package-private method's callers are all in {@link #methods} (the bytecode front end,
 *     which reads whole jars; not the javac plugin, which sees one compilation unit)
 */
public record Program(List<MethodIR> methods, TypeHierarchy hierarchy, java.util.Set<String> partialClasses,
    boolean wholePackages) {
  public Program {
    methods = List.copyOf(methods);
    if (hierarchy == null) hierarchy = TypeHierarchy.UNKNOWN;
    partialClasses = partialClasses == null ? java.util.Set.of() : java.util.Set.copyOf(partialClasses);
  }

  /** Every class of the methods whole, its packages not. */
  public Program(List<MethodIR> methods, TypeHierarchy hierarchy) {
    this(methods, hierarchy, java.util.Set.of(), false);
  }

  /** Methods whose front end says nothing about the class hierarchy. */
  public Program(List<MethodIR> methods) {
    this(methods, TypeHierarchy.UNKNOWN);
  }

  /**
   * The same hierarchy with other methods; the classes of methods of this program that {@code other}
   * leaves out become partial (their calls are gone).
   */
  public Program withMethods(List<MethodIR> other) {
    java.util.Set<String> partial = new java.util.HashSet<>(partialClasses);
    java.util.Set<MethodIR> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    kept.addAll(other);
    for (MethodIR m : methods) if (!kept.contains(m)) partial.add(m.ref().owner());
    return new Program(other, hierarchy, partial, wholePackages);
  }

  /** Other methods of the same classes ({@link FieldRanges#apply}): nothing becomes partial. */
  public Program withSameClasses(List<MethodIR> other) {
    return new Program(other, hierarchy, partialClasses, wholePackages);
  }

  /** The same methods, with more classes partial. */
  public Program withPartialClasses(java.util.Collection<String> more) {
    java.util.Set<String> partial = new java.util.HashSet<>(partialClasses);
    partial.addAll(more);
    return new Program(methods, hierarchy, partial, wholePackages);
  }

  /** Methods by {@link MethodRef#key()}, in program order. */
  public Map<String, MethodIR> byKey() {
    Map<String, MethodIR> m = new LinkedHashMap<>();
    for (MethodIR ir : methods) m.put(ir.ref().key(), ir);
    return m;
  }
}
