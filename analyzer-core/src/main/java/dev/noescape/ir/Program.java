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
 */
public record Program(List<MethodIR> methods, TypeHierarchy hierarchy) {
  public Program {
    methods = List.copyOf(methods);
    if (hierarchy == null) hierarchy = TypeHierarchy.UNKNOWN;
  }

  /** Methods whose front end says nothing about the class hierarchy. */
  public Program(List<MethodIR> methods) {
    this(methods, TypeHierarchy.UNKNOWN);
  }

  /** The same hierarchy with other methods. */
  public Program withMethods(List<MethodIR> other) {
    return new Program(other, hierarchy);
  }

  /** Methods by {@link MethodRef#key()}, in program order. */
  public Map<String, MethodIR> byKey() {
    Map<String, MethodIR> m = new LinkedHashMap<>();
    for (MethodIR ir : methods) m.put(ir.ref().key(), ir);
    return m;
  }
}
