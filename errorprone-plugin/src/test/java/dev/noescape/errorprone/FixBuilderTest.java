package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.bugpatterns.BugChecker.CompoundAssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.noescape.finding.Fix;
import dev.noescape.ir.SymbolicExpr;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tree transforms of {@link FixBuilder} on their own, driven by test checkers that hand it a
 * {@link Fix} directly (no front end, engine or rule involved), including the shapes where a fix
 * must not be offered.
 */
class FixBuilderTest {

  /** Offers {@code AddCapacity("expected")} at every constructor call. */
  @BugPattern(name = "ForceAddCapacity", summary = "test", severity = WARNING)
  public static class ForceAddCapacity extends BugChecker implements NewClassTreeMatcher {
    @Override
    public Description matchNewClass(NewClassTree tree, VisitorState state) {
      return buildDescription(tree)
          .addFix(FixBuilder.addCapacity(new Fix.AddCapacity(SymbolicExpr.of("expected")), state.getPath(), state))
          .build();
    }
  }

  /** Offers {@code UseFactory(Maps.newHashMapWithExpectedSize(size))} at every constructor call. */
  @BugPattern(name = "ForceGuavaFactory", summary = "test", severity = WARNING)
  public static class ForceGuavaFactory extends BugChecker implements NewClassTreeMatcher {
    @Override
    public Description matchNewClass(NewClassTree tree, VisitorState state) {
      Fix.UseFactory fix = new Fix.UseFactory("com.google.common.collect.Maps", "newHashMapWithExpectedSize",
          SymbolicExpr.of("size"));
      return buildDescription(tree).addFix(FixBuilder.useFactory(fix, state.getPath(), state)).build();
    }
  }

  /**
   * Offers {@code UseStringBuilder} at every {@code x += ...} on a variable inside a loop; a fix
   * equal to one already offered is not offered again (as {@link JavacAnalysis} does).
   */
  @BugPattern(name = "ForceStringBuilder", summary = "test", severity = WARNING)
  public static class ForceStringBuilder extends BugChecker implements CompoundAssignmentTreeMatcher {
    private final java.util.Set<SuggestedFix> offered = new java.util.HashSet<>();

    @Override
    public Description matchCompoundAssignment(CompoundAssignmentTree tree, VisitorState state) {
      if (!(tree.getVariable() instanceof IdentifierTree id)) return Description.NO_MATCH;
      boolean inLoop = false;
      for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
        Tree.Kind k = p.getLeaf().getKind();
        inLoop |= k == Tree.Kind.ENHANCED_FOR_LOOP || k == Tree.Kind.FOR_LOOP || k == Tree.Kind.WHILE_LOOP;
      }
      if (!inLoop) return Description.NO_MATCH;
      Fix.UseStringBuilder fix = new Fix.UseStringBuilder(id.getName().toString());
      Optional<SuggestedFix> built = FixBuilder.useStringBuilder(fix, state.getPath(), state);
      return buildDescription(tree).addFix(built.filter(offered::add)).build();
    }
  }

  @Test
  void addCapacity_insertsAfterTheParenthesisWhateverTheSpacing() {
    BugCheckerRefactoringTestHelper.newInstance(ForceAddCapacity.class, getClass())
        .addInputLines(
            "A.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class A {
              void f(int expected) {
                List<String> a = new ArrayList<>();
                List<String> b = new ArrayList<String> /* c */ ( );
                List<String> c = new ArrayList<>(3);
              }
            }
            """)
        .addOutputLines(
            "A.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class A {
              void f(int expected) {
                List<String> a = new ArrayList<>(expected);
                List<String> b = new ArrayList<String> /* c */ (expected );
                List<String> c = new ArrayList<>(3);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void useFactory_qualifiesWhenTheSimpleNameIsTaken_andLeavesAnonymousClassesAlone() {
    BugCheckerRefactoringTestHelper.newInstance(ForceGuavaFactory.class, getClass())
        .addInputLines(
            "Maps.java",
            """
            class Maps {}
            """)
        .expectUnchanged()
        .addInputLines(
            "B.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            class B {
              Map<String, Integer> f(int size) {
                Map<String, Integer> anon = new HashMap<>(size) {};
                return new HashMap<>(size);
              }
            }
            """)
        .addOutputLines(
            "B.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            class B {
              Map<String, Integer> f(int size) {
                Map<String, Integer> anon = new HashMap<>(size) {};
                return com.google.common.collect.Maps.newHashMapWithExpectedSize(size);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void useStringBuilder_insideANestedBlock_keepsIndentation() {
    BugCheckerRefactoringTestHelper.newInstance(ForceStringBuilder.class, getClass())
        .addInputLines(
            "C.java",
            """
            class C {
              String f(String[] words, boolean go) {
                if (go) {
                  String acc = words.length + ":";
                  for (String w : words) {
                    for (char ch : w.toCharArray()) {
                      acc += ch;
                    }
                    acc += ' ';
                  }
                  return acc;
                }
                return "";
              }
            }
            """)
        .addOutputLines(
            "C.java",
            """
            class C {
              String f(String[] words, boolean go) {
                if (go) {
                  StringBuilder accBuilder = new StringBuilder(words.length + ":");
                  for (String w : words) {
                    for (char ch : w.toCharArray()) {
                      accBuilder.append(ch);
                    }
                    accBuilder.append(' ');
                  }
                  String acc = accBuilder.toString();
                  return acc;
                }
                return "";
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void useStringBuilder_refusesShapesItCannotRewriteFaithfully() {
    BugCheckerRefactoringTestHelper.newInstance(ForceStringBuilder.class, getClass())
        .addInputLines(
            "D.java",
            """
            class D {
              String nullInit(String[] words) {
                String s = null;
                for (String w : words) {
                  s += w;
                }
                return s;
              }

              String charArray(char[][] rows) {
                String s = "";
                for (char[] r : rows) {
                  s += r;
                }
                return s;
              }

              String usedBeforeTheLoop(String[] words) {
                String s = "";
                s += "x";
                for (String w : words) {
                  s += w;
                }
                return s;
              }

              String twoInOneDeclaration(String[] words) {
                String a = "", s = "";
                for (String w : words) {
                  s += w;
                }
                return a + s;
              }

              String field;

              void fieldAccumulator(String[] words) {
                for (String w : words) {
                  field += w;
                }
              }

              String usedAsAValue(String[] words) {
                String s = "";
                for (String w : words) {
                  System.out.println(s += w);
                }
                return s;
              }

              int notAString(int[] xs) {
                int s = 0;
                for (int x : xs) {
                  s += x;
                }
                return s;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
