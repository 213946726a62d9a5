package dev.noescape.ir;

/**
 * A method a body refers to without calling it: the body of a lambda it creates, or the target of
 * a method reference ({@code Foo::bar}, {@code this::bar}, {@code Foo::new}), capturing or not.
 * Whoever holds the functional object can call that method at any time, so the engine counts a
 * handle as a caller of its own kind: one-time only when the functional object provably does not
 * outlive the one-time method creating it ({@code engine.OneTimeMethods}).
 *
 * @param method the {@link MethodRef#key()} of the method (a lambda body's synthetic method, as
 *     the front end names it, or the referenced method)
 * @param site the id of the {@link AllocSite} of the functional object in this body, or -1 when it
 *     has none (a non-capturing lambda or reference is a constant: no site, no escape verdict)
 * @param call the {@link StmtContext#ordinal()} of the call this body passes the functional object
 *     to straight after making it ({@code cache.computeIfAbsent(k, x -> …)}), or -1 when the front
 *     end saw none: the IR has no variable for a non-capturing lambda, so the data flow alone
 *     cannot say which call receives it ({@link CacheMisses#mappingFunctions})
 * @param arg for {@code call}, the index of the argument slot it is passed in (the receiver is 0)
 * @param type the functional interface the object implements (binary name), or null when the front
 *     end did not say: a class of the program's that the JVM spins at run time, which class
 *     hierarchy analysis must count as an implementation of the interface's method
 *     ({@code jit.C2Model#onlyImplementation})
 */
public record Handle(String method, int site, int call, int arg, String type) {
  /** A handle passed to no call the front end saw, of an interface the front end did not say. */
  public Handle(String method, int site) {
    this(method, site, -1, -1, null);
  }

  /** A handle passed to no call the front end saw. */
  public Handle(String method, int site, String type) {
    this(method, site, -1, -1, type);
  }
}
