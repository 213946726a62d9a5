package dev.noescape.profile;

/**
 * What a model of the JIT predicts for an allocation the engine proves does not escape: whether
 * HotSpot C2 still puts it on the heap, and the condition why ({@code the array length is not a
 * constant}). The escape verdict alone cannot say: "does not escape" is necessary, not sufficient,
 * for scalar replacement.
 *
 * @param outcome heap or scalar-replaced
 * @param condition the C2 condition in words, or null when the model gives none
 */
public record RuntimePrediction(Outcome outcome, String condition) {
  public enum Outcome {
    HEAP,
    SCALAR_REPLACED
  }
}
