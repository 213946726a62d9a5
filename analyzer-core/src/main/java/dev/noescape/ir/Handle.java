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
 */
public record Handle(String method, int site) {}
