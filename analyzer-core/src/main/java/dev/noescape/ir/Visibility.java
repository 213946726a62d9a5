package dev.noescape.ir;

/**
 * Which code can name a method, and so call it: the fact both front ends record from its
 * modifiers ({@link MethodIR#visibility()}) so that the engine can tell when every caller of a
 * method is in the analyzed program (one-time methods, {@code engine.OneTimeMethods}).
 *
 * <ul>
 *   <li>{@link #PRIVATE}: only the code of its nest (the top-level class and the classes nested in
 *       it, which are compiled from one source file into one jar): {@code private} methods and
 *       constructors, lambda bodies, and the constructors of private nested, local and anonymous
 *       classes (a constructor is not inherited, so nobody who cannot name its class can call it);
 *   <li>{@link #PACKAGE}: only the code of its package: package-private methods, and the
 *       constructors of package-private classes;
 *   <li>{@link #PUBLIC}: any code ({@code public} and {@code protected} members, whatever their
 *       class: a public method of a hidden class can still implement an interface method, and a
 *       static one is reachable through a public subclass's name). The default when a front end
 *       does not say.
 * </ul>
 */
public enum Visibility {
  PRIVATE,
  PACKAGE,
  PUBLIC;

  /**
   * The visibility of a method from its own access and, for a constructor, its class's: a
   * constructor can be called only where its class can be named.
   *
   * @param isPrivate {@code private}
   * @param isPackagePrivate no access modifier
   * @param isConstructor a constructor
   * @param classVisibility how far the declaring class can be named (for a nested class, the
   *     narrowest of it and its enclosing classes; local and anonymous classes are {@link #PRIVATE})
   */
  public static Visibility of(boolean isPrivate, boolean isPackagePrivate, boolean isConstructor,
      Visibility classVisibility) {
    Visibility own = isPrivate ? PRIVATE : isPackagePrivate ? PACKAGE : PUBLIC;
    if (!isConstructor || classVisibility == null) return own;
    return own.ordinal() < classVisibility.ordinal() ? own : classVisibility;
  }
}
