package dev.noescape.engine;

import static dev.noescape.engine.Ir.OBJ;
import static dev.noescape.engine.Ir.at;
import static dev.noescape.engine.Ir.inst;
import static dev.noescape.engine.Ir.method;
import static dev.noescape.engine.Ir.model;
import static dev.noescape.engine.Ir.newLocal;
import static dev.noescape.engine.Ir.render;
import static dev.noescape.engine.Ir.stat;
import static dev.noescape.engine.Ir.staticField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.TypeHierarchy;
import dev.noescape.ir.Var;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Virtual calls resolve to what can really run ({@link CallTargets}): the receiver's static type,
 * an exactly known class, arrays, hierarchies closed by private constructors, abstract methods that
 * never run, and the protocol methods whose contract covers overrides nobody sees.
 */
class DispatchTest {

  /** A class hierarchy written by hand: {@code a.Base} and what the tests declare under it. */
  static final class Types implements TypeHierarchy {
    final Map<String, List<String>> supers = new HashMap<>();
    final Map<String, Subclassing> subclassing = new HashMap<>();
    final Map<String, Set<String>> concrete = new HashMap<>();
    final Map<String, Set<String>> abstracts = new HashMap<>();

    Types type(String name, Subclassing s, String... superTypes) {
      supers.put(name, List.of(superTypes));
      subclassing.put(name, s);
      return this;
    }

    Types declares(String name, String method) {
      concrete.computeIfAbsent(name, k -> new HashSet<>()).add(method);
      return this;
    }

    Types declaresAbstract(String name, String method) {
      abstracts.computeIfAbsent(name, k -> new HashSet<>()).add(method);
      return this;
    }

    @Override
    public Subclassing subclassing(String type) {
      return type.endsWith("[]") ? Subclassing.NONE : subclassing.getOrDefault(type, Subclassing.OPEN);
    }

    @Override
    public List<String> directSubtypes(String type) {
      List<String> out = new ArrayList<>();
      supers.forEach((k, v) -> {
        if (v.contains(type)) out.add(k);
      });
      out.sort(null);
      return out;
    }

    @Override
    public boolean mayBeSubtype(String sub, String sup) {
      return !supers.containsKey(sub) || isSubtype(sub, sup);
    }

    @Override
    public boolean isSubtype(String sub, String sup) {
      if (sub.equals(sup) || sup.equals(OBJ)) return true;
      for (String s : supers.getOrDefault(sub, List.of())) if (isSubtype(s, sup)) return true;
      return false;
    }

    @Override
    public boolean declaresAbstract(String owner, String name, List<String> params) {
      return abstracts.getOrDefault(owner, Set.of()).contains(name);
    }

    @Override
    public String selectMethod(String cls, String name, List<String> params) {
      for (String c = cls; c != null; ) {
        if (concrete.getOrDefault(c, Set.of()).contains(name)) return c;
        List<String> s = supers.get(c);
        c = s == null || s.isEmpty() ? null : s.get(0);
      }
      return null;
    }
  }

  /** A library with protocol methods. */
  static final class Library implements SummaryProvider {
    final Ir.Library models = new Ir.Library();
    final List<MethodRef> protocols = new ArrayList<>();

    Library put(MethodRef m, MethodSummary s, boolean protocol) {
      models.put(m, s);
      if (protocol) protocols.add(m);
      return this;
    }

    @Override
    public Optional<MethodSummary> lookup(MethodRef method) {
      return models.lookup(method);
    }

    @Override
    public List<MethodRef> protocols() {
      return protocols;
    }
  }

  /** {@code m(Object o) { KEPT = o; }} in {@code owner}: an implementation that keeps its argument. */
  private static MethodIR keeping(MethodRef m) {
    MethodIRBuilder b = method(m);
    b.param("this", m.owner(), at(1));
    Var o = b.param("o", OBJ, at(1));
    b.staticStore(staticField(m.owner(), "KEPT"), o, at(2));
    return b.build();
  }

