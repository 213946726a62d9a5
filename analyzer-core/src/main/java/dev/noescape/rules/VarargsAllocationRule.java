package dev.noescape.rules;

import dev.noescape.ir.BinaryNames;
import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Reason;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.ir.SiteKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code VarargsAllocation} (warning): the implicit array of a variable-arity call, inside a loop or
 * a hot method.
 *
 * <p><b>Reports</b> every call that javac resolved to the variable-arity form, including one that
 * passes no variable arguments (it allocates an empty array every time):
 *
 * <pre>
 *   varargs call to String.format allocates a new Object[2] and 1 box (int) on every iteration of the loop (line 14): create one array before the loop and refill it on each iteration (the boxes remain: the array holds objects)
 *   varargs call to Log.debug allocates an empty Object[] in hot method Engine.match: pass a shared empty array constant
 * </pre>
 *
 * <p><b>Advice</b> in the message ({@link #advice}): a shared empty array constant when the call
 * passes no variable arguments, else one reused array, on the condition that the callee does not
 * keep it when its summary (or the lack of one) says it may; never a reused array for a logger's
 * method, whose back end may keep it ({@link Keeper#LOGGER}). The boxes the array holds are part of
 * the finding ({@link VarargsBoxes}).
 *
 * <p><b>Stays quiet</b> about calls that pass an existing array or resolve to a fixed-arity
 * overload (no site), and, unless {@link RuleContext#reportOutsideLoops()}, about calls outside
 * loops and hot methods. A call whose callee's own work dwarfs the array ({@link CostlyCalls}:
 * {@code PrintStream.printf}, {@code Files.write}, {@code Method.invoke}) is information, not a
 * warning ({@link #notAWarningHere}).
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.VarargsAllocationDoc}.
 */
public final class VarargsAllocationRule extends LoopGatedSiteRule {
  public VarargsAllocationRule() {
    super(RuleId.VARARGS_ALLOCATION, s -> s.kind() == SiteKind.VARARGS_ARRAY);
  }

  @Override
  String message(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    String callee = "a variable-arity method";
    int count = -1;
    if (s.details() instanceof AllocSite.Varargs v) {
      if (v.callee() != null) callee = v.callee().displayName();
      count = v.elementCount();
    }
    List<AllocSite> boxes = VarargsBoxes.byCall(m).getOrDefault(s.id(), List.of());
    return "varargs call to " + callee + " allocates " + arrayText(s.simpleType(), count) + boxesText(boxes) + " "
        + RuleSupport.where(m, s, context) + ": "
        + advice(callee, count, keeper(result, s), onlyImplementation(m, s, context), s, boxes);
  }

  /**
   * The one implementation in the program of the open call that receives the array, when the C2
   * model bound the call to it by class hierarchy analysis and found that it does not keep the
   * array ({@link RuntimePrediction.ColdUse.Kind#CLASS_HIERARCHY}); else null. Only an override
   * outside the program could keep it then, which the advice says instead of "it has no summary".
   */
  static String onlyImplementation(MethodIR m, AllocSite s, RuleContext context) {
    RuntimePrediction p = context.predictions().get(m.ref(), s.id());
    RuntimePrediction.ColdUse use = p == null ? null : p.coldUse();
    return use != null && use.kind() == RuntimePrediction.ColdUse.Kind.CLASS_HIERARCHY ? use.method() : null;
  }

  /**
   * How many times more objects than the array (and its boxes) a callee must allocate on every call
   * for the array to be a small part of the call ({@link CallAllocations}).
   */
  static final int DWARFED = 3;

  /**
   * Not a warning when the callee's own work on every call dwarfs the array: formatting and writing
   * output, file-system I/O, reflection ({@link CostlyCalls}), or allocating at least
   * {@link #DWARFED} times as many objects as the array and its boxes ({@link CallAllocations}: the
   * project's own {@code emit(String, Object...)} that builds a code block per call). What the loop
   * pays for is the call; reusing the array would save a small part of it.
   */
  @Override
  String notAWarningHere(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    if (!(s.details() instanceof AllocSite.Varargs v)) return null;
    List<AllocSite> boxes = VarargsBoxes.byCall(m).getOrDefault(s.id(), List.of());
    String array = boxes.isEmpty() ? "the array" : "the array and its boxes";
    CostlyCalls.Kind kind = CostlyCalls.kind(v.callee());
    if (kind != null) {
      String what = switch (kind) {
        case OUTPUT -> "formats its arguments and writes them out on every call";
        case IO -> "does file-system I/O on every call";
        case REFLECTION -> "is a reflective call (access and argument checks, an indirect call)";
      };
      return v.callee().displayName() + " " + what + ", which costs far more than " + array;
    }
    if (v.callee() == null) return null;
    CallAllocations.Floor floor = context.callAllocations().ofVarargsCall(m, s);
    if (floor.objects() < DWARFED * (1 + boxes.size())) return null;
    return v.callee().displayName() + " allocates at least " + floor.objects() + " objects on every call (the first: "
        + floor.first() + "), far more than " + array;
  }

  /** Whether the callee keeps the array, as the engine knows it. */
  enum Keeper {
    /** The array does not escape the call: one array can be reused. */
    NO,
    /**
     * The callee's summary lets the array escape. Summaries are may-facts (computed ones are
     * conservative: a callee that only formats its arguments on failure can get one), so this is
     * "may keep", never "keeps".
     */
    SUMMARY,
    /** The callee has no summary (unknown code, open dispatch): it may keep it. */
    UNKNOWN,
    /**
     * The array escapes into a logger's method ({@link #isLogger}): the back end chosen
     * at run time may keep it (logback's {@code LoggingEvent} holds the
     * argument array; an asynchronous appender queues the event), so reusing it is never advised.
     */
    LOGGER
  }

  /**
   * {@link Keeper#NO} when the array does not escape; else {@link Keeper#LOGGER} for a logger's
   * method (the program's own logger whose body keeps nothing stays {@code NO}: what may keep it is
   * a back end the engine does not see); else whether a summary or its absence says it may.
   */
  static Keeper keeper(MethodResult result, AllocSite s) {
    SiteResult sr = RuleSupport.siteResult(result, s);
    if (sr == null || sr.state() != EscapeState.GLOBAL_ESCAPE) return Keeper.NO;
    if (s.details() instanceof AllocSite.Varargs v && v.callee() != null && isLogger(v.callee().owner())) {
      return Keeper.LOGGER;
    }
    Reason first = sr.chain().isEmpty() ? null : sr.chain().get(0);
    return first != null && first.kind() == Reason.Kind.PASSED_TO_UNKNOWN ? Keeper.UNKNOWN : Keeper.SUMMARY;
  }

  /**
   * Whether {@code owner} is a logger: a class the logging level checks name ({@code
   * models/logging-guards}, its first column: a binary name, or {@code *Suffix} for any class whose
   * simple name ends with it). Its variable-arity methods hand the array to the logging back end.
   */
  static boolean isLogger(String owner) {
    for (String k : LOGGERS) if (BinaryNames.matches(k, owner)) return true;
    return false;
  }

  private static final java.util.Set<String> LOGGERS = loggers();

  private static java.util.Set<String> loggers() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String[] row : ModelFiles.rows("/dev/noescape/models/logging-guards")) out.add(row[0]);
    return java.util.Collections.unmodifiableSet(out);
  }

  /**
   * The change that removes the array: a shared empty constant for an empty array (it has no state
   * to share, so even a keeping callee may get it), else one reused array — hoisted out of the
   * loop only when the call runs on every iteration (hoisting a call under an {@code if} would
   * allocate on paths that allocated nothing), and on the condition that the callee does not keep
   * it when the engine cannot rule that out. When the callee is open to overrides but its one
   * implementation in the program does not keep the array ({@code onlyImplementation}, else null),
   * the condition names that: only an override outside the program could keep it.
   *
   * <p>Never "call a fixed-arity overload": javac takes the variable-arity form only when no
   * fixed-arity method is applicable to the arguments (JLS 15.12.2.2–4), so for these arguments
   * there is none to call ({@code String.format}, {@code Method.invoke} have none at all).
   */
  static String advice(String callee, int count, Keeper keeper, String onlyImplementation, AllocSite s,
      List<AllocSite> boxes) {
    if (count == 0) return "pass a shared empty array constant";
    String reuse = s.loopDepth() > 0 && s.ctx().oncePerIteration()
        ? "create one array before the loop and refill it on each iteration" : "reuse one array, created on first use";
    String boxesStay = boxes.isEmpty() ? "" : " (the boxes remain: the array holds objects)";
    if (keeper == Keeper.UNKNOWN && onlyImplementation != null) {
      // open dispatch whose one body in the program does not keep it: the condition is an override elsewhere
      return callee + " may keep the array only in an override outside the program (its one implementation here, "
          + onlyImplementation + ", does not); if none does, " + reuse + boxesStay;
    }
    if (keeper == Keeper.LOGGER) {
      return callee + " hands the array to the logging back end, which may keep it (logback's LoggingEvent holds it, an"
          + " asynchronous appender queues it): do not reuse it";
    }
    return switch (keeper) {
      case NO -> reuse + boxesStay;
      case LOGGER -> throw new AssertionError(keeper);
      case SUMMARY, UNKNOWN -> callee + " may keep the array ("
          + (keeper == Keeper.UNKNOWN ? "it has no summary" : "its summary lets it escape") + "); if it does not, "
          + reuse + boxesStay;
    };
  }

  /** {@code " and 2 boxes (int, char)"} for the boxed arguments of the call, or {@code ""}. */
  static String boxesText(List<AllocSite> boxes) {
    if (boxes.isEmpty()) return "";
    List<String> primitives = new ArrayList<>();
    for (AllocSite b : boxes) primitives.add(BoxingAllocationRule.primitive(b));
    return " and " + (boxes.size() == 1 ? "1 box" : boxes.size() + " boxes") + " (" + String.join(", ", primitives) + ")";
  }

  /** {@code a new Object[2]}, {@code an empty Object[]}, or {@code a new Object[]} when the count is unknown. */
  static String arrayText(String arrayType, int count) {
    String t = arrayType.endsWith("[]") ? arrayType : arrayType + "[]";
    if (count == 0) return "an empty " + t;
    if (count < 0) return "a new " + t;
    int i = t.indexOf("[]");
    return "a new " + t.substring(0, i) + "[" + count + "]" + t.substring(i + 2);
  }
}
