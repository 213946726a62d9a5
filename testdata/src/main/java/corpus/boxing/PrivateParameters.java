package corpus.boxing;

/**
 * A box that a parameter requires is the project's to remove when the method is private and the
 * parameter is declared with the box's own type (docs/design.md, "Boxing"): its callers are all in
 * this file, so `record(Double)` can become `record(double)`. A public method's parameter, or one
 * declared Object, is the signature: forced (information at -m=2).
 */
final class PrivateParameters {
  private double total;
  private int seen;

  private void record(Double value) {
    total += value;
    seen++;
  }

  /** A sample per iteration, handed to a private helper that takes a Double (HdrHistogram's log processor). */
  void recordAll(double[] samples) {
    for (double s : samples) {
      record(s); // expect: BoxingAllocation
    }
  }

  public void publish(Double value) {
    total += value;
  }

  void publishAll(double[] samples) {
    for (double s : samples) {
      publish(s); // ok: BoxingAllocation -- forced: publish is public, so its Double is the signature, and s changes (information at -m=2)
    }
  }

  private void recordAny(Object value) {
    if (value instanceof Double d) total += d;
  }

  void recordAllAny(double[] samples) {
    for (double s : samples) {
      recordAny(s); // ok: BoxingAllocation -- forced: the parameter is an Object, which any value may be
    }
  }
}