  /** {@code m(Object o) {}} in {@code owner}: an implementation that keeps nothing. */
  private static MethodIR quiet(MethodRef m) {
    MethodIRBuilder b = method(m);
    b.param("this", m.owner(), at(1));
    b.param("o", OBJ, at(1));
    return b.build();
  }

  private static final MethodRef BASE_PUT = inst("a.Base", "put", OBJ);
  private static final MethodRef KEEPER_PUT = inst("a.Keeper", "put", OBJ);

  /**
   * {@code caller(Base recv) { recv.put(new Foo()); }} (line 5), the call naming {@code receiverType}
   * and open or closed as the front end says; or, with {@code newReceiver}, on {@code new Base()}.
   */
  private static MethodIR caller(String receiverType, boolean open, boolean newReceiver, MethodRef callee,
      List<MethodRef> overrides) {
    MethodIRBuilder b = method(stat("a.T", "caller", callee.owner()));
    Var recv = b.param("recv", callee.owner(), at(1));
    if (newReceiver) recv = newLocal(b, "made", callee.owner(), 4);
    Var foo = newLocal(b, "foo", "a.Foo", 5);
    b.call(null, callee, List.of(recv, foo), List.of(), open, overrides, receiverType, at(5));
    return b.build();
  }

  private static SiteResult fooSite(AnalysisResult r) {
    MethodResult m = r.methods().get(0);
    return m.sites().get(m.sites().size() - 1);
  }

  private static AnalysisResult run(SummaryProvider lib, TypeHierarchy h, MethodIR... ms) {
    return new EscapeAnalysis(lib).analyze(new Program(List.of(ms), h));
  }

  private static Types baseAndKeeper() {
    return new Types()
        .type("a.Base", TypeHierarchy.Subclassing.OPEN).declares("a.Base", "put")
        .type("a.Keeper", TypeHierarchy.Subclassing.OPEN, "a.Base").declares("a.Keeper", "put")
        .type("a.Quiet", TypeHierarchy.Subclassing.NONE, "a.Base");
  }

  @Test
  void theReceiversStaticTypeDropsOverridesItCannotRun() {
    List<MethodRef> overrides = List.of(KEEPER_PUT);
    MethodIR base = quiet(BASE_PUT);
    MethodIR keeper = keeping(KEEPER_PUT);
    // A Base receiver may be a Keeper: its put keeps the argument.
    AnalysisResult any = run(SummaryProvider.NONE, baseAndKeeper(), caller("a.Base", false, false, BASE_PUT, overrides),
        base, keeper);
    assertEquals(EscapeState.GLOBAL_ESCAPE, fooSite(any).state());
    // A Quiet (final, not a Keeper) runs Base.put only; open dispatch is closed by its finality.
    AnalysisResult quiet = run(SummaryProvider.NONE, baseAndKeeper(), caller("a.Quiet", true, false, BASE_PUT, overrides),
        base, keeper);
    assertEquals(EscapeState.ARG_ESCAPE, fooSite(quiet).state(), render(fooSite(quiet).chain()).toString());
    // Without the hierarchy the call keeps the front end's answer.
    AnalysisResult unknown = run(SummaryProvider.NONE, TypeHierarchy.UNKNOWN,
        caller("a.Quiet", false, false, BASE_PUT, overrides), base, keeper);
    assertEquals(EscapeState.GLOBAL_ESCAPE, fooSite(unknown).state());
  }

  @Test
  void anExactlyKnownReceiverRunsTheMethodItsClassSelects() {
    List<MethodRef> overrides = List.of(KEEPER_PUT);
    AnalysisResult r = run(SummaryProvider.NONE, baseAndKeeper(), caller("a.Base", true, true, BASE_PUT, overrides),
        quiet(BASE_PUT), keeping(KEEPER_PUT));
    assertEquals(EscapeState.ARG_ESCAPE, fooSite(r).state(), render(fooSite(r).chain()).toString());
    assertEquals(EscapeState.ARG_ESCAPE, r.methods().get(0).sites().get(0).state());
    // The same call on a parameter: a Keeper may run, and dispatch is open.
    AnalysisResult open = run(SummaryProvider.NONE, baseAndKeeper(), caller("a.Base", true, false, BASE_PUT, overrides),
        quiet(BASE_PUT), keeping(KEEPER_PUT));
    assertEquals(List.of("passed to overridable Base.put (line 5)"), render(fooSite(open).chain()));
  }

