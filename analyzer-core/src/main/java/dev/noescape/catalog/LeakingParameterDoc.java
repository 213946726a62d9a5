package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code LeakingParameter}: see {@link RuleDoc} for what each part is for. */
public final class LeakingParameterDoc {
  private LeakingParameterDoc() {}

  public static final String ID = "LeakingParameter";

  public static final String SUMMARY = "A parameter escapes the method (leaking param)";

  public static final String EXPLANATION = """
      Reports a reference parameter whose object may outlive the call or end up elsewhere, as the method's escape \
      summary tells its callers (Go's `leaking param`). One finding per parameter, at its declaration (bytecode has \
      no parameter lines: the bytecode front end reports all of a method's parameters on one line), naming the \
      strongest effect: `leaking param: p (stored into static field Registry.ALL, line 12)` (the object escapes: \
      stored in a static field or in an object that escapes, thrown, or handed to code that may keep it), `leaking \
      param: p to result` (it may be returned), `leaking param: p stored into list` (it may end up inside another \
      parameter, or `this`), `leaking param content: p` (objects reachable from it escape), `leaking param content: \
      p to result`. For an escaping parameter the parentheses give the first step of the reason chain; with \
      verbosity 2 every form carries the whole chain.

      ## Why it matters

      This is what callers see: an object a caller allocates and passes to a leaking parameter escapes in the caller \
      too, so the JIT can never remove that allocation. A parameter that only flows to the result leaks only where \
      the caller's result escapes. Knowing which parameters leak tells you which callee to change.

      ## What to write instead

      Nothing, when keeping the object is the method's job (`LISTENERS.add(listener)`): the finding then states the \
      summary every caller relies on. Otherwise keep what is needed instead of the object (copy its fields), and \
      keep arguments out of static fields and long-lived collections.

      ## What stays quiet

      Parameters that do not escape, primitive parameters, and `this` (storing or returning `this` is what methods \
      do). Parameters javac adds that the source does not declare (the outer instance of an inner class, the \
      captured values of a local class), and lambda bodies: what a lambda captures is reported where the lambda is \
      created.""";

  public static final String BEFORE = """
      static Order last;

      static void onOrder(Order o) {   // leaking param: o (stored into static field …)
        last = o;
      }""";

  public static final String AFTER = """
      static long lastId;

      static void onOrder(Order o) {   // callers' Orders no longer escape through this call
        lastId = o.id();
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.INFO, SUMMARY, EXPLANATION, BEFORE, AFTER,
      List.of(RuleOption.VERBOSITY));
}
