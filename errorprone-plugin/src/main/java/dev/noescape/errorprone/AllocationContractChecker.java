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
import dev.noescape.catalog.AllocationContractDoc;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The {@code AllocationContract} rule as an Error Prone check; its texts come from {@link AllocationContractDoc}. */
@BugPattern(
    name = AllocationContractDoc.ID,
    summary = AllocationContractDoc.SUMMARY,
    explanation = AllocationContractDoc.EXPLANATION,
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