  @Test
  void anExactlyKnownLibraryClassIsHeldToTheDeclaredMethodsSummary() {
    // made = new j.Bag(); made.put(foo): Bag#put's own line (one implementation's, less precise)
    // lets the argument escape; Coll#put's contract, which every library implementation honours,
    // does not. The exact class must not trade the contract for the implementation's line.
    MethodRef collPut = inst("j.Coll", "put", OBJ);
    MethodRef bagPut = inst("j.Bag", "put", OBJ);
    Types types = new Types().type("j.Coll", TypeHierarchy.Subclassing.OPEN)
        .type("j.Bag", TypeHierarchy.Subclassing.OPEN, "j.Coll").declares("j.Bag", "put");
    Ir.Library lib = new Ir.Library().put(collPut, model(false, Allocates.NO, ParamTag.NONE, ParamTag.NONE))
        .put(bagPut, model(false, Allocates.NO, ParamTag.NONE, ParamTag.GLOBAL));
    MethodIRBuilder b = method(stat("a.T", "caller"));
    Var made = newLocal(b, "made", "j.Bag", 4);
    Var foo = newLocal(b, "foo", "a.Foo", 5);
    b.call(null, collPut, List.of(made, foo), List.of(), true, List.of(), "j.Coll", at(5));
    AnalysisResult r = run(lib, types, b.build());
    assertEquals(EscapeState.ARG_ESCAPE, fooSite(r).state(), render(fooSite(r).chain()).toString());
  }

  @Test
  void anArrayReceiverRunsObjectsMethodOnly() {
    MethodRef clone = inst(OBJ, "clone");
    MethodRef publishing = inst("a.Registered", "clone");
    MethodIRBuilder p = method(publishing);
    Var self = p.param("this", "a.Registered", at(1));
    p.staticStore(staticField("a.Registered", "LAST"), self, at(2));
    MethodIRBuilder b = method(stat("a.T", "copy"));
    Var arr = b.local("arr", "int[]");
    b.alloc(arr, dev.noescape.ir.SiteKind.NEW_ARRAY, "int[]", at(3), new dev.noescape.ir.AllocSite.NewArray("4", false, null));
    Var copy = b.local("copy", OBJ);
    b.call(copy, clone, List.of(arr), List.of(), false, List.of(publishing), "int[]", at(4));
    Ir.Library lib = new Ir.Library().put(clone, model(true, Allocates.YES, ParamTag.NONE.withContentToReturn()));
    AnalysisResult r = run(lib, TypeHierarchy.UNKNOWN, b.build(), p.build());
    assertEquals(EscapeState.ARG_ESCAPE, r.methods().get(0).sites().get(0).state(),
        render(r.methods().get(0).sites().get(0).chain()).toString());
  }

  /**
   * {@code shape.draw(new Foo())} where Shape's subclasses are all the program's (private
   * constructors), its draw is abstract, and Dot and Line implement it; Dot subclassable as given.
   */
  private static AnalysisResult drawOnShape(TypeHierarchy.Subclassing dot) {
    MethodRef draw = inst("a.Shape", "draw", OBJ);
    MethodRef dotDraw = inst("a.Dot", "draw", OBJ);
    MethodRef lineDraw = inst("a.Line", "draw", OBJ);
    Types types = new Types()
        .type("a.Shape", TypeHierarchy.Subclassing.PROGRAM).declaresAbstract("a.Shape", "draw")
        .type("a.Dot", dot, "a.Shape").declares("a.Dot", "draw")
        .type("a.Line", TypeHierarchy.Subclassing.NONE, "a.Shape").declares("a.Line", "draw");
    return run(SummaryProvider.NONE, types, caller("a.Shape", true, false, draw, List.of(dotDraw, lineDraw)),
        quiet(dotDraw), quiet(lineDraw));
  }

