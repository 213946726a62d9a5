package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.engine.AnalysisResult;
import dev.noescape.ir.CalleeAllocation;
import dev.noescape.jit.C2Model;
import dev.noescape.jit.ClassFileFacts;
import dev.noescape.jit.JitTarget;
import dev.noescape.jit.SitePredictions;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C2 model through open dispatch ({@code dev.noescape.jit.InlinedAllocations}): a call whose
 * code the receiver's type profile picks is followed into every candidate implementation among the
 * classes the analyzed code (and the code it reaches) creates, each candidate's allocations
 * predicted as if it were the one C2 inlined; an allocation two candidates reach with different
 * fates (one returns it, one keeps it) is left out; the call stays named as depending on the
 * profile, for the receivers the program does not create.
 */
class BytecodeOpenDispatchTest {
  @TempDir static Path dir;
  static Path jdkProgram;
  static Path lib;
  static Path program;

  static final String JDK_CALLS = """
      import java.io.IOException;
      import java.io.StringWriter;
      final class Open {
        static Object create() {
          return new Object[] {new StringBuilder(), new StringWriter()};
        }
        static void append(Appendable a, CharSequence s) throws IOException {
          a.append(s);
        }
      }
      """;

  /** Code the program calls but the analysis does not see (as the JDK): its classes are facts only. */
  static final String LIBRARY = """
      interface Source { Object get(int n); }
      interface Maker { Object make(); }
      final class Box {
        final int n;
        Box(int n) { this.n = n; }
      }
      abstract class Base implements Source {
        static Object box(int n) { return new Box(n); }
      }
      // returns what Base.box allocates
      final class Giver extends Base {
        public Object get(int n) { return box(n); }
      }
      // keeps what Base.box allocates: the same allocation, another fate
      final class Keeper extends Base {
        Object last;
        public Object get(int n) { last = box(n); return null; }
      }
      final class Lister implements Source {
        public Object get(int n) { return new int[n]; }
      }
      // never created by the program: not a candidate
      final class Unused implements Source {
        public Object get(int n) { return new long[n]; }
      }
      final class Fresh implements Maker {
        public Object make() { return new Box(1); }
      }
      // a stream pipeline's shape: a final method of the base class calls abstract methods on `this`
      abstract class Pipe {
        abstract boolean stateful();
        abstract Object build(int n);
        final Object run(int n) { return stateful() ? null : build(n); }
        static Pipe head() { return new Head(); }
        static Object viaNew(int n) { return new Head().run(n); }
      }
      final class Head extends Pipe {
        boolean stateful() { return false; }
        Object build(int n) { return new int[n]; }
      }
      final class Tail extends Pipe {
        boolean stateful() { return true; }
        Object build(int n) { return new long[n]; }
      }
      """;

  static final String PROGRAM = """
      final class Prog {
        static void create() {
          new Giver();
          new Keeper();
          new Lister();
          new Fresh();
          new Tail();
        }
        static int use(Source s, int n) {
          Object o = s.get(n);
          return o == null ? 0 : 1;
        }
        static int local(Maker m) {
          Object o = m.make();
          return o == null ? 0 : 1;
        }
        static int pipe(int n) {
          Object o = Pipe.head().run(n);
          return o == null ? 0 : 1;
        }
        static int made(int n) {
          return Pipe.viaNew(n) == null ? 0 : 1;
        }
      }
      """;

  @BeforeAll
  static void compile() throws IOException {
    jdkProgram = Snippets.compile(dir.resolve("jdk"), "Open", JDK_CALLS, List.of());
    lib = Snippets.compile(dir.resolve("lib"), "Lib", LIBRARY, List.of());
    program = Snippets.compile(dir.resolve("prog"), "Prog", PROGRAM, List.of("-cp", lib.toString()));
  }

