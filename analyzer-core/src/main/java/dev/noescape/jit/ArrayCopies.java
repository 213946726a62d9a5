package dev.noescape.jit;

import dev.noescape.engine.MethodResult;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Origins;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arrays the program's calls make as copies of another array (issue 13; bench/jit
 * {@code copy.*}), and the length C2 gives each: the one place the model decides which calls
 * allocate a copy and whether its length is a compile-time constant.
 *
 * <p>A <b>copy call</b> is
 *
 * <ul>
 *   <li>{@code a.clone()} on an array ({@code Object.clone} with an array receiver): C2
 *       intrinsifies it (library_call.cpp {@code LibraryCallKit::inline_native_clone}) into an
 *       allocation of the source's length filled by an {@code ArrayCopy} that does not keep the
 *       copy from being scalar-replaced (macro.cpp {@code can_eliminate_allocation}:
 *       {@code is_clonebasic});
 *   <li>{@code Arrays.copyOf(a, n)} and {@code Arrays.copyOfRange(a, from, to)}, for every element
 *       type: the reference-array forms end in C2's intrinsic
 *       ({@code LibraryCallKit::inline_array_copyOf}, an allocation of length {@code n} or
 *       {@code to - from} and a validated {@code ArrayCopy}); the primitive forms are small Java
 *       methods C2 inlines, whose {@code new T[n]} and {@code System.arraycopy} are then the
 *       caller's.
 * </ul>
 *
 * <p>The copy's <b>length is a constant</b> to C2 when: for {@code copyOf}, the new length argument
 * is a compile-time constant; for {@code copyOfRange}, both bounds are (the length is
 * {@code to - from}); for {@code clone}, the source array's length is known to C2 where the calling
 * method is compiled: every definition of the receiver is an array the method itself creates with
 * one constant length (C2 reads the length from the allocation), or a load of a {@code static
 * final} field ({@link CodeFacts#constantField}: C2 reads it as a constant, and the length of the
 * constant array with it) that the program writes only in its class's static initializer, always
 * with an array created there with one constant length. A parameter, an instance field or a call's
 * result has a length C2 does not know. A clone of another static final field's array (the JDK's, a
 * library's, or one the program fills otherwise) is no copy the model predicts: C2 knows its length,
 * the model does not. Whether that length passes C2's limit is
 * {@link C2Model#arrayLength}'s to say.
 *
 * <p>On JDK 21 and later, {@code Arrays.copyOf} of a primitive array returns {@code a.clone()} when
 * the new length equals the source's: a branch the profile decides, not modelled (bench/jit
 * {@code copy.copyof-variable} on JDK 25).
 */
public final class ArrayCopies {
  /**
   * A copy a call makes.
   *
   * @param call the call as written, for messages ({@code Arrays.copyOf(SOURCE, n)}, {@code row.clone()})
   * @param length the copy's length when a compile-time constant to C2, else null
   * @param lengthText what the length is, for messages ({@code n}, {@code row.length})
   */
  record Copy(String call, Integer length, String lengthText) {}

  private final CodeFacts code;
  private final Collection<MethodResult> methods;
  /** Per static final field ({@code owner.name}), the one constant length of the arrays the program stores into it, or null; built on first use. */
  private Map<String, Integer> fieldLengths;

  ArrayCopies(CodeFacts code, Collection<MethodResult> methods) {
    this.code = code;
    this.methods = methods;
  }

  /** The copy call {@code c} of {@code m} makes, or null when it is not a copy call. */
  Copy of(MethodIR m, Stmt.Call c) {
    String call = shown(c);
    if (call == null) return null;
    if (c.callee().name().equals("clone")) {
      // a static final array the program does not create (the JDK's, a library's): its length is a
      // constant to C2 that the model does not know, neither heap nor scalar-replaced for certain
      if (unknownConstant(m, c.receiver())) return null;
      return new Copy(call, sourceLength(m, c.receiver()), text(c.argExpr(0)) + ".length");
    }
    if (c.callee().name().equals("copyOf")) {
      SymbolicExpr n = c.argExpr(1);
      return new Copy(call, constant(n), text(n));
    }
    SymbolicExpr from = c.argExpr(1);
    SymbolicExpr to = c.argExpr(2);
    Integer f = constant(from);
    Integer t = constant(to);
    String subtrahend = text(from);
    if (subtrahend.contains(" ")) subtrahend = "(" + subtrahend + ")"; // to - (a + b), not to - a + b
    return new Copy(call, f == null || t == null ? null : t - f, text(to) + " - " + subtrahend);
  }

  /**
   * Call {@code c} as written ({@code Arrays.copyOf(SOURCE, n)}, {@code row.clone()}) when it is a
   * copy call, else null: what a message about its copy names.
   */
  public static String shown(Stmt.Call c) {
    MethodRef callee = c.callee();
    if (callee.name().equals("clone") && callee.owner().equals("java.lang.Object") && callee.paramTypes().isEmpty()
        && c.receiverType() != null && c.receiverType().endsWith("[]")) {
      return text(c.argExpr(0)) + ".clone()";
    }
    if (!callee.owner().equals("java.util.Arrays") || !callee.isStatic()) return null;
    List<String> ps = callee.paramTypes();
    boolean copyOf = callee.name().equals("copyOf") && ps.size() >= 2 && ps.get(1).equals("int");
    boolean range = callee.name().equals("copyOfRange") && ps.size() >= 3 && ps.get(1).equals("int") && ps.get(2).equals("int");
    if (ps.isEmpty() || !ps.get(0).endsWith("[]") || (!copyOf && !range)) return null;
    return callee.displayName() + "(" + texts(c, ps.size()) + ")";
  }

  /** The length C2 knows for the array {@code source} holds in {@code m}, or null. */
  private Integer sourceLength(MethodIR m, Var source) {
    if (source == null) return null;
    Origins o = Origins.of(m, source);
    if (!o.complete() || !o.params().isEmpty() || o.definitions().isEmpty()) return null;
    Set<Integer> lengths = new HashSet<>();
    for (Stmt st : o.definitions()) {
      Integer n = st instanceof Stmt.Alloc a ? constantLength(a.site())
          : st instanceof Stmt.StaticLoad l && code.constantField(l.field().owner(), l.field().name())
              ? fieldLengths().get(l.field().owner() + "." + l.field().name())
              : null;
      if (n == null) return null;
      lengths.add(n);
    }
    return lengths.size() == 1 ? lengths.iterator().next() : null;
  }

  /** Whether {@code source} may hold a static final field's array whose length C2 folds but the program does not show. */
  private boolean unknownConstant(MethodIR m, Var source) {
    if (source == null) return false;
    for (Stmt st : Origins.of(m, source).definitions()) {
      if (st instanceof Stmt.StaticLoad l && code.constantField(l.field().owner(), l.field().name())
          && !fieldLengths().containsKey(l.field().owner() + "." + l.field().name())) {
        return true;
      }
    }
    return false;
  }

  /** The static final fields the program writes only in their class's static initializer, each time with an array of one constant length. */
  private Map<String, Integer> fieldLengths() {
    if (fieldLengths != null) return fieldLengths;
    Map<String, Set<Integer>> stored = new HashMap<>();
    for (MethodResult mr : methods) {
      MethodIR m = mr.method();
      for (Stmt st : m.stmts()) {
        if (!(st instanceof Stmt.StaticStore w)) continue;
        FieldRef f = w.field();
        Set<Integer> lengths = stored.computeIfAbsent(f.owner() + "." + f.name(), k -> new HashSet<>());
        boolean initializer = m.ref().name().equals("<clinit>") && m.ref().owner().equals(f.owner());
        Integer n = initializer ? storedLength(m, w.value()) : null;
        lengths.add(n == null ? -1 : n);
      }
    }
    Map<String, Integer> out = new HashMap<>();
    stored.forEach((field, lengths) -> {
      if (lengths.size() == 1 && lengths.iterator().next() >= 0) out.put(field, lengths.iterator().next());
    });
    fieldLengths = out;
    return out;
  }

  /** The one constant length of the arrays {@code m} creates that {@code v} may hold, or null. */
  private static Integer storedLength(MethodIR m, Var v) {
    if (v == null) return null;
    Origins o = Origins.of(m, v);
    if (!o.complete() || !o.params().isEmpty() || o.definitions().isEmpty()) return null;
    Integer length = null;
    for (Stmt st : o.definitions()) {
      Integer n = st instanceof Stmt.Alloc a ? constantLength(a.site()) : null;
      if (n == null || (length != null && !length.equals(n))) return null;
      length = n;
    }
    return length;
  }

  /** A one-dimensional array site's constant length, or null. */
  private static Integer constantLength(AllocSite s) {
    if (s.kind() != SiteKind.NEW_ARRAY || !(s.details() instanceof AllocSite.NewArray a) || a.multiDimensional()) return null;
    List<Long> lengths = a.lengths();
    Long n = lengths.isEmpty() ? null : lengths.get(0);
    return n == null || n < 0 || n > Integer.MAX_VALUE ? null : (int) (long) n;
  }

  private static Integer constant(SymbolicExpr e) {
    return e == null || !e.isConstant() || e.constant() < 0 || e.constant() > Integer.MAX_VALUE ? null : (int) (long) e.constant();
  }

  private static String text(SymbolicExpr e) {
    return e == null || e.text() == null ? "…" : e.text();
  }

  private static String texts(Stmt.Call c, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(text(c.argExpr(i)));
    return String.join(", ", out);
  }
}
