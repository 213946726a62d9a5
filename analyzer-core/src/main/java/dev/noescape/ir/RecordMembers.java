package dev.noescape.ir;

import java.util.List;

/**
 * What a record's generated {@code equals(Object)}, {@code hashCode()} and {@code toString()} do,
 * as IR: the one definition both front ends lower those members by. javac writes no body for them
 * (the trees have none) and the class file's body is one {@code invokedynamic} of
 * {@code java.lang.runtime.ObjectMethods.bootstrap} — code the engine cannot see, so without this
 * the record and the object compared with it would escape to "unknown code".
 *
 * <p><b>Definition</b> (what {@code ObjectMethods} does, JDK 16 to 25): it reads the record's
 * component fields, in declaration order, through getters of the fields, and
 *
 * <ul>
 *   <li>{@link Member#EQUALS}: after an identity and class test of the argument, compares each
 *       component of the receiver with the argument's: primitives by value, references with
 *       {@code Objects.equals(a, b)}, i.e. a virtual {@code a.equals(b)} on the component value;
 *   <li>{@link Member#HASH_CODE}: combines the components' hash codes: a virtual {@code c.hashCode()}
 *       on each reference component ({@code Objects.hashCode});
 *   <li>{@link Member#TO_STRING}: {@code String.valueOf(c)}, a virtual {@code c.toString()}, on each
 *       reference component, concatenated into a new String: the result is a string concatenation
 *       (an allocation of the member, {@link SiteKind#STRING_CONCAT}), never the record or a
 *       component.
 * </ul>
 *
 * <p>It stores nothing anywhere: neither the record nor the argument is kept. The calls on the
 * component values are ordinary virtual calls on the component's static type, which the front end
 * makes as it makes any call it lowers ({@link ComponentCalls}: its dispatch facts), so the engine
 * resolves them as it resolves {@code component.equals(x)} written in source — a record holding a
 * {@code List} hands the list to whatever {@code List.equals} may do, and a component class whose own
 * {@code equals} keeps its argument makes the other record's component escape. Array components are
 * references: {@code Objects.equals} on an array is {@code Object.equals}.
 */
public final class RecordMembers {
  private RecordMembers() {}

  /** The members javac generates for a record that does not declare them. */
  public enum Member {
    EQUALS("equals"),
    HASH_CODE("hashCode"),
    TO_STRING("toString");

    private final String method;

    Member(String method) {
      this.method = method;
    }

    /** The method's name. */
    public String methodName() {
      return method;
    }

    /** The member a method of this name and arity would be ({@code equals} with one parameter), or null. */
    public static Member of(String name, int arity) {
      for (Member m : values()) {
        if (m.method.equals(name) && arity == (m == EQUALS ? 1 : 0)) return m;
      }
      return null;
    }
  }

  /** A record component: its private field and the field's type ({@code int}, {@code java.util.List}). */
  public record Component(FieldRef field, String type) {
    /**
     * Whether the value is an object (a class, interface or array type) and so gets a call: any type
     * but the eight primitive ones (a class of the unnamed package has no dot in its name).
     */
    public boolean isReference() {
      return !PRIMITIVES.contains(type);
    }

    private static final java.util.Set<String> PRIMITIVES =
        java.util.Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
  }

  /** How the front end makes a call on a component value (dispatch facts are the front end's). */
  public interface ComponentCalls {
    /**
     * Lowers {@code component.<member>(argument)}: {@code equals(Object)} with {@code argument}, or
     * {@code hashCode()}/{@code toString()} ({@code argument} null), a virtual call on a value of
     * static type {@code type}; the result is not used.
     */
    void call(Member member, Var component, Var argument, String type, SourcePos at);
  }

  /**
   * Lowers the body of {@code member} into {@code b}, by the definition above.
   *
   * @param self the record ({@code this}, or the first argument of the {@code invokedynamic})
   * @param other the argument of {@code equals} (cast to the record: its components are read), else null
   * @param result where {@code toString} puts its new String (null: a temporary); unused otherwise
   * @return the value the member returns when it is an object (toString's String), else null
   */
  public static Var lower(MethodIRBuilder b, Member member, Var self, Var other, Var result,
      List<Component> components, ComponentCalls calls, SourcePos at) {
    for (Component c : components) {
      if (!c.isReference()) continue;
      Var mine = b.temp(c.type());
      b.load(mine, self, c.field(), at);
      Var theirs = null;
      if (member == Member.EQUALS) {
        theirs = b.temp(c.type());
        b.load(theirs, other, c.field(), at);
      }
      calls.call(member, mine, theirs, c.type(), at);
    }
    if (member != Member.TO_STRING) return null;
    Var s = result != null ? result : b.temp("java.lang.String");
    b.alloc(s, SiteKind.STRING_CONCAT, "java.lang.String", at, new AllocSite.Concat(null, null));
    return s;
  }
}
