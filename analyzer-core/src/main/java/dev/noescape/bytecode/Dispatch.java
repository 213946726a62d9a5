package dev.noescape.bytecode;

import dev.noescape.bytecode.hierarchy.Hierarchy;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Stmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Virtual calls against the closed world of the run: once every reached class is lowered, each
 * virtual call gets the implementations the lowered classes declare ({@code overrides}), and a call
 * to a JDK (or unknown) method is closed when the program implements it: the JDK model describes the
 * JDK's own implementations, the program's are analyzed, so nothing is left unseen. Without program
 * implementations it stays open (library models only). Calls to methods of program classes keep the
 * javac front end's rule (open unless private, final, or of a final class: a subclass may live
 * outside the analyzed jars).
 */
final class Dispatch {
  private Dispatch() {}

  static List<MethodIR> resolve(List<MethodIR> methods, List<List<Stmt.Call>> virtualCalls, Hierarchy h,
      Set<String> lowered) {
    List<MethodIR> out = new ArrayList<>(methods.size());
    // One list per callee, shared by its call sites: a much-implemented interface method is called
    // from thousands of places.
    Map<MethodRef, List<MethodRef>> overridesOf = new java.util.HashMap<>();
    for (int i = 0; i < methods.size(); i++) {
      MethodIR m = methods.get(i);
      List<Stmt.Call> calls = i < virtualCalls.size() ? virtualCalls.get(i) : List.of();
      if (calls.isEmpty()) {
        out.add(m);
        continue;
      }
      Map<Stmt, Stmt> replace = new IdentityHashMap<>();
      for (Stmt.Call c : calls) {
        MethodRef callee = c.callee();
        List<MethodRef> overrides = overridesOf.computeIfAbsent(callee, k -> {
          List<MethodRef> found = new ArrayList<>();
          for (String o : h.overriders(k.owner(), k.name(), k.paramTypes())) {
            if (lowered.contains(o)) found.add(new MethodRef(o, k.name(), k.paramTypes(), k.returnType(), false));
          }
          return List.copyOf(found);
        });
        boolean open = h.inProgram(callee.owner()) ? c.dispatchOpen() : overrides.isEmpty();
        if (overrides.isEmpty() && open == c.dispatchOpen()) continue;
        replace.put(c, c.withDispatch(open, overrides));
      }
      if (replace.isEmpty()) {
        out.add(m);
        continue;
      }
      List<Stmt> stmts = new ArrayList<>(m.stmts().size());
      for (Stmt s : m.stmts()) stmts.add(replace.getOrDefault(s, s));
      out.add(m.withStmts(stmts));
    }
    return out;
  }
}
