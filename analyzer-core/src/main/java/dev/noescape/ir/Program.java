package dev.noescape.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods one run analyzes together: a compilation unit (javac front end) or a set of class
 * files (bytecode front end). Calls between them use computed summaries; calls out of it use
 * models or the conservative default.
 */
public record Program(List<MethodIR> methods) {
  public Program {
    methods = List.copyOf(methods);
  }

  /** Methods by {@link MethodRef#key()}, in program order. */
  public Map<String, MethodIR> byKey() {
    Map<String, MethodIR> m = new LinkedHashMap<>();
    for (MethodIR ir : methods) m.put(ir.ref().key(), ir);
    return m;
  }
}
