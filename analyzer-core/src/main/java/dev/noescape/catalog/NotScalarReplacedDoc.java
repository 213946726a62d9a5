package dev.noescape.catalog;

import java.util.List;

/**
 * The declaration of {@code NotScalarReplaced}: see {@link RuleDoc} for what each part is for. The
 * model behind it, its conditions and their measured agreement with HotSpot: {@code docs/jit-model.md}.
 */
public final class NotScalarReplacedDoc {
  private NotScalarReplacedDoc() {}

  public static final String ID = "NotScalarReplaced";

  public static final String SUMMARY = "An allocation does not escape, but HotSpot C2 will still allocate it";

  public static final String EXPLANATION = """
      Reports an allocation whose object does not escape its method (`NoEscape` or `ArgEscape`) but which HotSpot's \
      C2 compiler is predicted to allocate on the heap anyway, and says why: `new int[n] does not escape, but C2 \
      will still allocate it: its length is not a constant (C2 scalar-replaces arrays of constant length ≤ 64)`. \
      "Does not escape" is not "is not allocated": C2 removes a non-escaping object only when the array length is \
      a constant of at most 64, every element access uses a constant index, the object is not carried across loop \
      iterations or merged at a join C2 cannot reduce, its class is ordinary (no finalizer, not a `Thread`, \
      `Reference` or `Throwable`, at most 512 fields), and every call that receives it is inlined (not too large, \
      too deep, recursive, native or megamorphic). The prediction targets the JDK the code is compiled for, or the \
      one named by the option; the message says which. The copy an array copy call makes (`a.clone()`, \
      `Arrays.copyOf`, `Arrays.copyOfRange`) is reported at the call, by the same conditions: `Arrays.copyOf(src, \
      n) does not escape, but C2 will still allocate its copy: its length n is not a constant`. The model, each \
      condition's HotSpot source and its measured agreement: docs/jit-model.md.

      With verbosity 2 the sites C2 is predicted to remove are listed too, as `does not escape (scalar-replaced by \
      C2)`. JSON and SARIF reports carry the prediction (`runtime.prediction`, `runtime.condition`) on every \
      finding about an allocation site or a copy.

      ## Why it matters

      A latency engineer reading "does not escape" assumes the allocation is free. When C2 keeps it, it is a heap \
      allocation on every execution, which a profiler shows only after the fact. Knowing the condition tells what \
      to change.

      ## What to write instead

      Give C2 what it needs: a constant array size (`new int[8]`), constant indices, a buffer hoisted out of the \
      loop and reused, the fields of a loop-carried object as local variables, small methods on the path the \
      object takes.

      ## What stays quiet

      Allocations that escape (that is `HeapEscape`'s report), and allocations the model predicts C2 removes. It \
      is a prediction, not a measurement: call frequencies, profiles and deoptimization are not modelled.""";

  public static final String BEFORE = """
      double mean(double[] xs) {
        double[] acc = new double[2];      // its elements are updated in the loop
        for (double x : xs) { acc[0] += x; acc[1]++; }
        return acc[0] / acc[1];
      }""";

  public static final String AFTER = """
      double mean(double[] xs) {
        double sum = 0, count = 0;         // locals: nothing to allocate
        for (double x : xs) { sum += x; count++; }
        return sum / count;
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.INFO, SUMMARY, EXPLANATION, BEFORE, AFTER,
      List.of(RuleOption.VERBOSITY, RuleOption.JIT_JDK));
}
