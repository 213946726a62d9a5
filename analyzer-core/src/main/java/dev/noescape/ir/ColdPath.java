package dev.noescape.ir;

/**
 * Why a statement runs rarely, or only once, whatever loop it sits in: the cold-path fact of
 * {@link StmtContext#cold()}. Front ends decide it from the method's structure, each in the terms
 * of its input, by the same definitions:
 *
 * <ul>
 *   <li>{@link #ERROR}: the statement runs only on the way to a failure. It is in a {@code catch}
 *       block (in bytecode: code that only an exception edge reaches, which includes the exceptional
 *       copy of a {@code finally}), it evaluates the operand of a {@code throw}, or every normal
 *       path from it ends in a {@code throw} ({@code if (bad) { String m = String.format(...); throw
 *       new X(m); }}), a loop counting by its exits (a loop whose every exit leads to the throw is on
 *       the way to it: {@code for (…) { msg.append(…); } throw e;}; one without exit leads nowhere),
 *       or in a call of a method that never returns normally, the call's arguments included
 *       ({@code if (bad) fail(String.format(...));}). Also the arm of a branch that logs at error
 *       level ({@link Arms#errorLogged}: it reports a failure it handles, once per failure).
 *       That last part needs the callees' summaries, so the front ends only record the flow
 *       ({@link ThrowFlow}) and the engine decides it ({@code MethodResult.cold}); the rest is in
 *       {@link StmtContext#cold()}.
 *   <li>{@link #ASSERTION}: inside an {@code assert} statement (it runs only with {@code -ea}).
 *   <li>{@link #LOGGING}: in the branch a logging level check guards ({@code if
 *       (log.isDebugEnabled())}, {@code isLoggable(Level.FINE)}, …; the checks are data:
 *       {@code models/logging-guards}, read by {@code dev.noescape.models.LoggingGuards}).
 *   <li>{@link #CLASS_INIT}: in a static initializer ({@code <clinit>}: static field initializers,
 *       {@code static {}} blocks, an enum's constants), which runs once per class, and an enum's
 *       constructors.
 *   <li>{@link #ONE_TIME}: in a method that runs only once, during class initialization: every call
 *       of it is in a static initializer or in another such method, and no code outside the program
 *       can call it. That needs the whole program's calls, so the engine decides it
 *       ({@code engine.OneTimeMethods}, read through {@code MethodResult.cold}); front ends never
 *       set it.
 *   <li>{@link #CONSTRUCTION}: in set-up code, which runs once per object it builds, not once per
 *       operation: a constructor, a static factory (a static method returning its own class), a
 *       method of a builder (a {@code *Builder} class that declares {@code build}), and the private
 *       helpers only those call. Also the whole program's calls: the engine decides it
 *       ({@code engine.ConstructionMethods}), front ends never set it. Unlike the others, a hot
 *       annotation on the method overrides it ({@code @HotPath} on a constructor says its objects are
 *       built per operation), and so does the option to report outside loops.
 *   <li>{@link #DESCRIPTION}: in {@code toString()} and the private helpers only it runs: it
 *       describes the object for people (a log line, an exception message, a debugger's view), so it
 *       runs once per description, not once per operation. The engine decides it with set-up code
 *       ({@code engine.ConstructionMethods}), and the same overrides apply: a hot annotation on the
 *       method, or the option to report outside loops.
 *   <li>{@link #ONCE_BRANCH}: inside a loop, the arm of an {@code if} that turns its own guard off:
 *       the guard tests a one-time flag ({@code if (!done) { done = true; … }}, {@code if (first) {
 *       first = false; … }}) or a sentinel ({@code if (x == null) { x = new …; … }}, {@code if
 *       (start == 0.0 && …) { start = read(); … }}), the arm stores into it unconditionally (or a
 *       flag is cleared right after the arm, on every path from it), and nothing else in the loop
 *       brings the sentinel back ({@link OnceBranches} says which stores count): the arm runs at most once per
 *       call, not per iteration. Unlike the others it does not cover a loop inside the arm, which
 *       repeats ({@link #coversNestedLoops}).
 *   <li>{@link #CACHE_MISS}: in code that runs only when a lookup found nothing ({@code if (v ==
 *       null)} after {@code v = cache.get(k)}, {@code if (!cache.containsKey(k))}, {@code if (field
 *       == null)}) and that stores its result back where the lookup looked: it runs once per key,
 *       or once per object, not once per call. Front ends record the guards; {@link CacheMisses}
 *       decides from the IR, read through {@code MethodResult.cold}; front ends never set it.
 * </ul>
 *
 * A statement that is in none of these is {@link #NONE}. Allocation rules that report an
 * allocation because it repeats (in a loop) do not warn about cold statements: an allocation that
 * runs once per failure, per log line at a disabled level, once per class or once per object built
 * does not repeat in normal operation.
 */
public enum ColdPath {
  NONE(null),
  ERROR("on an error path"),
  ASSERTION("in an assertion"),
  LOGGING("only when a logging level is enabled"),
  CLASS_INIT("runs once, at class initialization"),
  ONE_TIME("runs once"),
  CONSTRUCTION("in set-up code"),
  DESCRIPTION("in toString"),
  ONCE_BRANCH("at most once per call: the branch or what follows it sets the flag or sentinel its guard tests"),
  CACHE_MISS("on a cache miss");

  private final String phrase;

  ColdPath(String phrase) {
    this.phrase = phrase;
  }

  public boolean isCold() {
    return this != NONE;
  }

  /**
   * Whether a hot annotation on the method (or the option to report outside loops) overrides this
   * cold path: set-up code and {@code toString} are cold by the method's role, which the program can
   * contradict ({@code @HotPath} on a constructor: its objects are built per operation); the others
   * are cold by the code's own structure.
   */
  public boolean overridable() {
    return this == CONSTRUCTION || this == DESCRIPTION;
  }

  /**
   * Whether a loop inside the cold code is cold too: code that runs once per failure, class or
   * object runs its loops once per failure, class or object, but a once-branch runs once per call,
   * and a loop inside it still repeats its body on every iteration.
   */
  public boolean coversNestedLoops() {
    return this != ONCE_BRANCH;
  }

  /** How messages say it: {@code on an error path}; null for {@link #NONE}. */
  public String phrase() {
    return phrase;
  }
}
