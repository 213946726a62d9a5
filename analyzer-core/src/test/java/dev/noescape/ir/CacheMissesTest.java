package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CacheMisses}: which guarded code runs only on a cache miss, decided from the IR the way
 * both front ends record it ({@link MethodIRBuilder#guard}, {@link MethodIRBuilder#beginGuarded}).
 * Each method below is written as a front end lowers it; the site under the guard is the box at
 * line 20.
 */
class CacheMissesTest {
  private static final String OWNER = "com.acme.Labels";
  private static final FieldRef CACHE = new FieldRef(OWNER, "cache", false);
  private static final FieldRef OTHER = new FieldRef(OWNER, "other", false);
  private static final FieldRef TABLE = new FieldRef(OWNER, "table", false);
  private static final FieldRef SHARED = new FieldRef(OWNER, "SHARED", true);

  private final MethodIRBuilder b =
      new MethodIRBuilder(new MethodRef(OWNER, "labels", List.of("java.lang.String"), "java.util.List", false),
          "Labels.labels", "Labels.java", SourcePos.line(1));
  private final Var self = b.param("this", OWNER, SourcePos.line(1));
  private final Var key = b.param("key", "java.lang.String", SourcePos.line(1));

  private static SourcePos at(int line) {
    return SourcePos.line(line);
  }

  private static MethodRef instance(String owner, String name, int args) {
    return new MethodRef(owner, name, java.util.Collections.nCopies(args, "java.lang.Object"), "java.lang.Object", false);
  }

  /** {@code $m = this.f}, a fresh read of the field, as both front ends lower every read. */
  private Var read(FieldRef f, int line) {
    Var m = b.temp("java.util.Map");
    b.load(m, self, f, at(line));
    return m;
  }

  /** {@code v = this.f.get(k)}. */
  private Var get(FieldRef f, Var k, int line) {
    Var v = b.local("v", "java.util.List");
    b.call(v, instance("java.util.Map", "get", 1), List.of(read(f, line), k), at(line));
    return v;
  }

  /** {@code this.f.put(k, v)}. */
  private void put(FieldRef f, Var k, Var v, int line) {
    b.call(null, instance("java.util.Map", "put", 2), List.of(read(f, line), k, v), at(line));
  }

  /** {@code t = new ArrayList()} at line 22: the value a miss computes. */
  private Var fresh() {
    Var t = b.local("t", "java.util.List");
    b.alloc(t, SiteKind.NEW_OBJECT, "java.util.ArrayList", at(22), null);
    return t;
  }

  /** The site inside the guarded code: a box in a loop, as in antlr4's Recognizer.getTokenTypeMap. */
  private AllocSite boxInALoop() {
    b.beginLoop(LoopKind.FOR, at(19), SymbolicExpr.of("n"), null);
    AllocSite box = b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(20),
        new AllocSite.Boxing("int", null));
    b.endLoop();
    return box;
  }

  /**
   * The cache miss of the box in a loop that runs under guard {@code g}, followed there by what
   * {@code then} adds (the store back, or not), as a front end lowers {@code if (…) { for (…) box;
   * … }}; null when it is none.
   */
  private CacheMisses.Miss missOf(CacheMisses.Guard g, Runnable then) {
    b.beginGuarded(b.guard(g));
    AllocSite box = boxInALoop();
    then.run();
    b.endGuarded();
    return b.build().cacheMiss(box);
  }

  /** {@code v = cache.get(key); if (v == null) { …box…; v = new ArrayList(); <store>; }}. */
  private CacheMisses.Miss getThenStore(FieldRef putInto, Var putKey) {
    Var v = get(CACHE, key, 17);
    return missOf(CacheMisses.Guard.nullTest(v), () -> {
      b.alloc(v, SiteKind.NEW_OBJECT, "java.util.ArrayList", at(22), null);
      put(putInto, putKey, v, 23);
    });
  }

  @Test
  void aValueComputedWhenTheLookupMissedAndPutBackUnderTheSameKeyIsACacheMiss() {
    assertEquals(new CacheMisses.Miss(CacheMisses.Kind.KEY, "cache", at(23)), getThenStore(CACHE, key));
  }

  @Test
  void putIntoAnotherMapIsNoCacheMiss() {
    assertNull(getThenStore(OTHER, key), "the next lookup in cache misses again");
  }

  @Test
  void putUnderAnotherKeyIsNoCacheMiss() {
    assertNull(getThenStore(CACHE, b.local("alias", "java.lang.String")));
  }

  @Test
  void aNullCheckOnAFreshValueIsNoCacheMiss() {
    Var v = b.local("v", "java.util.List");
    b.alloc(v, SiteKind.NEW_OBJECT, "java.util.ArrayList", at(16), null);
    assertNull(missOf(CacheMisses.Guard.nullTest(v), () -> put(CACHE, key, v, 23)));
  }

  @Test
  void aValueAlsoAssignedOtherwiseBeforeTheCheckIsNoCacheMiss() {
    Var v = get(CACHE, key, 17);
    b.alloc(v, SiteKind.NEW_OBJECT, "java.util.ArrayList", at(18), null); // outside the guarded code
    assertNull(missOf(CacheMisses.Guard.nullTest(v), () -> put(CACHE, key, v, 23)));
  }

  @Test
  void aMapTheMethodCreatesIsFilledNotACache() {
    // m = new HashMap(); v = m.get(key); if (v == null) { …box…; m.put(key, new ArrayList()); }
    Var m = b.local("m", "java.util.Map");
    b.alloc(m, SiteKind.NEW_OBJECT, "java.util.HashMap", at(15), null);
    Var v = b.local("v", "java.util.List");
    b.call(v, instance("java.util.Map", "get", 1), List.of(m, key), at(17));
    CacheMisses.Miss miss = missOf(CacheMisses.Guard.nullTest(v),
        () -> b.call(null, instance("java.util.Map", "put", 2), List.of(m, key, fresh()), at(23)));
    assertNull(miss, "every new key takes the miss path on every call");
  }

  @Test
  void aMissingKeyThatTheGuardedCodePutsIsACacheMiss() {
    b.beginGuarded(b.guard(CacheMisses.Guard.missingKey(read(CACHE, 17), key)));
    AllocSite box = boxInALoop();
    put(CACHE, key, fresh(), 23);
    b.endGuarded();
    AllocSite after = b.alloc(b.temp("java.util.ArrayList"), SiteKind.NEW_OBJECT, "java.util.ArrayList", at(25), null);
    MethodIR ir = b.build();
    assertEquals(new CacheMisses.Miss(CacheMisses.Kind.KEY, "cache", at(23)), ir.cacheMiss(box));
    assertNull(ir.cacheMiss(after), "the guard covers only what runs under it");
  }

  @Test
  void twoBoxesOfTheSameValueAreTheSameKey() {
    Boxes.Value code = new Boxes.Value(Boxes.Value.Kind.LOCAL, "code", "1");
    Var k1 = b.temp("java.lang.Integer");
    b.alloc(k1, SiteKind.BOXING, "java.lang.Integer", at(16), new AllocSite.Boxing("int", null, null, code));
    Var v = get(CACHE, k1, 17);
    CacheMisses.Miss miss = missOf(CacheMisses.Guard.nullTest(v), () -> {
      Var k2 = b.temp("java.lang.Integer");
      b.alloc(k2, SiteKind.BOXING, "java.lang.Integer", at(23), new AllocSite.Boxing("int", null, null, code));
      put(CACHE, k2, v, 23);
    });
    assertEquals(CacheMisses.Kind.KEY, miss.kind());
  }

  @Test
  void aFieldSetWhereItWasNullIsACacheMissOncePerObject() {
    // if (this.table == null) { …box…; this.table = new ArrayList(); }
    assertEquals(new CacheMisses.Miss(CacheMisses.Kind.FIELD, "table", at(23)),
        missOf(CacheMisses.Guard.nullTest(read(TABLE, 17)), () -> b.store(self, TABLE, fresh(), at(23))));
  }

  @Test
  void settingAnotherFieldIsNoCacheMiss() {
    Var tested = read(TABLE, 17);
    CacheMisses.Miss miss = missOf(CacheMisses.Guard.nullTest(tested), () -> b.store(self, OTHER, fresh(), at(23)));
    assertNull(miss, "table stays null, so every call runs it again");
  }

  @Test
  void aStaticFieldSetWhereItWasNullIsACacheMiss() {
    Var s = b.temp("java.util.List");
    b.staticLoad(s, SHARED, at(17));
    assertEquals(new CacheMisses.Miss(CacheMisses.Kind.STATIC_FIELD, "Labels.SHARED", at(23)),
        missOf(CacheMisses.Guard.nullTest(s), () -> b.staticStore(SHARED, fresh(), at(23))));
  }

  @Test
  void anArrayElementStoredBackIntoTheSameArrayIsACacheMiss() {
    Var row = b.local("row", "java.lang.String");
    b.load(row, read(TABLE, 17), FieldRef.ARRAY_ELEMENT, at(17));
    assertEquals(new CacheMisses.Miss(CacheMisses.Kind.ELEMENT, "table", at(23)),
        missOf(CacheMisses.Guard.nullTest(row), () -> b.store(read(TABLE, 23), FieldRef.ARRAY_ELEMENT, fresh(), at(23))));
  }

  @Test
  void aStoreAfterTheGuardedCodeDoesNotCount() {
    Var v = get(CACHE, key, 17);
    b.beginGuarded(b.guard(CacheMisses.Guard.nullTest(v)));
    AllocSite box = boxInALoop();
    b.endGuarded();
    put(CACHE, key, v, 25);
    assertNull(b.build().cacheMiss(box));
  }

  /**
   * {@code <map>.computeIfAbsent(key, k -> { for (…) box; })}: the caller, with the lambda (no site:
   * it captures nothing) passed as argument slot 2 of the call, and the lambda body with its box.
   */
  private List<MethodIR> computeIfAbsent(Var map) {
    String bodyKey = OWNER + "#lambda$labels$0(java.lang.String)";
    b.handle(bodyKey, null);
    Stmt.Call c = b.call(b.temp("java.lang.Object"), instance("java.util.Map", "computeIfAbsent", 2),
        java.util.Arrays.asList(map, key, null), at(18));
    b.passesHandle(bodyKey, c, 2);
    MethodIRBuilder body = new MethodIRBuilder(new MethodRef(OWNER, "lambda$labels$0", List.of("java.lang.String"),
        "java.lang.Object", false), "lambda in Labels.labels", "Labels.java", SourcePos.line(18)).synthetic(true);
    body.param("k", "java.lang.String", SourcePos.line(18));
    body.beginLoop(LoopKind.FOR, at(19), SymbolicExpr.of("n"), null);
    body.alloc(body.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(20), new AllocSite.Boxing("int", null));
    body.endLoop();
    return CacheMisses.linkMappingFunctions(List.of(b.build(), body.build()));
  }

  @Test
  void theMappingFunctionOfComputeIfAbsentOnAFieldRunsOnTheMiss() {
    List<MethodIR> ms = computeIfAbsent(read(CACHE, 18));
    MethodIR body = ms.get(1);
    CacheMisses.Miss miss = body.cacheMiss(body.sites().get(0));
    assertEquals(new CacheMisses.Miss(CacheMisses.Kind.KEY, "cache", at(18)), miss);
    assertEquals(java.util.Map.of(), ms.get(0).control().cacheMisses(), "the caller's own code runs on every call");
  }

  @Test
  void theMappingFunctionOfAMapMadeHereOrHandedInRunsPerCall() {
    Var made = b.local("m", "java.util.Map");
    b.alloc(made, SiteKind.NEW_OBJECT, "java.util.HashMap", at(17), null);
    MethodIR body = computeIfAbsent(made).get(1);
    assertNull(body.cacheMiss(body.sites().get(0)), "a map the method creates is filled, not a cache");
  }

  @Test
  void aParameterMapIsNoCache() {
    Var given = b.param("given", "java.util.Map", SourcePos.line(1));
    MethodIR body = computeIfAbsent(given).get(1);
    assertNull(body.cacheMiss(body.sites().get(0)), "a map the caller hands in");
  }
}
