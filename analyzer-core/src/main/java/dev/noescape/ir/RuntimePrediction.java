package dev.noescape.ir;

/**
 * What HotSpot C2 is predicted to do with one allocation site: allocate it on the heap, or
 * scalar-replace it (the model: {@code dev.noescape.jit}). Structure on a finding; the writers
 * render it ({@code runtime.prediction}, {@code runtime.condition}), nothing parses it back.
 *
 * @param heap true when C2 is predicted to allocate it
 * @param condition why ({@link C2Condition#NONE} when scalar-replaced)
 * @param detail what the condition is about, for messages, or null: the call not inlined and why
 *     ({@code Opaque.consume: native}), the length ({@code n}), the merge's line
 * @param jdk the JDK release whose C2 the prediction is for
 */
public record RuntimePrediction(boolean heap, C2Condition condition, String detail, int jdk) {
  /** {@code heap} or {@code scalar-replaced}: the JSON and SARIF value. */
  public String label() {
    return heap ? "heap" : "scalar-replaced";
  }
}
