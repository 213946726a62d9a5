package dev.noescape.ir;

import java.util.List;

/**
 * What a front end knows of the classes a program's calls name, asked when a virtual call is
 * resolved (the engine's {@code CallTargets} decides which code a call can run; this interface only
 * answers questions of fact about the type system). Type names are binary names
 * ({@code java.util.Map$Entry}); array types end in {@code []}.
 *
 * <p>Every answer must err towards "more code may run": a type the front end cannot see is
 * {@link Subclassing#OPEN}, may be a subtype of anything, and selects no method.
 */
public interface TypeHierarchy {

  /** Where the subclasses of a class or interface can live. */
  enum Subclassing {
    /** None can exist: a final class (records and arrays included). */
    NONE,
    /**
     * Every direct subclass or implementation is declared in the program: a sealed type, a class
     * whose constructors are all private (only its nestmates can call them, and a nest lives in one
     * compilation unit and one jar), an enum, a local, anonymous or private nested class.
     */
    PROGRAM,
    /** Subclasses may live outside the program (or the front end does not know the type). */
    OPEN
  }

  /** How {@code type} can be extended; {@link Subclassing#OPEN} when unknown. */
  Subclassing subclassing(String type);

  /** The program's classes and interfaces that directly extend or implement {@code type}. */
  List<String> directSubtypes(String type);

  /**
   * Whether a {@code sub} may be a {@code sup}: true when it is, and when the front end cannot rule
   * it out (a supertype it does not know); false only when {@code sub} provably is not.
   */
  boolean mayBeSubtype(String sub, String sup);

  /** Whether {@code sub} provably is {@code sup} or a subtype of it; false when unknown. */
  boolean isSubtype(String sub, String sup);

  /**
   * Whether a class or interface of the program declares {@code name(params)} without a body
   * (abstract): a call can never run it, only its overrides. False for classes outside the program.
   */
  boolean declaresAbstract(String owner, String name, List<String> params);

  /**
   * The class or interface that declares the method an instance of exactly class {@code cls} runs
   * for {@code name(params)} (the JVM's selection: the nearest superclass declaring a concrete one,
   * else the one default method), or null when unknown or ambiguous.
   */
  String selectMethod(String cls, String name, List<String> params);

  /**
   * Whether {@code type} is an interface the analyzed program itself declares (not the JDK, not a
   * library it is compiled against) with no superinterface and exactly one abstract method: a
   * functional interface of the project's own. A box passed to its generic parameter
   * ({@code IOTriFunction<byte[], Integer, Integer, Integer>}) is one the project can remove with a
   * primitive sibling of the interface. False when unknown (the default: a hierarchy that cannot
   * tell).
   */
  default boolean declaresFunctionalInterface(String type) {
    return false;
  }

  /** Knows nothing: every type is open and may be a subtype of every other. */
  TypeHierarchy UNKNOWN = new TypeHierarchy() {
    @Override
    public Subclassing subclassing(String type) {
      return type != null && type.endsWith("[]") ? Subclassing.NONE : Subclassing.OPEN;
    }

    @Override
    public List<String> directSubtypes(String type) {
      return List.of();
    }

    @Override
    public boolean mayBeSubtype(String sub, String sup) {
      return true;
    }

    @Override
    public boolean isSubtype(String sub, String sup) {
      return sub != null && sub.equals(sup);
    }

    @Override
    public boolean declaresAbstract(String owner, String name, List<String> params) {
      return false;
    }

    @Override
    public String selectMethod(String cls, String name, List<String> params) {
      return null;
    }
  };
}
