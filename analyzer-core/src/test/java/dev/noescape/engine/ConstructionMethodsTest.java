package dev.noescape.engine;

import static dev.noescape.engine.Ir.at;
import static dev.noescape.engine.Ir.ctor;
import static dev.noescape.engine.Ir.method;
import static dev.noescape.engine.OneTimeMethodsTest.result;
import static dev.noescape.engine.OneTimeMethodsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.noescape.ir.ColdPath;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which methods are set-up code, running once per object they build ({@link ConstructionMethods}). */
class ConstructionMethodsTest {
  static final String T = OneTimeMethodsTest.T;
  static final String B = "t.T$TableBuilder";

  /** {@code ref}'s body calling each of {@code callees} (static methods of T); one site (line 9). */
  static MethodIR body(MethodIRBuilder b, MethodRef... callees) {
    for (MethodRef c : callees) b.call(null, c, List.of(), at(3));
    Ir.newLocal(b, "x", "java.lang.Object", 9);
    return b.build();
  }

  static MethodRef stat(String owner, String name, String returns) {
    return new MethodRef(owner, name, List.of(), returns, true);
  }

  static MethodRef inst(String owner, String name, String returns) {
    return new MethodRef(owner, name, List.of(), returns, false);
  }

  static Construction construction(AnalysisResult r, String name) {
    return result(r, name).construction();
  }

  static final MethodRef HELPER = stat(T, "fill", "void");

  @Test
  void aConstructorAndThePrivateHelperOnlyItCallsAreSetUpCode() {
    AnalysisResult r = run(body(method(ctor(T)), HELPER), body(method(HELPER).visibility(Visibility.PRIVATE)));
    String root = result(r, "<init>").method().displayName();
    assertEquals(new Construction(Construction.Kind.CONSTRUCTOR, root, null, 0), construction(r, "<init>"));
    assertEquals(new Construction(Construction.Kind.CONSTRUCTOR, root, null, 1), construction(r, "fill"));
    MethodResult fill = result(r, "fill");
    assertEquals(ColdPath.CONSTRUCTION, fill.cold(fill.method().site(0)));
  }

  /**
   * The one exception, made in one place for the rules and the profile's ranking alike: set-up code
   * runs per operation when the caller says so (a hot method, ReportOutsideLoops), and then neither
   * its cold path nor its rank's set-up term applies.
   */
  @Test
  void setUpCodeIsNotColdWhereItRunsPerOperation() {
    AnalysisResult r = run(body(method(ctor(T)), HELPER), body(method(HELPER).visibility(Visibility.PRIVATE)));
    MethodResult fill = result(r, "fill");
    var site = fill.method().site(0);
    assertEquals(ColdPath.CONSTRUCTION, fill.cold(site, false));
    assertEquals(ColdPath.CONSTRUCTION, fill.methodCold(site, false));
    assertEquals(ColdPath.NONE, fill.cold(site, true));
    assertEquals(ColdPath.NONE, fill.methodCold(site, true));
  }

  @Test
  void aHelperOtherCodeCallsTooIsNot() {
    MethodRef work = stat(T, "work", "void");
    AnalysisResult r = run(body(method(ctor(T)), HELPER), body(method(HELPER).visibility(Visibility.PRIVATE)),
        body(method(work), HELPER));
    assertNull(construction(r, "fill"));
    assertNull(construction(r, "work"), "a public static method returning void is no factory");
  }

  @Test
  void aPublicHelperIsNotEvenIfOnlyAConstructorCallsIt() {
    AnalysisResult r = run(body(method(ctor(T)), HELPER), body(method(HELPER)));
    assertNull(construction(r, "fill"), "code outside the program may call it");
  }

  @Test
  void aStaticMethodReturningItsOwnClassIsAFactory() {
    MethodRef of = stat(T, "of", T);
    MethodRef copy = stat(T, "copy", "java.util.List");
    AnalysisResult r = run(body(method(of)), body(method(copy)));
    assertEquals(new Construction(Construction.Kind.FACTORY, "T.of", null, 0), construction(r, "of"));
    assertNull(construction(r, "copy"));
  }

