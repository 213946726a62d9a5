package dev.noescape.ir;

import java.util.List;
import java.util.Map;

/**
 * Boxing, decided in one place for both front ends, the rules and the source mapping: which
 * conversion is one, to which box, and which boxes never allocate.
 *
 * <ul>
 *   <li>A boxing conversion is an implicit conversion of a primitive to a reference type, or an
 *       explicit call of the box class's static {@code valueOf(primitive)} ({@link #isValueOf};
 *       bytecode shows both as that call). An assignment of a constant to a box of a narrower type
 *       ({@code Character c = 65; Short s = 1}) narrows first, then boxes to the target
 *       ({@link #boxFor}).
 *   <li>It allocates unless {@code valueOf} returns a cached instance ({@link #neverAllocates}):
 *       every {@code Boolean} and {@code Byte}; a compile-time constant in −128..127 for
 *       {@code Integer}, {@code Short} and {@code Long}, in 0..127 for {@code Character} (the
 *       caches the JLS requires; {@code -XX:AutoBoxCacheMax} may make the {@code Integer} one larger
 *       at run time, which the analysis does not assume). {@code Float} and {@code Double} have no
 *       cache. A value that is not a compile-time constant is assumed to allocate, unless a front end
 *       proved its {@link Range} inside the cache (a loop index {@code 0..12}).
 *   <li>A boxed value is loop-invariant ({@link AllocSite.Boxing#loopInvariant()}) when it is the
 *       same on every iteration of the site's innermost loop, which both front ends decide alike: a
 *       compile-time constant; a local variable or parameter that no statement inside the loop
 *       assigns (a variable declared inside the loop is assigned on every iteration); or arithmetic
 *       (binary operators, negation, complement, casts) on such values. Nothing else is: a field or
 *       an array element (the loop, or a call in it, may write it), a call's result, a conditional
 *       expression, an increment. Kept that simple so that it is sound: a value that can change is
 *       never said to be invariant, and "box it once before the loop" is advice only where it works.
 * </ul>
 */
public final class Boxes {
  private Boxes() {}

  private static final Map<String, String> BOX = Map.of(
      "boolean", "java.lang.Boolean", "byte", "java.lang.Byte", "char", "java.lang.Character",
      "short", "java.lang.Short", "int", "java.lang.Integer", "long", "java.lang.Long",
      "float", "java.lang.Float", "double", "java.lang.Double");

  private static final Map<String, String> PRIMITIVE = Map.of(
      "java.lang.Boolean", "boolean", "java.lang.Byte", "byte", "java.lang.Character", "char",
      "java.lang.Short", "short", "java.lang.Integer", "int", "java.lang.Long", "long",
      "java.lang.Float", "float", "java.lang.Double", "double");

  /** The box class of a primitive type name ({@code int} → {@code java.lang.Integer}), or null. */
  public static String boxOf(String primitive) {
    return BOX.get(primitive);
  }

  /** The primitive type a box class holds ({@code java.lang.Integer} → {@code int}), or null. */
  public static String primitiveOf(String box) {
    return PRIMITIVE.get(box);
  }

  /**
   * The box that a primitive {@code from} becomes when converted to {@code target} (a reference
   * type's binary name, or null when unknown) and the primitive it holds: the target itself when
   * it is a box (a constant narrowed to it first), else {@code from}'s own box.
   *
   * @return {@code [primitive, box]}
   */
  public static List<String> boxFor(String from, String target) {
    String unboxed = target == null ? null : primitiveOf(target);
    return unboxed != null ? List.of(unboxed, target) : List.of(from, boxOf(from));
  }

  /** Whether {@code owner.name(paramTypes)} (static or not) is a box class's {@code valueOf} of its own primitive. */
  public static boolean isValueOf(String owner, String name, List<String> paramTypes, boolean isStatic) {
    return isStatic && name.equals("valueOf") && paramTypes.size() == 1 && owner.equals(boxOf(paramTypes.get(0)));
  }

  /**
   * Whether boxing into {@code box} (a binary name) never allocates: always for {@code Boolean}
   * and {@code Byte}; for a compile-time {@code constant} (a {@code char} as its code; null when
   * not constant) inside the box's {@code valueOf} cache.
   */
  public static boolean neverAllocates(String box, Long constant) {
    return neverAllocates(box, constant, null);
  }

