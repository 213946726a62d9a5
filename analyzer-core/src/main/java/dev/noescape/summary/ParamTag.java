package dev.noescape.summary;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a method does with one parameter slot: the escape tag Go writes into export data, for Java.
 *
 * @param escapes the object itself may outlive the call: stored into a static, thrown, stored
 *     into something reachable from a global, or handed to code that keeps it or is unknown
 * @param toReturn the object (or an object holding it) may be returned
 * @param intoContentOf slots whose objects (or objects reachable from them) may come to hold this
 *     object: {@code list.add(x)} stores slot 1 into the content of slot 0. May name the slot
 *     itself: {@code this.next = this} holds the object in its own content
 * @param contentEscapes objects reachable from this one (its fields, elements) may escape:
 *     {@code list.forEach(action)} hands the elements to unknown code
 * @param contentToReturn objects reachable from this one may be returned: {@code list.get(i)}
 * @param contentIntoContentOf slots whose objects may come to hold objects reachable from this
 *     one: {@code dst.addAll(src)} stores the content of slot 1 into the content of slot 0; the
 *     slot itself for {@code this.b.add(this.a)}, which moves content within one object graph
 * @param why a short phrase for reason chains when {@code escapes}:
 *     {@code "stored in static field Registry.ALL"}; null when not known
 */
public record ParamTag(
    boolean escapes,
    boolean toReturn,
    Set<Integer> intoContentOf,
    boolean contentEscapes,
    boolean contentToReturn,
    Set<Integer> contentIntoContentOf,
    String why) {

  /** Does not escape, is not returned, not stored anywhere: {@code Objects.hashCode(o)}. */
  public static final ParamTag NONE = new ParamTag(false, false, Set.of(), false, false, Set.of(), null);

  /** The conservative answer for unknown code. */
  public static final ParamTag GLOBAL = new ParamTag(true, true, Set.of(), true, true, Set.of(), "passed to unknown code");

  public ParamTag {
    intoContentOf = Set.copyOf(intoContentOf);
    contentIntoContentOf = Set.copyOf(contentIntoContentOf);
  }

  public static ParamTag escapes(String why) {
    return new ParamTag(true, false, Set.of(), true, false, Set.of(), why);
  }

  public static ParamTag returned() {
    return new ParamTag(false, true, Set.of(), false, false, Set.of(), null);
  }

  public static ParamTag storedInto(int slot) {
    return new ParamTag(false, false, Set.of(slot), false, false, Set.of(), null);
  }

  /**
   * Whether the object or its content may leave the slot: escape, be returned, or move into
   * another slot. Moving within the slot's own object graph ({@code this.b.add(this.a)}) does not
   * count; callers still apply it.
   */
  public boolean leavesSlot(int self) {
    return escapes || toReturn || contentEscapes || contentToReturn
        || intoContentOf.stream().anyMatch(j -> j != self)
        || contentIntoContentOf.stream().anyMatch(j -> j != self);
  }

  public boolean isNone() {
    return !escapes && !toReturn && intoContentOf.isEmpty() && !contentEscapes && !contentToReturn
        && contentIntoContentOf.isEmpty();
  }

  public ParamTag withContentEscapes() {
    return new ParamTag(escapes, toReturn, intoContentOf, true, contentToReturn, contentIntoContentOf, why);
  }

  public ParamTag withContentToReturn() {
    return new ParamTag(escapes, toReturn, intoContentOf, contentEscapes, true, contentIntoContentOf, why);
  }

  /** Least upper bound: what either of two possible callees may do. */
  public ParamTag join(ParamTag o) {
    Set<Integer> into = new TreeSet<>(intoContentOf);
    into.addAll(o.intoContentOf);
    Set<Integer> contentInto = new TreeSet<>(contentIntoContentOf);
    contentInto.addAll(o.contentIntoContentOf);
    return new ParamTag(escapes || o.escapes, toReturn || o.toReturn, into,
        contentEscapes || o.contentEscapes, contentToReturn || o.contentToReturn, contentInto,
        why != null ? why : o.why);
  }

  /** Go-style words: {@code leaks to heap}, {@code flows to result}, {@code stored into content of param 0}. */
  public List<String> describe() {
    List<String> out = new java.util.ArrayList<>();
    if (escapes) out.add("escapes" + (why != null ? " (" + why + ")" : ""));
    if (toReturn) out.add("flows to result");
    for (int s : new TreeSet<>(intoContentOf)) out.add("stored into slot " + s);
    if (contentEscapes) out.add("content escapes");
    if (contentToReturn) out.add("content flows to result");
    for (int s : new TreeSet<>(contentIntoContentOf)) out.add("content stored into slot " + s);
    return out;
  }
}
