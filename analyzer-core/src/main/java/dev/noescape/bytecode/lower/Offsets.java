package dev.noescape.bytecode.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sootup.core.jimple.common.expr.AbstractInvokeExpr;
import sootup.core.jimple.common.expr.JDynamicInvokeExpr;
import sootup.core.jimple.common.expr.JNewArrayExpr;
import sootup.core.jimple.common.expr.JNewExpr;
import sootup.core.jimple.common.expr.JNewMultiArrayExpr;
import sootup.core.jimple.common.stmt.JAssignStmt;
import sootup.core.jimple.common.stmt.JInvokeStmt;
import sootup.core.jimple.common.stmt.Stmt;
import sootup.core.signatures.MethodSignature;
import sootup.core.types.Type;

/**
 * The bytecode offsets (bci) of a method's allocating and calling instructions, given to the Jimple
 * statements they became. SootUp 3.0.1 keeps only the line of a statement, but the JVM names places
 * by bci (a JFR stack frame, a compilation log), and one line may hold several allocations of a kind.
 *
 * <p>Both sides describe an instruction by a key, {@code new java.util.ArrayList},
 * {@code array int[]}, {@code invoke java.lang.Integer#valueOf(int)},
 * {@code dynamic makeConcatWithConstants(java.lang.String,int)}: the class file's instructions
 * ({@link Insn}, read with ASM by the bytecode front end) and the Jimple statements. Both lists are
 * in bytecode order, so within one line the n-th statement of a key is the n-th instruction of that
 * key. Where the counts differ (SootUp dropped unreachable code, or a line was not recorded) the
 * statements of that line and key get no offset rather than a wrong one.
 */
public final class Offsets {
  private Offsets() {}

  /** One instruction of the class file: its offset, the line it belongs to (0: none) and its key. */
  public record Insn(int bci, int line, String key) {}

  /** {@code new T}: the {@code new} instruction of class {@code type} (binary name). */
  public static String newKey(String type) {
    return "new " + type;
  }

  /** {@code newarray}, {@code anewarray} or {@code multianewarray} of {@code arrayType} ({@code int[][]}). */
  public static String arrayKey(String arrayType) {
    return "array " + arrayType;
  }

  /** A call instruction (any {@code invoke*} but {@code invokedynamic}) of {@code owner#name(params)}. */
  public static String invokeKey(String owner, String name, List<String> params) {
    return "invoke " + owner + "#" + name + "(" + String.join(",", params) + ")";
  }

  /** An {@code invokedynamic} with this name and parameter types. */
  public static String dynamicKey(String name, List<String> params) {
    return "dynamic " + name + "(" + String.join(",", params) + ")";
  }

  /**
   * The offset of each statement ({@code -1}: none): the statements that allocate or call, matched
   * to {@code insns} line by line and key by key as the class documentation says.
   */
  public static int[] assign(List<Stmt> stmts, List<Insn> insns) {
    int[] bci = new int[stmts.size()];
    java.util.Arrays.fill(bci, -1);
    if (insns.isEmpty()) return bci;
    Map<String, List<Integer>> statements = new HashMap<>();
    for (int i = 0; i < stmts.size(); i++) {
      String key = key(stmts.get(i));
      int line = stmts.get(i).getPositionInfo().getStmtPosition().getFirstLine();
      if (key != null && line > 0) statements.computeIfAbsent(line + " " + key, k -> new ArrayList<>()).add(i);
    }
    Map<String, List<Integer>> offsets = new HashMap<>();
    for (Insn in : insns) {
      if (in.line() > 0) offsets.computeIfAbsent(in.line() + " " + in.key(), k -> new ArrayList<>()).add(in.bci());
    }
    statements.forEach((k, idx) -> {
      List<Integer> at = offsets.get(k);
      if (at == null || at.size() != idx.size()) return;
      for (int n = 0; n < idx.size(); n++) bci[idx.get(n)] = at.get(n);
    });
    return bci;
  }

  /** The key of the instruction a statement stands for, or null when it neither allocates nor calls. */
  static String key(Stmt s) {
    AbstractInvokeExpr ie = null;
    if (s instanceof JInvokeStmt is) {
      ie = is.getInvokeExpr().orElse(null);
    } else if (s instanceof JAssignStmt a) {
      var right = a.getRightOp();
      if (right instanceof JNewExpr ne) return newKey(ne.getType().getFullyQualifiedName());
      if (right instanceof JNewArrayExpr na) return arrayKey(MethodLowering.typeName(na.getType()));
      if (right instanceof JNewMultiArrayExpr nm) return arrayKey(MethodLowering.typeName(nm.getType()));
      if (right instanceof AbstractInvokeExpr e) ie = e;
    }
    if (ie == null) return null;
    MethodSignature sig = ie.getMethodSignature();
    List<String> params = new ArrayList<>();
    for (Type t : sig.getParameterTypes()) params.add(MethodLowering.typeName(t));
    if (ie instanceof JDynamicInvokeExpr) return dynamicKey(sig.getName(), params);
    return invokeKey(sig.getDeclClassType().getFullyQualifiedName(), sig.getName(), params);
  }
}
