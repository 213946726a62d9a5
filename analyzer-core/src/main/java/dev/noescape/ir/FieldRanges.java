package dev.noescape.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of an integral instance field, proven over the whole program from the writes both
 * front ends record ({@link MethodIR#fieldWrites()}), decided here once for both: a codec's
 * {@code private final int b} that every constructor checks ({@code if (b < 1 || b > 5) throw …;
 * this.b = b;}) is at most 5, so a loop {@code for (n = 0; n < b; n++)} adds at most 5 elements and
 * {@code Integer.valueOf(b)} never leaves the box cache.
 *
 * <p>Field {@code f} of class {@code C} has the proven range {@code lo..hi} ({@link #of}) when
 *
 * <ol>
 *   <li>{@code f} is {@code final} or {@code private}: only code of {@code C}'s nest can write it
 *       (a {@code final} field only {@code C}'s constructors), and that code is in the program:
 *       no class of the nest is partial ({@link Program#partialClasses()}), and the program holds a
 *       constructor of {@code C};
 *   <li>the program writes {@code f} at least once, and every write stores a proven value
 *       ({@link Write#range()}): a compile-time constant, or a parameter that the method checks
 *       before the write on every path, each comparison of it with a constant throwing when it
 *       fails ({@code if (p < lo || p > hi) throw …;}, {@link #refine}). A constructor that
 *       delegates with {@code this(…)} writes nothing itself: the constructor it calls checks
 *       its own parameter whatever the arguments, so a codec built through the convenience
 *       constructors has the checked value too. A compound assignment, an increment, a value
 *       computed or read from elsewhere, and a parameter checked through a call
 *       ({@code Preconditions.checkArgument}) are unproven writes, and the field has no range;
 *   <li>{@code lo..hi} is the smallest range holding every stored value and 0, the value a read
 *       sees before the constructor's store (code the constructor runs first, a {@code this}
 *       that escapes early). Every box cache and every collection's default capacity hold 0, so
 *       the extra value never makes a box or a fill look smaller than it can be.
 * </ol>
 *
 * <p>Reflection, deserialization and {@code Unsafe} can write any field; like the rest of the
 * analysis, this does not assume them.
 *
 * <p>The rules meet the proven range through a {@link Bound}: a loop whose index counts up to the
 * field ({@link Loop#indexBound()}) or a box of the field's value or of such an index
 * ({@link AllocSite.Boxing#bound()}); {@link #apply} fills them in before the engine runs, so a
 * box proven inside its cache carries the range like a counted loop's index ({@link Boxes#neverAllocates}).
 */
public final class FieldRanges {
  private FieldRanges() {}

  /**
   * A write of an integral instance field.
   *
   * @param field the field written
   * @param sealed the field is {@code final} or {@code private} (else any class may write it)
   * @param range the values the stored value is proven to take, or null when it is not proven
   */
  public record Write(FieldRef field, boolean sealed, Boxes.Range range) {}

  /** How a guard compares a parameter with a constant: {@code p OP c}. */
  public enum Comparison {
    LT, LE, GT, GE, EQ, NE;

    /** The comparison with its operands swapped: {@code c OP p} is {@code p mirror(OP) c}. */
    public Comparison mirrored() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }
  }

  /**
   * The values of a parameter whose values are {@code r} after the test {@code p cmp c} gave
   * {@code holds}: {@code r} narrowed by the test, {@code null} when no value passes it (the path
   * cannot run). {@code r} null means any value of {@code p}'s type (an {@code int} here: the
   * guards are on {@code int}-like parameters). An equality test narrows only when it holds.
   */
  public static Boxes.Range refine(Boxes.Range r, Comparison cmp, long c, boolean holds) {
    long lo = r == null ? Integer.MIN_VALUE : r.lo();
    long hi = r == null ? Integer.MAX_VALUE : r.hi();
    Comparison effective = holds ? cmp : switch (cmp) {
      case LT -> Comparison.GE;
      case LE -> Comparison.GT;
      case GT -> Comparison.LE;
      case GE -> Comparison.LT;
      case EQ -> Comparison.NE;
      case NE -> Comparison.EQ;
    };
    switch (effective) {
      case LT -> hi = Math.min(hi, c - 1);
      case LE -> hi = Math.min(hi, c);
      case GT -> lo = Math.max(lo, c + 1);
      case GE -> lo = Math.max(lo, c);
      case EQ -> {
        lo = Math.max(lo, c);
        hi = Math.min(hi, c);
      }
      case NE -> {
        if (lo == hi && lo == c) return null;
      }
    }
    return lo <= hi ? new Boxes.Range(lo, hi) : null;
  }

  /** The smallest range holding both. */
  public static Boxes.Range hull(Boxes.Range a, Boxes.Range b) {
    return new Boxes.Range(Math.min(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
  }

  /**
   * A value bounded by an instance field: the field's own value ({@code start} null,
   * {@code hiOffset} 0), or the index of a counted loop that starts at the constant {@code start}
   * and steps by one up to the field ({@code for (n = 0; n < b; n++)}: {@code hiOffset} -1; with
   * {@code <=}: 0). Its values are {@code start..hi(field) + hiOffset} once {@code fieldRange} is
   * proven ({@link #apply}).
   *
   * @param field the field
   * @param text how the source writes the read ({@code b}, {@code this.b}), for messages
   * @param fieldRange the field's proven values, null while not proven
   */
  public record Bound(FieldRef field, String text, Long start, long hiOffset, Boxes.Range fieldRange) {
    /** The values the bounded value takes, or null when the field's range is not proven or no value is possible. */
    public Boxes.Range values() {
      if (fieldRange == null) return null;
      long lo = start == null ? fieldRange.lo() : start;
      long hi = fieldRange.hi() + hiOffset;
      return lo <= hi ? new Boxes.Range(lo, hi) : null;
    }

    /** At most how many iterations a loop bounded by it runs, or null when the field's range is not proven. */
    public Long maxTrips() {
      if (fieldRange == null || start == null) return null;
      return Math.max(0, fieldRange.hi() + hiOffset - start + 1);
    }

    /** {@code b in 0..5}: the range assumed, for messages. */
    public String assumed() {
      return text + " in " + fieldRange;
    }

    Bound proven(Boxes.Range r) {
      return new Bound(field, text, start, hiOffset, r);
    }
  }

  /** The proven range of every field of {@code program} that has one (see the class comment). */
  public static Map<FieldRef, Boxes.Range> of(Program program) {
    Set<String> constructed = new HashSet<>();
    for (MethodIR m : program.methods()) if (m.ref().isConstructor()) constructed.add(m.ref().owner());
    Set<String> partialNests = new HashSet<>();
    for (String c : program.partialClasses()) partialNests.add(nest(c));
    Map<FieldRef, Boxes.Range> ranges = new HashMap<>();
    Set<FieldRef> unproven = new HashSet<>();
    for (MethodIR m : program.methods()) {
      for (Write w : m.fieldWrites()) {
        FieldRef f = w.field();
        if (!w.sealed() || w.range() == null || !constructed.contains(f.owner()) || partialNests.contains(nest(f.owner()))) {
          unproven.add(f);
        } else {
          ranges.merge(f, hull(w.range(), new Boxes.Range(0, 0)), FieldRanges::hull);
        }
      }
    }
    ranges.keySet().removeAll(unproven);
    return ranges;
  }

  /** The top-level class of a binary name: its nest ({@code a.B$C} → {@code a.B}). */
  private static String nest(String binaryName) {
    int d = binaryName.indexOf('$', binaryName.lastIndexOf('.') + 1);
    return d < 0 ? binaryName : binaryName.substring(0, d);
  }

  /**
   * {@code program} with the proven field ranges ({@link #of}) filled into every {@link Bound} its
   * loops and boxes carry, and a box's {@link AllocSite.Boxing#range()} set to its bound's values
   * when it had none. Both front ends call it on the program they built.
   */
  public static Program apply(Program program) {
    Map<FieldRef, Boxes.Range> ranges = of(program);
    if (ranges.isEmpty()) return program;
    List<MethodIR> out = new ArrayList<>(program.methods().size());
    boolean changed = false;
    for (MethodIR m : program.methods()) {
      MethodIR n = apply(m, ranges);
      changed |= n != m;
      out.add(n);
    }
    return changed ? program.withSameClasses(out) : program;
  }

  private static MethodIR apply(MethodIR m, Map<FieldRef, Boxes.Range> ranges) {
    List<Loop> loops = null;
    for (int i = 0; i < m.loops().size(); i++) {
      Loop l = m.loops().get(i);
      Boxes.Range r = l.indexBound() == null ? null : ranges.get(l.indexBound().field());
      if (r == null) continue;
      if (loops == null) loops = new ArrayList<>(m.loops());
      loops.set(i, l.withIndexBound(l.indexBound().proven(r)));
    }
    Map<AllocSite, AllocSite> sites = new HashMap<>();
    for (AllocSite s : m.sites()) {
      if (!(s.details() instanceof AllocSite.Boxing b) || b.bound() == null) continue;
      Boxes.Range r = ranges.get(b.bound().field());
      if (r == null) continue;
      Bound proven = b.bound().proven(r);
      Boxes.Range range = b.range() != null ? b.range() : proven.values();
      sites.put(s, new AllocSite(s.id(), s.kind(), s.type(), s.ctx(),
          new AllocSite.Boxing(b.primitive(), b.constant(), range, b.value(), b.loopInvariant(), proven, b.unboxedFrom())));
    }
    if (loops == null && sites.isEmpty()) return m;
    return m.withFieldRanges(loops == null ? m.loops() : loops, sites);
  }
}
