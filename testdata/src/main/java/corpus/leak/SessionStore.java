// corpus-rules: LeakingParameter
package corpus.leak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that escape their method (Go's "leaking param"): stored into a static or a field,
 * returned, added to a field's collection, stored into another parameter's object, thrown, or
 * handed to code that keeps them or is unknown. The finding sits on the parameter's declaration
 * line. Every leaking parameter in this file is marked; {@code this} is not a declared parameter.
 */
final class SessionStore {
  interface Listener {
    void sessionOpened(String id);
  }

  static final class Session {
    final String id;
    final String user;
    long lastSeen;

    Session(String id, // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
        String user, // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
        long lastSeen) { // ok: LeakingParameter -- a primitive // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
      this.id = id;
      this.user = user;
      this.lastSeen = lastSeen;
    }
  }

  static final class Slot {
    Object value;
  }

  private static SessionStore defaultStore;
  private static final List<Listener> LISTENERS = new ArrayList<>();

  private final Map<String, Session> sessions = new HashMap<>();
  private final List<String> audit = new ArrayList<>();
  private Session lastOpened;
  private Runnable onClose;

  // ---- leaking ---------------------------------------------------------------------------------

  static void setDefault(SessionStore store) { // expect: LeakingParameter
    defaultStore = store;
  }

  static void addListener(Listener listener) { // expect: LeakingParameter
    LISTENERS.add(listener);
  }

  Session open(String id, String user, long now) { // expect: LeakingParameter, LeakingParameter // ok: LeakingParameter -- now is a primitive
    Session s = new Session(id, user, now);
    sessions.put(id, s);
    return s;
  }

  static String echo(String value) { // expect: LeakingParameter
    return value;
  }

  static String firstNonEmpty(String a, // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
      String b) { // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
    return a.isEmpty() ? b : a;
  }

  void logAccess(String id) { // expect: LeakingParameter
    audit.add(id);
  }

  static void put(Slot slot, // ok: LeakingParameter -- only written to
      Object value) { // expect: LeakingParameter
    slot.value = value;
  }

  static void announce(Listener listener, // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
      String id) { // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
    listener.sessionOpened(id);
  }

  static void rethrow(RuntimeException e) { // expect: LeakingParameter
    throw e;
  }

  void remember(Session s) { // expect: LeakingParameter
    setLast(s);
  }

  private void setLast(Session s) { // expect: LeakingParameter
    lastOpened = s;
  }

  void onClose(String id) { // expect: LeakingParameter
    onClose = () -> sessions.remove(id);
  }

  static StringBuilder appendAndReturn(StringBuilder out, // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
      String s) { // ok: LeakingParameter -- append(String) copies the characters // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
    return out.append(s);
  }

  // ---- not leaking -----------------------------------------------------------------------------

  Session find(String id) { // ok: LeakingParameter -- only a lookup key
    return sessions.get(id);
  }

  boolean isOpen(String id) { // ok: LeakingParameter -- only a lookup key
    return sessions.containsKey(id);
  }

  static int totalLength(List<String> parts) { // ok: LeakingParameter -- only iterated and read
    int n = 0;
    for (String p : parts) {
      n += p.length();
    }
    return n;
  }

  static boolean sameUser(Session a, Session b) { // ok: LeakingParameter, LeakingParameter -- only fields are read
    return a.user.equals(b.user);
  }

  static boolean sameId(String a, String b) { // ok: LeakingParameter, LeakingParameter -- String.equals keeps nothing
    return a.equals(b);
  }

  static int countPrefix(String[] ids, // ok: LeakingParameter -- elements are only read
      String prefix) { // ok: LeakingParameter -- passed to String.startsWith
    int n = 0;
    for (String id : ids) {
      if (id.startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }

  static void touch(Session s, long now) { // ok: LeakingParameter, LeakingParameter -- s is only written to; now is a primitive
    s.lastSeen = now;
  }

  int describeLength(Session s) { // ok: LeakingParameter -- the private callee does not keep it
    return userLength(s);
  }

  private static int userLength(Session s) { // ok: LeakingParameter -- only a field is read
    return s.user.length();
  }

  static void appendTo(StringBuilder out, String s) { // ok: LeakingParameter, LeakingParameter -- out is only a receiver, s is copied
    out.append(s);
  }

  static int size(Collection<?> c) { // ok: LeakingParameter -- Collection.size keeps nothing
    return c.size();
  }

  static int clamp(int v, int lo, int hi) { // ok: LeakingParameter, LeakingParameter, LeakingParameter -- primitives
    return Math.max(lo, Math.min(hi, v));
  }

  static int hashOf(String s) { // ok: LeakingParameter -- hashCode keeps nothing
    return s.hashCode();
  }

  boolean closeAll() {
    boolean any = !sessions.isEmpty() || defaultStore != null || lastOpened != null || onClose != null;
    sessions.clear();
    return any;
  }
}
