package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Replacements;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Kinds.KindSelector;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import dev.noescape.finding.Fix;
import dev.noescape.finding.FixText;
import dev.noescape.rewrite.StringBuilderRewrite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Turns a rule's {@link Fix} (data) into an Error Prone {@link SuggestedFix} (edits) at the tree of
 * the finding, so that IDEs offer it and {@code -XepPatchChecks} applies it.
 *
 * <p>Every transform checks the shape it rewrites and returns {@link Optional#empty()} when the
 * code does not have exactly that shape: a finding without a fix is better than a fix that does not
 * compile or changes behaviour.
 */
final class FixBuilder {
  private FixBuilder() {}

  /** The edits for {@code fix} at {@code path} (the finding's tree); {@code state} is positioned there. */
  static Optional<SuggestedFix> build(Fix fix, TreePath path, VisitorState state) {
    return switch (fix) {
      case Fix.AddCapacity a -> addCapacity(a, path, state);
      case Fix.UseFactory f -> useFactory(f, path, state);
      case Fix.ReplaceCapacity r -> replaceCapacity(r, path, state);
      case Fix.UseStringBuilder s -> useStringBuilder(s, path, state);
    };
  }

  // ---- AddCapacity ----

  /**
   * {@code new ArrayList<>()} → {@code new ArrayList<>(orders.size())}: inserts the size expression
   * into the empty argument list of the constructor call, right after its {@code (}. Nothing else
   * changes (type arguments, comments, an anonymous body).
   */
  static Optional<SuggestedFix> addCapacity(Fix.AddCapacity fix, TreePath path, VisitorState state) {
    NewClassTree nc = newClass(path);
    if (nc == null || !nc.getArguments().isEmpty() || fix.size() == null) return Optional.empty();
    if (!inScope(fix.size().text(), state)) return Optional.empty();
    int identEnd = state.getEndPosition(nc.getIdentifier());
    if (identEnd < 0) return Optional.empty();
    int open = FixText.nextCodeChar(state.getSourceCode(), identEnd, state.getEndPosition(nc));
    if (open < 0 || state.getSourceCode().charAt(open) != '(') return Optional.empty();
    return Optional.of(
        SuggestedFix.builder()
            .replace(open + 1, open + 1, fix.size().text())
            .setCoalescePolicy(Replacements.CoalescePolicy.KEEP_ONLY_IDENTICAL_INSERTS)
            .setShortDescription(fix.description())
            .build());
  }

  // ---- UseFactory ----

  /**
   * {@code new HashMap<>(n)} → {@code HashMap.newHashMap(n)}: replaces the whole constructor call
   * by a call of the sizing factory. Explicit type arguments move to the call
   * ({@code new HashMap<K, V>(n)} → {@code HashMap.<K, V>newHashMap(n)}); the diamond is dropped
   * (the factory infers from the target type just as the diamond did). When the factory is declared
   * by the constructed class itself (the {@code java.util} factories) its name is written as the
   * source wrote the class ({@code HashMap} or {@code java.util.HashMap}); another class (Guava's
   * {@code Maps}/{@code Sets}) is imported when its simple name is free, else written fully
   * qualified. Anonymous subclasses ({@code new HashMap<>(n) {...}}) are left alone.
   */
  static Optional<SuggestedFix> useFactory(Fix.UseFactory fix, TreePath path, VisitorState state) {
    NewClassTree nc = newClass(path);
    if (nc == null || nc.getClassBody() != null || nc.getEnclosingExpression() != null || fix.size() == null) {
      return Optional.empty();
    }
    if (!inScope(fix.size().text(), state)) return Optional.empty();
    Tree ident = nc.getIdentifier();
    Tree rawIdent = ident;
    String typeArgs = "";
    if (ident instanceof ParameterizedTypeTree ptt) {
      rawIdent = ptt.getType();
      if (!ptt.getTypeArguments().isEmpty()) {
        List<String> args = new ArrayList<>();
        for (Tree a : ptt.getTypeArguments()) {
          String src = state.getSourceForNode(a);
          if (src == null) return Optional.empty();
          args.add(src);
        }
        typeArgs = "<" + String.join(", ", args) + ">";
      }
    }
    SuggestedFix.Builder b = SuggestedFix.builder().setShortDescription(fix.description());
    Symbol constructed = ASTHelpers.getSymbol(rawIdent);
    String qualifier;
    if (constructed instanceof Symbol.ClassSymbol cs && cs.getQualifiedName().contentEquals(fix.factoryClass())) {
      qualifier = state.getSourceForNode(rawIdent);
      if (qualifier == null) return Optional.empty();
    } else {
      qualifier = SuggestedFixes.qualifyType(state, b, fix.factoryClass());
    }
    b.replace(nc, qualifier + "." + typeArgs + fix.factoryMethod() + "(" + fix.size().text() + ")");
    return Optional.of(b.build());
  }

  // ---- ReplaceCapacity ----

  /**
   * {@code new HashMap<>(n)} → {@code new HashMap<>((int) Math.ceil(n / 0.75))}: replaces the
   * capacity argument (the first one) by the expression the rule computed.
   */
  static Optional<SuggestedFix> replaceCapacity(Fix.ReplaceCapacity fix, TreePath path, VisitorState state) {
    NewClassTree nc = newClass(path);
    if (nc == null || nc.getArguments().isEmpty() || fix.newArgument() == null) return Optional.empty();
    if (!inScope(fix.newArgument(), state)) return Optional.empty();
    return Optional.of(
        SuggestedFix.builder()
            .replace(nc.getArguments().get(0), fix.newArgument())
            .setShortDescription(fix.description())
            .build());
  }

  // ---- UseStringBuilder ----

  /**
   * The builder rewrite of a String accumulated in a loop ({@link StringBuilderRewrite}, which
   * decides whether it applies and writes it): this reads the javac tree around the site into its
   * {@link StringBuilderRewrite.Shape} and turns the edits into a {@link SuggestedFix}.
   */
  static Optional<SuggestedFix> useStringBuilder(Fix.UseStringBuilder fix, TreePath path, VisitorState state) {
    SuggestedFix.Builder b = SuggestedFix.builder()
        .setShortDescription(fix.description())
        .setCoalescePolicy(Replacements.CoalescePolicy.KEEP_ONLY_IDENTICAL_INSERTS);
    // the type names as the file may write them (an import they need goes into the same fix)
    String sbType = SuggestedFixes.qualifyType(state, b, "java.lang.StringBuilder");
    String stringType = SuggestedFixes.qualifyType(state, b, "java.lang.String");
    StringBuilderRewrite.Shape shape = stringBuilderShape(fix, path, state, sbType, stringType);
    Optional<List<StringBuilderRewrite.Edit>> edits =
        shape == null ? Optional.empty() : StringBuilderRewrite.edits(shape, state.getSourceCode());
    if (edits.isEmpty()) return Optional.empty();
    for (StringBuilderRewrite.Edit e : edits.get()) b.replace(e.start(), e.end(), e.replacement());
    return Optional.of(b.build());
  }

  /**
   * The shape around the site: the accumulating assignment that contains it, the local String it
   * assigns, the block declaring that local and the statement of the block holding the site, and
   * every use of the local there. Null when the site is not an assignment to a String local.
   */
  private static StringBuilderRewrite.Shape stringBuilderShape(Fix.UseStringBuilder fix, TreePath path, VisitorState state,
      String sbType, String stringType) {
    ExpressionTree accumulation = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof CompoundAssignmentTree || t instanceof AssignmentTree) {
        accumulation = (ExpressionTree) t;
        break;
      }
      if (t instanceof StatementTree || t instanceof MethodTree || t instanceof ClassTree
          || t instanceof LambdaExpressionTree) {
        break;
      }
    }
    if (accumulation == null) return null;
    ExpressionTree target = accumulation instanceof CompoundAssignmentTree c ? c.getVariable()
        : ((AssignmentTree) accumulation).getVariable();
    if (!(target instanceof IdentifierTree id) || !id.getName().contentEquals(fix.variable())) return null;
    Symbol sym = ASTHelpers.getSymbol(target);
    if (!(sym instanceof Symbol.VarSymbol var) || var.getKind() != ElementKind.LOCAL_VARIABLE) return null;
    if (!isString(var.type, state)) return null;

    // The block that declares the variable and the statement of that block that contains the site;
    // a local can only be accumulated into within its own method or lambda body.
    BlockTree block = null;
    StatementTree holder = null;
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      Tree parent = p.getParentPath().getLeaf();
      if (parent instanceof ClassTree || parent instanceof MethodTree || parent instanceof LambdaExpressionTree) break;
      if (parent instanceof BlockTree bt && declares(bt, var) >= 0) {
        block = bt;
        holder = (StatementTree) p.getLeaf();
        break;
      }
    }
    if (block == null) return null;
    List<? extends StatementTree> stmts = block.getStatements();
    int declIndex = declares(block, var);
    int holderIndex = indexOf(stmts, holder);
    if (holderIndex <= declIndex) return null;
    VariableTree decl = (VariableTree) stmts.get(declIndex);
    ExpressionTree init = decl.getInitializer();
    int declStart = ASTHelpers.getStartPosition(decl);
    // int a, b; is two VariableTrees that share their start: rewriting one would break the other
    boolean declaresOthers = false;
    for (int i = 0; i < stmts.size(); i++) {
      if (i != declIndex && ASTHelpers.getStartPosition(stmts.get(i)) == declStart) declaresOthers = true;
    }
    boolean usedBefore = false;
    for (int i = declIndex + 1; i < holderIndex; i++) usedBefore |= uses(stmts.get(i), var);
    List<StringBuilderRewrite.Accumulation> accumulations = new ArrayList<>();
    boolean otherUses = collectAccumulations(holder, var, state, accumulations);
    return new StringBuilderRewrite.Shape(fix.variable(), new StringBuilderRewrite.Span(declStart, state.getEndPosition(decl)),
        declaresOthers, init == null ? null : span(init, state), init != null && init.getKind() == Tree.Kind.NULL_LITERAL,
        init instanceof LiteralTree lit && "".equals(lit.getValue()), usedBefore, span(holder, state), accumulations,
        otherUses, namesIn(path), sbType, stringType);
  }

  private static StringBuilderRewrite.Span span(Tree t, VisitorState state) {
    return new StringBuilderRewrite.Span(ASTHelpers.getStartPosition(t), state.getEndPosition(t));
  }

  /**
   * Collects the accumulation statements on {@code var} inside {@code holder} into {@code out};
   * returns whether {@code var} is used there in any other way (the appended operands included).
   */
  private static boolean collectAccumulations(Tree holder, Symbol.VarSymbol var, VisitorState state,
      List<StringBuilderRewrite.Accumulation> out) {
    UseScanner otherUses = new UseScanner(var) {
      @Override
      public Void visitExpressionStatement(ExpressionStatementTree node, Void unused) {
        StringBuilderRewrite.Accumulation a = accumulation(node.getExpression(), var, state);
        if (a == null) return super.visitExpressionStatement(node, unused);
        out.add(a);
        return null;
      }
    };
    otherUses.scan(holder, null);
    return otherUses.found;
  }

  private static StringBuilderRewrite.Accumulation accumulation(ExpressionTree e, Symbol.VarSymbol var, VisitorState state) {
    List<ExpressionTree> operands = new ArrayList<>();
    if (e instanceof CompoundAssignmentTree c && c.getKind() == Tree.Kind.PLUS_ASSIGNMENT
        && ASTHelpers.getSymbol(c.getVariable()) == var && c.getVariable() instanceof IdentifierTree) {
      concatOperands(c.getExpression(), state, operands);
    } else if (e instanceof AssignmentTree a && a.getVariable() instanceof IdentifierTree
        && ASTHelpers.getSymbol(a.getVariable()) == var) {
      List<ExpressionTree> rightOperands = new ArrayList<>();
      ExpressionTree node = a.getExpression();
      while (node instanceof BinaryTree bin && bin.getKind() == Tree.Kind.PLUS) {
        rightOperands.add(0, bin.getRightOperand());
        node = bin.getLeftOperand();
      }
      if (rightOperands.isEmpty() || !(node instanceof IdentifierTree) || ASTHelpers.getSymbol(node) != var) return null;
      for (ExpressionTree operand : rightOperands) concatOperands(operand, state, operands);
    } else {
      return null;
    }
    List<StringBuilderRewrite.Part> parts = new ArrayList<>();
    for (ExpressionTree o : operands) parts.add(new StringBuilderRewrite.Part(span(o, state), appendable(o), uses(o, var)));
    return new StringBuilderRewrite.Accumulation(span(e, state), parts);
  }

  /**
   * The operands a string concatenation converts, left to right, so each gets its own
   * {@code append}: {@code s += r.line() + "\n"} appends {@code r.line()} then {@code "\n"}
   * instead of building the temporary {@code r.line() + "\n"} on every iteration. Only a
   * {@code +} of type String is split (through parentheses); an int sum ({@code a + b} in
   * {@code s += a + b}) or a compile-time constant stays one operand, so the text appended is
   * exactly the text concatenated.
   */
  private static void concatOperands(ExpressionTree e, VisitorState state, List<ExpressionTree> out) {
    ExpressionTree inner = ASTHelpers.stripParentheses(e);
    if (inner instanceof BinaryTree bin && bin.getKind() == Tree.Kind.PLUS
        && isString(ASTHelpers.getType(bin), state) && ASTHelpers.constValue(bin) == null) {
      concatOperands(bin.getLeftOperand(), state, out);
      concatOperands(bin.getRightOperand(), state, out);
    } else {
      out.add(e);
    }
  }

  /** Whether {@code sb.append(e)} appends the same text as {@code s + e}. */
  private static boolean appendable(ExpressionTree e) {
    if (e.getKind() == Tree.Kind.NULL_LITERAL) return false; // append(null) is ambiguous
    Type t = ASTHelpers.getType(e);
    if (t == null) return false;
    // s + chars prints the array's identity; append(chars) appends its characters.
    return !(t.getTag() == TypeTag.ARRAY
        && ((Type.ArrayType) t).getComponentType().getTag() == TypeTag.CHAR);
  }

  private static boolean isString(Type t, VisitorState state) {
    Type string = state.getSymtab().stringType;
    return t != null && state.getTypes().isSameType(t, string);
  }

  /** Index of the declaration of {@code var} among the block's statements, or -1. */
  private static int declares(BlockTree block, Symbol var) {
    List<? extends StatementTree> stmts = block.getStatements();
    for (int i = 0; i < stmts.size(); i++) {
      if (stmts.get(i) instanceof VariableTree v && ASTHelpers.getSymbol(v) == var) return i;
    }
    return -1;
  }

  private static int indexOf(List<? extends StatementTree> stmts, Tree t) {
    for (int i = 0; i < stmts.size(); i++) {
      if (stmts.get(i) == t) return i;
    }
    return -1;
  }

  private static boolean uses(Tree tree, Symbol var) {
    UseScanner scanner = new UseScanner(var);
    scanner.scan(tree, null);
    return scanner.found;
  }

  /** Scans for an identifier that refers to {@code target}; a subclass may skip the uses it accounts for. */
  private static class UseScanner extends TreeScanner<Void, Void> {
    private final Symbol target;
    boolean found;

    UseScanner(Symbol target) {
      this.target = target;
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      if (ASTHelpers.getSymbol(node) == target) found = true;
      return null;
    }
  }

  /** The names used in the top-level class (identifiers, member selects, declarations), which a new local must avoid. */
  private static Set<String> namesIn(TreePath path) {
    TreePath top = path;
    while (top.getParentPath() != null && !(top.getParentPath().getLeaf() instanceof com.sun.source.tree.CompilationUnitTree)) {
      top = top.getParentPath();
    }
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        names.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void unused) {
        names.add(node.getIdentifier().toString());
        return super.visitMemberSelect(node, unused);
      }

      @Override
      public Void visitMethod(MethodTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitMethod(node, unused);
      }
    }.scan(top.getLeaf(), null);
    return names;
  }

  // ---- helpers ----

  /**
   * Whether every name an expression text starts a name chain with ({@link FixText#namesToResolve})
   * resolves, as a variable or a type, at the site: the size a rule names may be a local declared
   * after the allocation, and inserting it there would not compile.
   */
  static boolean inScope(String expressionText, VisitorState state) {
    for (String name : FixText.namesToResolve(expressionText)) {
      if (FindIdentifiers.findIdent(name, state, KindSelector.VAL_TYP) == null) return false;
    }
    return true;
  }

  /** The constructor call at the site: the path's leaf, looking through parentheses. */
  private static NewClassTree newClass(TreePath path) {
    Tree leaf = path == null ? null : path.getLeaf();
    while (leaf instanceof com.sun.source.tree.ParenthesizedTree p) leaf = p.getExpression();
    return leaf instanceof NewClassTree nc ? nc : null;
  }
}
