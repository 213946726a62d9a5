package dev.noescape.errorprone.frontend;

import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCDoWhileLoop;
import com.sun.tools.javac.tree.JCTree.JCForLoop;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCWhileLoop;
import com.sun.tools.javac.tree.TreeScanner;

/**
 * The exit test a loop that tests nothing before its body writes at the top of its body, which is
 * that loop's condition in disguise: {@code while (true) { line = in.readLine(); if (line == null)
 * break; add(line); }} is {@code while ((line = in.readLine()) != null) add(line);}. The jump in it
 * leaves the loop; it does not skip part of an iteration that goes on, so what follows it still runs
 * once per iteration ({@link dev.noescape.ir.StmtContext#oncePerIteration()}).
 *
 * <p>This is the bytecode front end's reading, written for trees: there such a loop's header is
 * its body's first statement, and the statements up to the first branch are the loop's test block
 * ({@code MethodLowering.oncePerIteration}). So the same shape: a {@code do … while}, a {@code for}
 * without a condition or a {@code while (true)}, whose body starts with statements that do not
 * branch (no {@code ?:}, {@code &&}, {@code ||}, {@code switch} expression), then an {@code if}
 * without {@code else}, with a condition that does not branch either, whose arm always leaves the
 * loop ({@code break}, {@code return}, {@code throw}, or a block ending in one).
 */
final class LeadingExitTests {
  private LeadingExitTests() {}

  /** The leading exit test of {@code loop}'s body (see the class comment), or null. */
  static JCIf of(JCStatement loop) {
    JCStatement body;
    if (loop instanceof JCDoWhileLoop d) {
      body = d.body;
    } else if (loop instanceof JCForLoop f && f.cond == null) {
      body = f.body;
    } else if (loop instanceof JCWhileLoop w && RetryLoops.constantTrue(w.cond)) {
      body = w.body;
    } else if (loop instanceof JCForLoop f && RetryLoops.constantTrue(f.cond)) {
      body = f.body;
    } else {
      return null;
    }
    if (!(body instanceof JCBlock b)) return null;
    for (JCStatement st : b.stats) {
      switch (st.getTag()) {
        case SKIP -> {}
        case EXEC, VARDEF -> {
          if (branches(st)) return null;
        }
        case IF -> {
          JCIf i = (JCIf) st;
          return i.elsepart == null && !branches(i.cond) && RetryLoops.leaves(i.thenpart) ? i : null;
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /** Whether evaluating {@code t} branches in the compiled code (lambda bodies are methods of their own). */
  private static boolean branches(JCTree t) {
    boolean[] found = {false};
    new TreeScanner() {
      @Override
      public void scan(JCTree tree) {
        if (tree == null || found[0]) return;
        switch (tree.getTag()) {
          case CONDEXPR, AND, OR, SWITCH_EXPRESSION -> found[0] = true;
          case LAMBDA, CLASSDEF -> {}
          default -> super.scan(tree);
        }
      }
    }.scan(t);
    return found[0];
  }
}
