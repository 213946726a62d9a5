package dev.noescape.errorprone.frontend;

import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCDoWhileLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCForLoop;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCWhileLoop;
import com.sun.tools.javac.tree.TreeInfo;

/**
 * Retry loops ({@link dev.noescape.ir.Loop#retry()}, docs/design.md "Retry loops"), the javac
 * counterpart of the bytecode front end's {@code bytecode.loop.RetryLoops}: a loop with no condition
 * of its own ({@code for (;;)} without an update, {@code while (true)}, {@code do … while (true)})
 * whose body ends in a test that leaves the loop, {@code if (ok) return v;} (or {@code break},
 * {@code throw}), or in an {@code if}/{@code else} each of whose arms leaves the loop or ends in
 * such a test. It goes round again only when that last test fails: a failed attempt.
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
    if (cond != null && !Boolean.TRUE.equals(constant(cond))) return false;
    return endsInExitTest(body);
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

  /** The statement always leaves the loop: {@code return}, {@code throw}, {@code break}, or a block ending in one. */
  private static boolean leaves(JCStatement s) {
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
    for (JCStatement st : b.stats) if (st.getTag() != com.sun.tools.javac.tree.JCTree.Tag.SKIP) last = st;
    return last;
  }
}