  @Test
  void theMethodsOfABuilderThatBuildsAreBuilderMethods() {
    MethodRef add = inst(B, "add", B);
    MethodRef build = inst(B, "build", T);
    MethodRef terms = inst("t.T$QueryBuilder", "terms", "void");
    AnalysisResult r = run(body(method(add)), body(method(build)), body(method(terms)));
    assertEquals(Construction.Kind.BUILDER, construction(r, "add").kind());
    assertEquals(Construction.Kind.BUILDER, construction(r, "build").kind());
    assertNull(construction(r, "terms"), "a *Builder class without build builds nothing");
  }

  @Test
  void toStringAndTheHelpersOnlyItCallsAreDescriptions() {
    MethodRef toString = inst(T, "toString", "java.lang.String");
    MethodRef indented = new MethodRef(T, "toString", List.of("int"), "java.lang.String", false);
    AnalysisResult r = run(body(method(toString), HELPER), body(method(HELPER).visibility(Visibility.PRIVATE)),
        body(method(indented)));
    assertEquals(new Construction(Construction.Kind.DESCRIPTION, "T.toString", null, 0), withParams(r, 0).construction());
    assertEquals(Construction.Kind.DESCRIPTION, construction(r, "fill").kind());
    MethodResult fill = result(r, "fill");
    assertEquals(ColdPath.DESCRIPTION, fill.cold(fill.method().site(0)));
    assertNull(withParams(r, 1).construction(), "toString(int) is an ordinary method, not the object's description");
  }

  /** The result of the {@code toString} of {@code r} that takes {@code n} parameters. */
  private static MethodResult withParams(AnalysisResult r, int n) {
    for (MethodResult mr : r.methods()) {
      if (mr.method().ref().name().equals("toString") && mr.method().ref().paramTypes().size() == n) return mr;
    }
    throw new AssertionError("toString/" + n);
  }

  @Test
  void aHotToStringIsNoDescription() {
    AnalysisResult r = run(body(method(inst(T, "toString", "java.lang.String")).annotation("HotPath"), HELPER),
        body(method(HELPER).visibility(Visibility.PRIVATE)));
    assertNull(construction(r, "toString"));
    assertNull(construction(r, "fill"));
  }

  @Test
  void aHotConstructorIsNotSetUpCodeNorAreItsHelpers() {
    AnalysisResult r = run(body(method(ctor(T)).annotation("HotPath"), HELPER),
        body(method(HELPER).visibility(Visibility.PRIVATE)));
    assertNull(construction(r, "<init>"));
    assertNull(construction(r, "fill"));
    MethodResult init = result(r, "<init>");
    assertEquals(ColdPath.NONE, init.cold(init.method().site(0)));
  }

  @Test
  void aChainNamesTheHelperNearestTheRoot() {
    MethodRef more = stat(T, "more", "void");
    AnalysisResult r = run(body(method(ctor(T)), HELPER), body(method(HELPER).visibility(Visibility.PRIVATE), more),
        body(method(more).visibility(Visibility.PRIVATE)));
    assertEquals(new Construction(Construction.Kind.CONSTRUCTOR, result(r, "<init>").method().displayName(),
        result(r, "fill").method().displayName(), 2), construction(r, "more"));
  }

  @Test
  void oneTimeCodeStaysOneTime() {
    MethodRef tctor = ctor("t.T$Table");
    MethodIR table = body(method(tctor).visibility(Visibility.PRIVATE));
    MethodIRBuilder b = method(OneTimeMethodsTest.CLINIT);
    b.call(null, tctor, List.of(b.local("t", "t.T$Table")), at(2));
    AnalysisResult r = run(body(b), table);
    assertNull(construction(r, "<init>"), "only the static initializer constructs it: it runs once");
    MethodResult ctorResult = result(r, "<init>");
    assertEquals(ColdPath.ONE_TIME, ctorResult.cold(ctorResult.method().site(0)));
  }
}
