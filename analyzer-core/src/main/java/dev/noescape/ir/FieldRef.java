package dev.noescape.ir;

/**
 * A field by declaring class and name. Array elements are the single pseudo-field
 * {@link #ARRAY_ELEMENT}; library models store into {@link #CONTENT} ("some field of this
 * object"), which a load of any field may read.
 */
public record FieldRef(String owner, String name, boolean isStatic) {
  /** All elements of an array, one abstract location (arrays are not index-sensitive). */
  public static final FieldRef ARRAY_ELEMENT = new FieldRef("[]", "[]", false);

  /** The unnamed content of an object, written and read by library summaries. */
  public static final FieldRef CONTENT = new FieldRef("*", "*", false);

  /** The field of a lambda or anonymous-class instance that holds captured value {@code name}. */
  public static FieldRef captured(String name) {
    return new FieldRef("<capture>", name, false);
  }

  /** The captured value's name when this is a {@link #captured} field, else null. */
  public String capturedName() {
    return "<capture>".equals(owner) ? name : null;
  }

  /** {@code Cache.map}, {@code this.items[]}: the display form used in reason chains. */
  public String displayName() {
    if (this.equals(ARRAY_ELEMENT)) return "[]";
    if (this.equals(CONTENT)) return "content";
    if ("<capture>".equals(owner)) return "captured " + name;
    return BinaryNames.simple(owner) + "." + name;
  }
}
