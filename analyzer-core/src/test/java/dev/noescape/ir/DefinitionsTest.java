package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Definitions}: a method's definitions and the walk back over them, with each option. */
class DefinitionsTest {
  private static final String OWNER = "com.acme.Names";
  private static final FieldRef NAMES = new FieldRef(OWNER, "names", false);
  private static final MethodRef JOIN =
      new MethodRef("java.lang.String", "join", List.of("java.lang.Object", "java.lang.Object"), "java.lang.String", true);

  private final MethodIRBuilder b = new MethodIRBuilder(
      new MethodRef(OWNER, "name", List.of("java.lang.String"), "java.lang.String", false), "Names.name", "Names.java",
      SourcePos.line(1));
  private final Var self = b.param("this", OWNER, SourcePos.line(1));
  private final Var given = b.param("given", "java.lang.String", SourcePos.line(1));

  private static SourcePos at(int line) {
    return SourcePos.line(line);
  }

  private static final Definitions.Walk THROUGH_ALL = Definitions.Walk.COPIES
      .lookingThrough(d -> d instanceof Stmt.Copy || d instanceof Stmt.Load || d instanceof Stmt.Call);

  @Test
  void copiesEndAtTheFirstOtherDefinitionAndAtParameters() {
    Var made = b.local("made", "java.lang.String");
    AllocSite site = b.alloc(made, SiteKind.NEW_OBJECT, "java.lang.String", at(3), null);
    Var either = b.local("either", "java.lang.String");
    b.copy(either, made, at(4));
    b.copy(either, given, at(5));
    Var t = b.temp("java.lang.String");
    b.copy(t, either, at(6));
    MethodIR m = b.build();

    Origins o = Definitions.of(m).walk(t, Definitions.Walk.COPIES);
    assertEquals(List.of(t, either, made, given), o.reached());
    assertEquals(List.of(given), o.params());
    assertEquals(1, o.definitions().size());
    assertSame(site, ((Stmt.Alloc) o.definitions().get(0)).site());
    assertTrue(o.complete());
    assertFalse(o.cut());
    assertSame(Definitions.of(m), Definitions.of(m), "built once per method");
  }

  @Test
  void aLocalWithNoDefinitionLeavesTheOriginsIncomplete() {
    Var unknown = b.local("unknown", "java.lang.String"); // a constant: the IR shows no value
    Var t = b.temp("java.lang.String");
    b.copy(t, unknown, at(3));
    assertFalse(Definitions.of(b.build()).walk(t, Definitions.Walk.COPIES).complete());
  }

  @Test
  void loadsAndCallsAreLookedThroughOnlyWhenAsked() {
    Var list = b.temp("java.util.List");
    b.load(list, self, NAMES, at(3));
    Var joined = b.local("joined", "java.lang.String");
    b.call(joined, JOIN, List.of(list, given), at(4));
    MethodIR m = b.build();

    Origins copies = Definitions.of(m).walk(joined, Definitions.Walk.COPIES);
    assertEquals(List.of(joined), copies.reached());
    assertTrue(copies.definitions().get(0) instanceof Stmt.Call);

    Origins all = Definitions.of(m).walk(joined, THROUGH_ALL);
    assertEquals(List.of(joined, list, given, self), all.reached());
    assertTrue(all.definitions().isEmpty());
  }

  @Test
  void aWalkOfVariablesDefinedOnceStopsAtOneDefinedTwice() {
    Var s = b.local("s", "java.lang.String");
    b.copy(s, given, at(3));
    b.alloc(s, SiteKind.NEW_OBJECT, "java.lang.String", at(4), null);
    Var t = b.temp("java.lang.String");
    b.copy(t, s, at(5));
    MethodIR m = b.build();

    assertFalse(Definitions.of(m).walk(t, Definitions.Walk.COPIES).cut());
    Origins once = Definitions.of(m).walk(t, Definitions.Walk.COPIES.definedOnce());
    assertTrue(once.cut());
    assertEquals(List.of(t, s), once.reached());
  }

  @Test
  void theBoundCountsSteps() {
    Var a = b.local("a", "java.lang.String");
    b.alloc(a, SiteKind.NEW_OBJECT, "java.lang.String", at(3), null);
    Var c = b.temp("java.lang.String");
    b.copy(c, a, at(4));
    Var d = b.temp("java.lang.String");
    b.copy(d, c, at(5));
    MethodIR m = b.build();

    // a is two steps away: its allocation is examined with a bound of three, not of two
    assertFalse(Definitions.of(m).walk(d, Definitions.Walk.COPIES.bounded(3)).cut());
    Origins two = Definitions.of(m).walk(d, Definitions.Walk.COPIES.bounded(2));
    assertTrue(two.cut());
    assertEquals(List.of(d, c, a), two.reached());
    assertTrue(two.definitions().isEmpty());
  }

  @Test
  void skippedDefinitionsAreIgnoredAndParametersFollowedOnlyWhenAsked() {
    b.alloc(given, SiteKind.NEW_OBJECT, "java.lang.String", at(3), null); // given = new String(…)
    Var t = b.temp("java.lang.String");
    b.copy(t, given, at(4));
    MethodIR m = b.build();

    assertTrue(Definitions.of(m).walk(t, Definitions.Walk.COPIES).definitions().isEmpty());
    assertEquals(1, Definitions.of(m).walk(t, Definitions.Walk.COPIES.intoParameters()).definitions().size());
    Origins skipped = Definitions.of(m).walk(t,
        Definitions.Walk.COPIES.intoParameters().skipping(st -> st instanceof Stmt.Alloc));
    assertTrue(skipped.definitions().isEmpty());
    assertTrue(skipped.complete());
  }

  @Test
  void aWalkFromADefinitionTakesItAlone() {
    Var s = b.local("s", "java.lang.String");
    b.copy(s, given, at(3));
    b.call(s, JOIN, List.of(s, given), at(4));
    MethodIR m = b.build();
    Stmt reassigned = Definitions.of(m).all(s).get(1);

    Origins o = Definitions.of(m).walk(reassigned, THROUGH_ALL.definedOnce());
    assertEquals(List.of(s, given), o.reached());
    assertTrue(o.cut(), "s is assigned twice");
  }
}
