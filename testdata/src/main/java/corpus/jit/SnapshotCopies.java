// corpus-rules: NotScalarReplaced
package corpus.jit;

import java.util.Arrays;

/**
 * Snapshots of small settings tables taken as array copies: {@code clone()},
 * {@code Arrays.copyOf} and {@code Arrays.copyOfRange}. None of the copies escapes; C2 allocates the
 * copy anyway when its length is not a compile-time constant (a parameter, an array of unknown
 * length cloned) or is above 64, and scalar-replaces it otherwise: the length of a static final
 * table is a constant to C2, as is that of an array the method creates with a constant length.
 */
final class SnapshotCopies {
  private static final int[] DEFAULTS = {3, 1, 4, 1, 5, 9, 2, 6};
  private static final int[] HISTOGRAM = new int[100];
  private static int[] current = {2, 7, 1, 8};

  private SnapshotCopies() {}

  static int cloneDefaults(int bias) {
    int[] c = DEFAULTS.clone(); // ok: NotScalarReplaced -- a static final table: C2 knows its length, 8
    c[0] += bias;
    return c[0] + c[7];
  }

  static int cloneGiven(int[] given, int bias) {
    int[] c = given.clone(); // expect: NotScalarReplaced(its copy: its length given.length is not a constant)
    c[0] += bias;
    return c[0] + c[1];
  }

  static int cloneLocal(int bias) {
    int[] pair = new int[2]; // expect: NotScalarReplaced(Object.clone: native)
    pair[0] = bias;
    int[] c = pair.clone(); // ok: NotScalarReplaced -- cloned from an array of constant length made here
    c[1] = bias;
    return c[0] + c[1];
  }

  static int cloneHistogram(int bias) {
    int[] c = HISTOGRAM.clone(); // expect: NotScalarReplaced(above 64)
    c[0] += bias;
    return c[0] + c[99];
  }

  static int cloneCurrent(int bias) {
    int[] c = current.clone(); // expect: NotScalarReplaced(not a constant)
    c[0] += bias;
    return c[0] + c[3];
  }

  static int firstFour(int bias) {
    int[] d = Arrays.copyOf(DEFAULTS, 4); // ok: NotScalarReplaced -- new length 4 is a constant
    d[0] += bias;
    return d[0] + d[3];
  }

  static int firstN(int n, int bias) {
    int[] d = Arrays.copyOf(DEFAULTS, n); // expect: NotScalarReplaced(its copy: its length n is not a constant)
    d[0] += bias;
    return d[0] + d[1];
  }

  static int middle(int bias) {
    int[] d = Arrays.copyOfRange(DEFAULTS, 2, 5); // ok: NotScalarReplaced -- bounds 2 and 5 are constants: length 3
    d[0] += bias;
    return d[0] + d[2];
  }

  static int upTo(int to, int bias) {
    int[] d = Arrays.copyOfRange(DEFAULTS, 2, to); // expect: NotScalarReplaced(not a constant)
    d[0] += bias;
    return d[0] + d[1];
  }

  static int summed(int bias) {
    int[] d = Arrays.copyOf(DEFAULTS, 4); // expect: NotScalarReplaced(index)
    int sum = bias;
    for (int i = 0; i < d.length; i++) {
      sum += d[i];
    }
    return sum;
  }

  static int[] kept(int n) {
    return Arrays.copyOf(DEFAULTS, n); // ok: NotScalarReplaced -- the copy is returned: it escapes (HeapEscape's)
  }
}