  /**
   * {@link #neverAllocates(String, Long)}, or when the value is not constant, whether every value
   * of its proven {@code range} (null when none) is inside the cache.
   */
  public static boolean neverAllocates(String box, Long constant, Range range) {
    if ("java.lang.Boolean".equals(box) || "java.lang.Byte".equals(box)) return true;
    if (box == null) return false;
    if (constant != null) return cached(box, constant);
    return range != null && cached(box, range.lo()) && cached(box, range.hi());
  }

  private static boolean cached(String box, long v) {
    return switch (box) {
      case "java.lang.Integer", "java.lang.Short", "java.lang.Long" -> v >= -128 && v <= 127;
      case "java.lang.Character" -> v >= 0 && v <= 127;
      default -> false;
    };
  }

  /**
   * Whether boxing into {@code box} can hit a cache at all for a value that is not a compile-time
   * constant: not for {@code Float} and {@code Double} (no cache: every box allocates).
   */
  public static boolean hasCache(String box) {
    return !"java.lang.Float".equals(box) && !"java.lang.Double".equals(box);
  }

  /**
   * The values {@code valueOf} of {@code box} returns from its cache without allocating
   * ({@code -128..127}, {@code 0..127} for {@code Character}), or null when it has none; every
   * {@code Boolean} and {@code Byte} is cached ({@link #neverAllocates}).
   */
  public static Range cache(String box) {
    if (box == null) return null;
    return switch (box) {
      case "java.lang.Integer", "java.lang.Short", "java.lang.Long" -> new Range(-128, 127);
      case "java.lang.Character" -> new Range(0, 127);
      default -> null;
    };
  }

  /**
   * Which value a boxing boxes, as a front end names it, so that two boxes of the same value in one
   * method can be recognised: equal values are the same value at run time when the two boxes run in
   * the same loop iteration. {@code version} is opaque: a front end changes it whenever the variable
   * (for a field read: the field, or the local its receiver is read from) may have been written
   * since the previous box in program order. A field read may still change through a call between
   * the two boxes; the rules check that themselves ({@code kind} says which it is).
   *
   * @param kind what is boxed
   * @param text how the source writes it ({@code i}, {@code op.index}, {@code Double.NaN}), for messages
   * @param version the front end's token for "no write since"; for a constant, its value
   */
  public record Value(Kind kind, String text, String version) {
    public enum Kind {
      /** A local variable or parameter. */
      LOCAL,
      /** A field read, instance ({@code op.index}, {@code count}) or static. */
      FIELD,
      /** A compile-time constant ({@code Double.NaN}, {@code 1e9}, {@code 1000}). */
      CONSTANT
    }
  }

  /**
   * The values a boxed integral expression can take, when a front end proves them: {@code lo..hi},
   * both included. Today the index of a counted {@code for} whose start and bound are constants and
   * which the body does not assign ({@link #ofCountedLoop}); a {@code char} read from a string is
   * never given one (text is not assumed to be ASCII).
   */
  public record Range(long lo, long hi) {
    /** {@code 0..12}: how messages write it. */
    @Override
    public String toString() {
      return lo + ".." + hi;
    }

    /**
     * The values every value of the primitive type {@code primitive} takes, when that alone keeps
     * some box inside its cache, else null: a {@code byte} widened to an {@code int} or {@code long}
     * ({@code Integer.valueOf(bytes[i])}) is always within -128..127, whatever it was read from. No
     * other type is: a {@code short} or {@code char} spans more than a cache, a {@code boolean} and
     * a {@code byte} box into {@code Boolean} and {@code Byte}, whose every value is cached anyway.
     */
    public static Range ofType(String primitive) {
      return "byte".equals(primitive) ? BYTE : null;
    }

    private static final Range BYTE = new Range(Byte.MIN_VALUE, Byte.MAX_VALUE);

    /**
     * The values the index takes in the body of {@code for (i = start; i OP bound; i += step)}
     * (both ends constants; {@code step} nonzero, negative for a decrementing loop;
     * {@code inclusive} for {@code <=}/{@code >=}), or null when the loop runs no iteration.
     */
    public static Range ofCountedLoop(long start, long bound, long step, boolean inclusive) {
      long lo = step > 0 ? start : bound + (inclusive ? 0 : 1);
      long hi = step > 0 ? bound - (inclusive ? 0 : 1) : start;
      return lo <= hi ? new Range(lo, hi) : null;
    }
  }
}
