package dev.noescape.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shipped JDK models: every entry names a real JDK method, and the key semantics are right. */
class JdkModelsTest {
  // Read through a method, not a static field: a broken models file then fails each test with its
  // line number instead of failing class initialisation.
  private static JdkModels models() {
    return JdkModels.instance();
  }

  private static final Map<String, Class<?>> PRIMITIVES = Map.of(
      "boolean", boolean.class, "byte", byte.class, "char", char.class, "short", short.class,
      "int", int.class, "long", long.class, "float", float.class, "double", double.class);

  @Test
  void wholeFileParsesIntoASharedInstance() {
    assertSame(models(), JdkModels.instance());
    assertTrue(models().size() > 1000, "expected a broad table, got " + models().size());
    for (Model m : models().models()) {
      assertEquals("model", m.summary().origin(), m.key());
      assertEquals(m.slotCount(), m.summary().params().size(), m.key() + " (line " + m.line() + ")");
    }
  }

  /**
   * Catches typos: the owner, name, erased parameter types and static-ness of every entry must match
   * a public method or constructor of the running JDK, and the tags must make sense for its types
   * (only reference slots can escape or be stored; only reference results can be fresh or returned).
   */
  @Test
  void everyModelNamesARealJdkMethodWithMatchingTypes() {
    int feature = Runtime.version().feature();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Model m : models().models()) {
      if (m.since() > feature) continue; // e.g. a Java 21 method while the tests run on 17
      String where = m.key() + " (line " + m.line() + "): ";
      try {
        Class<?> owner = Class.forName(m.owner(), false, getClass().getClassLoader());
        Class<?>[] types = new Class<?>[m.paramTypes().size()];
        for (int i = 0; i < types.length; i++) types[i] = type(m.paramTypes().get(i));
        Executable e = find(owner, m.name(), types);
        if (e == null) {
          problems.add(where + "no such public " + (m.name().equals("<init>") ? "constructor" : "method"));
          continue;
        }
        checked++;
        boolean isStatic = e instanceof Method && Modifier.isStatic(e.getModifiers());
        if (isStatic != m.isStatic()) problems.add(where + "static in the JDK: " + isStatic);
        Class<?> result = e instanceof Method meth ? meth.getReturnType() : void.class;
        problems.addAll(tagProblems(where, m, types, result));
      } catch (ClassNotFoundException ex) {
        problems.add(where + "no class " + ex.getMessage());
      }
    }
    assertEquals(List.of(), problems, problems.size() + " bad entries");
    assertTrue(checked > 1000, "checked " + checked);
  }

  private static List<String> tagProblems(String where, Model m, Class<?>[] types, Class<?> result) {
    List<String> out = new ArrayList<>();
    MethodSummary s = m.summary();
    int first = m.isStatic() ? 0 : 1;
    boolean refResult = !result.isPrimitive();
    if (s.freshReturn() && !refResult) out.add(where + "'fresh' but returns " + result);
    for (int slot = 0; slot < s.params().size(); slot++) {
      ParamTag t = s.param(slot);
      boolean primitiveSlot = slot >= first && types[slot - first].isPrimitive();
      if (primitiveSlot && !t.isNone()) out.add(where + "slot " + slot + " is a primitive but tagged " + t.describe());
      if ((t.toReturn() || t.contentToReturn()) && !refResult) {
        out.add(where + "slot " + slot + " flows to a result of type " + result);
      }
      if (t.escapes() && t.why() == null) out.add(where + "slot " + slot + " escapes without a reason");
      Set<Integer> targets = new HashSet<>(t.intoContentOf());
      targets.addAll(t.contentIntoContentOf());
      for (int target : targets) {
        if (target >= first && types[target - first].isPrimitive()) {
          out.add(where + "slot " + slot + " stored into primitive slot " + target);
        }
      }
    }
    return out;
  }

  private static Executable find(Class<?> owner, String name, Class<?>[] types) {
    try {
      if (name.equals("<init>")) {
        // getDeclaredConstructors, then public only: callers outside java.* can only use those.
        for (Constructor<?> c : owner.getDeclaredConstructors()) {
          // Protected too: a subclass's super(...) call reaches those (Record(), Enum(String, int)).
          if (Arrays.equals(c.getParameterTypes(), types)
              && (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))) return c;
        }
        return null;
      }
      return owner.getMethod(name, types); // public, declared or inherited
    } catch (NoSuchMethodException e) {
      // Protected methods of Object: arrays make clone() public, and super.clone() reaches it.
      try {
        Method m = owner.getDeclaredMethod(name, types);
        return owner == Object.class && Modifier.isProtected(m.getModifiers()) ? m : null;
      } catch (NoSuchMethodException e2) {
        return null;
      }
    }
  }

  private static Class<?> type(String name) throws ClassNotFoundException {
    int dims = 0;
    while (name.endsWith("[]")) {
      name = name.substring(0, name.length() - 2);
      dims++;
    }
    Class<?> c = PRIMITIVES.containsKey(name) ? PRIMITIVES.get(name)
        : Class.forName(name, false, JdkModelsTest.class.getClassLoader());
    for (int i = 0; i < dims; i++) c = c.arrayType();
    return c;
  }

  // ---- semantics that matter most, through the SummaryProvider interface as the engine sees it

  private static MethodSummary summary(String owner, String name, boolean isStatic, String... params) {
    MethodRef ref = new MethodRef(owner, name, List.of(params), "java.lang.Object", isStatic);
    Optional<MethodSummary> s = models().lookup(ref);
    assertTrue(s.isPresent(), "not modelled: " + ref.key());
    return s.get();
  }

  @Test
  void arrayListAddStoresTheElementIntoTheListWithoutEscaping() {
    MethodSummary s = summary("java.util.ArrayList", "add", false, "java.lang.Object");
    ParamTag element = s.param(1);
    assertEquals(Set.of(0), element.intoContentOf());
    assertFalse(element.escapes());
    assertFalse(element.toReturn());
    assertTrue(s.param(0).isNone());
    assertEquals(Allocates.YES, s.allocates(), "may grow its array");
  }

  @Test
  void mapGetReturnsContentOfTheMap() {
    MethodSummary s = summary("java.util.Map", "get", false, "java.lang.Object");
    assertTrue(s.param(0).contentToReturn());
    assertFalse(s.param(0).escapes());
    assertFalse(s.param(0).toReturn());
    assertTrue(s.param(1).isNone());
    assertFalse(s.freshReturn());
    assertEquals(Allocates.NO, s.allocates());
  }

  @Test
  void mapPutStoresKeyAndValueAndReturnsTheOldValue() {
    MethodSummary s = summary("java.util.HashMap", "put", false, "java.lang.Object", "java.lang.Object");
    assertEquals(Set.of(0), s.param(1).intoContentOf());
    assertEquals(Set.of(0), s.param(2).intoContentOf());
    assertTrue(s.param(0).contentToReturn());
    assertFalse(s.param(1).escapes() || s.param(2).escapes());
  }

  @Test
  void stringBuilderAppendReturnsThisAndDoesNotKeepItsArgument() {
    for (String owner : List.of("java.lang.StringBuilder", "java.lang.StringBuffer")) {
      MethodSummary s = summary(owner, "append", false, "java.lang.Object");
      assertTrue(s.param(0).toReturn(), owner);
      assertFalse(s.freshReturn(), owner);
      assertTrue(s.param(1).isNone(), "trust assumption: toString() does not publish its receiver");
    }
    assertTrue(summary("java.lang.StringBuilder", "toString", false).freshReturn());
  }

  @Test
  void threadStartPublishesTheThread() {
    ParamTag self = summary("java.lang.Thread", "start", false).param(0);
    assertTrue(self.escapes());
    assertEquals("started thread", self.why());
    assertTrue(summary("java.lang.Thread", "<init>", false, "java.lang.Runnable").param(1).escapes());
  }

  @Test
  void boxingValueOfIsNotFreshBecauseOfCaches() {
    MethodSummary integer = summary("java.lang.Integer", "valueOf", true, "int");
    assertFalse(integer.freshReturn());
    assertEquals(Allocates.YES, integer.allocates());
    assertEquals(Allocates.NO, summary("java.lang.Boolean", "valueOf", true, "boolean").allocates());
    assertEquals(Allocates.NO, summary("java.lang.Byte", "valueOf", true, "byte").allocates());
    assertEquals(Allocates.NO, summary("java.lang.Integer", "intValue", false).allocates());
  }

  @Test
  void listOfIsFreshAndHoldsItsArguments() {
    MethodSummary s = summary("java.util.List", "of", true, "java.lang.Object", "java.lang.Object");
    assertTrue(s.freshReturn());
    assertTrue(s.param(0).toReturn() && s.param(1).toReturn());
    assertFalse(s.param(0).escapes());
    MethodSummary varargs = summary("java.util.List", "of", true, "java.lang.Object[]");
    assertTrue(varargs.param(0).contentToReturn(), "the array is copied, its elements are kept");
    assertFalse(varargs.param(0).toReturn());
    assertFalse(summary("java.util.List", "copyOf", true, "java.util.Collection").freshReturn(),
        "copyOf returns an already immutable argument as is");
  }

  @Test
  void callbacksRunDuringTheCallAreNotKeptButSeeTheElements() {
    // Trust assumption 4: forEach invokes the action and drops it. The action object is not kept
    // (ArgEscape for the caller), what it captures is exposed to unknown code (contentEscapes),
    // and so are the elements it is shown.
    for (String owner : List.of("java.util.ArrayList", "java.util.List", "java.lang.Iterable", "java.util.HashSet")) {
      MethodSummary s = summary(owner, "forEach", false, "java.util.function.Consumer");
      assertFalse(s.param(1).escapes(), owner);
      assertTrue(s.param(1).contentEscapes(), owner);
      assertTrue(s.param(0).contentEscapes(), owner);
      assertFalse(s.param(0).escapes(), owner);
    }
    MethodSummary cia = summary("java.util.HashMap", "computeIfAbsent", false, "java.lang.Object",
        "java.util.function.Function");
    assertTrue(cia.param(1).escapes(), "the key is shown to the mapping function");
    assertFalse(cia.param(2).escapes());
    assertTrue(cia.param(2).contentEscapes());
    // A callback the JDK keeps beyond the call escapes.
    assertTrue(summary("java.util.concurrent.ExecutorService", "submit", false, "java.lang.Runnable")
        .param(1).escapes());
  }

  @Test
  void arraycopyMovesSourceContentIntoDestination() {
    MethodSummary s = summary("java.lang.System", "arraycopy", true,
        "java.lang.Object", "int", "java.lang.Object", "int", "int");
    assertEquals(Set.of(2), s.param(0).contentIntoContentOf());
    assertFalse(s.param(0).escapes());
    assertTrue(s.param(2).isNone());
    assertEquals(Allocates.NO, s.allocates());
  }

  @Test
  void nonAllocatingPrimitivesAndStringQueries() {
    assertEquals(Allocates.NO, summary("java.lang.Math", "max", true, "int", "int").allocates());
    assertEquals(Allocates.NO, summary("java.lang.String", "length", false).allocates());
    MethodSummary substring = summary("java.lang.String", "substring", false, "int");
    assertFalse(substring.freshReturn(), "substring(0) returns this");
    assertTrue(substring.param(0).toReturn());
  }

  /** Lookup resolves families lazily; it must agree with the full expansion the other tests check. */
  @Test
  void lookupAgreesWithTheFullExpansionForEveryEntry() {
    JdkModels fresh = JdkModels.parse("jdk.models", new java.io.InputStreamReader(
        JdkModels.class.getResourceAsStream(JdkModels.RESOURCE), java.nio.charset.StandardCharsets.UTF_8));
    for (Model m : models().models()) {
      MethodRef ref = new MethodRef(m.owner(), m.name(), m.paramTypes(), "java.lang.Object", m.isStatic());
      assertEquals(Optional.of(m.summary()), models().lookup(ref), m.key());
      assertEquals(Optional.of(m.summary()), fresh.lookup(ref), m.key());
    }
  }

  @Test
  void lookupRejectsUnknownMethodsAndStaticMismatches() {
    assertTrue(models().lookup(new MethodRef("java.util.ArrayList", "add", List.of("int"), "boolean", false)).isEmpty());
    assertTrue(models().lookup(new MethodRef("com.example.Foo", "bar", List.of(), "void", false)).isEmpty());
    assertTrue(models().lookup(new MethodRef("java.lang.Math", "max", List.of("int", "int"), "int", false)).isEmpty());
  }

  // ---- families

  @Test
  void collectionFamilyCoversInterfacesAndImplementations() {
    for (String owner : List.of("java.util.Collection", "java.util.List", "java.util.Set", "java.util.Queue",
        "java.util.Deque", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashSet",
        "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque", "java.util.PriorityQueue",
        "java.util.Vector", "java.util.Stack", "java.util.concurrent.CopyOnWriteArrayList",
        "java.util.concurrent.ConcurrentLinkedQueue")) {
      Optional<Model> m = models().model(owner + "#add(java.lang.Object)");
      assertTrue(m.isPresent(), owner);
      assertEquals("@Collection", m.get().family(), owner);
      assertEquals(Set.of(0), m.get().summary().param(1).intoContentOf(), owner);
    }
  }

  @Test
  void aSingleClassLineRefinesItsFamily() {
    Model refined = models().model("java.util.ArrayList#remove(java.lang.Object)").orElseThrow();
    assertNull(refined.family());
    assertEquals(Allocates.NO, refined.summary().allocates());
    Model family = models().model("java.util.concurrent.CopyOnWriteArrayList#remove(java.lang.Object)").orElseThrow();
    assertEquals("@Collection", family.family());
    assertEquals(Allocates.YES, family.summary().allocates());
  }

  @Test
  void iteratorsAreFreshOnlyForConcreteClasses() {
    assertTrue(summary("java.util.ArrayList", "iterator", false).freshReturn());
    assertFalse(summary("java.util.List", "iterator", false).freshReturn(), "emptyList() shares one");
    assertTrue(summary("java.util.List", "iterator", false).param(0).toReturn());
  }

  @Test
  void parserExpandsNestedFamiliesAndLetsExplicitLinesWinInAnyOrder() {
    String text = """
        # explicit line first: still wins over the family line below
        java.util.ArrayList#size()  none  alloc=unknown
        family @A = java.util.ArrayList
        family @B = @A java.util.LinkedList java.util.ArrayList \\
            java.util.Vector
        @B#size()  none  alloc=no   # trailing comment
        static java.lang.Math#abs(int)  none  alloc=no
        java.lang.Thread#start()  esc("started thread")  alloc=yes
        java.util.List#get(int)  cret+cinto(1) none  alloc=no
        """;
    JdkModels m = JdkModels.parse("test", new java.io.StringReader(text));
    assertEquals(Set.of("java.util.ArrayList#size()", "java.util.LinkedList#size()", "java.util.Vector#size()",
        "java.lang.Math#abs(int)", "java.lang.Thread#start()", "java.util.List#get(int)"),
        new HashSet<>(m.models().stream().map(Model::key).toList()));
    assertEquals(Allocates.UNKNOWN, m.model("java.util.ArrayList#size()").orElseThrow().summary().allocates());
    assertEquals(Allocates.NO, m.model("java.util.Vector#size()").orElseThrow().summary().allocates());
    assertEquals(6, m.model("java.util.Vector#size()").orElseThrow().line(), "line of the logical line's start");
    ParamTag get = m.model("java.util.List#get(int)").orElseThrow().summary().param(0);
    assertTrue(get.contentToReturn());
    assertEquals(Set.of(1), get.contentIntoContentOf());
    ParamTag start = m.model("java.lang.Thread#start()").orElseThrow().summary().param(0);
    assertTrue(start.escapes() && start.contentEscapes(), "esc implies cesc");
    assertEquals("started thread", start.why());
  }

  @Test
  void escWithoutAReasonSaysItIsKept() {
    JdkModels m = JdkModels.parse("test", new java.io.StringReader(
        "family @E = java.util.concurrent.Executor java.util.concurrent.ForkJoinPool\n"
            + "@E#execute(java.lang.Runnable)  none esc  alloc=yes\n"));
    assertEquals("kept beyond the call",
        m.model("java.util.concurrent.ForkJoinPool#execute(java.lang.Runnable)").orElseThrow().summary().param(1).why());
  }

  @Test
  void protocolLinesAreListedForDispatch() {
    JdkModels m = JdkModels.parse("test", new java.io.StringReader(
        "protocol java.lang.Object#equals(java.lang.Object)  none none  alloc=no\n"
            + "java.lang.Object#hashCode()  none  alloc=no\n"));
    assertEquals(List.of(new MethodRef("java.lang.Object", "equals", List.of("java.lang.Object"), "java.lang.Object", false)),
        m.protocols());
    assertEquals(List.of(ParamTag.NONE, ParamTag.NONE), m.model("java.lang.Object#equals(java.lang.Object)").orElseThrow()
        .summary().params());
    // the shipped file: trust assumption 1's methods, and nothing a user class implements by contract alone
    List<String> shipped = models().protocols().stream().map(MethodRef::key).toList();
    assertTrue(shipped.containsAll(List.of("java.lang.Object#equals(java.lang.Object)", "java.lang.Object#hashCode()",
        "java.lang.Object#toString()", "java.lang.Comparable#compareTo(java.lang.Object)",
        "java.lang.CharSequence#charAt(int)")), shipped.toString());
    assertTrue(shipped.stream().noneMatch(k -> k.startsWith("java.util.")), shipped.toString());
    // and every functional interface's method invokes and drops its callback
    for (String k : List.of("java.util.function.Supplier#get()", "java.util.function.Function#apply(java.lang.Object)",
        "java.lang.Runnable#run()", "java.util.Comparator#compare(java.lang.Object,java.lang.Object)")) {
      ParamTag receiver = models().model(k).orElseThrow().summary().param(0);
      assertTrue(receiver.contentEscapes() && !receiver.escapes(), k + ": " + receiver);
    }
  }

  // ---- malformed input

  @Test
  void malformedLinesAreRejectedWithTheirLineNumber() {
    String ok = "java.lang.String#length()  none  alloc=no\n";
    Map<String, Integer> bad = new TreeMap<>();
    bad.put("# comment\n" + ok + "java.lang.String#charAt(int)  none  alloc=no\n", 3); // too few tags
    bad.put(ok + ok, 2); // duplicate
    bad.put(ok + "java.lang.String#length()  none\n", 2); // no alloc
    bad.put("java.lang.String#length()  bogus  alloc=no\n", 1);
    bad.put("java.lang.String#length()  none  alloc=maybe\n", 1);
    bad.put("java.lang.String#equals(Object)  none none  alloc=no\n", 1); // not fully qualified
    bad.put("\n\n@Nope#size()  none  alloc=no\n", 3); // unknown family
    bad.put("family @X = java.util.List\nfamily @X = java.util.Set\n", 2);
    bad.put("family @X java.util.List\n", 1);
    bad.put("java.util.List#add(java.lang.Object)  none into(2)  alloc=yes\n", 1); // slot out of range
    bad.put("java.util.List#add(java.lang.Object)  into(0) none  alloc=yes\n", 1); // into itself
    bad.put("static java.util.ArrayList#<init>()  alloc=no\n", 1);
    bad.put("java.util.ArrayList#<init>()  none  fresh alloc=no\n", 1);
    bad.put("java.lang.Thread#start()  esc(\"started thread)  alloc=yes\n", 1); // unclosed quote
    bad.put("java.lang.Thread#start()  esc(started)  alloc=yes\n", 1); // unquoted reason
    bad.put("java.lang.String#length()  none+ret  alloc=no\n", 1);
    bad.put("java.lang.String#length()  ret+ret  alloc=no\n", 1);
    bad.put("java.lang.String#length()  ret+  alloc=no\n", 1);
    bad.put("family @L = java.util.List\nprotocol @L#size()  none  alloc=no\n", 2); // a family's contract is no protocol
    bad.put("protocol java.util.ArrayList#<init>()  none  alloc=no\n", 1);
    bad.put("java.lang.String#length()  none  alloc=no since=11\n", 1);
    bad.put("java.lang.String#length()  none  alloc=no extra\n", 1);
    bad.put("String#length()  none  alloc=no\n", 1);
    bad.put("java.lang.String.length()  none  alloc=no\n", 1);
    // Two families giving one key: reported at the second family line.
    bad.put("family @A = java.util.List\nfamily @B = java.util.Set \\\n    java.util.List\n"
        + "@A#size()  none  alloc=no\n@B#size()  none  alloc=no\n", 5);
    bad.put("family @A = java.util.List Set\n", 1); // member not fully qualified
    bad.put("family @1 = java.util.List\n", 1);
    for (Map.Entry<String, Integer> e : bad.entrySet()) {
      ModelFormatException ex = org.junit.jupiter.api.Assertions.assertThrows(ModelFormatException.class,
          () -> JdkModels.parse("bad.models", new java.io.StringReader(e.getKey())), e.getKey());
      assertEquals(e.getValue(), ex.line(), e.getKey() + " -> " + ex.getMessage());
      assertTrue(ex.getMessage().startsWith("bad.models:" + e.getValue() + ": "), ex.getMessage());
      assertNotNull(ex.source());
    }
  }
}
