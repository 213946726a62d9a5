package dev.noescape.ir;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of "runs only on a cache miss" ({@link ColdPath#CACHE_MISS}): code that runs
 * only when a lookup found nothing and that stores what it computed back where the lookup looked,
 * so the next lookup of the same key (or of the same field) finds it. Such code runs once per key,
 * or once per object for a lazily set field, not once per call: antlr4's {@code
 * Recognizer.getTokenTypeMap}, {@code r = cache.get(v); if (r == null) { r = new HashMap<>(); for
 * (…) r.put(name, i); cache.put(v, r); }}, boxes {@code i} once per vocabulary, not on every call.
 *
 * <p>The front ends record the guards ({@link Guard}: which variable an {@code if} tests for
 * {@code null}, or which {@code containsKey} call it tests for false, and which statements run only
 * in that case: the javac front end the arm of the {@code if}, the bytecode front end the code
 * dominated by the branch taken on a miss when that branch has no other predecessor); {@link
 * #decide} decides from the method's statements alone, the same way for both. A guard is a cache
 * miss when
 *
 * <ul>
 *   <li>the tested variable was read by a lookup, and every definition of it outside the guarded
 *       code is the same lookup (through copies and casts): {@code m.get(k)} (any instance method
 *       {@code get} with one argument), a field read {@code o.f} or {@code Owner.f}, or an array
 *       element {@code a[i]}; or the guard is {@code !m.containsKey(k)};
 *   <li>and the guarded code stores back at the same place: {@code m.put(k, …)} or {@code
 *       m.putIfAbsent(k, …)} on the same map with the same key, {@code o.f = …} on the same object,
 *       {@code Owner.f = …}, or {@code a[…] = …} into the same array. "The same" map, object or
 *       array: the same variable, or a read of the same field of the same object ({@code
 *       this.cache} read twice); the same key: the same variable or the same boxed value.
 * </ul>
 *
 * A null check on a fresh local, a parameter, or a value the guarded code puts into another map
 * or under another key is not a cache miss. Array indexes are not compared (the IR does not keep
 * primitive values): a store into the same array counts.
 */
public final class CacheMisses {
  private CacheMisses() {}

  /**
   * What an {@code if} tests on the way into the code it guards: {@code tested == null}, or, when
   * {@code tested} is null, {@code !map.containsKey(key)}.
   */
  public record Guard(Var tested, Var map, Var key) {
    public static Guard nullTest(Var tested) {
      return new Guard(tested, null, null);
    }

    public static Guard missingKey(Var map, Var key) {
      return new Guard(null, map, key);
    }
  }

  /** Where the value a miss computes is kept. */
  public enum Kind {
    /** Under a key of a map ({@code cache.put(k, v)}): the code runs once per key. */
    KEY,
    /** In an instance field ({@code this.cache = v}): once per object. */
    FIELD,
    /** In a static field: once. */
    STATIC_FIELD,
    /** In an element of an array ({@code table[i] = v}): once per element. */
    ELEMENT
  }

  /**
   * A cache miss: what keeps the value, how messages name it ({@code tokenTypeMapCache}, {@code
   * Foo.CACHE}), and where the guarded code stores it.
   */
  public record Miss(Kind kind, String cache, SourcePos store) {}

  /**
   * The statements of {@code stmts} that run only on a cache miss, by {@link StmtContext#ordinal()}.
   *
   * @param guards the guards the front end recorded
   * @param guarded for each guard, the ordinals of the statements it guards
   */
  public static Map<Integer, Miss> decide(List<Stmt> stmts, List<Guard> guards, List<BitSet> guarded) {
    if (guards.isEmpty()) return Map.of();
    Definitions defs = Definitions.of(stmts);
    Map<Integer, Miss> out = new HashMap<>();
    for (int g = 0; g < guards.size(); g++) {
      BitSet in = guarded.get(g);
      if (in.isEmpty()) continue;
      Lookup lookup = lookup(guards.get(g), in, defs);
      if (lookup == null) continue;
      Miss miss = storeBack(lookup, stmts, in, defs);
      if (miss == null) continue;
      // an outer guard's miss wins over an inner one's: the outer one decides how often it all runs
      for (int o = in.nextSetBit(0); o >= 0; o = in.nextSetBit(o + 1)) out.putIfAbsent(o, miss);
    }
    return out;
  }

  /**
   * The lambda bodies {@code m} hands as the mapping function to {@code computeIfAbsent(k, f)} on a
   * map kept between calls, by {@link MethodRef#key()}, each with the miss: the map runs the
   * function only when it has no value for the key, and keeps what it returns, so the body runs once
   * per key ({@link Kind#KEY}), as the arm of {@code if (v == null) { v = …; cache.put(k, v); }}
   * does. "Kept" is decided as for a guard's lookup ({@link #outlivesTheCall}): the map is read from
   * a field or a static field, not a local the method creates or a parameter it is handed (a map
   * filled per call runs the function once per element on every call). The call is any instance
   * method named {@code computeIfAbsent} with a key and a function ({@code Map}, {@code
   * ConcurrentMap} and their implementations, whose contract the JDK models state), the function the
   * front end saw made as that argument ({@link Handle#call}).
   */
  public static Map<String, Miss> mappingFunctions(MethodIR m) {
    Map<String, Miss> out = new java.util.LinkedHashMap<>();
    Definitions defs = null;
    for (Handle h : m.handles()) {
      if (h.call() < 0 || h.arg() != 2) continue;
      Stmt.Call c = callAt(m, h.call());
      if (c == null || c.callee().isStatic() || !c.callee().name().equals("computeIfAbsent") || c.args().size() != 3
          || c.receiver() == null || c.args().get(1) == null) {
        continue;
      }
      if (defs == null) defs = Definitions.of(m);
      Lookup l = new Lookup(Kind.KEY, location(c.receiver(), defs, 0), null, c.args().get(1), name(c.receiver(), defs));
      if (outlivesTheCall(l, defs)) out.putIfAbsent(h.method(), new Miss(Kind.KEY, l.name(), c.ctx().pos()));
    }
    return out;
  }

  /**
   * {@code methods} with every statement of a lambda body that a method of them hands to {@code
   * computeIfAbsent} on a kept map ({@link #mappingFunctions}) marked as running on that miss; a
   * statement already on a miss of its own body keeps it. Only lambda bodies ({@link
   * MethodIR#synthetic()}): a method reference names a method that other code may call too. Both
   * front ends call this on their lowered methods before building the {@link Program}.
   */
  public static List<MethodIR> linkMappingFunctions(List<MethodIR> methods) {
    Map<String, Miss> bodies = new HashMap<>();
    for (MethodIR m : methods) {
      for (var e : mappingFunctions(m).entrySet()) bodies.putIfAbsent(e.getKey(), e.getValue());
    }
    if (bodies.isEmpty()) return methods;
    List<MethodIR> out = new ArrayList<>(methods.size());
    for (MethodIR m : methods) {
      Miss miss = m.synthetic() ? bodies.get(m.ref().key()) : null;
      if (miss == null) {
        out.add(m);
        continue;
      }
      Map<Integer, Miss> misses = new HashMap<>(m.control().cacheMisses());
      for (Stmt st : m.stmts()) misses.putIfAbsent(st.ctx().ordinal(), miss);
      out.add(m.withControl(m.control().withCacheMisses(misses)));
    }
    return out;
  }

  private static Stmt.Call callAt(MethodIR m, int ordinal) {
    for (Stmt st : m.stmts()) if (st.ctx().ordinal() == ordinal && st instanceof Stmt.Call c) return c;
    return null;
  }

  /** A lookup: a {@code get}/{@code containsKey} on {@code where} with {@code key}, or a read of field {@code field} of {@code where}. */
  private record Lookup(Kind kind, Object where, FieldRef field, Var key, String name) {}

  /** The lookup {@code guard} tests, when every definition of the tested variable outside the guarded code is that lookup; else null. */
  private static Lookup lookup(Guard guard, BitSet in, Definitions defs) {
    if (guard.tested() == null) {
      if (guard.map() == null || guard.key() == null) return null;
      Lookup l = new Lookup(Kind.KEY, location(guard.map(), defs, 0), null, guard.key(), name(guard.map(), defs));
      return outlivesTheCall(l, defs) ? l : null;
    }
    Origins tested = outside(guard.tested(), in, defs);
    if (tested.cut()) return null; // too deep to follow: no lookup
    Lookup found = null;
    for (Stmt d : tested.definitions()) {
      Lookup l = lookupAt(d, defs);
      if (l == null || found != null && !sameLookup(found, l, defs)) return null;
      if (found == null) found = l;
    }
    return found != null && outlivesTheCall(found, defs) ? found : null;
  }

  /**
   * Whether what the lookup reads is kept from one call to the next, as a cache is: a map or array
   * read from a field (instance or static), a static field, or a field of an object the method did
   * not create. A map the method creates or is handed is filled, not a cache: in {@code m = new
   * HashMap<>(); for (…) { if (m.get(k) != null) throw …; m.put(k, v); }} (antlr4's {@code
   * TokenStreamRewriter}) the "miss" is the normal path, taken once per element on every call.
   */
  private static boolean outlivesTheCall(Lookup l, Definitions defs) {
    return switch (l.kind()) {
      case KEY, ELEMENT -> !(l.where() instanceof Var);
      case STATIC_FIELD -> true;
      case FIELD -> !(l.where() instanceof Var v) || !createdHere(v, defs);
    };
  }

  /** Whether {@code v} may hold an object the method allocates ({@code Node n = new Node(); if (n.next == null) …}). */
  private static boolean createdHere(Var v, Definitions defs) {
    for (Stmt d : defs.all(v)) if (d instanceof Stmt.Alloc) return true;
    return false;
  }

  /**
   * Where {@code v}'s value comes from outside the guarded code, through copies (a cast is a copy);
   * a copy from a variable with several definitions is followed into each, and a parameter's own
   * assignments too (a parameter the method reads a lookup into).
   */
  private static Origins outside(Var v, BitSet in, Definitions defs) {
    return defs.walk(v, Definitions.Walk.COPIES.bounded(COPY_STEPS).intoParameters().skipping(d -> in.get(d.ctx().ordinal())));
  }

  /** How far {@link #outside} and {@link #name} follow copies ({@link Definitions.Walk#bound}). */
  private static final int COPY_STEPS = 9;

  private static Lookup lookupAt(Stmt d, Definitions defs) {
    if (d instanceof Stmt.Call c && !c.callee().isStatic() && c.args().size() == 2 && c.callee().name().equals("get")
        && c.receiver() != null && c.args().get(1) != null) {
      return new Lookup(Kind.KEY, location(c.receiver(), defs, 0), null, c.args().get(1), name(c.receiver(), defs));
    }
    if (d instanceof Stmt.Load l && l.field().equals(FieldRef.ARRAY_ELEMENT)) {
      return new Lookup(Kind.ELEMENT, location(l.base(), defs, 0), null, null, name(l.base(), defs));
    }
    if (d instanceof Stmt.Load l && !l.field().equals(FieldRef.CONTENT)) {
      return new Lookup(Kind.FIELD, location(l.base(), defs, 0), l.field(), null, l.field().name());
    }
    if (d instanceof Stmt.StaticLoad l) {
      return new Lookup(Kind.STATIC_FIELD, null, l.field(), null, BinaryNames.simple(l.field().owner()) + "." + l.field().name());
    }
    return null;
  }

  private static boolean sameLookup(Lookup a, Lookup b, Definitions defs) {
    return a.kind() == b.kind() && java.util.Objects.equals(a.where(), b.where()) && java.util.Objects.equals(a.field(), b.field())
        && (a.kind() != Kind.KEY || sameKey(a.key(), b.key(), defs));
  }

  /** The first statement of the guarded code that stores back where {@code l} looked, as a {@link Miss}; else null. */
  private static Miss storeBack(Lookup l, List<Stmt> stmts, BitSet in, Definitions defs) {
    for (Stmt s : stmts) {
      if (!in.get(s.ctx().ordinal())) continue;
      boolean stores = switch (l.kind()) {
        case KEY -> s instanceof Stmt.Call c && !c.callee().isStatic() && c.args().size() == 3
            && (c.callee().name().equals("put") || c.callee().name().equals("putIfAbsent")) && c.receiver() != null
            && location(c.receiver(), defs, 0).equals(l.where()) && sameKey(c.args().get(1), l.key(), defs);
        case FIELD -> s instanceof Stmt.Store st && st.field().equals(l.field()) && location(st.base(), defs, 0).equals(l.where());
        case STATIC_FIELD -> s instanceof Stmt.StaticStore st && st.field().equals(l.field());
        case ELEMENT -> s instanceof Stmt.Store st && st.field().equals(FieldRef.ARRAY_ELEMENT)
            && location(st.base(), defs, 0).equals(l.where());
      };
      if (stores) return new Miss(l.kind(), l.name(), s.ctx().pos());
    }
    return null;
  }

  /**
   * Where a variable points as a place in the program, so that two reads of {@code this.cache}
   * compare equal: a read of a field of an object is that field of the object's place, a read of a
   * static field that field, a copy its source's place; any other variable (a parameter, a local
   * assigned several times, a call's result) is itself. Variables with several definitions are
   * themselves: they may hold different things.
   */
  private static Object location(Var v, Definitions defs, int depth) {
    Stmt s = defs.only(v);
    if (depth > 8 || s == null) return v;
    if (s instanceof Stmt.Copy c) return location(c.source(), defs, depth + 1);
    if (s instanceof Stmt.Load l && !l.field().equals(FieldRef.ARRAY_ELEMENT)) {
      return List.of(location(l.base(), defs, depth + 1), l.field());
    }
    if (s instanceof Stmt.StaticLoad l) return l.field();
    return v;
  }

  /** The same key: the same place, or two boxes of the same value. */
  private static boolean sameKey(Var a, Var b, Definitions defs) {
    if (a == null || b == null) return false;
    if (location(a, defs, 0).equals(location(b, defs, 0))) return true;
    AllocSite.Boxing x = boxing(a, defs), y = boxing(b, defs);
    return x != null && y != null && x.value() != null && x.value().equals(y.value());
  }

  private static AllocSite.Boxing boxing(Var v, Definitions defs) {
    return defs.only(v) instanceof Stmt.Alloc a && a.site().details() instanceof AllocSite.Boxing b ? b : null;
  }

  /**
   * How messages name a map or array: the field it was read from ({@code tokenTypeMapCache}),
   * through copies, else the name of the variable the copies lead to.
   */
  private static String name(Var v, Definitions defs) {
    Origins o = defs.walk(v, Definitions.Walk.COPIES.definedOnce().bounded(COPY_STEPS).intoParameters());
    for (Stmt d : o.definitions()) {
      if (d instanceof Stmt.Load l && !l.field().equals(FieldRef.ARRAY_ELEMENT)) return l.field().name();
      if (d instanceof Stmt.StaticLoad l) return l.field().name();
    }
    return o.reached().get(o.reached().size() - 1).name();
  }
}
