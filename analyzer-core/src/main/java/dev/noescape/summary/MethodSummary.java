package dev.noescape.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The escape behaviour of a method as its callers see it.
 *
 * @param params one tag per summary slot ({@code this} or the new object first for instance
 *     methods and constructors, then the declared parameters)
 * @param freshReturn the returned reference, when not null, is an object allocated during the call
 *     and reachable from nowhere else once the call returns ({@code new}, {@code toString()},
 *     {@code List.copyOf}); false when it may be a pre-existing object (a cached value, a field,
 *     an element of a parameter)
 * @param allocates whether the call may allocate on the heap
 * @param origin where the summary came from: {@code model} (hand-checked), {@code generated} (from a
 *     JDK body by the generator), {@code computed}, {@code unknown}
 * @param neverReturns the call never returns normally: every path through the method ends in a
 *     {@code throw} or in a call that never returns normally ({@code dev.noescape.ir.ThrowFlow},
 *     decided bottom-up by the engine); an endless loop does not count. False when not known
 */
public record MethodSummary(List<ParamTag> params, boolean freshReturn, Allocates allocates, String origin,
    boolean neverReturns) {
  public MethodSummary {
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  /** A summary of a method that may return normally. */
  public MethodSummary(List<ParamTag> params, boolean freshReturn, Allocates allocates, String origin) {
    this(params, freshReturn, allocates, origin, false);
  }

  /** The same summary with {@link #neverReturns()} set to {@code never}. */
  public MethodSummary withNeverReturns(boolean never) {
    return never == neverReturns ? this : new MethodSummary(params, freshReturn, allocates, origin, never);
  }

  /** The same summary from another origin. */
  public MethodSummary withOrigin(String o) {
    return o.equals(origin) ? this : new MethodSummary(params, freshReturn, allocates, o, neverReturns);
  }

  /** The conservative summary: every slot escapes, the result may be anything, may allocate. */
  public static MethodSummary unknown(int slots) {
    return new MethodSummary(Collections.nCopies(slots, ParamTag.GLOBAL), false, Allocates.UNKNOWN, "unknown");
  }

  public ParamTag param(int slot) {
    return slot < params.size() ? params.get(slot) : ParamTag.GLOBAL;
  }

  public boolean isUnknown() {
    return "unknown".equals(origin);
  }

  /** Whether it is a hand-checked model's. */
  public boolean isModel() {
    return MODEL.equals(origin);
  }

  /** Whether it was generated from one JDK body ({@code JdkSummaries}). */
  public boolean isGenerated() {
    return GENERATED.equals(origin);
  }

  /** The origins of hand-checked models and of generated JDK summaries. */
  public static final String MODEL = "model", GENERATED = "generated";

  /** Least upper bound over two possible targets of one call (same slot count). */
  public MethodSummary join(MethodSummary o) {
    int n = Math.max(params.size(), o.params.size());
    List<ParamTag> p = new ArrayList<>(n);
    for (int i = 0; i < n; i++) p.add(param(i).join(o.param(i)));
    String orig = origin.equals(o.origin) ? origin : origin + "+" + o.origin;
    // a call never returns only when none of its possible targets does
    return new MethodSummary(p, freshReturn && o.freshReturn, allocates.join(o.allocates), orig,
        neverReturns && o.neverReturns);
  }
}
