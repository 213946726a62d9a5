package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;

import dev.noescape.engine.MethodResult;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * The IR of a method that creates a collection and fills it, with knobs for every trap:
 *
 * <pre>
 *  10  List&lt;Order&gt; collect(List&lt;Order&gt; orders) {
 *  12    [for (Group g : groups) {]            outer loop when nested
 *  13      out = new ArrayList&lt;&gt;();            (or new HashMap&lt;&gt;(n))
 *          [out.add(first);] [Util.register(out);]
 *  14      for (Order o : orders) {           the filling loop (or a while loop without trip count)
 *  15        [out.get(o);] [if (...)] out.add(o) / out.put(o, o);
 *  16        [out.add(o);] [out.merge(...);] [Util.register(out);]
 *          }
 *        [}]
 *  17    [out.putAll(src);]
 *  18    return out;
 * </pre>
 */
final class FillScenario {
  String type = "java.util.ArrayList";
  /** When set, the site uses the one-int constructor with this argument. */
  SymbolicExpr sizedWith;
  boolean loop = true;
  LoopKind kind = LoopKind.FOREACH_ITERABLE;
  SymbolicExpr trip = SymbolicExpr.of("orders.size()");
  String noTripReason;
  boolean conditionalAdd;
  boolean continueBeforeAdd;
  boolean addBeforeLoop;
  boolean secondAddInLoop;
  boolean countingGet;
  String growingCallInLoop;
  /** The add on the first arm ({@code 1}) or on both arms ({@code 2}) of an if/else in the loop instead of unconditionally; 0: not. */
  int armsAdding;
  /** A no-argument call on the collection in the loop, after the add ({@code poll}, {@code size}). */
  String otherCallInLoop;
  /** The adding method for non-maps. */
  String addName = "add";
  boolean handedBeforeLoop;
  boolean handedInLoop;
  boolean handedAfterLoop;
  /** Allocated before an outer loop, filled in the inner one. */
  boolean nestedAllocOutside;
  /** Allocated inside the outer loop, right before the inner one that fills it. */
  boolean nestedAllocInside;
  boolean receiverAlsoPointsElsewhere;
  /** When set, a local of this name is assigned only after the allocation, before the loop ({@code fields = values()}). */
  String localAssignedAfterAlloc;
  /** When set, {@code out.putAll(src)} / {@code addAll} after the loop with this argument expression. */
  String bulkArg;
  String bulkName = "putAll";
  boolean noAdd;

  AllocSite site;
  MethodIR ir;

  FillScenario type(String t) {
    type = t;
    return this;
  }

  boolean isMap() {
    return type.endsWith("Map") || type.endsWith("Hashtable");
  }

  MethodResult build() {
    MethodIRBuilder b = Fx.method("collect");
    b.param("this", "com.acme.OrderBook", at(10));
    Var orders = b.param("orders", "java.util.List", at(10));
    Var out = b.local("out", type);
    Var other = b.local("other", type);
    AllocSite otherSite = null;
    if (receiverAlsoPointsElsewhere) otherSite = Fx.newDefault(b, other, type, 11);
    boolean nested = nestedAllocOutside || nestedAllocInside;
    if (nestedAllocInside) b.beginLoop(LoopKind.FOREACH_ITERABLE, at(12), SymbolicExpr.of("groups.size()"), null);
    site = sizedWith == null ? Fx.newDefault(b, out, type, 13) : Fx.newSized(b, out, type, sizedWith, 13);
    if (nestedAllocOutside) b.beginLoop(LoopKind.FOREACH_ITERABLE, at(12), SymbolicExpr.of("groups.size()"), null);
    if (localAssignedAfterAlloc != null) {
      b.call(b.local(localAssignedAfterAlloc, "java.lang.Object[]"),
          Fx.ref("com.acme.OrderBook", "values", "java.lang.Object[]", true), List.of(), at(13));
    }
    if (addBeforeLoop) add(b, out, orders, 13);
    if (handedBeforeLoop) register(b, out, 13);
    if (loop) {
      b.beginLoop(kind, at(14), trip, trip == null ? noTripReason : null);
      Var o = b.local("o", "com.acme.Order");
      b.load(o, orders, dev.noescape.ir.FieldRef.CONTENT, at(14));
      if (countingGet) Fx.call(b, out, type, "get", 15, o);
      if (continueBeforeAdd) b.jump(1);
      if (conditionalAdd) b.beginConditional();
      if (!noAdd && armsAdding == 0) add(b, out, o, 15);
      if (conditionalAdd) b.endConditional();
      if (armsAdding > 0) {
        int branch = b.beginBranch(2);
        for (int arm = 0; arm < 2; arm++) {
          b.beginConditional();
          b.beginArm(branch, arm);
          if (arm < armsAdding) add(b, out, o, 15 + arm);
          b.endArm();
          b.endConditional();
        }
      }
      if (secondAddInLoop) add(b, out, o, 16);
      if (growingCallInLoop != null) Fx.call(b, out, type, growingCallInLoop, 16, o, o);
      if (otherCallInLoop != null) Fx.call(b, out, type, otherCallInLoop, 16);
      if (handedInLoop) register(b, out, 16);
      b.endLoop();
    }
    if (nested) b.endLoop();
    if (bulkArg != null) {
      Var src = b.local("src", "java.util.Map");
      List<Var> args = new ArrayList<>();
      args.add(out);
      args.add(src);
      List<SymbolicExpr> exprs = new ArrayList<>();
      exprs.add(null);
      exprs.add(SymbolicExpr.of(bulkArg));
      b.call(null, Fx.ref(type, bulkName, "void", false, isMap() ? "java.util.Map" : "java.util.Collection"), args,
          exprs, false, List.of(), at(17));
    }
    if (handedAfterLoop) register(b, out, 17);
    b.ret(out, at(18));
    ir = b.build();
    Fx.Results r = Fx.Results.of(ir);
    if (receiverAlsoPointsElsewhere) r.pointsTo(out, otherSite);
    return r.build();
  }

  private void add(MethodIRBuilder b, Var out, Var elem, int line) {
    if (isMap()) Fx.call(b, out, type, addName.equals("add") ? "put" : addName, line, elem, elem);
    else Fx.call(b, out, type, addName, line, elem);
  }

  private static void register(MethodIRBuilder b, Var out, int line) {
    b.call(null, Fx.ref("com.acme.Util", "register", "void", true, "java.lang.Object"), List.of(out), at(line));
  }
}
