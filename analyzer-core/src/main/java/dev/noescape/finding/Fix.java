package dev.noescape.finding;

import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.SymbolicExpr;

/**
 * A suggested fix, as data: front ends turn it into edits (the javac plugin into an Error Prone
 * {@code SuggestedFix}; the bytecode front end into a SARIF fix when it has the source). The Java
 * text both write is {@link FixText}'s.
 */
public sealed interface Fix permits Fix.AddCapacity, Fix.UseFactory, Fix.ReplaceCapacity, Fix.UseStringBuilder {

  /** One line for the user: what the fix writes. */
  String description();

  /**
   * Pass {@code size} as the initial capacity: {@code new ArrayList<>()} becomes
   * {@code new ArrayList<>(orders.size())}.
   *
   * @param sizeLine the line of the loop whose trip count {@code size} is, or 0: a writer that has
   *     the source but not the front end's text of the size (the command line's source mapping)
   *     spells it as that loop does ({@code for (User u : users)} gives {@code users.size()})
   */
  record AddCapacity(SymbolicExpr size, int sizeLine) implements Fix {
    /** A size that is not a loop's trip count. */
    public AddCapacity(SymbolicExpr size) {
      this(size, 0);
    }

    @Override
    public String description() {
      return "pass the expected size: (" + size.text() + ")";
    }
  }

  /**
   * Replace the constructor call by a factory that sizes for {@code size} entries:
   * {@code new HashMap<>(n)} becomes {@code HashMap.newHashMap(n)} (Java 19+) or Guava's
   * {@code Maps.newHashMapWithExpectedSize(n)}.
   *
   * @param factoryClass fully qualified class that declares the factory
   * @param factoryMethod its name
   * @param size the expected number of entries
   * @param sizeLine the line of the loop whose trip count {@code size} is, or 0 (see
   *     {@link AddCapacity#sizeLine()})
   */
  record UseFactory(String factoryClass, String factoryMethod, SymbolicExpr size, int sizeLine) implements Fix {
    /** A size that is not a loop's trip count. */
    public UseFactory(String factoryClass, String factoryMethod, SymbolicExpr size) {
      this(factoryClass, factoryMethod, size, 0);
    }

    public String simpleClass() {
      return BinaryNames.simple(factoryClass);
    }

    @Override
    public String description() {
      return "use " + simpleClass() + "." + factoryMethod + "(" + size.text() + ")";
    }
  }

  /** Replace the capacity argument: {@code new HashMap<>(n)} becomes {@code new HashMap<>((int) Math.ceil(n / 0.75))}. */
  record ReplaceCapacity(String newArgument) implements Fix {
    @Override
    public String description() {
      return "pass a capacity that holds the entries without rehashing: (" + newArgument + ")";
    }
  }

  /** Accumulate into a {@code StringBuilder} named after {@code variable} and convert once after the loop. */
  record UseStringBuilder(String variable) implements Fix {
    @Override
    public String description() {
      return "accumulate '" + variable + "' in a StringBuilder and call toString() after the loop";
    }
  }
}
