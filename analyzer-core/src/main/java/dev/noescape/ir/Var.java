package dev.noescape.ir;

/**
 * A reference-typed local, parameter or temporary. {@code id} is unique within its method;
 * {@code name} is the source name, or a synthetic one ({@code $t3}) for temporaries.
 * {@code paramSlot} is the summary slot of a parameter (0 = {@code this} for instance methods),
 * or -1.
 */
public record Var(int id, String name, String type, int paramSlot) {
  public boolean isParam() {
    return paramSlot >= 0;
  }

  /**
   * Whether this is a front end's temporary ({@code $t3}, SootUp's {@code $stack2}), not a variable
   * of the source: it holds a value on its way from one expression to the next, so a copy into it
   * gives it no value of its own.
   */
  public boolean isTemporary() {
    return !isParam() && (name == null || name.startsWith("$"));
  }

  @Override
  public String toString() {
    return name;
  }
}
