package dev.noescape.engine;

import dev.noescape.ir.ColdPath;

/**
 * Why a method is set-up code: it builds or configures an object, so it runs once per object it
 * builds, not once per operation on that object; or why it is a description of the object
 * ({@code toString}), run when someone reads it ({@link ConstructionMethods} decides both). Names,
 * not sentences: the rules word it.
 *
 * @param kind what the root is: a constructor, a static factory, a builder's method
 * @param root the display name of the root: the method itself when {@code depth} is 0, else the
 *     root a shortest chain of calls to the method starts from ({@code Foo.<init>}, {@code Foo.of},
 *     {@code Foo.Builder.add})
 * @param through null when the method is the root or a root calls it directly; else the display
 *     name of the caller that is not a root and is nearest one
 * @param depth 0 for a root, else the length of that chain (1: a root calls it directly)
 */
public record Construction(Kind kind, String root, String through, int depth) {
  /** What builds the object. */
  public enum Kind {
    /** An instance constructor ({@code <init>}). */
    CONSTRUCTOR,
    /** A static method that returns an object of its own class ({@code Foo.of}, {@code Foo.parse}). */
    FACTORY,
    /** A method of a builder class: a {@code *Builder} class that declares {@code build}. */
    BUILDER,
    /**
     * {@code toString()}: it describes the object for people (a log line, an exception message, a
     * debugger's view), once per description, not once per operation on the object. Not set-up
     * code, but cold for the same reason and overridden the same way, so it shares the closure
     * ({@link dev.noescape.ir.ColdPath#DESCRIPTION}).
     */
    DESCRIPTION
  }

  /** The cold path this fact makes of the method's code. */
  public ColdPath coldPath() {
    return kind == Kind.DESCRIPTION ? ColdPath.DESCRIPTION : ColdPath.CONSTRUCTION;
  }
}
