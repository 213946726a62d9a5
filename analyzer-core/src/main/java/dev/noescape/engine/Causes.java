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
 * what reason chains print and what breaks ties between equally short chains; for {@code esc}, the
 * first definite one when there is one (a call nothing resolved only assumes the escape).
 *
 * <ul>
 *   <li>{@code ret}: returned;
 *   <li>{@code esc}: thrown, stored into a static field, or passed to a call slot that escapes;
 *   <li>{@code content}: passed to a call slot whose content escapes (what it holds escapes),
 *       except a functional site that the slot only invokes and drops, whose bodies keep their
 *       captures to themselves ({@link Calls.Resolver#invocable}): for it the call is ArgEscape;
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

  /**
   * @param invocable functional sites whose captures stay put when a call invokes them ({@link Calls.Resolver#invocable})
   * @param publishing functional sites one of whose bodies lets the object itself escape when invoked
   *     ({@link Calls.Resolver#publishes}): a call that invokes them makes them escape
   */
  static Causes compute(ConnectionGraph g, List<Stmt> stmts, Calls.Resolved[] calls, BitSet invocable,
      BitSet publishing) {
    Causes c = new Causes(g.objectCount());
    for (int k = 0; k < stmts.size(); k++) {
      Stmt s = stmts.get(k);
      if (s instanceof Stmt.Return r) {
        mark(g, r.value(), c.retStmt, null, k, -1);
      } else if (s instanceof Stmt.Throw t) {
        c.markDefinite(g, t.value(), k, -1);
      } else if (s instanceof Stmt.StaticStore st) {
        c.markDefinite(g, st.value(), k, -1);
      } else if (s instanceof Stmt.Call call) {
        List<Var> args = call.args();
        for (int i = 0; i < args.size(); i++) {
          Var a = args.get(i);
          if (a == null) continue;
          ParamTag t = calls[k].tag(i);
          if (t.escapes() && calls[k].unknown()) c.markAssumed(g, a, k, i);
          else if (t.escapes()) c.markDefinite(g, a, k, i);
          else mark(g, a, c.argStmt, c.argSlot, k, i);
          if (t.contentEscapes()) {
            // "Invoked, not kept" (cesc without esc): an invocable site's content stays put.
            mark(g, a, c.contentStmt, c.contentSlot, k, i, t.escapes() ? null : invocable);
            // ... and a site whose body publishes itself escapes with it.
            if (!t.escapes() && !publishing.isEmpty()) markOnly(g, a, c.escStmt, c.escSlot, k, i, publishing);
          }
        }
      }
    }
    return c;
  }

  /**
   * Objects whose {@link #escStmt} is only an assumption: a call nothing resolved. A later definite
   * cause (a static, a throw, a resolved callee that keeps the object) replaces it, so that reasons
   * name the definite one.
   */
  private final BitSet assumedEsc = new BitSet();

  private void markAssumed(ConnectionGraph g, Var v, int k, int slot) {
    BitSet p = g.pts(v.id());
    for (int o = p.nextSetBit(0); o >= 0; o = p.nextSetBit(o + 1)) {
      if (escStmt[o] != NONE) continue;
      escStmt[o] = k;
      escSlot[o] = slot;
      assumedEsc.set(o);
    }
  }

  private void markDefinite(ConnectionGraph g, Var v, int k, int slot) {
    if (v == null) return;
    BitSet p = g.pts(v.id());
    for (int o = p.nextSetBit(0); o >= 0; o = p.nextSetBit(o + 1)) {
      if (escStmt[o] != NONE && !assumedEsc.get(o)) continue;
      escStmt[o] = k;
      escSlot[o] = slot;
      assumedEsc.clear(o);
    }
  }

  private static void mark(ConnectionGraph g, Var v, int[] stmtOf, int[] slotOf, int k, int slot) {
    mark(g, v, stmtOf, slotOf, k, slot, null);
  }

  private static void markOnly(ConnectionGraph g, Var v, int[] stmtOf, int[] slotOf, int k, int slot, BitSet only) {
    if (v == null) return;
    BitSet p = (BitSet) g.pts(v.id()).clone();
    p.and(only);
    for (int o = p.nextSetBit(0); o >= 0; o = p.nextSetBit(o + 1)) {
      if (stmtOf[o] == NONE) {
        stmtOf[o] = k;
        slotOf[o] = slot;
      }
    }
  }

  private static void mark(ConnectionGraph g, Var v, int[] stmtOf, int[] slotOf, int k, int slot, BitSet skip) {
    if (v == null) return;
    BitSet p = g.pts(v.id());
    for (int o = p.nextSetBit(0); o >= 0; o = p.nextSetBit(o + 1)) {
      if (skip != null && skip.get(o)) continue;
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
