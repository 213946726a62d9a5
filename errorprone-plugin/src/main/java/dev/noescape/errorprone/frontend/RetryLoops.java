package dev.noescape.errorprone.frontend;

import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCDoWhileLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCForLoop;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.JCTree.Tag;
import com.sun.tools.javac.tree.JCTree.JCWhileLoop;
import com.sun.tools.javac.tree.TreeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Retry loops ({@link dev.noescape.ir.Loop#retry()}, docs/design.md "Retry loops"), the javac
 * counterpart of the bytecode front end's {@code bytecode.loop.RetryLoops}: a loop with no condition
 * of its own ({@code for (;;)} without an update, {@code while (true)}, {@code do … while (true)})
 * whose body ends in a test that leaves the loop, {@code if (ok) return v;} (or {@code break},
 * {@code throw}), or in an {@code if}/{@code else} each of whose arms leaves the loop or ends in
 * such a test, one of which leaves on the attempt's success ({@link #onSuccess}: a boolean that holds,
 * a reference that is there). It goes round again only when that last test fails: a failed attempt.
 * {@code for (;;) { …; if (!more()) break; }} leaves when the input is exhausted and is a data loop.
 * {@code do { … } while (more())} has a condition and is not one; neither is a loop whose body ends
 * in work after its exit test ({@code while (true) { line = in.readLine(); if (line == null) break;
 * add(line); }}), which goes round on its normal path.
 */
final class RetryLoops {
  private RetryLoops() {}

  static boolean isRetry(JCStatement loop) {
    JCExpression cond;
    JCStatement body;
    if (loop instanceof JCForLoop f) {
      // an update runs between the body's end and the next attempt: work on the way round
      if (!f.step.isEmpty()) return false;
      cond = f.cond;
      body = f.body;
    } else if (loop instanceof JCWhileLoop w) {
      cond = w.cond;
      body = w.body;
    } else if (loop instanceof JCDoWhileLoop d) {
      cond = d.cond;
      body = d.body;
    } else {
      return false;
    }
    if (cond != null && !constantTrue(cond)) return false;
    return endsInExitTest(body) && leavesOnSuccess(body);
  }

  /** A condition javac folds to {@code true} ({@code while (true)}): the loop tests nothing. */
  static boolean constantTrue(JCExpression cond) {
    return Boolean.TRUE.equals(constant(cond));
  }

  private static Object constant(JCExpression e) {
    JCExpression s = TreeInfo.skipParens(e);
    return s.type == null ? null : s.type.constValue() instanceof Integer i ? Boolean.valueOf(i != 0) : null;
  }

  /** The statement ends in a test one of whose branches leaves the loop; the other falls through to the end. */
  private static boolean endsInExitTest(JCStatement s) {
    if (s instanceof JCBlock b) {
      JCStatement last = lastStatement(b);
      return last != null && endsInExitTest(last);
    }
    if (!(s instanceof JCIf i)) return false;
    boolean thenLeaves = leaves(i.thenpart);
    if (i.elsepart == null) return thenLeaves;
    boolean elseLeaves = leaves(i.elsepart);
    if (thenLeaves && elseLeaves) return false;
    return (thenLeaves || endsInExitTest(i.thenpart)) && (elseLeaves || endsInExitTest(i.elsepart));
  }

  /**
   * Of the exit tests {@link #endsInExitTest} found, one leaves when the attempt succeeded
   * ({@link #onSuccess}). The others may leave on another outcome of the same attempt
   * ({@code if (v != null) return v; else if (future == null) return null;}); a loop none of whose
   * final tests leaves on success leaves only when its input is exhausted.
   */
  private static boolean leavesOnSuccess(JCStatement s) {
    if (s instanceof JCBlock b) {
      JCStatement last = lastStatement(b);
      if (last == null) return false;
      if (leavesOnSuccess(last)) return true;
      // the exit tests right before the last one (if (a) return v; if (b) return null;): one chain
      List<JCStatement> stats = new ArrayList<>();
      for (JCStatement st : b.stats) if (st.getTag() != Tag.SKIP) stats.add(st);
      for (int k = stats.size() - 2; k >= 0; k--) {
        if (!(stats.get(k) instanceof JCIf i) || i.elsepart != null || !leaves(i.thenpart)) break;
        if (onSuccess(i.cond, true)) return true;
      }
      return false;
    }
    if (!(s instanceof JCIf i)) return false;
    boolean thenLeaves = leaves(i.thenpart);
    boolean elseLeaves = i.elsepart != null && leaves(i.elsepart);
    return (thenLeaves ? onSuccess(i.cond, true) : leavesOnSuccess(i.thenpart))
        || (i.elsepart != null && (elseLeaves ? onSuccess(i.cond, false) : leavesOnSuccess(i.elsepart)));
  }

  /**
   * Whether leaving the loop when {@code cond} is {@code when} means that an attempt succeeded: a
   * boolean holds ({@code if (cas(…)) break;}) or a reference is there ({@code if (v != null) return
   * v;}). Leaving when a boolean does not hold ({@code if (!more()) break;}, a {@code do … while
   * (more())} in disguise), when a reference is null ({@code if (next == null) break;}) or on a
   * comparison of numbers is leaving when the input is exhausted: a data loop. {@code a || b}
   * leaves on success when both do (the bytecode side sees the last of the tests).
   */
  private static boolean onSuccess(JCExpression cond, boolean when) {
    JCExpression c = TreeInfo.skipParens(cond);
    return switch (c.getTag()) {
      case NOT -> onSuccess(((JCUnary) c).arg, !when);
      case EQ, NE -> {
        JCBinary b = (JCBinary) c;
        boolean againstNull = TreeInfo.isNull(b.lhs) || TreeInfo.isNull(b.rhs);
        // v != null: there when true; v == null: there when false
        yield againstNull && when == (c.getTag() == Tag.NE);
      }
      case OR -> when && onSuccess(((JCBinary) c).lhs, true) && onSuccess(((JCBinary) c).rhs, true);
      case AND, LT, LE, GT, GE, CONDEXPR -> false;
      default -> when;
    };
  }

  /** The statement always leaves the loop: {@code return}, {@code throw}, {@code break}, or a block ending in one. */
  static boolean leaves(JCStatement s) {
    if (s instanceof JCBlock b) {
      JCStatement last = lastStatement(b);
      return last != null && leaves(last);
    }
    return switch (s.getTag()) {
      case RETURN, THROW, BREAK -> true;
      default -> false;
    };
  }

  private static JCStatement lastStatement(JCBlock b) {
    JCStatement last = null;
    for (JCStatement st : b.stats) if (st.getTag() != Tag.SKIP) last = st;
    return last;
  }
}
