package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.ir.CalleeAllocation;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C2 model's predictions for what the JDK allocates inside the calls a method makes
 * ({@code dev.noescape.jit.InlinedAllocations}), read from the running JDK's class files: only when
 * the analysis asks for them (the command line's JSON at verbosity 2), per allocation named by its
 * method and bytecode offset.
 */
class BytecodeCalleeAllocationsTest {
  @TempDir static Path dir;
  static Path classes;

  static final String SOURCE = """
      import java.util.ArrayList;
      import java.util.Arrays;
      import java.util.Iterator;
      import java.util.List;
      final class Calls {
        static int exact(String s) {
          List<String> l = new ArrayList<>();
          l.add(s);
          return l.size();
        }
        static long viaDefault(String s) {
          List<String> l = new ArrayList<>();
          l.add(s);
          return l.stream().count();
        }
        static int open(List<String> l, String s) {
          l.add(s);
          return l.size();
        }
        static int stream(String s) {
          return s.codePoints().limit(1).sum();
        }
        static byte[] copy(byte[] b, int n) { return Arrays.copyOf(b, n); }
        static char first(String s) { return s.charAt(0); }
        static Iterator<String> leak(ArrayList<String> xs) { return xs.iterator(); }
        static Object kept(ArrayList<String> xs) {
          Iterator<String> it = xs.iterator();
          return it.hasNext() ? "x" : "y";
        }
      }
      """;

  @BeforeAll
  static void compile() throws IOException {
    classes = Snippets.compile(dir, "Calls", SOURCE, List.of());
  }

  static List<CalleeAllocation> run(int verbosity) {
    return run(verbosity, true);
  }

  static List<CalleeAllocation> run(int verbosity, boolean callees) {
    return result(verbosity, callees).predictions().calleeAllocations();
  }

  static BytecodeAnalysis.Result result(int verbosity) {
    return result(verbosity, true);
  }

  static BytecodeAnalysis.Result result(int verbosity, boolean callees) {
    RuleContext context = new RuleContext(21, false, false, verbosity, Set.of()).withJit(25, List.of(), false);
    return BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), Set.of(RuleId.NOT_SCALAR_REPLACED), context)
            .withCalleeAllocations(callees),
        BytecodeAnalysis.Progress.NONE);
  }

  /** The predictions inside the calls of {@code method}: {@code allocator-name what prediction condition}. */
  static List<String> in(List<CalleeAllocation> all, String method) {
    return all.stream().filter(a -> a.caller().name().equals(method))
        .map(a -> a.allocator().replaceFirst("\\(.*", "") + " " + a.what() + " " + a.runtime().label() + " "
            + a.runtime().condition().id())
        .toList();
  }

  @Test
  void onlyWhenTheAnalysisAsksForThem() {
    assertEquals(List.of(), run(2, false), "verbosity 2 alone (the javac plugin, the Maven goals) does not walk callees");
    assertTrue(!run(1, true).isEmpty() && !run(2, true).isEmpty());
  }

  @Test
  void aCopyOfVariableLengthAndABoundsCheckExceptionStayOnTheHeap() {
    List<CalleeAllocation> all = run(2);
    assertTrue(in(all, "copy").contains("java.util.Arrays#copyOf newarray byte[] heap array-length-not-constant"),
        in(all, "copy").toString());
    // JDK 17 throws StringIndexOutOfBoundsException in StringLatin1.charAt, JDK 25 an
    // IndexOutOfBoundsException in Preconditions.outOfBounds: either way an exception, heap
    assertTrue(in(all, "first").stream().anyMatch(s -> s.matches(".* new java\\.lang\\.\\w*IndexOutOfBoundsException heap exception")),
        in(all, "first").toString());
    CalleeAllocation copy = all.stream().filter(a -> a.caller().name().equals("copy")).findFirst().orElseThrow();
    assertEquals(23, copy.call().line());
    assertTrue(copy.call().hasBci(), "the bytecode front end knows the call's offset");
  }

  @Test
  void anIteratorTheCalleeReturnsIsJudgedByWhatTheCallerDoesWithIt() {
    List<CalleeAllocation> all = run(2);
    assertEquals(List.of("java.util.ArrayList#iterator new java.util.ArrayList$Itr heap escapes"), iterators(in(all, "leak")));
    assertEquals(List.of("java.util.ArrayList#iterator new java.util.ArrayList$Itr scalar-replaced none"),
        iterators(in(all, "kept")));
  }

  @Test
  void anInterfaceCallOnAFreshObjectIsFollowedIntoItsClass() {
    // List.add on `new ArrayList<>()`: C2 sees the allocation's class and inlines ArrayList.add,
    // whose growth path allocates the elementData array
    List<String> exact = in(run(2), "exact");
    assertTrue(exact.stream().anyMatch(s -> s.startsWith("java.util.ArrayList#grow anewarray java.lang.Object[] heap")),
        exact.toString());
  }

  @Test
  void aDefaultMethodOnAnExactReceiverIsFoundInItsInterface() {
    // ArrayList inherits Collection.stream(), a default method: the walk finds it where the call
    // names it, and reaches the stream's head
    List<CalleeAllocation> all = run(2);
    assertTrue(all.stream().anyMatch(a -> a.caller().name().equals("viaDefault") && a.callee().endsWith(".stream")
            && a.what().equals("new java.util.stream.ReferencePipeline$Head")),
        in(all, "viaDefault").toString());
  }

  @Test
  void anInterfaceCallOnAnUnknownReceiverIsPredictedForTheClassesTheProgramCreates() {
    // List.add on a parameter: the type profile picks the code; the program creates ArrayLists
    // (exact, viaDefault), so ArrayList.add is a candidate and its growth array is predicted; the
    // call stays in unpredictedCalls for the receivers the program does not create
    BytecodeAnalysis.Result result = result(2);
    List<String> open = in(result.predictions().calleeAllocations(), "open");
    assertTrue(open.contains("java.util.ArrayList#grow anewarray java.lang.Object[] heap array-length-not-constant"),
        open.toString());
    // LinkedList is a List too, but the program creates none
    assertTrue(open.stream().noneMatch(s -> s.startsWith("java.util.LinkedList#")), open.toString());
    List<String> calls = result.predictions().unpredictedCalls().stream()
        .filter(c -> c.caller().name().equals("open"))
        .map(c -> c.callee() + " " + c.stoppedAt())
        .toList();
    // List.size too: a call the type profile decides, even if it allocates nothing on ArrayList
    assertEquals(List.of("List.add java.util.List#add(java.lang.Object)", "List.size java.util.List#size()"), calls);
  }

  @Test
  void aCallOnWhatACalleeReturnsFreshIsFollowedIntoThatClass() {
    // s.codePoints() returns a new IntPipeline.Head on every path: limit(1) on it runs IntPipeline's
    // limit, which makes the slice stage
    List<CalleeAllocation> all = run(2);
    List<String> limit = all.stream()
        .filter(a -> a.caller().name().equals("stream") && a.callee().equals("IntStream.limit"))
        .map(a -> a.allocator().replaceFirst("\\(.*", "") + " " + a.what())
        .toList();
    assertTrue(limit.stream().anyMatch(s -> s.startsWith("java.util.stream.SliceOps#makeInt new java.util.stream.SliceOps$")),
        limit.toString());
  }

  private static List<String> iterators(List<String> predictions) {
    return predictions.stream().filter(s -> s.contains("ArrayList$Itr")).toList();
  }
}
