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
import com.sun.tools.javac.code.TypeTag;
import dev.noescape.ir.OnceBranches;
import dev.noescape.models.LoggingGuards;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The javac side of the cold-path fact ({@link dev.noescape.ir.ColdPath}): which branch of an
 * {@code if} a logging level check guards, which statements of a block only run on the way to
 * a {@code throw}, and which statements of an {@code if}'s arm run once because the arm turns its
 * own guard off (a once-branch). Catch blocks, assertions, throw operands and static initializers need no tree
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

  /** A once-branch's guard ({@link OnceBranches}): the variable it tests and the sentinel. */
  record OnceGuard(Symbol x, OnceBranches.Sentinel sentinel) {}

  /**
   * The once-branch guards of the arm that runs when {@code cond} is true ({@code whenFalse}: of the
   * {@code else} arm): {@code !x} and {@code x == false} on a boolean ({@link
   * OnceBranches.Sentinel#FALSE}), {@code x} and {@code x == true} ({@link
   * OnceBranches.Sentinel#TRUE}), {@code x == null} on a reference, {@code x == c} on a primitive
   * number or char and a constant {@code c} (either way round), itself or as an operand of {@code
   * &&}, since the arm runs only when each operand holds; for the {@code else} arm the negations
   * ({@code !x} the flag tested true, {@code x} tested false, {@code x != null}, {@code x != c},
   * operands of {@code ||}). {@code x} is a local or a field named by itself or {@code this.x}.
   * Whether {@code x} outlives the loops, and may be a field, is the caller's to say; what the loop
   * and the arm store into it is {@link #keepsOff} and {@link #onceStatements}.
   */
  static List<OnceGuard> onceGuards(JCExpression cond, boolean whenFalse) {
    List<OnceGuard> out = new java.util.ArrayList<>();
    onceGuards(cond, whenFalse, out);
    return out;
  }

  private static void onceGuards(JCExpression e, boolean whenFalse, List<OnceGuard> out) {
    JCExpression c = TreeInfo.skipParens(e);
    if (c instanceof JCBinary b && b.getTag() == (whenFalse ? Tag.OR : Tag.AND)) {
      onceGuards(b.lhs, whenFalse, out);
      onceGuards(b.rhs, whenFalse, out);
    } else if (c instanceof JCUnary u && u.getTag() == Tag.NOT) {
      onceGuards(u.arg, !whenFalse, out);
    } else if (c instanceof JCBinary b && b.getTag() == (whenFalse ? Tag.NE : Tag.EQ)) {
      OnceGuard g = sentinelTest(b.lhs, b.rhs);
      if (g == null) g = sentinelTest(b.rhs, b.lhs);
      if (g != null) out.add(g);
    } else if (variable(c) instanceof Symbol x && x.type.hasTag(TypeTag.BOOLEAN)) {
      // the arm where x is false (else arm of `if (x)`), or where it is true (then arm)
      out.add(new OnceGuard(x, whenFalse ? OnceBranches.Sentinel.FALSE : OnceBranches.Sentinel.TRUE));
    }
  }

  /** {@code v == k} as a once-branch guard, or null. */
  private static OnceGuard sentinelTest(JCExpression v, JCExpression k) {
    Symbol x = variable(v);
    if (x == null) return null;
    if (isNull(k)) return x.type.isPrimitive() ? null : new OnceGuard(x, OnceBranches.Sentinel.NULL);
    Object c = constant(k);
    if (c == null || !x.type.isPrimitive()) return null;
    if (x.type.hasTag(TypeTag.BOOLEAN)) { // javac keeps a boolean constant as the int 1 or 0
      return new OnceGuard(x, isTrue(c) ? OnceBranches.Sentinel.TRUE : OnceBranches.Sentinel.FALSE);
    }
    return new OnceGuard(x, OnceBranches.Sentinel.NUMBER);
  }

  private static Object constant(JCExpression e) {
    JCExpression k = TreeInfo.skipParens(e);
    return k.type == null ? null : k.type.constValue();
  }

  /** What the assignment {@code x = rhs} stores ({@link OnceBranches.Stored}). */
  private static OnceBranches.Stored stored(JCExpression rhs) {
    if (isNull(rhs)) return OnceBranches.Stored.NULL;
    Object c = constant(rhs);
    if (c == null) return OnceBranches.Stored.COMPUTED;
    if (!rhs.type.hasTag(TypeTag.BOOLEAN)) return OnceBranches.Stored.CONSTANT;
    return isTrue(c) ? OnceBranches.Stored.TRUE : OnceBranches.Stored.FALSE;
  }

  /** Whether a boolean constant is {@code true}: javac keeps it as the int 1 or 0. */
  private static boolean isTrue(Object booleanConstant) {
    return Integer.valueOf(1).equals(booleanConstant) || Boolean.TRUE.equals(booleanConstant);
  }

  /**
   * What a tree stores into {@code x} when it is a store into it: an assignment, a compound
   * assignment or an increment or decrement (both {@link OnceBranches.Stored#COMPUTED}); else null.
   */
  private static OnceBranches.Stored storeInto(JCTree t, Symbol x) {
    if (t instanceof JCTree.JCAssign a) return variable(a.lhs) == x ? stored(a.rhs) : null;
    if (t instanceof JCTree.JCAssignOp a) return variable(a.lhs) == x ? OnceBranches.Stored.COMPUTED : null;
    if (t instanceof JCUnary u && INCREMENTS.contains(u.getTag())) {
      return variable(u.arg) == x ? OnceBranches.Stored.COMPUTED : null;
    }
    return null;
  }

  private static final Set<Tag> INCREMENTS = EnumSet.of(Tag.PREINC, Tag.PREDEC, Tag.POSTINC, Tag.POSTDEC);

  /**
   * Whether every store into {@code g.x()} in {@code loop} (outside lambda and class bodies) keeps
   * the guard off ({@link OnceBranches#keepsOff}), {@code arm} being the statements of the guarded
   * arm.
   */
  static boolean keepsOff(JCTree loop, List<? extends JCStatement> arm, OnceGuard g) {
    boolean[] ok = {true};
    new TreeScanner() {
      boolean inArm;

      @Override
      public void scan(JCTree t) {
        if (t == null || !ok[0] || t.getTag() == Tag.LAMBDA || t.getTag() == Tag.CLASSDEF) return;
        OnceBranches.Stored v = storeInto(t, g.x());
        if (v != null && !OnceBranches.keepsOff(g.sentinel(), v, inArm)) {
          ok[0] = false;
          return;
        }
        boolean outer = inArm;
        inArm |= arm.contains(t);
        super.scan(t);
        inArm = outer;
      }
    }.scan(loop);
    return ok[0];
  }

  /**
   * The statements of {@code arm} (its statements in order) that run at most once per call when
   * the guard {@code g} is a once-branch's: in the arm and in every block nested in it through
   * blocks and the arms of {@code if}s (not loops, which repeat, nor {@code switch}, {@code try} or
   * labeled statements), a statement storing into {@code x} what turns the guard off ({@link OnceBranches#turnsOff}) at the
   * block's top level makes the block cold from there to its end, and back from there to just after
   * the last statement before it that may jump out of it ({@link #mayJumpOut}): what runs before
   * the store on every path. {@code after} holds the statements that follow the {@code if} in its
   * block (empty when there are none to look at): when one of them stores what turns the guard off
   * ({@link OnceBranches#turnsOffAfter}) and none before it may jump out, that store ends the arm
   * as if it were its last statement. The bytecode front end says the same with dominators
   * ({@code ColdRegions.onceBranch}). Empty when nothing stores so.
   */
  static Set<JCStatement> onceStatements(List<? extends JCStatement> arm, List<? extends JCStatement> after, OnceGuard g) {
    Set<JCStatement> out = new java.util.HashSet<>();
    if (clearedAfter(after, g)) out.addAll(arm.subList(lastJumpOut(arm, arm.size()), arm.size()));
    onceStatements(arm, g, out);
    return out;
  }

  /** Whether a statement of {@code after} turns the guard off after the arm, and every path from the arm reaches it. */
  private static boolean clearedAfter(List<? extends JCStatement> after, OnceGuard g) {
    for (JCStatement s : after) {
      OnceBranches.Stored v = s instanceof JCTree.JCExpressionStatement es ? storeInto(es.expr, g.x()) : null;
      if (v != null && OnceBranches.turnsOffAfter(g.sentinel(), v)) return true;
      if (mayJumpOut(s)) return false;
    }
    return false;
  }

  /** Just after the last statement of {@code stats} before index {@code k} that may jump out of the block ({@link #mayJumpOut}); 0 when none does. */
  private static int lastJumpOut(List<? extends JCStatement> stats, int k) {
    int from = k;
    while (from > 0 && !mayJumpOut(stats.get(from - 1))) from--;
    return from;
  }

  private static void onceStatements(List<? extends JCStatement> stats, OnceGuard g, Set<JCStatement> out) {
    for (int k = 0; k < stats.size(); k++) {
      if (!turnsOff(stats.get(k), g)) continue;
      out.addAll(stats.subList(lastJumpOut(stats, k), stats.size()));
      break;
    }
    for (JCStatement st : stats) {
      if (st instanceof JCTree.JCBlock block) {
        onceStatements(block.stats, g, out);
      } else if (st instanceof JCTree.JCIf i) {
        onceStatements(List.of(i.thenpart), g, out);
        if (i.elsepart != null) onceStatements(List.of(i.elsepart), g, out);
      }
    }
  }

  /** The statements of an arm: those of its block, or itself. */
  static List<? extends JCStatement> statements(JCStatement arm) {
    return arm instanceof JCTree.JCBlock block ? block.stats : List.of(arm);
  }

  private static boolean turnsOff(JCStatement s, OnceGuard g) {
    OnceBranches.Stored v = s instanceof JCTree.JCExpressionStatement es ? storeInto(es.expr, g.x()) : null;
    return v != null && OnceBranches.turnsOff(g.sentinel(), v);
  }

  /**
   * Whether {@code s} may complete by jumping past what follows it: a {@code return}, or a
   * {@code break} or {@code continue} whose target is outside {@code s} (outside lambda and class
   * bodies). A {@code throw} is no normal path.
   */
  static boolean mayJumpOut(JCStatement s) {
    boolean[] found = {false};
    Set<JCTree> inside = new java.util.HashSet<>();
    new TreeScanner() {
      @Override
      public void scan(JCTree t) {
        if (t == null || found[0] || t.getTag() == Tag.LAMBDA || t.getTag() == Tag.CLASSDEF) return;
        inside.add(t);
        if (t instanceof JCTree.JCReturn
            || t instanceof JCTree.JCBreak b && !inside.contains(b.target)
            || t instanceof JCTree.JCContinue c && !inside.contains(c.target)) {
          found[0] = true;
        } else {
          super.scan(t);
        }
      }
    }.scan(s);
    return found[0];
  }

  static boolean isNull(JCExpression e) {
    return TreeInfo.skipParens(e).getTag() == Tag.LITERAL && TreeInfo.skipParens(e).type != null
        && TreeInfo.skipParens(e).type.getTag() == TypeTag.BOT;
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

  /**
   * Whether {@code s} may leave its block other than by going on to the next statement: a
   * {@code return}, or a {@code break}, {@code continue} or {@code yield} whose target is outside
   * {@code s}. A loop does not by itself: it goes on to the next statement when it ends, so code
   * from which every path ends in the block's closing {@code throw} includes a loop that only exits
   * there ({@code for (…) { … } throw e;}), as the bytecode front end counts a loop by its exits
   * ({@code LoopForest.exitSuccessors}). A loop that never ends (no exit) would make the closing
   * {@code throw} unreachable, which javac rejects.
   */
  static boolean mayLeave(JCStatement s) {
    boolean[] found = {false};
    java.util.Set<JCTree> inside = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    new TreeScanner() {
      @Override
      public void scan(JCTree t) {
        if (t == null || found[0]) return;
        inside.add(t);
        JCTree target = t instanceof JCTree.JCBreak b ? b.target : t instanceof JCTree.JCContinue c ? c.target
            : t instanceof JCTree.JCYield y ? y.target : null;
        if (t.getTag() == Tag.RETURN || (target == null ? JUMPS.contains(t.getTag()) : !inside.contains(target))) {
          found[0] = true;
        } else if (t.getTag() != Tag.LAMBDA && t.getTag() != Tag.CLASSDEF) { // bodies that run elsewhere
          super.scan(t);
        }
      }
    }.scan(s);
    return found[0];
  }

  /** The jumps whose target decides whether they leave ({@link #mayLeave}); one without a known target does. */
  private static final Set<Tag> JUMPS = EnumSet.of(Tag.BREAK, Tag.CONTINUE, Tag.YIELD);
}
