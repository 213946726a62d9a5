package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.noescape.ir.MethodIR;
import dev.noescape.rules.AllocationContractRule;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The {@code AllocationContract} rule as an Error Prone check. */
@BugPattern(
    name = "AllocationContract",
    summary = "A method annotated @NoAllocation allocates on the heap",
    explanation =
        """
        A method annotated `@NoAllocation` (any annotation with that simple name, including \
        `com.google.errorprone.annotations.NoAllocation` and `dev.noescape.annotations.NoAllocation`) \
        must not allocate on the heap. Every allocation counts: `new` and arrays, boxing that \
        allocates (not `Boolean`, `Byte` or a constant inside the `valueOf` caches), implicit \
        varargs arrays, capturing lambdas, bound method references, anonymous classes, string \
        concatenation, the iterator of an enhanced `for` over an `Iterable`, and calls to methods \
        that may allocate. Methods of the same javac run (this file, and other files compiled \
        with it) need no annotation: their bodies are checked the same way, transitively, and the \
        error follows the path down to the allocating line, Clang-style:

            @NoAllocation method Engine.onTick calls Book.add (line 41) → Book.add boxes int to Integer (line 88)

        Other callees are judged by their summaries (the JDK models): `calls ArrayList.add (may \
        allocate)`, or `(unknown: no summary)` when there is none, and `(unknown: may be \
        overridden outside the analyzed code)` for a virtual call to a method of this unit that \
        another unit could override (make it `final`, `private` or `static`).

        Allowed: anything inside the operand of a `throw` statement (`throw new \
        IllegalStateException("bad " + x)` is the failure path), in the method and its callees; \
        non-capturing lambdas and unbound method references (constants). The body of a lambda \
        created in the method is not checked where it is written: it runs when it is invoked. \
        With `-XepOpt:NoEscape:ContractAllowsNoEscape=true`, allocations whose object provably \
        does not escape are allowed too (the JIT may remove them, but need not: off by default).

        An override of a `@NoAllocation` method inherits the contract and is reported itself.

        Waiving the contract: `@SuppressWarnings("AllocationContract")` on the method (or its \
        class), with the reason in `@NoAllocation(reason = "...")`. A suppression without a \
        reason is reported as a warning at the method.

        Before:

            @NoAllocation
            long total(List<Order> orders) {
              long t = 0;
              for (Order o : orders) t += o.qty();   // the enhanced for creates an Iterator
              return t;
            }

        After:

            @NoAllocation
            long total(Order[] orders, int n) {
              long t = 0;
              for (int i = 0; i < n; i++) t += orders[i].qty();
              return t;
            }
        """,
    severity = ERROR,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class AllocationContractChecker extends NoEscapeChecker {
  private static final long serialVersionUID = 1L;

  /** The methods already told their waiver lacks a reason: once per method, not per finding. */
  private final transient Set<Tree> toldWithoutReason = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * A waived contract must say why: when the {@code @NoAllocation} of the method holding the
   * silenced finding has no {@code reason}, that is reported once, at the method, as a warning
   * (the waiver stands: the build is not failed for it).
   */
  @Override
  void onSuppressed(JavacAnalysis.Report r, VisitorState state) {
    MethodTree method = null;
    for (TreePath p = r.path(); p != null && method == null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m) method = m;
    }
    if (method == null || reason(method) != null) return;
    synchronized (toldWithoutReason) {
      if (!toldWithoutReason.add(method)) return;
    }
    state.reportMatch(buildDescription(method)
        .setMessage(AllocationContractRule.waiverWithoutReason(displayName(method)))
        .overrideSeverity(SeverityLevel.WARNING)
        .build());
  }

  /** {@code Engine.onTick}, as the findings name methods. */
  private static String displayName(MethodTree method) {
    var sym = ASTHelpers.getSymbol(method);
    return sym == null ? method.getName().toString() : sym.owner.getSimpleName() + "." + sym.name;
  }

  /**
   * The non-blank {@code reason} of the method's {@code @NoAllocation} annotation (any package), or
   * null. Read from the tree, so a {@code SOURCE}-retention annotation works too.
   */
  static String reason(MethodTree method) {
    for (AnnotationTree a : method.getModifiers().getAnnotations()) {
      String type = a.getAnnotationType().toString();
      if (!type.substring(type.lastIndexOf('.') + 1).equals(MethodIR.NO_ALLOCATION)) continue;
      for (ExpressionTree arg : a.getArguments()) {
        if (arg instanceof AssignmentTree as && as.getVariable().toString().equals("reason")) {
          String v = ASTHelpers.constValue(as.getExpression(), String.class);
          if (v != null && !v.isBlank()) return v.strip();
        }
      }
    }
    return null;
  }
}
