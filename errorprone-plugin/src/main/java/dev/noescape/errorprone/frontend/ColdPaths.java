package dev.noescape.errorprone.frontend;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.JCTree.Tag;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import dev.noescape.models.LoggingGuards;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The javac side of the cold-path fact ({@link dev.noescape.ir.ColdPath}): which branch of an
 * {@code if} a logging level check guards, and which statements of a block only run on the way to
 * a {@code throw}. Catch blocks, assertions, throw operands and static initializers need no tree
 * reading and are marked where {@link BodyLowering} lowers them.
 */
final class ColdPaths {
  private ColdPaths() {}

  /** Which arm of {@code if (cond)} runs only when a logging level is enabled. */
  enum GuardedArm { NONE, THEN, ELSE }

  /**
   * {@code THEN} for {@code if (log.isDebugEnabled())} or a conjunction with such a check
   * ({@code if (x != null && log.isDebugEnabled())}); {@code ELSE} for {@code if
   * (!log.isDebugEnabled())}; else {@code NONE}.
   */
  static GuardedArm guardedArm(JCExpression cond) {
    JCExpression c = TreeInfo.skipParens(cond);
    if (c instanceof JCUnary u && u.getTag() == Tag.NOT) {
      return isGuardCall(TreeInfo.skipParens(u.arg)) ? GuardedArm.ELSE : GuardedArm.NONE;
    }
    return conjunctionHasGuard(c) ? GuardedArm.THEN : GuardedArm.NONE;
  }

  private static boolean conjunctionHasGuard(JCExpression e) {
    JCExpression c = TreeInfo.skipParens(e);
    if (c instanceof JCBinary b && b.getTag() == Tag.AND) return conjunctionHasGuard(b.lhs) || conjunctionHasGuard(b.rhs);
    return isGuardCall(c);
  }

  private static boolean isGuardCall(JCExpression e) {
    if (!(e instanceof JCMethodInvocation inv)) return false;
    Symbol s = TreeInfo.symbol(inv.meth);
    return s instanceof MethodSymbol m && m.owner instanceof ClassSymbol owner
        && LoggingGuards.isGuard(owner.flatname.toString(), m.name.toString());
  }

  /**
   * For {@code if (x == null) x = e;} (also {@code null == x}, and a block holding only the
   * assignment): the symbol of {@code x}, a local or a field named by itself or {@code this.x};
   * else null. Whether the assignment runs once per call depends on where {@code x} lives and on
   * the loop around it, which the caller knows ({@link #setsNull}).
   */
  static Symbol lazilyInitialized(JCTree.JCIf i) {
    if (i.elsepart != null || !(TreeInfo.skipParens(i.cond) instanceof JCBinary b) || b.getTag() != Tag.EQ) return null;
    JCExpression tested = isNull(b.rhs) ? b.lhs : isNull(b.lhs) ? b.rhs : null;
    Symbol x = tested == null ? null : variable(tested);
    JCTree arm = i.thenpart;
    if (arm instanceof JCTree.JCBlock block && block.stats.size() == 1) arm = block.stats.head;
    if (x == null || !(arm instanceof JCTree.JCExpressionStatement es) || !(es.expr instanceof JCTree.JCAssign a)) return null;
    return variable(a.lhs) == x ? x : null;
  }

  /** Whether {@code loop} assigns {@code null} to {@code x} anywhere (outside lambda and class bodies). */
  static boolean setsNull(JCTree loop, Symbol x) {
    boolean[] found = {false};
    new TreeScanner() {
      @Override
      public void scan(JCTree t) {
        if (t == null || found[0] || t.getTag() == Tag.LAMBDA || t.getTag() == Tag.CLASSDEF) return;
        if (t instanceof JCTree.JCAssign a && isNull(a.rhs) && variable(a.lhs) == x) found[0] = true;
        else super.scan(t);
      }
    }.scan(loop);
    return found[0];
  }

  static boolean isNull(JCExpression e) {
    return TreeInfo.skipParens(e).getTag() == Tag.LITERAL && TreeInfo.skipParens(e).type != null
        && TreeInfo.skipParens(e).type.getTag() == com.sun.tools.javac.code.TypeTag.BOT;
  }

  /** The variable {@code e} names: {@code x}, or {@code this.x}; else null. */
  private static Symbol variable(JCExpression e) {
    JCExpression v = TreeInfo.skipParens(e);
    if (v instanceof JCTree.JCIdent id) return id.sym instanceof Symbol.VarSymbol ? id.sym : null;
    if (v instanceof JCTree.JCFieldAccess fa && TreeInfo.name(fa.selected).contentEquals("this")) {
      return fa.sym instanceof Symbol.VarSymbol ? fa.sym : null;
    }
    return null;
  }

  /**
   * The index of the first statement of {@code stats} from which the block always ends in its last
   * statement, a {@code throw}: every statement from there on either completes normally into the
   * next one or throws, none contains a {@code return}, {@code break}, {@code continue} or
   * {@code yield} (outside lambda and class bodies) that could leave the block another way. A loop
   * ends the tail too: the bytecode front end sees "every path ends in a throw" without following
   * cycles, so a loop that only builds an error message stays a loop in both. The block's length
   * when its last statement is no {@code throw}.
   */
  static int throwingTail(List<? extends JCStatement> stats) {
    int n = stats.size();
    return n == 0 || !(stats.get(n - 1) instanceof JCTree.JCThrow) ? n : tail(stats);
  }

  private static int tail(List<? extends JCStatement> stats) {
    int k = stats.size() - 1;
    while (k > 0 && !mayLeave(stats.get(k - 1))) k--;
    return k;
  }

  /** The call of a statement that is one call ({@code fail(...);}, {@code return fail(...);}), else null. */
  static JCMethodInvocation callOf(JCStatement s) {
    JCExpression e = s instanceof JCTree.JCExpressionStatement es ? es.expr
        : s instanceof JCTree.JCReturn r ? r.expr : null;
    return e != null && TreeInfo.skipParens(e) instanceof JCMethodInvocation inv ? inv : null;
  }

  /** Statements that may leave a block other than by its closing throw, or repeat: jumps and loops. */
  private static final Set<Tag> LEAVING = EnumSet.of(Tag.RETURN, Tag.BREAK, Tag.CONTINUE, Tag.YIELD, Tag.FORLOOP,
      Tag.FOREACHLOOP, Tag.WHILELOOP, Tag.DOLOOP);

  static boolean mayLeave(JCStatement s) {
    boolean[] found = {false};
    new TreeScanner() {
      @Override
      public void scan(JCTree t) {
        if (t == null || found[0]) return;
        if (LEAVING.contains(t.getTag())) {
          found[0] = true;
        } else if (t.getTag() != Tag.LAMBDA && t.getTag() != Tag.CLASSDEF) { // bodies that run elsewhere
          super.scan(t);
        }
      }
    }.scan(s);
    return found[0];
  }
}
