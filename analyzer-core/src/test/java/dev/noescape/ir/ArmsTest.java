package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which statements run once per iteration together: one on every arm of a branch that runs once per iteration. */
class ArmsTest {
  private static StmtContext at(int ordinal, boolean once) {
    return new StmtContext(SourcePos.line(10 + ordinal), 0, 1, once, ordinal);
  }

  private static List<StmtContext> at(int... ordinals) {
    List<StmtContext> out = new ArrayList<>();
    for (int o : ordinals) out.add(at(o, false));
    return out;
  }

  /**
   * Loop 0: {@code if (a) s1 else { if (b) s3 else s4 }}, s2 a second statement on the else arm, s5
   * on a branch that runs under a condition ({@link Arms#NOWHERE}), s6/s7 the arms of a three-way
   * switch whose third arm is s8.
   */
  private static final Arms ARMS = new Arms(
      List.of(new Arms.Branch(0, 2, Arms.ROOT, -1), new Arms.Branch(0, 2, 0, 1), new Arms.Branch(0, 2, Arms.NOWHERE, -1),
          new Arms.Branch(0, 3, Arms.ROOT, -1)),
      Map.of(1, new Arms.Arm(0, 0), 2, new Arms.Arm(0, 1), 3, new Arms.Arm(1, 0), 4, new Arms.Arm(1, 1), 5,
          new Arms.Arm(2, 0), 6, new Arms.Arm(3, 0), 7, new Arms.Arm(3, 1), 8, new Arms.Arm(3, 2)));

  @Test
  void oneStatementRunsOnceWhenItDoesOnItsOwn() {
    assertTrue(ARMS.onceTogether(List.of(at(0, true)), 0));
    assertFalse(ARMS.onceTogether(List.of(at(0, true)), 1), "another loop");
    assertFalse(ARMS.onceTogether(List.of(at(1, false)), 0), "on one arm only");
    assertFalse(ARMS.onceTogether(List.of(), 0));
  }

  @Test
  void aStatementRunsWheneverOneInItsArmOrInAnArmInsideIt() {
    assertTrue(ARMS.runsWhenever(2, 3), "s2 on the else arm runs whenever s3, in a branch on that arm, does");
    assertTrue(ARMS.runsWhenever(2, 4));
    assertFalse(ARMS.runsWhenever(3, 2), "s3 runs on one arm of the nested branch only");
    assertFalse(ARMS.runsWhenever(1, 3), "the other arm");
    assertFalse(ARMS.runsWhenever(6, 7), "another case of the switch");
    assertTrue(ARMS.runsWhenever(5, 5));
    assertFalse(ARMS.runsWhenever(0, 1), "in no arm: only oncePerIteration can tell");
    assertFalse(ARMS.runsWhenever(1, 0));
  }

  @Test
  void anArmThatLogsAtErrorLevelIsAnErrorPathWithTheArmsInsideIt() {
    // s2, on the else arm of branch 0, is an error-level logging call
    Arms logged = new Arms(ARMS.branches(), ARMS.armOf(), Arms.armsOf(ARMS.armOf(), List.of(2)));
    assertTrue(logged.errorLogged(2), "the call itself");
    assertTrue(logged.errorLogged(3), "a branch nested in the arm");
    assertTrue(logged.errorLogged(4));
    assertFalse(logged.errorLogged(1), "the other arm");
    assertFalse(logged.errorLogged(0), "in no arm: before the branch, or on every iteration");
    assertFalse(logged.errorLogged(6));
    // a call in no arm (s0, straight-line code) marks nothing
    Arms everyIteration = new Arms(ARMS.branches(), ARMS.armOf(), Arms.armsOf(ARMS.armOf(), List.of(0)));
    assertFalse(everyIteration.errorLogged(1));
    assertFalse(ARMS.errorLogged(2), "no error-level call");
  }

  @Test
  void oneStatementOnEveryArm() {
    assertTrue(ARMS.onceTogether(at(1, 2), 0));
    assertTrue(ARMS.onceTogether(at(1, 3, 4), 0), "the else arm covered by a nested branch");
    assertTrue(ARMS.onceTogether(at(6, 7, 8), 0), "every case of a switch");
  }

  @Test
  void notOncePerIteration() {
    assertFalse(ARMS.onceTogether(at(1, 3), 0), "the nested branch's second arm holds nothing");
    assertFalse(ARMS.onceTogether(at(1, 2, 3, 4), 0), "the else arm runs s2 and one of s3/s4: twice");
    assertFalse(ARMS.onceTogether(at(6, 7), 0), "a case without one");
    assertFalse(ARMS.onceTogether(at(1, 6, 7, 8), 0), "statements under two different branches both run");
    assertFalse(ARMS.onceTogether(at(5, 1, 2), 0), "a branch that does not run once per iteration");
    assertFalse(ARMS.onceTogether(List.of(at(1, false), at(0, true)), 0), "one statement outside the arms");
    assertFalse(ARMS.onceTogether(at(1, 2), 1), "a branch of another loop");
  }

  @Test
  void statementsOnDifferentArmsOfOneBranchExcludeEachOther() {
    assertTrue(ARMS.exclusive(1, 2), "the then and the else arm");
    assertTrue(ARMS.exclusive(1, 3), "s3 is in a branch on the else arm");
    assertTrue(ARMS.exclusive(3, 4), "the two arms of the nested branch");
    assertTrue(ARMS.exclusive(6, 8), "two cases of the switch");
    assertFalse(ARMS.exclusive(2, 3), "s2 runs whenever s3 does");
    assertFalse(ARMS.exclusive(1, 6), "arms of two branches that both run");
    assertFalse(ARMS.exclusive(0, 1), "in no arm");
    assertFalse(ARMS.exclusive(5, 5));
  }
}