  @Test
  void aHierarchyClosedByPrivateConstructorsResolvesAndItsAbstractRootNeverRuns() {
    AnalysisResult r = drawOnShape(TypeHierarchy.Subclassing.NONE);
    assertEquals(EscapeState.ARG_ESCAPE, fooSite(r).state(), render(fooSite(r).chain()).toString());
    // One subclass that can be subclassed again reopens it: the abstract root is overridable.
    AnalysisResult open = drawOnShape(TypeHierarchy.Subclassing.OPEN);
    assertEquals(List.of("passed to overridable Shape.draw (line 5)"), render(fooSite(open).chain()));
  }

  @Test
  void anOverridableProtocolMethodIsHeldToItsContract() {
    MethodRef contract = inst("java.lang.CharSequence", "charAt", "int");
    MethodRef textCharAt = inst("a.Text", "charAt", "int");
    Types types = new Types().type("a.Text", TypeHierarchy.Subclassing.OPEN, "java.lang.CharSequence")
        .declares("a.Text", "charAt");
    MethodIRBuilder body = method(textCharAt);
    body.param("this", "a.Text", at(1));
    body.primitiveParam(at(1));
    MethodIRBuilder b = method(stat("a.T", "first"));
    Var text = newLocal(b, "text", "a.Other", 3);
    // the receiver's class is not known exactly (a.Other is unknown to the hierarchy): Text.charAt or an override
    b.call(null, textCharAt, java.util.Arrays.asList(text, null), List.of(), true, List.of(), "a.Text", at(4));
    MethodSummary none = model(false, Allocates.NO, ParamTag.NONE, ParamTag.NONE);
    Library trusted = new Library().put(contract, none, true);
    AnalysisResult r = run(trusted, types, b.build(), body.build());
    assertEquals(EscapeState.ARG_ESCAPE, r.methods().get(0).sites().get(0).state(),
        render(r.methods().get(0).sites().get(0).chain()).toString());
    // Not a protocol: the override nobody sees is unknown code.
    Library plain = new Library().put(contract, none, false);
    AnalysisResult p = run(plain, types, b.build(), body.build());
    assertEquals(List.of("passed to overridable Text.charAt (line 4)"), render(p.methods().get(0).sites().get(0).chain()));
  }

  @Test
  void aMegamorphicCallToAProtocolMethodUsesItsContract() {
    MethodRef equals = inst(OBJ, "equals", OBJ);
    List<MethodRef> overrides = new ArrayList<>();
    List<MethodIR> bodies = new ArrayList<>();
    for (int i = 0; i < Calls.Resolver.MEGAMORPHIC + 1; i++) {
      MethodRef o = inst("a.C" + i, "equals", OBJ);
      overrides.add(o);
      bodies.add(keeping(o));
    }
    MethodIRBuilder b = method(stat("a.T", "same", OBJ));
    Var other = b.param("other", OBJ, at(1));
    Var foo = newLocal(b, "foo", "a.Foo", 3);
    b.call(null, equals, List.of(other, foo), List.of(), false, overrides, OBJ, at(4));
    MethodSummary none = model(false, Allocates.NO, ParamTag.NONE, ParamTag.NONE);
    List<MethodIR> all = new ArrayList<>(List.of(b.build()));
    all.addAll(bodies);
    AnalysisResult trusted = new EscapeAnalysis(new Library().put(equals, none, true))
        .analyze(new Program(all, TypeHierarchy.UNKNOWN));
    assertEquals(EscapeState.ARG_ESCAPE, trusted.methods().get(0).sites().get(0).state());
    AnalysisResult plain = new EscapeAnalysis(new Library().put(equals, none, false))
        .analyze(new Program(all, TypeHierarchy.UNKNOWN));
    assertEquals(List.of("passed to unknown Object.equals (line 4)"),
        render(plain.methods().get(0).sites().get(0).chain()));
  }
}