  static BytecodeAnalysis.Result analyze(Path classes) {
    RuleContext context = new RuleContext(21, false, false, 2, Set.of()).withJit(25, List.of(), false);
    return BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), Set.of(RuleId.NOT_SCALAR_REPLACED), context)
            .withCalleeAllocations(true).withKeepResults(true),
        BytecodeAnalysis.Progress.NONE);
  }

  /** The predictions inside the calls of {@code method}: {@code allocator what prediction condition}. */
  static List<String> in(SitePredictions p, String method) {
    return p.calleeAllocations().stream().filter(a -> a.caller().name().equals(method))
        .map(BytecodeOpenDispatchTest::describe).toList();
  }

  private static String describe(CalleeAllocation a) {
    return a.allocator().replaceFirst("\\(.*", "") + " " + a.what() + " " + a.runtime().label() + " "
        + a.runtime().condition().id();
  }

  private static List<String> open(SitePredictions p, String method) {
    return p.unpredictedCalls().stream().filter(c -> c.caller().name().equals(method))
        .map(c -> c.callee() + " " + c.stoppedAt()).toList();
  }

  /** The program analyzed alone, the model run with the library's class files as its facts (as the JDK's are). */
  static SitePredictions withLibrary() {
    BytecodeAnalysis.Result r = analyze(program);
    ClassFileFacts facts = new ClassFileFacts(name -> {
      Path f = lib.resolve(name.replace('.', '/') + ".class");
      try {
        return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return C2Model.predict(new AnalysisResult(r.inputResults(), Map.of()), new JitTarget(25, List.of()), facts, true);
  }

  @Test
  void aJdkInterfaceCallIsFollowedIntoTheClassesTheProgramCreates() {
    SitePredictions p = analyze(jdkProgram).predictions();
    List<String> append = in(p, "append");
    // StringBuilder.append(CharSequence) is a candidate: it grows a buffer whose length C2 does not know
    assertTrue(append.contains("java.util.Arrays#copyOf newarray byte[] heap array-length-not-constant"), append.toString());
    // CharBuffer and PrintStream are Appendables too, but nothing here creates one
    assertTrue(append.stream().noneMatch(s -> s.startsWith("java.nio.") || s.startsWith("java.io.PrintStream#")),
        append.toString());
    assertEquals(List.of("Appendable.append java.lang.Appendable#append(java.lang.CharSequence)"), open(p, "append"));
  }

  @Test
  void eachCandidateIsPredictedAndADisputedAllocationIsLeftOut() {
    SitePredictions p = withLibrary();
    // Giver and Keeper reach Base.box's Box, one returning it and one keeping it: left out;
    // Lister's array has a length C2 does not know; Unused is never created
    assertEquals(List.of("Lister#get newarray int[] heap array-length-not-constant"), in(p, "use"));
    // still named: a receiver class the program does not create would run other code
    assertEquals(List.of("Source.get Source#get(int)"), open(p, "use"));
  }

  @Test
  void callsOnAnExactReceiverRunTheMethodItsClassSelects() {
    SitePredictions p = withLibrary();
    // Pipe.head() returns a fresh Head: run's calls on `this` are Head's (C2's exact-type
    // devirtualization), not a type profile's pick among Head and Tail, which the program also creates
    assertEquals(List.of("Pipe#head new Head heap escapes", "Head#build newarray int[] heap array-length-not-constant"),
        in(p, "pipe"));
    assertEquals(List.of(), open(p, "pipe"));
    // the receiver a library method creates itself: the same
    assertEquals(List.of("Pipe#viaNew new Head heap kept-by-callee", "Head#build newarray int[] heap array-length-not-constant"),
        in(p, "made"));
    assertEquals(List.of(), open(p, "made"));
  }

  @Test
  void aCandidatesFreshResultHasNoVerdictOfTheEngine() {
    // the engine judges what an open call returns as escaped (unknown code made it): the model
    // keeps that verdict for the object a candidate returns
    assertEquals(List.of("Fresh#make new Box heap escapes"), in(withLibrary(), "local"));
  }
}
