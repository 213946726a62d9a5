package dev.noescape.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the value of a variable comes from, through copies (and casts, which the IR writes as
 * copies), flow-insensitively: the parameters it may hold and the other statements that define it
 * or a variable it is copied from. Asked by the rules (is the collection a box goes into the
 * caller's?) and by the C2 model (is the receiver's class exact, an allocation of the method?).
 *
 * @param params the parameters reached, in the order met
 * @param definitions the statements other than copies that define a variable reached
 * @param complete false when a variable reached that is no parameter has no definition in the
 *     method (nothing is known of it)
 */
public record Origins(List<Var> params, List<Stmt> definitions, boolean complete) {
  /** The origins of {@code v} in {@code m}. */
  public static Origins of(MethodIR m, Var v) {
    Set<Var> params = new LinkedHashSet<>();
    List<Stmt> definitions = new ArrayList<>();
    boolean complete = true;
    Set<Var> seen = new HashSet<>();
    ArrayDeque<Var> work = new ArrayDeque<>(List.of(v));
    while (!work.isEmpty()) {
      Var x = work.poll();
      if (!seen.add(x)) continue;
      if (x.isParam()) {
        params.add(x);
        continue;
      }
      boolean defined = false;
      for (Stmt st : m.stmts()) {
        if (!x.equals(st.definedVar())) continue;
        defined = true;
        if (st instanceof Stmt.Copy c) work.add(c.source());
        else definitions.add(st);
      }
      complete &= defined;
    }
    return new Origins(List.copyOf(params), List.copyOf(definitions), complete);
  }
}
