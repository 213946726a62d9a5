// corpus-rules: AllocationContract
package corpus.contract;

/** Helpers in another file of the package: the javac front end sees them only as calls. */
final class Pricing {
  private Pricing() {}

  static long spread(long a, long b) {
    long[] pair = {a, b};
    return pair[1] - pair[0];
  }

  static long half(long a) {
    return a / 2;
  }
}
