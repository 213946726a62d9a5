package dev.noescape.bytecode;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Stmt;
import java.util.Set;

/**
 * The classes a lowered method refers to: callees, allocated types, field owners (not the
 * overriders of its virtual calls: an implementation nothing reaches cannot be the receiver). They decide which class-path classes are lowered for summaries (those the input reaches).
 */
final class References {
  private References() {}

  static void of(MethodIR m, Set<String> out) {
    for (Stmt s : m.stmts()) {
      if (s instanceof Stmt.Call c) {
        out.add(c.callee().owner());
      } else if (s instanceof Stmt.Alloc a) {
        String t = a.site().type();
        int b = t.indexOf('[');
        out.add(b >= 0 ? t.substring(0, b) : t);
        if (a.site().details() instanceof dev.noescape.ir.AllocSite.Capture cap) {
          for (String k : cap.bodies()) out.add(k.substring(0, k.indexOf('#')));
        }
      } else if (s instanceof Stmt.Load l) {
        out.add(l.field().owner());
      } else if (s instanceof Stmt.Store st) {
        out.add(st.field().owner());
      } else if (s instanceof Stmt.StaticLoad sl) {
        out.add(sl.field().owner());
      } else if (s instanceof Stmt.StaticStore ss) {
        out.add(ss.field().owner());
      }
    }
  }
}
