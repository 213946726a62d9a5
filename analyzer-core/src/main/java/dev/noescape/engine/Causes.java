package dev.noescape.engine;

import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import dev.noescape.summary.ParamTag;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The direct causes of escape, read from the statements once points-to sets are known. For each
 * object and category the first statement (lowest index, i.e. program order) is kept, which is
 * what reason chains print and what breaks ties between equally short chains.
 *
 * <ul>
 *   <li>{@code ret}: returned;
 *   <li>{@code esc}: thrown, stored into a static field, or passed to a call slot that escapes;
 *   <li>{@code content}: passed to a call slot whose content escapes (what it holds escapes);
 *   <li>{@code arg}: passed to a call slot that does not escape (ArgEscape).
 * </ul>
 */
final class Causes {
  static final int NONE = -1;

  final int[] retStmt;
  final int[] escStmt;
  /** Slot of a call cause, -1 for throw and static store. */
  final int[] escSlot;
  final int[] contentStmt;
  final int[] contentSlot;
  final int[] argStmt;
  final int[] argSlot;

  private Causes(int objects) {
    retStmt = filled(objects);
    escStmt = filled(objects);
    escSlot = filled(objects);
    contentStmt = filled(objects);
    contentSlot = filled(objects);
    argStmt = filled(objects);
    argSlot = filled(objects);
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, NONE);
    return a;
  }

  static Causes compute(ConnectionGraph g, List<Stmt> stmts, Calls.Resolved[] calls) {
    Causes c = new Causes(g.objectCount());
    for (int k = 0; k < stmts.size(); k++) {
      Stmt s = stmts.get(k);
      if (s instanceof Stmt.Return r) {
        mark(g, r.value(), c.retStmt, null, k, -1);
      } else if (s instanceof Stmt.Throw t) {
        mark(g, t.value(), c.escStmt, c.escSlot, k, -1);
      } else if (s instanceof Stmt.StaticStore st) {
        mark(g, st.value(), c.escStmt, c.escSlot, k, -1);
      } else if (s instanceof Stmt.Call call) {
        List<Var> args = call.args();
        for (int i = 0; i < args.size(); i++) {
          Var a = args.get(i);
          if (a == null) continue;
          ParamTag t = calls[k].tag(i);
          if (t.escapes()) mark(g, a, c.escStmt, c.escSlot, k, i);
          else mark(g, a, c.argStmt, c.argSlot, k, i);
          if (t.contentEscapes()) mark(g, a, c.contentStmt, c.contentSlot, k, i);
        }
      }
    }
    return c;
  }

  private static void mark(ConnectionGraph g, Var v, int[] stmtOf, int[] slotOf, int k, int slot) {
    if (v == null) return;
    BitSet p = g.pts(v.id());
    for (int o = p.nextSetBit(0); o >= 0; o = p.nextSetBit(o + 1)) {
      if (stmtOf[o] == NONE) {
        stmtOf[o] = k;
        if (slotOf != null) slotOf[o] = slot;
      }
    }
  }

  /** The earlier of the object's return and escape causes, or NONE. */
  int selfStmt(int o) {
    int r = retStmt[o], e = escStmt[o];
    if (r == NONE) return e;
    if (e == NONE) return r;
    return Math.min(r, e);
  }
}
