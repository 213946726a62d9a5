package dev.noescape.models;

import dev.noescape.summary.MethodSummary;
import java.util.List;

/**
 * One modelled method after family expansion: the key it answers to and the summary it gives.
 *
 * @param owner the fully qualified declaring (or receiver) class, {@code $} for nested classes
 * @param name the method name, {@code <init>} for constructors
 * @param paramTypes erased, fully qualified parameter types, as in {@link dev.noescape.ir.MethodRef}
 * @param isStatic whether the method is static (then slot 0 is the first declared parameter)
 * @param summary the summary handed to the engine (origin {@code model})
 * @param line the line of the models file that produced this entry, for reviews and test failures
 * @param family the family the entry was expanded from ({@code @Collection}), or null when the line
 *     named the owner directly
 * @param since the JDK feature release that added the method ({@value ModelParser#BASELINE} for
 *     anything the baseline already has)
 */
public record Model(
    String owner, String name, List<String> paramTypes, boolean isStatic, MethodSummary summary, int line,
    String family, int since) {
  public Model {
    paramTypes = List.copyOf(paramTypes);
  }

  /** The lookup key, identical to {@link dev.noescape.ir.MethodRef#key()}. */
  public String key() {
    return owner + "#" + name + "(" + String.join(",", paramTypes) + ")";
  }

  /** Number of summary slots: the receiver for instance methods and constructors, then the parameters. */
  public int slotCount() {
    return paramTypes.size() + (isStatic ? 0 : 1);
  }
}
